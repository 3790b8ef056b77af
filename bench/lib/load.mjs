// Drives load with wrk through plan.lua and reads its one-line JSON result.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PLAN_SCRIPT = fileURLToPath(new URL('../wrk/plan.lua', import.meta.url));

/**
 * Runs wrk against `baseUrl` for `seconds` and returns its result. `plan` is a list of steps such as
 * {kind: 'exchange', pool: '/tmp/x/rs256.txt', weight: 3, once: false} or {kind: 'get', path: '/q/health/live'}.
 */
export async function runWrk(baseUrl, plan, { seconds, connections, threads }) {
  const spec = plan
    .map((step) => [step.kind, step.pool ?? step.path, step.weight ?? 1, step.once ? 'once' : ''].join('|'))
    .join(';');
  const args = [
    `-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', PLAN_SCRIPT, baseUrl,
  ];
  const env = { ...process.env, BENCH_PLAN: spec, BENCH_THREADS: String(threads) };
  const output = await new Promise((resolve, reject) => {
    execFile('wrk', args, { env, maxBuffer: 1 << 20, timeout: (seconds + 60) * 1000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`wrk failed (${error.message.split('\n')[0]}): ${stderr || stdout}`));
      } else {
        resolve(stdout);
      }
    });
  });
  const line = output.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
  if (!line) {
    throw new Error(`wrk printed no result line:\n${output}`);
  }
  const result = JSON.parse(line.slice('BENCH_RESULT '.length));
  result.throughput = result.requests / (result.durationUs / 1e6);
  return result;
}
