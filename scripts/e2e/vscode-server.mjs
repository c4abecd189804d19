// The VS Code server from code-server's bundle, as the e2e launcher and the demo use it: install the
// .vsix into a fresh server, start it, open its workbench in headless Chromium.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, EXTENSION_ID, node24Env, nodeBin, playwrightCore, serverMain } from './env.mjs';
import { isInstalled } from './install.mjs';
import { delay, log, onCleanup, runToEnd, start } from './processes.mjs';

export function requireInstalled() {
  if (!isInstalled()) throw new Error('the VS Code server is not installed: run `node scripts/e2e/install.mjs` first');
}

const SYSTEM_CERTIFICATES = '/etc/ssl/certs/ca-certificates.crt';

/** Code-server, Chromium and Playwright write under ~/.config, ~/.local/share, ~/.cache: keep them in the run folder. */
function isolatedEnv(run) {
  return node24Env({
    HOME: run.home,
    XDG_CONFIG_HOME: path.join(run.home, '.config'),
    XDG_DATA_HOME: path.join(run.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(run.home, '.cache'),
    VSCODE_TELEMETRY_DISABLED: '1',
    // As behind a company proxy: the extension must start its server without it (a check of the suite).
    ...(process.env.NODE_EXTRA_CA_CERTS || !fs.existsSync(SYSTEM_CERTIFICATES) ? {} : { NODE_EXTRA_CA_CERTS: SYSTEM_CERTIFICATES }),
  });
}

function serverDirs(run) {
  return ['--server-data-dir', run.serverData, '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--logsPath', run.logs];
}

/** Settings of the server's machine (`<user-data-dir>/Machine/settings.json`), below workspace settings. */
export function writeMachineSettings(run, settings) {
  const file = path.join(run.userData, 'Machine', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** `--install-extension` through the server's own CLI: a .vsix VS Code refuses fails here. Returns the installed folder. */
export async function installVsix(run, vsix) {
  const started = Date.now();
  const output = await runToEnd(nodeBin, [serverMain, '--accept-server-license-terms', ...serverDirs(run), '--install-extension', vsix, '--force'], {
    env: isolatedEnv(run),
    timeoutMs: 60_000,
  });
  const installed = fs.readdirSync(run.extensions).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`--install-extension did not install ${EXTENSION_ID} into ${run.extensions}:\n${output.trim()}`);
  const folder = path.join(run.extensions, installed[0]);
  log(`installed ${installed[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return folder;
}

/** A port nobody listens on: the given one if it is free, else any. */
async function freePort(host = '127.0.0.1', wanted = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.on('error', () => resolve(undefined));
      server.listen(port, host, () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (wanted ? await tryListen(wanted) : undefined) ?? (await tryListen(0));
}

function httpOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts the VS Code server (from code-server's bundle) on `port` if it is free, else on any free port,
 * and waits until it answers.
 * `smokeTestDriver` enables the hooks (codeAutomationLog / codeAutomationExit) the test run reports through.
 */
export async function startServer(run, { smokeTestDriver = false, host = '127.0.0.1', port, logFile } = {}) {
  port = await freePort(host, port);
  const args = [
    serverMain,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    ...serverDirs(run),
  ];
  const out = fs.openSync(logFile ?? path.join(run.logs, 'server.out.log'), 'a');
  const server = start(nodeBin, args, { env: isolatedEnv(run), stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deadline = Date.now() + 60_000;
  let exited;
  server.exited.then((e) => (exited = e));
  while (!(await httpOk(`${url}/version`))) {
    if (exited) throw new Error(`the VS Code server exited during start-up (${exited.code ?? exited.signal}); see ${run.logs}/server.out.log`);
    if (Date.now() > deadline) throw new Error(`the VS Code server did not answer on ${url} within 60 s; see ${run.logs}/server.out.log`);
    await delay(200);
  }
  return { url, port, process: server };
}

/** Headless Debian Chromium through playwright-core, with a throw-away profile. */
export async function launchBrowser(run, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium: playwright } = (await import(pathToFileURL(playwrightCore).href)).default;
  const context = await playwright.launchPersistentContext(run.browser, {
    executablePath: chromium,
    headless: true,
    viewport,
    timeout: 60_000,
    env: isolatedEnv(run),
    // Our own handlers close the browser first and then stop the server; Playwright's would exit at once.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onCleanup(() => context.close());
  return context;
}

/** The workbench URL for a folder on the server, optionally with the test payload. */
export function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** A path on the server's machine, as the workbench addresses it. */
export function remoteUri(server, file) {
  return `vscode-remote://127.0.0.1:${server.port}${file.split(path.sep).join('/')}`;
}
