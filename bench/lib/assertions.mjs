// Keys and pre-signed assertions for a benchmark run. wrk's Lua cannot sign, so every assertion is
// signed here before the load starts and written to a pool file, one a line. The keys are made for
// each run and live only in the run's temporary folder.
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIENCE = 'plasmic-auth-bridge';

/** One issuer per algorithm; `iss` values end in .invalid, so they can never be a real issuer. */
export const ISSUERS = {
  RS256: 'https://rs256.bench.plasmic-auth-bridge.invalid',
  ES256: 'https://es256.bench.plasmic-auth-bridge.invalid',
  HS256: 'https://hs256.bench.plasmic-auth-bridge.invalid',
};

/** Creates an RSA-2048 key, a P-256 key and a 32-byte HMAC secret, and writes the public parts to `dir`. */
export function createKeys(dir) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const hmacSecret = randomBytes(32).toString('base64url');
  const files = {
    RS256: join(dir, 'rs256-public.pem'),
    ES256: join(dir, 'es256-public.pem'),
    HS256: join(dir, 'hs256-secret'),
  };
  writeFileSync(files.RS256, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(files.ES256, ec.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(files.HS256, hmacSecret, { mode: 0o600 });
  return {
    files,
    signingKeys: { RS256: rsa.privateKey, ES256: ec.privateKey, HS256: hmacSecret },
  };
}

/** Signs a compact JWS with the algorithm's key (RFC 7515 section 7.1; ES256 signatures as R || S). */
export function signJwt(alg, key, claims) {
  const input = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
  let signature;
  if (alg === 'HS256') {
    signature = createHmac('sha256', key).update(input).digest();
  } else if (alg === 'ES256') {
    signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  } else {
    signature = sign('sha256', Buffer.from(input), key);
  }
  return `${input}.${signature.toString('base64url')}`;
}

/** Returns the claims of an assertion for `email`, valid for `lifetimeSeconds` from now. */
export function claimsFor(alg, email, lifetimeSeconds) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUERS[alg],
    aud: AUDIENCE,
    sub: email,
    email,
    email_verified: true,
    iat: now,
    exp: now + lifetimeSeconds,
    jti: randomUUID(),
  };
}

/**
 * Writes `count` assertions to `file`, the i-th for the identity `emailOf(i)`, and returns the path.
 * `lifetimeSeconds` must cover the whole run and stay within the issuer's max-lifetime (1 h by default).
 */
export function writePool(file, keys, alg, count, emailOf, lifetimeSeconds) {
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    lines[i] = signJwt(alg, keys.signingKeys[alg], claimsFor(alg, emailOf(i), lifetimeSeconds));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function base64url(json) {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}
