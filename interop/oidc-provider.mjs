// An OpenID provider for browser sign-in tests, built on oidc-provider, so that the bridge's login
// is checked against a provider that this project did not write.
//
//   INTEROP_CLIENT_SECRET=<secret> node oidc-provider.mjs --port 0 --client-id bridge \
//     --redirect-uris http://127.0.0.1:8080/v1/callback/node[,<more>]
//
// Options may also come from INTEROP_PORT, INTEROP_CLIENT_ID and INTEROP_REDIRECT_URIS; the client
// secret is read only from the environment. The provider listens on 127.0.0.1 only (port 0 picks a
// free port) and, once listening, prints {"issuer": "http://127.0.0.1:<port>"} as one line on stdout.
// It stops on SIGTERM or SIGINT.
//
// One confidential client (client_secret_basic, authorization code, PKCE S256 required). The
// built-in development pages sign in any login name with any password and then ask for consent.
// Every account has the claims email "<login>@example.com", email_verified true and groups
// ["staff", "admins"]; the scopes email and groups release them, and they go into the ID token.
// The pages may load styles, fonts and images from this provider only, so that a browser driven by
// a test reaches no other host.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { UsageError, readOptions, readSecret } from './lib/cli.mjs';

const HOST = '127.0.0.1';
const GROUPS = ['staff', 'admins'];
const KEY_ID = 'test-signing-key';

// Short lifetimes in seconds: a test finishes sign-in within a minute or two.
const TTL = {
  AuthorizationCode: 60,
  AccessToken: 300,
  IdToken: 300,
  Interaction: 300,
  Session: 600,
  Grant: 600,
};

try {
  const options = readOptions(['port', 'client-id', 'redirect-uris']);
  const clientSecret = readSecret('INTEROP_CLIENT_SECRET');
  const port = parsePort(options.port);
  const redirectUris = parseRedirectUris(options['redirect-uris']);

  const server = createServer();
  await listen(server, port);
  const issuer = `http://${HOST}:${server.address().port}`;
  const provider = new Provider(issuer, await configuration(options['client-id'], clientSecret, redirectUris));
  provider.use(sameHostStyles);
  server.on('request', provider.callback());

  stopOn(server, ['SIGTERM', 'SIGINT']);
  process.stdout.write(JSON.stringify({ issuer }) + '\n');
} catch (error) {
  const kind = error instanceof UsageError ? 'usage error' : `failed (${error?.name ?? 'Error'})`;
  process.stderr.write(`${kind}: ${error?.message ?? String(error)}\n`);
  process.exit(2);
}

async function configuration(clientId, clientSecret, redirectUris) {
  return {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    pkce: { required: () => true },
    // A key made at start, so that no fixed private key ships with the tests.
    jwks: { keys: [await signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Keys are scopes, values the claims each scope releases.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // Put the released claims into the ID token too, not only at the userinfo endpoint, because
    // the bridge maps the ID token's claims.
    conformIdTokenClaims: false,
    findAccount,
    features: {
      devInteractions: { enabled: true },
    },
    ttl: TTL,
  };
}

// The provider's built-in pages import a web font from fonts.googleapis.com. Tests must reach no
// host but this machine, so this Content-Security-Policy lets pages load styles, fonts and images
// only from the provider.
async function sameHostStyles(ctx, next) {
  await next();
  if (ctx.response.is('html')) {
    ctx.set('Content-Security-Policy', "style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:");
  }
}

async function findAccount(_ctx, accountId) {
  return {
    accountId,
    async claims() {
      return {
        sub: accountId,
        email: `${accountId}@example.com`,
        email_verified: true,
        groups: GROUPS,
      };
    },
  };
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
}

function parsePort(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`invalid --port ${JSON.stringify(text)}: expected 0 (a free port) to 65535`);
  }
  return port;
}

function parseRedirectUris(text) {
  const uris = text.split(',').map((uri) => uri.trim()).filter(Boolean);
  for (const uri of uris) {
    try {
      new URL(uri);
    } catch {
      throw new UsageError(`invalid redirect URI ${JSON.stringify(uri)}`);
    }
  }
  if (uris.length === 0) {
    throw new UsageError('--redirect-uris lists no URI');
  }
  return uris;
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stopOn(server, signals) {
  for (const signal of signals) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      // A browser keeps idle connections open, which would hold close() back.
      server.closeAllConnections();
    });
  }
}
