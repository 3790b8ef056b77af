// The scenarios of the suite and the request plan of each. A plan is built per server and phase
// (warm-up or measured), so that every phase of every server gets identities of its own where
// identities must be new. `pools.fresh(name, share, phase)` writes assertions for new identities,
// enough for `share` of the requests of that phase.

/**
 * Each scenario has an id, a label for the table, the servers it runs against ('bridge', 'node') and a
 * function that returns its wrk plan from the run's pools.
 */
export const SCENARIOS = [
  {
    id: 'trivial',
    label: 'trivial Quarkus GET (/q/health/live)',
    servers: ['bridge'],
    plan: () => [{ kind: 'get', path: '/q/health/live' }],
  },
  {
    id: 'trivial-rest',
    label: 'reference: CORS preflight through Quarkus REST (OPTIONS /api/v1/app-auth/userinfo)',
    servers: ['bridge'],
    plan: () => [{ kind: 'options', path: '/api/v1/app-auth/userinfo' }],
  },
  ...['RS256', 'ES256', 'HS256'].map((alg) => ({
    id: `warm-${alg.toLowerCase()}`,
    label: `(a) exchange, identity already ensured, ${alg}`,
    servers: ['bridge', 'node'],
    plan: (pools) => [{ kind: 'exchange', pool: pools.warm[alg] }],
  })),
  // The same exchanges against a second bridge that remembers no verified signature, so that every
  // assertion's signature is checked, as on the first use of each assertion.
  ...['RS256', 'ES256'].map((alg) => ({
    id: `checked-${alg.toLowerCase()}`,
    label: `(a) exchange, identity already ensured, ${alg}, every signature checked`,
    servers: ['bridge-checking'],
    plan: (pools) => [{ kind: 'exchange', pool: pools.warm[alg] }],
  })),
  {
    id: 'new',
    label: '(b) exchange, new identity (HS256)',
    servers: ['bridge', 'node'],
    plan: (pools, server, phase) => [{ kind: 'exchange', pool: pools.fresh(`${server}-new-${phase}`, 1, phase), once: true }],
  },
  {
    id: 'verify',
    label: '(c) /v1/verify, cached token',
    servers: ['bridge'],
    plan: (pools) => [{ kind: 'verify', pool: pools.tokens }],
  },
  {
    id: 'userinfo',
    label: '(d) Plasmic-compatible userinfo, cached token',
    servers: ['bridge'],
    plan: (pools) => [{ kind: 'plasmic_userinfo', pool: pools.tokens }],
  },
  {
    id: 'mix',
    label: '(e) mix: 80% verify, 15% warm RS256 exchange, 5% new identity',
    servers: ['bridge'],
    plan: (pools, server, phase) => [
      { kind: 'verify', pool: pools.tokens, weight: 16 },
      { kind: 'exchange', pool: pools.warm.RS256, weight: 3 },
      { kind: 'exchange', pool: pools.fresh(`${server}-mix-${phase}`, 1 / 5, phase), weight: 1, once: true },
    ],
  },
];

/**
 * Returns the plan that warms up a server's JIT compiler before the first scenario: every request kind
 * that the server's scenarios send, in equal shares. Without it, the first scenarios of a run measure
 * code that the JVM has not compiled yet; RSA verification alone takes several seconds to be compiled
 * on a busy 2-core machine.
 */
export function jitWarmupPlan(pools, server) {
  if (server === 'bridge-checking') {
    return [{ kind: 'exchange', pool: pools.warm.RS256 }, { kind: 'exchange', pool: pools.warm.ES256 }];
  }
  const plan = [
    { kind: 'exchange', pool: pools.warm.RS256 },
    { kind: 'exchange', pool: pools.warm.ES256 },
    { kind: 'exchange', pool: pools.warm.HS256 },
    { kind: 'exchange', pool: pools.fresh(`${server}-jit`, 1 / 8, 'jit'), once: true },
  ];
  if (server === 'bridge') {
    plan.push(
      { kind: 'verify', pool: pools.tokens },
      { kind: 'plasmic_userinfo', pool: pools.tokens },
      { kind: 'get', path: '/q/health/live' },
    );
  }
  return plan;
}
