// What every launcher prepares the same way: the bundled test suite, the packaged .vsix, a fresh
// run folder and the test workspace copied into it.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { outDir, root } from './env.mjs';
import { log, runToEnd } from './processes.mjs';

/** Bundles the suite with what it imports (the rule metadata it checks against); `vscode` comes from the host. */
export async function buildSuite() {
  const outfile = path.join(outDir, 'suite', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'tests/e2e/suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** `npm run package` (production bundles + vsce) into .e2e/, so the test installs exactly what would be published. */
export async function packageVsix() {
  const started = Date.now();
  const vsix = path.join(outDir, 'stratlint.vsix');
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(vsix, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await runToEnd(npm, ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, timeoutMs: 120_000 });
  log(`packaged ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

/** A fresh folder for one run: HOME, server data, user data, extensions, logs, the workspace copy. */
export function makeRunDir(prefix = 'stratlint-e2e-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const layout = {
    dir,
    home: path.join(dir, 'home'),
    serverData: path.join(dir, 'server'),
    userData: path.join(dir, 'user'),
    extensions: path.join(dir, 'extensions'),
    logs: path.join(dir, 'logs'),
    browser: path.join(dir, 'browser'),
    workspace: path.join(dir, 'workspace'),
  };
  for (const d of Object.values(layout)) fs.mkdirSync(d, { recursive: true });
  return layout;
}

/**
 * The fixture workspace (tests/e2e/workspace), copied so the tests can edit it, plus the file through
 * which the launcher tells the suite what to expect (tests/e2e/suite/harness.ts).
 */
export function prepareWorkspace(run, expectations) {
  fs.cpSync(path.join(root, 'tests/e2e/workspace'), run.workspace, { recursive: true });
  fs.writeFileSync(path.join(run.workspace, '.stratlint-e2e.json'), `${JSON.stringify(expectations, null, 2)}\n`);
  return run.workspace;
}
