#!/usr/bin/env bash
# Runs the benchmark suite: packages the bridge, installs the Node baseline from npm, then starts
# Redis, the Plasmic emulator, the bridge and the baseline on 127.0.0.1 and prints one table.
# Options are passed to bench/run.mjs; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java node npm wrk redis-server; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is missing; install it (Debian: apt-get install -y wrk redis-server)" >&2
    exit 2
  fi
done

./mvnw -q -B package -DskipTests
(cd bench/baseline && npm ci --no-audit --no-fund --silent)
exec node bench/run.mjs "$@"
