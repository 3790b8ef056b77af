// Describes the machine around a run: cores, load averages, and other processes that use the CPU,
// because figures taken next to someone else's build are not comparable.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** Returns one line: cores, memory, load averages and the busiest processes that are not in `ownPids`. */
export function machineState(ownPids = []) {
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  const busy = busyProcesses(ownPids);
  return `${cpus().length} cores (${cpus()[0].model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, `
    + `load average ${load}; other processes above 5% CPU: ${busy.length ? busy.join(', ') : 'none'}`;
}

/** Returns the environment variables that the container image sets: its ENV NAME=value lines. */
export function dockerfileEnv(dockerfile) {
  const env = {};
  for (const line of readFileSync(dockerfile, 'utf8').split('\n')) {
    const match = /^ENV\s+([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*$/.exec(line);
    if (match) {
      env[match[1]] = match[2];
    }
  }
  return env;
}

/** Returns the JVM flags of the container image: the ENTRYPOINT's arguments between "java" and "-jar". */
export function dockerfileJvmFlags(dockerfile) {
  const line = readFileSync(dockerfile, 'utf8').split('\n').find((text) => text.startsWith('ENTRYPOINT'));
  const words = JSON.parse(line.slice('ENTRYPOINT'.length).trim());
  return words.slice(words.indexOf('java') + 1, words.indexOf('-jar'));
}

function busyProcesses(ownPids) {
  let output;
  try {
    output = execFileSync('top', ['-bn1', '-w', '200'], { encoding: 'utf8' });
  } catch {
    return ['(top failed)'];
  }
  const lines = output.split('\n');
  const header = lines.findIndex((text) => /^\s*PID\s/.test(text));
  return lines.slice(header + 1)
    .map((text) => text.trim().split(/\s+/))
    .filter((fields) => fields.length >= 12 && Number(fields[8]) > 5 && !ownPids.includes(Number(fields[0])))
    .filter((fields) => fields[11] !== 'top')
    .map((fields) => `${fields[11]} ${fields[8]}%`);
}
