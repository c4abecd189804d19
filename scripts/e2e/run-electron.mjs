// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron, with the extension
// installed from the .vsix. Desktop VS Code is downloaded from Microsoft's update server, so this
// launcher is for machines with internet (laptops, public CI). Where the download is impossible it
// prints one SKIP line with the reason and exits 0; every other problem fails (exit 1).
//   node scripts/e2e/run-electron.mjs [--reuse-vsix]
// VS Code version: the minimum that `engines.vscode` allows, or $STRATLINT_VSCODE_VERSION (e.g. `stable`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSuite, makeRunDir, packageVsix, prepareWorkspace } from './build.mjs';
import { cache, EXTENSION_ID, outDir, root } from './env.mjs';
import { log } from './processes.mjs';

const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|timed? ?out/i;

function skip(reason) {
  console.log(`[e2e:electron] SKIP: ${reason}`);
  process.exit(0);
}

function engineVersion() {
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return /(\d+\.\d+\.\d+)/.exec(engines.vscode)?.[1] ?? 'stable';
}

/** Electron needs a display; on a headless Linux box run under xvfb-run when it exists. */
function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return;
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) skip('no display ($DISPLAY unset) and no xvfb-run to provide one; install xvfb or run `npm run test:e2e` (code-server)');
  const result = spawnSync(xvfb, ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, STRATLINT_UNDER_XVFB: '1' } });
  process.exit(result.status ?? 1);
}

async function main() {
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import('@vscode/test-electron');
  const version = process.env.STRATLINT_VSCODE_VERSION || engineVersion();

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(cache, 'vscode-test'), timeout: 20_000 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NETWORK_ERRORS.test(message) || NETWORK_ERRORS.test(error?.code ?? '')) {
      skip(`cannot download VS Code ${version} from update.code.visualstudio.com (${message.split('\n')[0]}); \`npm run test:e2e\` runs the same suite in the VS Code server instead`);
    }
    throw error;
  }
  ensureDisplay();

  const suite = await buildSuite();
  const vsixPath = path.join(outDir, 'stratlint.vsix');
  const vsix = process.argv.includes('--reuse-vsix') && fs.existsSync(vsixPath) ? vsixPath : await packageVsix();
  const run = makeRunDir('stratlint-electron-');
  try {
    // Install the package the way a user would; a .vsix VS Code refuses fails here.
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: false });
    const dirs = ['--extensions-dir', run.extensions, '--user-data-dir', run.userData];
    const install = spawnSync(cli, [...cliArgs.filter((a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir')), ...dirs, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      timeout: 120_000,
      shell: process.platform === 'win32',
    });
    if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}${install.stderr}`);
    const installed = fs.readdirSync(run.extensions).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
    if (!installed) throw new Error(`--install-extension did not install ${EXTENSION_ID}:\n${install.stdout}${install.stderr}`);
    log(`installed ${installed} into VS Code ${version}`);

    const workspace = prepareWorkspace(run, { extensionsDir: run.extensions, screenshots: false });
    const code = await runTests({
      vscodeExecutablePath,
      // As with the server launcher: the installed copy of the .vsix is what runs.
      extensionDevelopmentPath: path.join(run.extensions, installed),
      extensionTestsPath: suite,
      launchArgs: [workspace, ...dirs, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
      timeout: 4 * 60_000,
    });
    return code;
  } finally {
    fs.rmSync(run.dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    log(code === 0 ? 'electron: PASS' : `electron: FAIL (exit code ${code})`);
    process.exit(code === 0 ? 0 : 1);
  },
  (error) => {
    console.error(`[e2e:electron] FAIL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
