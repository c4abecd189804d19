// Runs the end-to-end suite (tests/e2e/suite) in a real VS Code: the VS Code server bundled in
// code-server, its web workbench in headless Chromium, with the extension installed from the .vsix
// that `npm run package` builds. Exit code 0 when every test passes, 1 otherwise.
//   node scripts/e2e/run-server.mjs [--reuse-vsix] [--keep]
//     --reuse-vsix  install .e2e/stratlint.vsix as it is instead of packaging again
//     --keep        keep the temporary run folder (server logs, workspace copy) for inspection
// Needs `node scripts/e2e/install.mjs` first (`npm run test:e2e` does both).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSuite, makeRunDir, packageVsix, prepareWorkspace } from './build.mjs';
import { outDir, root, screenshotsDir } from './env.mjs';
import { cleanup, installExitHandlers, log, onCleanup } from './processes.mjs';
import { installVsix, launchBrowser, remoteUri, requireInstalled, startServer, workbenchUrl } from './vscode-server.mjs';

const OVERALL_TIMEOUT_MS = 5 * 60_000;
const SUITE_TIMEOUT_MS = 4 * 60_000;
const argv = new Set(process.argv.slice(2));
const logsDir = path.join(outDir, 'logs');
/** Lines the suite prints start with this (tests/e2e/suite/harness.ts); the rest of the host's log goes to a file. */
const MARKER = '[stratlint-e2e]';

/** The workbench hands over the console arguments of the extension host (usually an array of strings). */
function plain(message) {
  const parts = Array.isArray(message) ? message : [message];
  return parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
}

/** The errors in the extension's own output channel (e.g. a language server that cannot start), once each. */
function showExtensionErrors() {
  if (!fs.existsSync(path.join(logsDir, 'server'))) return;
  const files = fs.readdirSync(path.join(logsDir, 'server'), { recursive: true }).filter((f) => f.includes('stratlint.stratlint') && f.endsWith('.log'));
  const errors = new Set();
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(logsDir, 'server', file), 'utf8').split('\n')) {
      if (line.includes('[error]')) errors.add(line.replace(/^\S+ \S+ \[error\] /, ''));
    }
  }
  if (errors.size === 0) return;
  console.error(`[e2e] errors in the stratlint output channel:`);
  for (const line of [...errors].slice(0, 10)) console.error(`  ${line}`);
}

/**
 * The suite opens the hover with `editor.action.showHover`, but a late scroll or focus change can close
 * it again. If no stratlint hover is on screen, do what a person does: rest the mouse on a squiggle.
 */
async function ensureHover(page) {
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'stratlint' }).first();
  const visible = () => hover.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
  if (await visible()) return;
  const squiggle = page.locator('.view-overlays .squiggly-error').last();
  await squiggle.hover({ timeout: 3_000 }).catch(() => {});
  if (!(await visible())) log('screenshot: no hover on screen');
  await page.waitForTimeout(300); // let the hover finish painting
}

async function main() {
  const started = Date.now();
  installExitHandlers();
  const overall = setTimeout(() => {
    console.error(`[e2e] FAIL: the run took longer than ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
    cleanup().finally(() => process.exit(1));
  }, OVERALL_TIMEOUT_MS);
  overall.unref();

  requireInstalled();
  fs.rmSync(logsDir, { recursive: true, force: true });
  fs.mkdirSync(logsDir, { recursive: true });
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotsDir, { recursive: true });

  const suite = await buildSuite();
  const vsixPath = path.join(outDir, 'stratlint.vsix');
  const vsix = argv.has('--reuse-vsix') && fs.existsSync(vsixPath) ? vsixPath : await packageVsix();

  const run = makeRunDir();
  // Whatever the outcome: keep the server's logs, drop the rest of the run folder (unless --keep).
  onCleanup(
    () => {
      fs.cpSync(run.logs, path.join(logsDir, 'server'), { recursive: true });
      if (argv.has('--keep')) log(`run folder kept: ${run.dir}`);
      else fs.rmSync(run.dir, { recursive: true, force: true });
    },
    { afterStop: true },
  );
  const extensionFolder = await installVsix(run, vsix);
  prepareWorkspace(run, { extensionsDir: run.extensions, screenshots: true });

  const server = await startServer(run, { smokeTestDriver: true });
  log(`VS Code server ready on ${server.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const context = await launchBrowser(run);
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLog = fs.createWriteStream(path.join(logsDir, 'browser-console.log'));
  page.on('console', (message) => consoleLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error.message}\n`));

  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  // The suite asks for pictures through its log and waits for the answer file (tests/e2e/suite/harness.ts).
  const takeScreenshot = async (name) => {
    const file = path.join(screenshotsDir, `${name}.png`);
    await ensureHover(page);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(root, file)}`);
    fs.writeFileSync(path.join(run.workspace, `.screenshot-${name}.done`), '');
  };
  const hostLog = fs.createWriteStream(path.join(logsDir, 'extension-host.log'));
  await page.exposeFunction('codeAutomationLog', async (level, message) => {
    const text = plain(message);
    hostLog.write(`[${level}] ${text}\n`);
    for (const line of text.split('\n')) {
      if (!line.startsWith(MARKER)) continue;
      const suiteLine = line.slice(MARKER.length + 1);
      const shot = /^screenshot ([\w-]+)$/.exec(suiteLine);
      if (shot) await takeScreenshot(shot[1]);
      else console.log(`  ${suiteLine}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
      const file = path.join(logsDir, 'workbench', relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, contents);
    }
    finish({ code });
  });

  const payload = [
    // The workbench runs extensionTestsPath only in extension development mode, so the installed copy
    // of the .vsix is named as the extension under development: the run loads exactly the packaged
    // files (and the suite checks that the extension comes from the extensions dir).
    ['extensionDevelopmentPath', remoteUri(server, extensionFolder)],
    ['extensionTestsPath', remoteUri(server, suite)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(workbenchUrl(server, run.workspace, payload), { timeout: 60_000 });
  log('workbench opened, running the suite');

  const timeout = new Promise((resolve) => setTimeout(() => resolve({ timedOut: true }), SUITE_TIMEOUT_MS).unref());
  const outcome = await Promise.race([finished, timeout]);
  if (outcome.timedOut || outcome.code !== 0) {
    await page.screenshot({ path: path.join(screenshotsDir, 'failure.png') }).catch(() => {});
  }
  consoleLog.end();
  hostLog.end();
  await cleanup();

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.timedOut) {
    showExtensionErrors();
    console.error(`[e2e] FAIL: the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes (logs in ${path.relative(root, logsDir)})`);
    return 1;
  }
  if (outcome.code !== 0) {
    showExtensionErrors();
    console.error(`[e2e] FAIL: the suite exited with code ${outcome.code} after ${seconds} s (logs and screenshots in ${path.relative(root, outDir)})`);
    return 1;
  }
  log(`PASS in ${seconds} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`[e2e] FAIL: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  },
);
