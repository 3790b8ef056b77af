// Counts calls to Plasmic (here, the emulator): the bridge's Prometheus timer
// bridge_plasmic_calls_seconds, and the Node baseline's own counter of ensurePlasmicAppUser calls.
import { get } from 'node:http';

/** Returns the body of a GET as text. */
export function fetchText(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
    }).once('error', reject);
  });
}

/**
 * Returns the bridge's calls to Plasmic so far, by operation (ensure_user, userinfo, code_exchange),
 * summed over outcomes. The timer wraps the retries, so a retried call counts once; a healthy
 * emulator on loopback causes no retries.
 */
export async function bridgePlasmicCalls(baseUrl) {
  const text = await fetchText(`${baseUrl}/q/metrics`);
  const calls = { ensure_user: 0, userinfo: 0, code_exchange: 0 };
  for (const line of text.split('\n')) {
    const match = line.match(/^bridge_plasmic_calls_seconds_count\{([^}]*)\}\s+([0-9.eE+]+)/);
    if (!match) {
      continue;
    }
    const operation = match[1].match(/operation="([^"]+)"/)?.[1];
    if (operation) {
      calls[operation] = (calls[operation] ?? 0) + Number(match[2]);
    }
  }
  return calls;
}

/** Returns the Node baseline's calls to Plasmic so far. */
export async function baselinePlasmicCalls(baseUrl) {
  const { ensureUser } = JSON.parse(await fetchText(`${baseUrl}/calls`));
  return { ensure_user: ensureUser, userinfo: 0, code_exchange: 0 };
}

/** Returns the calls of each operation between two readings. */
export function callsBetween(before, after) {
  return Object.fromEntries(Object.keys(after).map((operation) => [operation, after[operation] - (before[operation] ?? 0)]));
}
