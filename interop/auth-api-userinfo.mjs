// Looks up the user of a Plasmic user token with getPlasmicAppUserFromToken from
// @plasmicapp/auth-api, as a Node server would, and prints what the client returned.
//
//   PLASMIC_USER_TOKEN=<token> node auth-api-userinfo.mjs --host http://127.0.0.1:8080
//
// The host may also come from INTEROP_HOST and must be a loopback URL. The token is read only
// from the environment. Prints {"user": <user JSON or null>, "tokenReturned": <true when the
// client returned the token it was given>, "error": null or {"message": "..."}}, and exits 1 when
// the client returned an error. The token itself is not printed.
import { getPlasmicAppUserFromToken } from '@plasmicapp/auth-api';
import {
  EXIT_ERROR_RESULT, EXIT_OK, describeError, loopbackHost, readOptions, readSecret, run,
} from './lib/cli.mjs';

await run(async () => {
  const host = loopbackHost(readOptions(['host']).host);
  const token = readSecret('PLASMIC_USER_TOKEN');

  const response = await getPlasmicAppUserFromToken({ host, token });
  const result = {
    user: response.user ?? null,
    tokenReturned: response.token === token,
    error: describeError(response.error),
  };
  return { result, exitCode: response.error ? EXIT_ERROR_RESULT : EXIT_OK };
});
