// Runs the benchmark suite against an already packaged bridge; bench/run.sh builds it first.
// See bench/README.md for the scenarios and the options.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createKeys, writePool } from './lib/assertions.mjs';
import { callCountChecks } from './lib/checks.mjs';
import { postJson, runLimited } from './lib/client.mjs';
import { baselinePlasmicCalls, bridgePlasmicCalls, callsBetween } from './lib/counters.mjs';
import { runWrk } from './lib/load.mjs';
import { dockerfileEnv, dockerfileJvmFlags, machineState } from './lib/machine.mjs';
import { cpuSeconds, machineBusySeconds, residentMemory, stop, stopAll } from './lib/processes.mjs';
import { formatReport } from './lib/report.mjs';
import { SCENARIOS, jitWarmupPlan } from './lib/scenarios.mjs';
import { startBaseline, startBridge, startEmulator, startRedis } from './lib/stack.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARM_IDENTITIES = 100;
const WARM_POOL_SIZE = 2000;
// Assertions are signed before the load and must stay valid for the whole run, within the bridge's
// default max-lifetime of 1 h.
const ASSERTION_LIFETIME_SECONDS = 45 * 60;
// The second bridge's setting: every assertion's signature is checked, even when it came before.
const NO_SIGNATURE_CACHE = 'bridge.cache.verified-signatures=0';

const USAGE = `Usage: node bench/run.mjs [options]   (bench/run.sh packages the bridge first)
  --duration S          seconds of each measured run (default 10)
  --warmup S            seconds of warm-up before each measured run (default 3)
  --jit-warmup S        seconds of mixed load per server before its first scenario (default 30)
  --starts N            start the bridge N times before the load, 1.5 s apart, and judge start-up
                        by the median; the last start serves the load (default 1)
  --settle S            seconds the bridge idles after the load before its memory is read again (default 10)
  --connections N       wrk connections (default 64)
  --threads N           wrk threads (default 2)
  --only ID,ID          run only these scenarios: trivial, trivial-rest, warm-rs256, warm-es256,
                        warm-hs256, checked-rs256, checked-es256, new, verify, userinfo, mix
  --no-baseline         skip the Node baseline
  --new-rate N          requests/s to sign new-identity assertions for (default 10000)
  --jvm-flag FLAG       add a JVM flag after the Dockerfile's (repeatable)
  --profile DIR         record a JFR file per bridge scenario into DIR (figures then not comparable)
  --profile-settings F  JFR settings for --profile (default profile)
  --async-profiler LIB  with --profile: sample CPU with async-profiler (path to libasyncProfiler.so)
                        instead of JFR, one collapsed-stack file per bridge scenario
  --profile-event E     with --async-profiler: cpu (default) or alloc (sampled allocations, by size)
  --nmt                 save the bridge's native memory summary at the first memory reading, and after
                        the idle time its heap, metaspace and native memory summaries, its largest classes
                        on the heap and its mappings (pmap)
  --keep                keep the run's temporary folder (keys, pools, logs)`;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      'jit-warmup': { type: 'string', default: '30' },
      settle: { type: 'string', default: '10' },
      starts: { type: 'string', default: '1' },
      connections: { type: 'string', default: '64' },
      threads: { type: 'string', default: '2' },
      only: { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      'new-rate': { type: 'string', default: '10000' },
      'jvm-flag': { type: 'string', multiple: true, default: [] },
      profile: { type: 'string' },
      'profile-settings': { type: 'string', default: 'profile' },
      'async-profiler': { type: 'string' },
      'profile-event': { type: 'string', default: 'cpu' },
      nmt: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
  for (const name of ['duration', 'warmup', 'jit-warmup', 'settle', 'starts', 'connections', 'threads', 'new-rate']) {
    if (!/^\d+$/.test(options[name])) {
      throw new Error(`--${name} must be a whole number, got ${options[name]}`);
    }
  }
  if (!['cpu', 'alloc'].includes(options['profile-event'])) {
    throw new Error(`--profile-event must be cpu or alloc, got ${options['profile-event']}`);
  }
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const load = {
  seconds: Number(options.duration),
  warmup: Number(options.warmup),
  jitWarmup: Number(options['jit-warmup']),
  settle: Number(options.settle),
  starts: Math.max(1, Number(options.starts)),
  connections: Number(options.connections),
  threads: Number(options.threads),
};
const only = options.only ? new Set(options.only.split(',')) : null;
// Reactive call stacks are deeper than JFR's default of 64 frames.
// Without DebugNonSafepoints, samples of inlined code are attributed to the wrong method.
const profileFlags = options.profile
  ? ['-XX:FlightRecorderOptions:stackdepth=512', '-XX:+UnlockDiagnosticVMOptions', '-XX:+DebugNonSafepoints']
  : [];
const nmtFlags = options.nmt ? ['-XX:NativeMemoryTracking=summary'] : [];
const jvmFlags = [...dockerfileJvmFlags(join(ROOT, 'Dockerfile')), ...options['jvm-flag'], ...profileFlags, ...nmtFlags];
const jvmEnv = dockerfileEnv(join(ROOT, 'Dockerfile'));
const appDir = join(ROOT, 'target', 'quarkus-app');
const outDir = join(ROOT, 'target', 'bench');
const dir = mkdtempSync(join(tmpdir(), 'bridge-bench-'));

process.once('SIGINT', () => stopAll().finally(() => process.exit(130)));

try {
  await main();
} finally {
  await stopAll();
  if (!options.keep) {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const startedAt = new Date().toISOString();
  const machineBefore = machineState();
  const keys = createKeys(dir);
  const secret = randomBytes(24).toString('base64url');
  const appSecretFile = join(dir, 'app-secret');
  writeFileSync(appSecretFile, secret, { mode: 0o600 });

  const redis = await startRedis(dir);
  const emulator = await startEmulator(dir, appDir, appSecretFile, secret);
  const bridgeFlags = withClassArchive(jvmFlags, dir);
  const bridgeSettings = { redisPort: redis.port, emulator, keys, jvmFlags: bridgeFlags, env: jvmEnv };
  // A single start varies by 0.1 to 0.3 s on a shared machine. Earlier starts are only timed and
  // stopped, and the last one serves the load.
  const startsMs = [];
  const trialLogs = [];
  for (let trial = 1; trial < load.starts; trial++) {
    trialLogs.push(`bridge-start-${trial}.log`);
    const started = await startBridge(dir, appDir, { ...bridgeSettings, logName: trialLogs.at(-1) });
    startsMs.push(started.readyMs);
    log(`start ${trial} of ${load.starts}: ready in ${started.readyMs.toFixed(0)} ms`);
    await stop(started.child);
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const bridge = await startBridge(dir, appDir, bridgeSettings);
  startsMs.push(bridge.readyMs);
  log(`bridge ready in ${bridge.readyMs.toFixed(0)} ms at ${bridge.url}`);
  const wantsBaseline = !options['no-baseline'] && SCENARIOS.some((s) => selected(s) && s.servers.includes('node'));
  const baseline = wantsBaseline ? await startBaseline(dir, join(ROOT, 'bench', 'baseline'), { emulator, keys }) : null;
  const ownPids = [process.pid, redis.child.pid, emulator.child.pid, bridge.child.pid, baseline?.child.pid].filter(Boolean);

  const pools = await preparePools(keys, bridge.url);
  const scenarios = [];
  await warmUp('bridge', bridge.url, pools);
  if (baseline) {
    await warmUp('node', baseline.url, pools);
  }
  // Each scenario runs against the bridge and then at once against the baseline, so that both sides
  // of a ratio are measured within seconds of each other, however the machine's speed drifts.
  let baselineMemory = null;
  for (const scenario of SCENARIOS.filter(selected)) {
    if (scenario.servers.includes('bridge')) {
      scenarios.push(await measure(scenario, 'bridge', bridge, pools, () => bridgePlasmicCalls(bridge.url)));
    }
    if (baseline && scenario.servers.includes('node')) {
      scenarios.push(await measure(scenario, 'node', baseline, pools, () => baselinePlasmicCalls(baseline.url)));
      // Read right after each of the baseline's scenarios, so the last reading follows its last load.
      baselineMemory = residentMemory(baseline.child.pid);
    }
  }
  log('call-count checks');
  const checks = await callCountChecks(bridge.url, keys);
  const bridgeMemory = residentMemory(bridge.child.pid);
  const jcmd = (...command) => execFileSync('jcmd', [String(bridge.child.pid), ...command], { encoding: 'utf8' });
  if (options.nmt) {
    // Native memory at the moment of the first reading, before anything the JVM frees while idle.
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'native-memory-after-load.txt'), jcmd('VM.native_memory', 'summary'));
  }
  if (load.settle > 0) {
    log(`idle for ${load.settle} s, then memory again`);
    await new Promise((resolve) => setTimeout(resolve, load.settle * 1000));
    bridgeMemory.settledRssKib = residentMemory(bridge.child.pid).rssKib;
  }
  if (options.nmt) {
    // The class histogram collects the heap first, so it comes after every other reading.
    writeFileSync(join(outDir, 'native-memory.txt'), jcmd('GC.heap_info') + jcmd('VM.native_memory', 'summary')
      + jcmd('VM.metaspace') + jcmd('GC.class_histogram').split('\n').slice(0, 60).join('\n'));
    // The resident part of every mapping, which also shows what Native Memory Tracking does not see.
    writeFileSync(join(outDir, 'mappings.txt'), execFileSync('pmap', ['-x', String(bridge.child.pid)], { encoding: 'utf8' }));
    log('saved target/bench/native-memory.txt');
  }

  const checking = SCENARIOS.filter((s) => selected(s) && s.servers.includes('bridge-checking'));
  if (checking.length) {
    // A second bridge, started after the first one's readings and with it stopped, so that neither
    // shares the machine with the other.
    await stop(bridge.child);
    const second = await startBridge(dir, appDir, {
      ...bridgeSettings,
      jvmFlags: [...bridgeFlags, `-D${NO_SIGNATURE_CACHE}`],
      logName: 'bridge-checking.log',
    });
    ownPids.push(second.child.pid);
    log(`second bridge, with ${NO_SIGNATURE_CACHE}, ready at ${second.url}`);
    await warmUp('bridge-checking', second.url, pools);
    for (const scenario of checking) {
      scenarios.push(await measure(scenario, 'bridge-checking', second, pools, () => bridgePlasmicCalls(second.url)));
    }
  }

  const run = {
    startedAt,
    settings: `wrk -t${load.threads} -c${load.connections} -d${load.seconds}s after a ${load.jitWarmup} s JIT warm-up per server and a ${load.warmup} s warm-up per scenario`,
    machineBefore,
    machineAfter: machineState(ownPids),
    scenarios,
    checks,
    bridge: { readyMs: bridge.readyMs, startsMs, quarkusStartedMs: bridge.quarkusStartedMs, memory: bridgeMemory, jvmFlags, jvmEnv },
    baselineMemory,
    settleSeconds: load.settle,
  };
  const report = formatReport(run);
  console.log('\n' + report);
  mkdirSync(outDir, { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, '-');
  writeFileSync(join(outDir, `results-${stamp}.json`), JSON.stringify(run, null, 2));
  writeFileSync(join(outDir, `results-${stamp}.md`), report + '\n');
  for (const name of ['bridge.log', ...trialLogs, 'bridge-checking.log', 'emulator.log', 'baseline.log', 'redis.log']) {
    if (existsSync(join(dir, name))) {
      cpSync(join(dir, name), join(outDir, `${stamp}-${name}`));
    }
  }
  log(`saved target/bench/results-${stamp}.md and the servers' logs`);
}

/** Writes the warm pools, ensures the warm identities through the bridge and primes its verify cache. */
async function preparePools(keys, bridgeUrl) {
  const warmEmail = (i) => `warm-${i % WARM_IDENTITIES}@bench.example`;
  const warm = {};
  for (const alg of ['RS256', 'ES256', 'HS256']) {
    warm[alg] = writePool(join(dir, `warm-${alg}.txt`), keys, alg, WARM_POOL_SIZE, warmEmail, ASSERTION_LIFETIME_SECONDS);
  }
  const firstUses = readFileSync(warm.RS256, 'utf8').split('\n').slice(0, WARM_IDENTITIES);
  const sessions = await runLimited(WARM_IDENTITIES, 16, (i) => postJson(`${bridgeUrl}/v1/assertions`, { assertion: firstUses[i] }));
  const failed = sessions.filter((response) => response.status !== 200);
  if (failed.length) {
    throw new Error(`${failed.length} warm-up exchanges failed, the first with ${failed[0].status}: ${JSON.stringify(failed[0].body)}`);
  }
  const tokens = join(dir, 'tokens.txt');
  writeFileSync(tokens, sessions.map((response) => response.body.token).join('\n') + '\n');
  await runLimited(WARM_IDENTITIES, 16, (i) => postJson(`${bridgeUrl}/v1/verify`, { token: sessions[i].body.token }));

  const rate = Number(options['new-rate']);
  let freshCount = 0;
  return {
    warm,
    tokens,
    /** Writes a pool of assertions for identities that no server has seen, sized for `share` of the load. */
    fresh(name, share, phase) {
      const seconds = { jit: load.jitWarmup, warmup: load.warmup, measured: load.seconds }[phase];
      const count = Math.ceil(rate * share * seconds);
      const batch = ++freshCount;
      return writePool(join(dir, `new-${name}.txt`), keys, 'HS256', count,
        (i) => `new-${batch}-${i}-${name}@bench.example`, ASSERTION_LIFETIME_SECONDS);
    },
  };
}

/** Sends every kind of request to a server for --jit-warmup seconds, so that the JIT compiler has compiled the paths. */
async function warmUp(server, url, pools) {
  if (load.jitWarmup > 0) {
    log(`${server}: JIT warm-up for ${load.jitWarmup} s`);
    await runWrk(url, jitWarmupPlan(pools, server), { ...load, seconds: load.jitWarmup });
  }
}

/**
 * Runs one scenario against one server: a warm-up, then the measured run, during which it counts the
 * calls to Plasmic and the CPU time of the server's process.
 */
async function measure(scenario, server, target, pools, readCalls) {
  log(`${server}: ${scenario.label}`);
  if (load.warmup > 0) {
    await runWrk(target.url, scenario.plan(pools, server, 'warmup'), { ...load, seconds: load.warmup });
  }
  const plan = scenario.plan(pools, server, 'measured');
  const before = await readCalls();
  const recording = server !== 'node' && options.profile ? startRecording(target.child.pid, scenario.id) : null;
  const cpuBefore = cpuSeconds(target.child.pid);
  const machineBefore = machineBusySeconds();
  const result = await runWrk(target.url, plan, load);
  result.cpuUsPerRequest = ((cpuSeconds(target.child.pid) - cpuBefore) * 1e6) / result.requests;
  result.machineCpuUsPerRequest = ((machineBusySeconds() - machineBefore) * 1e6) / result.requests;
  if (recording) {
    recording.stop();
  }
  const calls = callsBetween(before, await readCalls());
  return { id: scenario.id, label: scenario.label, server, result, calls };
}

/**
 * Starts a profile of the bridge for one measured run: a JFR recording written to
 * --profile/<scenario>.jfr, or with --async-profiler, CPU samples written to
 * --profile/<scenario>.collapsed (one stack a line, for flame graph tools). The profiling costs CPU,
 * so figures of a profiled run are not comparable with others.
 */
function startRecording(pid, id) {
  mkdirSync(options.profile, { recursive: true });
  const jcmd = (...command) => execFileSync('jcmd', [String(pid), ...command], { stdio: 'ignore' });
  const library = options['async-profiler'];
  if (library) {
    const file = join(options.profile, `${id}.collapsed`);
    // jcmd would read the agent's name=value options as its own arguments unless they are quoted.
    const allocations = options['profile-event'] === 'alloc';
    const event = allocations ? 'event=alloc' : 'event=cpu,interval=1ms';
    jcmd('JVMTI.agent_load', library, `"start,${event}"`);
    // For allocations, total weighs each stack by the bytes sampled rather than by the samples.
    const weight = allocations ? ',total' : '';
    return { stop: () => jcmd('JVMTI.agent_load', library, `"stop,collapsed${weight},file=${file}"`) };
  }
  const file = join(options.profile, `${id}.jfr`);
  jcmd('JFR.start', `name=${id}`, `settings=${options['profile-settings']}`, `filename=${file}`);
  return { stop: () => jcmd('JFR.stop', `name=${id}`) };
}

/**
 * When the image's flags name a class archive (-XX:SharedArchiveFile=), records one as the image build
 * does, with docker/record-class-archive.sh and the same JVM flags, and points the flag at it.
 */
function withClassArchive(flags, folder) {
  const index = flags.findIndex((flag) => flag.startsWith('-XX:SharedArchiveFile='));
  if (index < 0) {
    return flags;
  }
  const archive = join(folder, 'app-cds.jsa');
  const others = flags.filter((_, i) => i !== index);
  log('recording the class archive with a training run');
  execFileSync('sh', [join(ROOT, 'docker', 'record-class-archive.sh'), archive, ...others],
    { cwd: appDir, stdio: 'ignore' });
  return flags.map((flag, i) => (i === index ? `-XX:SharedArchiveFile=${archive}` : flag));
}

function selected(scenario) {
  return only === null || only.has(scenario.id);
}

function log(message) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
