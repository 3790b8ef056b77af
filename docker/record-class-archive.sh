#!/bin/sh
# Records an AppCDS archive of the classes that the bridge loads while it starts, made by the JVM that
# runs this script. A training run starts the bridge with a throwaway app secret and the memory store
# on a free loopback port, and bridge.exit-after-start stops it as soon as it listens. A bridge started
# with -XX:SharedArchiveFile=ARCHIVE then maps those classes instead of loading them.
#
# Usage, in the folder of quarkus-run.jar:  sh record-class-archive.sh ARCHIVE [JVM flag ...]
# Pass the JVM flags the bridge will run with; the Dockerfile and bench/run.mjs both use this script.
set -eu
archive=$1
shift
exec java "$@" "-XX:ArchiveClassesAtExit=$archive" \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -Dbridge.exit-after-start=true \
  -Dbridge.store.type=memory -Dbridge.apps.training.secret=training-run-secret-never-sent \
  -jar quarkus-run.jar
