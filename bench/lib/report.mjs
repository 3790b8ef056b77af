// Turns the results of a run into the Markdown tables that run.mjs prints and saves.

const MIB = 1024;

/** Formats the scenario table, the ratios to the Node baseline, the call-count checks and the targets. */
export function formatReport(run) {
  return [
    `Run of ${run.startedAt}: ${run.settings}`,
    `Machine before the run: ${run.machineBefore}`,
    `Machine after the run: ${run.machineAfter}`,
    '',
    scenarioTable(run.scenarios),
    '',
    ratioTable(run.scenarios),
    '',
    checkTable(run.checks),
    '',
    processTable(run),
    '',
    targetTable(evaluateTargets(run)),
  ].join('\n');
}

function scenarioTable(scenarios) {
  const lines = [
    '| Scenario | Server | Requests/s | p50 ms | p99 ms | Server CPU µs per request | Machine CPU µs per request | Plasmic calls per 1,000 requests | Errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  // The bridges' rows first, then the baseline's, each in the order they ran.
  const rows = [...scenarios.filter((s) => s.server !== 'node'), ...scenarios.filter((s) => s.server === 'node')];
  for (const s of rows) {
    lines.push(`| ${s.label} | ${s.server} | ${fixed(s.result.throughput, 0)} | ${ms(s.result.p50Us)} | ${ms(s.result.p99Us)} `
      + `| ${fixed(s.result.cpuUsPerRequest, 0)} | ${fixed(s.result.machineCpuUsPerRequest, 0)} | ${fixed(callsPerThousand(s), 1)} | ${errors(s.result)} |`);
  }
  return lines.join('\n');
}

function ratioTable(scenarios) {
  const lines = [
    '| Scenario | Throughput, bridge ÷ Node | p50, Node ÷ bridge | p99, Node ÷ bridge | Plasmic calls per 1,000, bridge / Node |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const bridge of scenarios.filter((s) => s.server === 'bridge')) {
    const node = scenarios.find((s) => s.server === 'node' && s.id === bridge.id);
    if (node) {
      lines.push(`| ${bridge.label} | ${fixed(bridge.result.throughput / node.result.throughput, 1)}× `
        + `| ${fixed(node.result.p50Us / bridge.result.p50Us, 1)}× | ${fixed(node.result.p99Us / bridge.result.p99Us, 1)}× `
        + `| ${fixed(callsPerThousand(bridge), 1)} / ${fixed(callsPerThousand(node), 1)} |`);
    }
  }
  return lines.join('\n');
}

function checkTable(checks) {
  const lines = ['| Call-count check | Plasmic operation | Expected calls | Counted calls | Met |', '|---|---|---:|---:|---|'];
  for (const c of checks) {
    lines.push(`| ${c.check} | ${c.operation} | ${c.expected} | ${c.counted} | ${c.met ? 'yes' : `no ${c.problems}`} |`);
  }
  return lines.join('\n');
}

function processTable(run) {
  const b = run.bridge;
  const lastStart = startCount(b) > 1 ? ', last start' : '';
  return [
    '| Bridge process | Value |',
    '|---|---:|',
    `| start-up, process start to first 200 of /q/health/ready${lastStart} | ${fixed(b.readyMs, 0)} ms |`,
    ...(startCount(b) > 1
      ? [`| start-up, median of ${startCount(b)} starts (fastest to slowest) | ${fixed(startupMs(b), 0)} ms (${fixed(Math.min(...b.startsMs), 0)} to ${fixed(Math.max(...b.startsMs), 0)}) |`]
      : []),
    `| start-up, Quarkus's "started in"${lastStart} | ${b.quarkusStartedMs === null ? 'not logged' : `${fixed(b.quarkusStartedMs, 0)} ms`} |`,
    `| resident memory (VmRSS) after the load | ${fixed(b.memory.rssKib / MIB, 1)} MiB |`,
    `| resident memory after ${run.settleSeconds ?? 0} s idle | ${b.memory.settledRssKib ? `${fixed(b.memory.settledRssKib / MIB, 1)} MiB` : '–'} |`,
    `| peak resident memory (VmHWM) | ${fixed(b.memory.peakKib / MIB, 1)} MiB |`,
    `| JVM flags | \`${b.jvmFlags.join(' ')}\` |`,
    `| environment | \`${Object.entries(b.jvmEnv ?? {}).map(([name, value]) => `${name}=${value}`).join(' ') || '–'}\` |`,
    `| Node baseline resident memory after the load | ${run.baselineMemory ? `${fixed(run.baselineMemory.rssKib / MIB, 1)} MiB` : '–'} |`,
  ].join('\n');
}

/**
 * Evaluates the figures to reach and returns [target, measured, met] rows; a target whose scenarios did
 * not run is left out.
 */
export function evaluateTargets(run) {
  const find = (id, server = 'bridge') => run.scenarios.find((s) => s.id === id && s.server === server);
  return [...exchangeTargets(find), ...verifyTargets(find), ...callTargets(run), ...processTargets(run)];
}

function exchangeTargets(find) {
  const targets = [];
  const rs = find('warm-rs256');
  const es = find('warm-es256');
  const rsNode = find('warm-rs256', 'node');
  if (rs && rsNode) {
    const ratio = rs.result.throughput / rsNode.result.throughput;
    targets.push(['Warm RS256 exchange ≥ 8× the Node baseline', `${fixed(ratio, 1)}×`, ratio >= 8]);
  }
  if (rs) {
    targets.push(['Warm RS256 exchange p99 < 10 ms', `${ms(rs.result.p99Us)} ms`, rs.result.p99Us < 10000]);
  }
  if (rs && es) {
    targets.push(costRatio('Warm ES256 cost ≤ 1.5× RS256', rs, es, true));
  }
  const checkedRs = find('checked-rs256', 'bridge-checking');
  const checkedEs = find('checked-es256', 'bridge-checking');
  if (checkedRs && checkedEs) {
    // Reported, not judged: the cost of an assertion's first use, when its signature is checked.
    targets.push(costRatio('ES256 ÷ RS256 with every signature checked (reported)', checkedRs, checkedEs, false));
  }
  return targets;
}

/**
 * Builds a target row that compares the ES256 scenario with the RS256 one, by bridge CPU per request
 * and by requests/s.
 */
function costRatio(label, rs, es, judged) {
  const cpu = es.result.cpuUsPerRequest / rs.result.cpuUsPerRequest;
  const throughput = rs.result.throughput / es.result.throughput;
  const measured = `${fixed(cpu, 2)}× bridge CPU per request, ${fixed(throughput, 2)}× by requests/s`;
  return [label, measured, judged ? cpu <= 1.5 && throughput <= 1.5 : null];
}

function verifyTargets(find) {
  const verify = find('verify');
  const trivial = find('trivial');
  const rest = find('trivial-rest');
  if (!verify || !trivial) {
    return [];
  }
  const share = verify.result.throughput / trivial.result.throughput;
  const ofRest = rest ? ` (${fixed((verify.result.throughput / rest.result.throughput) * 100, 0)}% of the REST preflight)` : '';
  return [['Cached verify ≥ 50% of the trivial GET', `${fixed(share * 100, 0)}%${ofRest}`, share >= 0.5]];
}

function callTargets(run) {
  const targets = [];
  const warm = run.scenarios.filter((s) => s.server !== 'node' && /^(warm|checked)-/.test(s.id));
  if (warm.length) {
    const calls = warm.reduce((sum, s) => sum + s.calls.ensure_user, 0);
    targets.push(['Warm exchanges make no Plasmic call', `${calls} calls`, calls === 0]);
  }
  for (const check of run.checks) {
    targets.push([`Call count: ${check.check}`, `${check.counted} (expected ${check.expected})`, check.met]);
  }
  return targets;
}

function processTargets(run) {
  const rssMib = run.bridge.memory.rssKib / MIB;
  return [
    ['Start-up < 1.5 s (to first ready 200)',
      `${fixed(startupMs(run.bridge), 0)} ms${startCount(run.bridge) > 1 ? `, median of ${startCount(run.bridge)} starts` : ''}`,
      startupMs(run.bridge) < 1500],
    ['Resident memory after load < 200 MiB', `${fixed(rssMib, 1)} MiB`, rssMib < 200],
  ];
}

/** Returns how many times the bridge was started: one for results saved before --starts existed. */
function startCount(bridge) {
  return bridge.startsMs?.length ?? 1;
}

/** Returns the median start-up to the first ready 200 (of an even count of starts, the slower middle one). */
function startupMs(bridge) {
  const sorted = [...(bridge.startsMs ?? [bridge.readyMs])].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function targetTable(targets) {
  const lines = ['| Target | Measured | Met |', '|---|---:|---|'];
  for (const [target, measured, met] of targets) {
    lines.push(`| ${target} | ${measured} | ${metText(met)} |`);
  }
  return lines.join('\n');
}

/** Returns the Met column's text: yes, no, or a dash for a figure that is reported but not judged (null). */
function metText(met) {
  if (met === null) {
    return '–';
  }
  return met ? 'yes' : 'no';
}

function callsPerThousand(scenario) {
  const calls = Object.values(scenario.calls).reduce((sum, value) => sum + value, 0);
  return (calls * 1000) / scenario.result.requests;
}

function errors(result) {
  const parts = [];
  if (result.statusErrors) {
    parts.push(`${result.statusErrors} non-2xx`);
  }
  if (result.socketErrors) {
    parts.push(`${result.socketErrors} socket`);
  }
  if (result.timeouts) {
    parts.push(`${result.timeouts} timeouts`);
  }
  if (result.poolWraps) {
    parts.push(`pool wrapped ${result.poolWraps}×: values repeated`);
  }
  return parts.length ? parts.join(', ') : 'none';
}

function ms(us) {
  return fixed(us / 1000, 2);
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}
