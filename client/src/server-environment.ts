// The environment the language server process starts with.

/**
 * Variables the server never needs that cost every start. Node 20 reads and parses the whole
 * certificate store at start when NODE_EXTRA_CA_CERTS is set (it is, wherever a company proxy
 * inspects TLS): some 70 ms before the first line of the server runs, on a 2-core machine where
 * the rest of a start takes about 100 ms. The server opens no network connections.
 */
export const UNNEEDED_VARIABLES: readonly string[] = ['NODE_EXTRA_CA_CERTS'];

/**
 * The editor's environment with the server's own additions and without the variables above.
 * Those are present with the value `undefined`: the client library copies the editor's
 * environment first and these entries over it, and Node's `spawn` and `fork` leave out a
 * variable whose value is `undefined`.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...extra };
  for (const name of UNNEEDED_VARIABLES) env[name] = undefined;
  return env;
}
