// Starts the servers of a run, each as its own process on 127.0.0.1: redis-server, the Plasmic
// emulator (EmulatorMain from the packaged bridge), the bridge in the production profile with the
// Redis store, and the Node baseline.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AUDIENCE, ISSUERS } from './assertions.mjs';
import { freePort, httpStatus, logMatch, redisAnswers, start, waitFor } from './processes.mjs';

export const PROJECT_ID = 'bench';

/** Starts redis-server without persistence on a free port. */
export async function startRedis(dir) {
  const port = await freePort();
  const child = start('redis-server', 'redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
  ], { logFile: join(dir, 'redis.log') });
  await waitFor(child, 'answering PING', () => redisAnswers(port));
  return { child, port };
}

/** Starts the emulator with one app whose users all get the normal-user role. */
export async function startEmulator(dir, appDir, appSecretFile, secret) {
  const child = start('emulator', 'java', [
    '-cp', `${appDir}/lib/main/*:${appDir}/app/*`,
    'org.plasmicauthbridge.emulator.EmulatorMain',
    '--port', '0', '--project-id', PROJECT_ID, '--general-access-role', 'normal-user',
  ], { env: { PLASMIC_EMULATOR_SECRET: secret }, logFile: join(dir, 'emulator.log') });
  let url = null;
  await waitFor(child, 'listening', async () => {
    url = logMatch(child, /Plasmic emulator listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1] ?? null;
    return url !== null;
  });
  return { child, url, appSecretFile };
}

/**
 * Starts the packaged bridge (target/quarkus-app/quarkus-run.jar) with `jvmFlags` and a configuration
 * file with one app and one issuer per algorithm. Returns its start-up time: from spawning the
 * process to the first 200 of /q/health/ready, polled every 10 ms, and Quarkus's own "started in".
 */
export async function startBridge(dir, appDir, { redisPort, emulator, keys, jvmFlags, env = {}, logName = 'bridge.log' }) {
  const port = await freePort();
  const properties = [
    'quarkus.http.host=127.0.0.1',
    `quarkus.http.port=${port}`,
    'bridge.store.type=redis',
    `quarkus.redis.hosts=redis://127.0.0.1:${redisPort}`,
    `bridge.plasmic.host=${emulator.url}`,
    `bridge.apps.main.secret-file=${emulator.appSecretFile}`,
    `bridge.apps.main.project-id=${PROJECT_ID}`,
  ];
  for (const [alg, iss] of Object.entries(ISSUERS)) {
    const name = alg.toLowerCase();
    const keyProperty = alg === 'HS256' ? 'hmac-secret-file' : 'public-key-file';
    properties.push(
      `bridge.issuers.${name}.issuer=${iss}`,
      `bridge.issuers.${name}.${keyProperty}=${keys.files[alg]}`,
      `bridge.issuers.${name}.algorithms=${alg}`,
      `bridge.issuers.${name}.audiences=${AUDIENCE}`,
    );
  }
  const configFile = join(dir, 'bridge.properties');
  writeFileSync(configFile, properties.join('\n') + '\n', { mode: 0o600 });

  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  // Started from its own folder with a relative jar path, as in the image: a class archive records
  // the class path as it was given and is only used with the same one.
  const child = start('bridge', 'java', [...jvmFlags, '-jar', 'quarkus-run.jar'], {
    cwd: appDir,
    env: { ...env, QUARKUS_CONFIG_LOCATIONS: configFile },
    logFile: join(dir, logName),
  });
  await waitFor(child, 'a 200 from /q/health/ready', async () => (await httpStatus(`${url}/q/health/ready`)) === 200);
  const readyMs = performance.now() - startedAt;
  const startedIn = logMatch(child, /started in ([0-9.]+)s/)?.[1];
  return { child, url, readyMs, quarkusStartedMs: startedIn ? Number(startedIn) * 1000 : null };
}

/** Starts the Node baseline (bench/baseline/server.mjs) with the same issuers and the emulator as Plasmic. */
export async function startBaseline(dir, baselineDir, { emulator, keys }) {
  const configFile = join(dir, 'baseline.json');
  writeFileSync(configFile, JSON.stringify({
    plasmicHost: emulator.url,
    appSecretFile: emulator.appSecretFile,
    audience: AUDIENCE,
    issuers: Object.entries(ISSUERS).map(([alg, issuer]) => ({ issuer, alg, keyFile: keys.files[alg] })),
  }), { mode: 0o600 });
  const child = start('baseline', 'node', [join(baselineDir, 'server.mjs')], {
    env: { BASELINE_CONFIG: configFile },
    logFile: join(dir, 'baseline.log'),
    cwd: baselineDir,
  });
  let url = null;
  await waitFor(child, 'listening', async () => {
    url = logMatch(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1] ?? null;
    return url !== null;
  });
  return { child, url };
}
