// Counts the bridge's calls to Plasmic in small, exact experiments that wrk cannot make exact,
// because wrk stops with requests still in flight.
import { randomUUID } from 'node:crypto';
import { claimsFor, signJwt } from './assertions.mjs';
import { postJson, runLimited } from './client.mjs';
import { bridgePlasmicCalls, callsBetween } from './counters.mjs';

const ASSERTION_LIFETIME_SECONDS = 600;

/**
 * Runs the call-count checks and returns one row per check with the expected and the counted calls:
 *  - `identities` new identities, exchanged with at most 32 requests at a time: one ensure call each;
 *  - the same identities again with fresh assertions: no ensure call;
 *  - `burst` concurrent exchanges of one new identity: one ensure call.
 * A fourth row counts the userinfo calls of `burst` concurrent verifies of one never-verified token.
 */
export async function callCountChecks(bridgeUrl, keys, { identities = 500, burst = 100 } = {}) {
  await quiet(bridgeUrl);
  const runId = randomUUID().slice(0, 8);
  const emails = Array.from({ length: identities }, (_, i) => `check-${runId}-${i}@bench.example`);
  const exchange = (email) => postJson(`${bridgeUrl}/v1/assertions`, {
    assertion: signJwt('RS256', keys.signingKeys.RS256, claimsFor('RS256', email, ASSERTION_LIFETIME_SECONDS)),
  });
  const rows = [];

  const first = await counted(bridgeUrl, () => runLimited(identities, 32, (i) => exchange(emails[i])));
  rows.push(row(`${identities} new identities, 32 at a time`, 'ensure_user', identities, first));

  const again = await counted(bridgeUrl, () => runLimited(identities, 32, (i) => exchange(emails[i])));
  rows.push(row(`the same ${identities} identities again`, 'ensure_user', 0, again));

  const burstEmail = `burst-${runId}@bench.example`;
  const together = await counted(bridgeUrl, () => Promise.all(Array.from({ length: burst }, () => exchange(burstEmail))));
  const tokens = new Set(together.responses.map((response) => response.body?.token));
  rows.push(row(`${burst} concurrent exchanges of one new identity`, 'ensure_user', 1, together,
    tokens.size === 1 ? '' : `${tokens.size} different tokens`));

  const token = first.responses[0].body.token;
  const verifies = await counted(bridgeUrl, () => Promise.all(Array.from({ length: burst }, () => postJson(`${bridgeUrl}/v1/verify`, { token }))));
  rows.push(row(`${burst} concurrent verifies of one new token`, 'userinfo', 1, verifies));
  return rows;
}

/**
 * Waits until the bridge's count of Plasmic calls stops moving: requests that wrk left in flight can
 * still be waiting for Plasmic, and their calls must not be counted by the first check.
 */
async function quiet(bridgeUrl, { intervalMs = 500, limitMs = 30000 } = {}) {
  const total = (calls) => Object.values(calls).reduce((sum, count) => sum + count, 0);
  const deadline = Date.now() + limitMs;
  let last = total(await bridgePlasmicCalls(bridgeUrl));
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = total(await bridgePlasmicCalls(bridgeUrl));
    if (now === last) {
      return;
    }
    last = now;
  }
  throw new Error(`the bridge still called Plasmic ${limitMs / 1000} s after the load`);
}

async function counted(bridgeUrl, action) {
  const before = await bridgePlasmicCalls(bridgeUrl);
  const responses = await action();
  const calls = callsBetween(before, await bridgePlasmicCalls(bridgeUrl));
  return { responses, calls };
}

function row(check, operation, expected, { responses, calls }, problem = '') {
  const failed = responses.filter((response) => response.status !== 200).length;
  const problems = [problem, failed ? `${failed} responses not 200` : ''].filter(Boolean).join('; ');
  return { check, operation, expected, counted: calls[operation], met: calls[operation] === expected && !problems, problems };
}
