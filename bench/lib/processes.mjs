// Starts and stops the processes of a benchmark run: Redis, the Plasmic emulator, the bridge and the
// Node baseline. Every server listens on 127.0.0.1; every child is stopped when the run ends, also
// after an error or Ctrl-C.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();

/** Returns a port that was free a moment ago on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a child whose stdout and stderr go to `logFile`. A file, not a pipe, so that a child that
 * logs every request never waits for this process to read its output.
 */
export function start(name, command, args, { env = {}, logFile, cwd } = {}) {
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  child.benchName = name;
  child.logFile = logFile;
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops one child with SIGTERM, and with SIGKILL when it is still running after `graceMs`. */
export async function stop(child, graceMs = 10000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child that this module started and that is still running. */
export async function stopAll() {
  await Promise.all([...children].map((child) => stop(child)));
}

/** Waits until `predicate` returns true, polling every `everyMs`; fails when the child exits or time runs out. */
export async function waitFor(child, description, predicate, { timeoutMs = 60000, everyMs = 10 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${child.benchName} exited with status ${child.exitCode} before ${description}; see ${child.logFile}`);
    }
    if (await predicate()) {
      return;
    }
    await sleep(everyMs);
  }
  throw new Error(`${child.benchName} did not reach ${description} within ${timeoutMs} ms; see ${child.logFile}`);
}

/** Returns the first match of `pattern` in the child's log, or null. */
export function logMatch(child, pattern) {
  const match = readFileSync(child.logFile, 'utf8').match(pattern);
  return match ? match : null;
}

/** Returns the HTTP status of a GET, or 0 when the server does not accept the connection. */
export function httpStatus(url) {
  return new Promise((resolve) => {
    const req = request(url, { timeout: 1000, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(0));
    req.end();
  });
}

/** Returns whether a Redis server on the port replies +PONG to PING. */
export function redisAnswers(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/**
 * Returns the CPU time in seconds that a process and all its threads have used so far, from
 * /proc/<pid>/stat (utime and stime, in clock ticks of 1/100 s on Linux).
 */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Returns the CPU time in seconds that the whole machine has spent outside idle and I/O wait, from /proc/stat. */
export function machineBusySeconds() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** Returns a process's resident and peak resident memory in KiB, from /proc/<pid>/status. */
export function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]);
  return { rssKib: kib('VmRSS'), peakKib: kib('VmHWM') };
}
