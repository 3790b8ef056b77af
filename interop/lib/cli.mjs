// Shared command-line handling for the interop scripts: options from arguments or environment,
// a loopback-only host check, and one way to print a JSON result and pick the exit code.
//
// Exit codes: 0 the call succeeded, 1 the client returned an error result (printed on stdout),
// 2 invalid usage or the call threw (message on stderr). Tokens and secrets are never written to
// stderr, so a caller may show stderr in its own failure messages.
import { parseArgs } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_ERROR_RESULT = 1;
export const EXIT_FAILED = 2;

/** An invalid argument or a missing option; its message is safe to print. */
export class UsageError extends Error {}

/**
 * Reads string options given as `--name value`, falling back to the environment variable
 * `INTEROP_NAME` (upper case, dashes as underscores). Names listed in `required` must be set.
 */
export function readOptions(names, required = names) {
  const { values } = parseArgs({
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
    strict: true,
  });
  const options = {};
  for (const name of names) {
    options[name] = values[name] ?? process.env[environmentName(name)];
    if (required.includes(name) && !options[name]) {
      throw new UsageError(`missing option --${name} (or ${environmentName(name)})`);
    }
  }
  return options;
}

/**
 * Reads a secret (an app secret or a user token) from the environment only, because command-line
 * arguments are visible to every user of the machine in the process list.
 */
export function readSecret(variable) {
  const value = process.env[variable];
  if (!value) {
    throw new UsageError(`missing environment variable ${variable}`);
  }
  return value;
}

/**
 * Checks that `host` is an http(s) URL on a loopback address and returns it without a trailing
 * slash. The clients of @plasmicapp/auth-api 0.0.20 fall back to https://data.plasmic.app when the
 * host is empty, and these scripts must only reach servers started on this machine.
 */
export function loopbackHost(host) {
  let url;
  try {
    url = new URL(host);
  } catch {
    throw new UsageError(`invalid --host ${JSON.stringify(host)}: expected a URL such as http://127.0.0.1:8080`);
  }
  const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (!['http:', 'https:'].includes(url.protocol) || !loopback) {
    throw new UsageError(`invalid --host ${url.origin}: only http(s) URLs on a loopback address are allowed`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Parses a JSON object option such as `--claims`. */
export function parseJsonObject(name, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`invalid --${name}: not valid JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`invalid --${name}: expected a JSON object`);
  }
  return value;
}

/**
 * Runs `main`, which returns `{ result, exitCode }`, prints `result` as one line of JSON and sets
 * the exit code. A thrown error prints only its message, on stderr.
 */
export async function run(main) {
  try {
    const { result, exitCode } = await main();
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exitCode = exitCode;
  } catch (error) {
    const kind = error instanceof UsageError ? 'usage error' : `failed (${error?.name ?? 'Error'})`;
    process.stderr.write(`${kind}: ${error?.message ?? String(error)}\n`);
    process.exitCode = EXIT_FAILED;
  }
}

/**
 * Converts a client's `{ user, token, error }` result into printable JSON. The client returns
 * `error` as an `Error` object for some failures and as the `error` member of the response body
 * (often a plain string such as "unauthorized_user") for others, and `JSON.stringify` prints an
 * `Error` as `{}`.
 */
export function describeError(error) {
  if (error === undefined || error === null) {
    return null;
  }
  return error instanceof Error ? { message: error.message } : { body: error };
}

function environmentName(name) {
  return 'INTEROP_' + name.toUpperCase().replaceAll('-', '_');
}
