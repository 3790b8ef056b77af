// The benchmark's baseline: the small Node server a team would write instead of running the bridge.
// POST /v1/assertions {"assertion": "<JWS>"} verifies the assertion with jose and then calls
// ensurePlasmicAppUser from @plasmicapp/auth-api on every request, as that library is meant to be
// used, and returns {"user": ..., "token": ...}. GET /calls returns how many ensure calls it made.
//
//   BASELINE_CONFIG=/tmp/run/baseline.json node server.mjs
//
// The JSON file holds {"plasmicHost": "http://127.0.0.1:<port>", "appSecretFile": "...",
// "audience": "...", "issuers": [{"issuer": "...", "alg": "RS256", "keyFile": "..."}]}, where keyFile
// is a PEM public key or, for HS256, a file with the shared secret. The server listens on a free port
// of 127.0.0.1 and prints "listening on <URL>". It is one Node process, as such a server usually is.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { decodeJwt, importSPKI, jwtVerify } from 'jose';
import { ensurePlasmicAppUser } from '@plasmicapp/auth-api';

const MAX_BODY_BYTES = 16384;

const config = JSON.parse(readFileSync(process.env.BASELINE_CONFIG, 'utf8'));
const plasmicHost = loopbackOnly(config.plasmicHost);
const appSecret = readFileSync(config.appSecretFile, 'utf8').trim();
const issuers = new Map();
for (const issuer of config.issuers) {
  const text = readFileSync(issuer.keyFile, 'utf8');
  const key = issuer.alg.startsWith('HS') ? new TextEncoder().encode(text.trim()) : await importSPKI(text, issuer.alg);
  issuers.set(issuer.issuer, { issuer: issuer.issuer, key, alg: issuer.alg });
}
let ensureCalls = 0;

const server = createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/calls') {
      return reply(res, 200, { ensureUser: ensureCalls });
    }
    if (req.method !== 'POST' || req.url !== '/v1/assertions') {
      return reply(res, 404, { error: 'not_found' });
    }
    const body = await readBody(req);
    const assertion = typeof body?.assertion === 'string' ? body.assertion : null;
    const claims = assertion && (await verify(assertion));
    if (!claims) {
      return reply(res, 401, { error: 'invalid_assertion' });
    }
    if (claims.email_verified !== true || typeof claims.email !== 'string') {
      return reply(res, 403, { error: 'email_not_verified' });
    }
    ensureCalls++;
    const { user, token, error } = await ensurePlasmicAppUser({ host: plasmicHost, appSecret, email: claims.email });
    if (error) {
      return reply(res, 502, { error: 'plasmic_error' });
    }
    return reply(res, 200, { user, token });
  } catch {
    return reply(res, 500, { error: 'internal_error' });
  }
});

/** Returns the verified claims, or null when the assertion fails any check. */
async function verify(assertion) {
  let issuer;
  try {
    issuer = issuers.get(decodeJwt(assertion).iss);
  } catch {
    return null;
  }
  if (!issuer) {
    return null;
  }
  try {
    const { payload } = await jwtVerify(assertion, issuer.key, {
      issuer: issuer.issuer,
      audience: config.audience,
      algorithms: [issuer.alg],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: 60,
    });
    return payload;
  } catch {
    return null;
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('body too large'));
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
    req.on('error', reject);
  });
}

function reply(res, status, json) {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Rejects any Plasmic host that is not on a loopback address: the baseline only ever calls the emulator. */
function loopbackOnly(host) {
  const url = new URL(host);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new Error(`plasmicHost must be a loopback URL, got ${url.origin}`);
  }
  return url.origin;
}

server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
