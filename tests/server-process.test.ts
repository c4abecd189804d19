// How the extension starts its language server (client/src/server-process.ts): the first process
// starts before the client library loads, over Node IPC as the library would start it, and a
// process the client lets go is killed if it does not exit on its own.
import assert from 'node:assert/strict';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createProtocolConnection, InitializeRequest, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { serverEnvironment } from '../client/src/server-environment';
import { launchServer, serverNodeFlags, ServerProcesses, startedInDebugMode, type ServerLaunch } from '../client/src/server-process';
import { SERVER, tempFolder, withDeadline } from './lsp-client';

const within = withDeadline(10_000);
const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-server-process-');
const started: ChildProcess[] = [];
after(() => started.forEach((child) => child.kill('SIGKILL')));

/** Pids of this process's children (`pgrep` exits 1 when there are none). */
function children(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

function launch(module = SERVER): ServerLaunch & { text: () => string } {
  const lines: string[] = [];
  return {
    module,
    env: serverEnvironment(process.env, { STRATLINT_CACHE_DIR: path.join(DIR, 'cache') }),
    debug: false,
    log: { info: (line) => lines.push(`info: ${line}`), error: (line) => lines.push(`error: ${line}`) },
    text: () => lines.join('\n'),
  };
}

async function initialize(child: ChildProcess): Promise<string | undefined> {
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const result = await within(connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: FOLDER, capabilities: {} }), 'initialize result');
    return result.serverInfo?.name;
  } finally {
    connection.dispose();
  }
}

describe('starting the language server from the extension', () => {
  it('tells a debugged extension host by the flags the client library looks for', () => {
    for (const flags of [['--inspect'], ['--inspect=6010'], ['--inspect-brk=0'], ['--debug'], ['--nolazy', '--debug-brk']]) assert.ok(startedInDebugMode(flags), flags.join(' '));
    for (const flags of [[], ['--inspect-port=9229'], ['--max-old-space-size=4096'], ['--enable-source-maps']]) assert.ok(!startedInDebugMode(flags), flags.join(' '));
  });

  it('starts the first server at once and hands it out first; later requests get new processes that answer over IPC', async () => {
    const before = children();
    const processes = new ServerProcesses(launch());
    const early = children().filter((pid) => !before.includes(pid));
    assert.equal(early.length, 1, 'one process started with the constructor, before the client asks for one');
    const first = await processes.next();
    started.push(first);
    assert.equal(first.pid, early[0], 'the client gets the process started early');
    assert.ok(first.spawnargs.includes('--node-ipc') && first.spawnargs.includes(`--clientProcessId=${process.pid}`), first.spawnargs.join(' '));
    assert.equal(await initialize(first), 'stratlint');
    const second = await processes.next();
    started.push(second);
    assert.notEqual(second.pid, first.pid);
    assert.equal(await initialize(second), 'stratlint');
    // The first one was let go: it is stopped even though nobody told it to exit.
    await within(exited(first), 'the replaced server to be stopped');
    processes.reap();
    await within(exited(second), 'the last server to be stopped after reap');
  });

  it('gives each flag only to V8 versions known to have it (an unknown flag stops the process)', () => {
    assert.deepEqual(serverNodeFlags('11.3.244.8-node.33'), ['--min-semi-space-size=16', '--concurrent-sparkplug']);
    for (const version of ['12.8.374.38-electron.0', '13.6.233.10-node.27']) assert.deepEqual(serverNodeFlags(version), ['--min-semi-space-size=16'], version);
    for (const version of ['10.2.154.26', '14.0.1', 'unknown']) assert.deepEqual(serverNodeFlags(version), [], version);
  });

  it('starts the server with the V8 settings for its first lint in effect', async (t) => {
    const probe = path.join(DIR, 'probe.js');
    writeFileSync(
      probe,
      "const v8 = require('node:v8');\n" +
        "const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');\n" +
        "process.stdout.write(JSON.stringify({ execArgv: process.execArgv, young: young.space_size }) + '\\n');\n",
    );
    const options = launch(probe);
    const child = launchServer(options);
    started.push(child);
    await within(exited(child), 'the probe to exit');
    const report = JSON.parse(options.text().replace(/^info: /, '')) as { execArgv: string[]; young: number };
    assert.deepEqual(report.execArgv, serverNodeFlags());
    // V8 starts the young generation at 1 MB a half unless told otherwise (on Node 20 and 24).
    if (report.execArgv.length > 0) assert.equal(report.young, 16 * 2 ** 20, 'the young generation starts at 16 MB a half');
    else t.diagnostic(`V8 ${process.versions.v8} gets no flag: only that none is given is checked`);
  });

  it('kills a server that does not exit after the client lets it go, and says how a process ended', async () => {
    const stubborn = path.join(DIR, 'stubborn.js');
    writeFileSync(stubborn, "process.on('SIGINT', () => {}); setInterval(() => {}, 1000);\nprocess.stdout.write('one\\ntw'); process.stdout.write('o\\n');\nprocess.stderr.write('stubborn server up\\n');\n");
    const options = launch(stubborn);
    const processes = new ServerProcesses(options);
    const child = await processes.next();
    started.push(child);
    await within(new Promise<void>((resolve) => child.stderr!.once('data', () => resolve())), 'the stub to start');
    processes.reap();
    await within(exited(child), 'the stubborn process to be killed');
    assert.equal(child.signalCode, 'SIGTERM');
    assert.match(options.text(), /^error: stubborn server up$/m, 'stderr goes to the output channel as errors, line by line');
    assert.match(options.text(), /^info: one\ninfo: two$/m, 'stdout as information, in whole lines');
    assert.match(options.text(), /^error: .*ended with signal SIGTERM$/m);
  });

  it('starts a fresh process when the early one has already ended', async () => {
    const quitter = path.join(DIR, 'quitter.js');
    writeFileSync(quitter, 'process.exit(3);\n');
    const before = children();
    const processes = new ServerProcesses(launch(quitter));
    const [early] = children().filter((pid) => !before.includes(pid));
    assert.ok(early !== undefined);
    await within(
      (async () => {
        while (children().includes(early)) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      'the early process to end',
    );
    const child = await processes.next();
    started.push(child);
    assert.notEqual(child.pid, early, 'not the process that had ended');
    processes.reap();
    await assert.rejects(processes.next(), /stopping/, 'no new process once the extension stops');
  });

  it('reports a server that cannot start in the output channel, not as an error thrown in the editor', async () => {
    const options = launch(path.join(DIR, 'missing', 'server.js'));
    const child = launchServer(options);
    started.push(child);
    await within(exited(child), 'the process to exit');
    assert.match(options.text(), /^error: .*Cannot find module/m);
    assert.match(options.text(), /^error: .*exited with code 1$/m);
  });
});

describe('the packaged client', () => {
  it('activates with a stand-in editor API, starts its server and hands the editor the diagnostics of the open document', () => {
    // The benchmark's activation harness; here only what it reports, not how fast.
    const document = path.join(DIR, 'launch.strategy.yaml');
    copyFileSync(path.join(__dirname, 'e2e', 'workspace', 'launch.strategy.yaml'), document);
    const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'bench', 'activation.cjs'), path.join(__dirname, '..'), document, path.join(DIR, 'storage')], {
      encoding: 'utf8',
      timeout: 40_000,
    });
    const result = JSON.parse(out.trim()) as { loadMs: number; firstDiagnosticsMs: number; diagnostics: number };
    // tactic-owner and objective-kpi at least.
    assert.ok(result.diagnostics >= 2, out);
    assert.ok(result.firstDiagnosticsMs > result.loadMs, out);
  });
});
