// Creates or finds an app user with ensurePlasmicAppUser from @plasmicapp/auth-api, as a Node
// backend with the app secret would, and prints what the client returned.
//
//   PLASMIC_APP_SECRET=<secret> node auth-api-ensure.mjs --host http://127.0.0.1:8788 \
//     (--email jane@example.com | --external-id user-1) [--role-id admin]
//
// Options may also come from INTEROP_HOST, INTEROP_EMAIL, INTEROP_EXTERNAL_ID and
// INTEROP_ROLE_ID; the host must be a loopback URL. The app secret is read only from the
// environment. Prints {"user": ..., "token": <Plasmic user token or null>, "error": null,
// {"message": "..."} or {"body": <what the server returned>}} and exits 1 when the client
// returned an error.
import { ensurePlasmicAppUser } from '@plasmicapp/auth-api';
import {
  EXIT_ERROR_RESULT, EXIT_OK, UsageError, describeError, loopbackHost, readOptions, readSecret, run,
} from './lib/cli.mjs';

await run(async () => {
  const options = readOptions(['host', 'email', 'external-id', 'role-id'], ['host']);
  const host = loopbackHost(options.host);
  const appSecret = readSecret('PLASMIC_APP_SECRET');
  if (!options.email && !options['external-id']) {
    throw new UsageError('missing identity: give --email or --external-id');
  }

  const request = { host, appSecret };
  if (options.email) {
    request.email = options.email;
  }
  if (options['external-id']) {
    request.externalId = options['external-id'];
  }
  if (options['role-id']) {
    request.roleId = options['role-id'];
  }

  const response = await ensurePlasmicAppUser(request);
  const result = {
    user: response.user ?? null,
    token: response.token ?? null,
    error: describeError(response.error),
  };
  return { result, exitCode: response.error ? EXIT_ERROR_RESULT : EXIT_OK };
});
