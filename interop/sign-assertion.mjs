// Signs an assertion as a Node backend would with jose, and prints {"assertion": "<compact JWS>"}.
//
//   node sign-assertion.mjs --key-file rsa.pem --alg RS256 --kid rsa-1 \
//     --issuer https://issuer.example --audience bridge \
//     --claims '{"sub":"u1","email":"jane@example.com","email_verified":true}' [--expires-in 5m] [--jti ID]
//
// Every option may also come from INTEROP_KEY_FILE, INTEROP_ALG, INTEROP_KID, and so on. The key
// file is a PKCS#8 PEM private key ("BEGIN PRIVATE KEY"). Without --jti a random UUID is used.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { EXIT_OK, UsageError, parseJsonObject, readOptions, run } from './lib/cli.mjs';

const NAMES = ['key-file', 'alg', 'kid', 'issuer', 'audience', 'claims', 'expires-in', 'jti'];
const REQUIRED = ['key-file', 'alg', 'issuer', 'audience'];

await run(async () => {
  const options = readOptions(NAMES, REQUIRED);
  const claims = options.claims ? parseJsonObject('claims', options.claims) : {};
  const key = await importPrivateKey(options['key-file'], options.alg);

  const header = options.kid ? { alg: options.alg, kid: options.kid } : { alg: options.alg };
  const assertion = await new SignJWT(claims)
    .setProtectedHeader(header)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options['expires-in'] ?? '5m')
    .setJti(options.jti ?? randomUUID())
    .sign(key);
  return { result: { assertion }, exitCode: EXIT_OK };
});

async function importPrivateKey(path, alg) {
  let pem;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`failed to read --key-file ${path}: ${error.code ?? error.message}`);
  }
  try {
    return await importPKCS8(pem, alg);
  } catch (error) {
    throw new UsageError(`--key-file ${path} is not a PKCS#8 private key usable with ${alg}: ${error.message}`);
  }
}
