// Protocol tests: the built server (dist/server.js, `npm run build`) over real JSON-RPC on stdio.
// Assertions target one rule code at a time, since other rules keep being added.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  LogMessageNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { ConfigInfo } from '../server/src/lsp/config-info';
import { overrideLevels } from '../server/src/lsp/settings';
import { lintToDiagnostics } from '../server/src/lsp/validation';
import { Inbox, startServer, tempFolder, withCode, withDeadline, type Server } from './lsp-client';

const DEADLINE_MS = 5000;
const within = withDeadline(DEADLINE_MS);
/** A real folder, so that configuration files can be found above the documents. */
const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-lsp-');

const DEMO = `stratlint: 1
id: demo
title: Demo strategy
people:
  - { id: hugo, name: Hugo R. }
objectives:
  - id: obj-a
    title: Grow reorders
    owner: hugoo
`;
/** `hugoo` on line 8 (0-based), after `    owner: `. */
const TYPO = { start: { line: 8, character: 11 }, end: { line: 8, character: 16 } };
/** The last `o` of `hugoo`: deleting it fixes the reference, inserting it back breaks it again. */
const LAST_O = { start: { line: 8, character: 15 }, end: { line: 8, character: 16 } };

/** LSP 3.18 allows markup in messages; ours are plain strings. */
const plain = (message: Diagnostic['message']): string => (typeof message === 'string' ? message : message.value);

describe('language server over stdio', () => {
  let server: Server;
  let connection: ProtocolConnection;
  const logs: string[] = [];
  const inbox = new Inbox(DEADLINE_MS);
  /** What the test client answers to `workspace/configuration` for the `stratlint` section. */
  let configuration: Record<string, unknown> = { files: ['plans/*.yaml'] };

  const open = (uri: string, text: string, version = 1) =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  const change = (uri: string, version: number, ...contentChanges: TextDocumentContentChangeEvent[]) =>
    connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  const configure = (settings: Record<string, unknown>) => {
    configuration = settings;
    return connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { stratlint: settings } });
  };

  before(async () => {
    server = await startServer({
      folder: FOLDER,
      deadlineMs: DEADLINE_MS,
      inbox,
      settings: () => configuration,
      onConnection: (connection) =>
        connection.onNotification(LogMessageNotification.type, (params) => {
          logs.push(params.message);
        }),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    connection = server.connection;
    const sync = server.result.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  });

  after(() => {
    server?.kill();
    rmSync(DIR, { recursive: true, force: true });
  });

  const demo = `${FOLDER}/demo.strategy.yaml`;

  it('publishes an unknown-reference diagnostic for the opened version', async () => {
    await open(demo, DEMO, 1);
    const published = await inbox.next((p) => p.uri === demo && p.version === 1, 'diagnostics for version 1');
    const [diagnostic] = withCode(published, 'unknown-reference');
    assert.ok(diagnostic, `no unknown-reference in ${JSON.stringify(published.diagnostics)}`);
    assert.deepEqual(diagnostic.range, TYPO);
    assert.equal(diagnostic.source, 'stratlint');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/stratlint/stratlint/blob/main/docs/rules/unknown-reference.md');
    assert.match(plain(diagnostic.message), /Did you mean 'hugo'/);
    // The quick fix travels in the diagnostic.
    const data = diagnostic.data as { ruleId: string; fixes?: { ops: { op: string; value: unknown }[] }[] };
    assert.equal(data.ruleId, 'unknown-reference');
    assert.deepEqual(data.fixes?.[0].ops.map((o) => [o.op, o.value]), [['replace', 'hugo']]);
  });

  it('re-lints after an incremental change and publishes for the new version', async () => {
    await change(demo, 2, { range: LAST_O, text: '' });
    const published = await inbox.next((p) => p.uri === demo && p.version === 2, 'diagnostics for version 2');
    assert.deepEqual(withCode(published, 'unknown-reference'), []);
  });

  it('after a burst of changes publishes the last version last, never an older one after a newer one', async () => {
    const from = inbox.mark();
    // Versions 3..13 alternately break and fix the reference; 13 (odd) leaves it broken.
    for (let version = 3; version <= 13; version++) {
      await change(demo, version, version % 2 === 1 ? { range: { start: LAST_O.start, end: LAST_O.start }, text: 'o' } : { range: LAST_O, text: '' });
    }
    const last = await inbox.next((p) => p.uri === demo && p.version === 13, 'diagnostics for version 13', from);
    assert.deepEqual(withCode(last, 'unknown-reference').map((d) => d.range), [TYPO]);

    // Publish something else and wait for it, so any late publication for demo would have arrived by now.
    const barrier = `${FOLDER}/barrier.strategy.yaml`;
    await open(barrier, DEMO);
    await inbox.next((p) => p.uri === barrier, 'diagnostics for the barrier document', from);
    const versions = inbox.of(demo, from).map((p) => p.version);
    assert.deepEqual([...versions].sort((a, b) => a! - b!), versions, `versions out of order: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), 13);
  });

  it('ignores YAML that is not a strategy file and lints files matching stratlint.files', async () => {
    const from = inbox.mark();
    const plain = `${FOLDER}/foo.yaml`;
    const plan = `${FOLDER}/plans/q3.yaml`;
    await open(plain, DEMO);
    await open(plan, DEMO);
    // Both are linted in the order opened, so once the plan's diagnostics are here, any for foo.yaml would be too.
    const published = await inbox.next((p) => p.uri === plan, 'diagnostics for plans/q3.yaml', from);
    assert.equal(withCode(published, 'unknown-reference').length, 1);
    assert.deepEqual(inbox.of(plain), []);
  });

  it('re-lints open documents when the settings change', async () => {
    const plan = `${FOLDER}/plans/q3.yaml`;
    let from = inbox.mark();
    await configure({ files: ['plans/*.yaml'], rules: { 'unknown-reference': 'warning' } });
    const relinted = await inbox.next((p) => p.uri === plan, 'diagnostics after a settings change', from);
    assert.deepEqual(withCode(relinted, 'unknown-reference').map((d) => d.severity), [DiagnosticSeverity.Warning]);

    // No longer a strategy file: its diagnostics are cleared.
    from = inbox.mark();
    await configure({ files: [] });
    const cleared = await inbox.next((p) => p.uri === plan, 'cleared diagnostics after a settings change', from);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('keeps serving after hostile documents', async () => {
    const from = inbox.mark();
    const binary = `${FOLDER}/binary.strategy.yaml`;
    const bomb = `${FOLDER}/bomb.strategy.yml`;
    await open(binary, 'stratlint: 1\u0000\u0001');
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) aliases.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    await open(bomb, aliases.join('\n'));
    await inbox.next((p) => p.uri === binary, 'diagnostics for a binary document', from);
    await inbox.next((p) => p.uri === bomb, 'diagnostics for an alias bomb', from);
    // Still alive and linting.
    await change(demo, 14, { range: LAST_O, text: '' });
    const published = await inbox.next((p) => p.uri === demo && p.version === 14, 'diagnostics for version 14', from);
    assert.deepEqual(withCode(published, 'unknown-reference'), []);
  });

  it('keeps the findings of a closed workspace document, linted again from its file on disk', async () => {
    // The saved file still has the typo that the open document (version 14) no longer has.
    writeFileSync(path.join(DIR, 'demo.strategy.yaml'), DEMO);
    const from = inbox.mark();
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: demo } });
    const published = await inbox.next((p) => p.uri === demo, 'diagnostics after close', from);
    assert.equal(published.version, undefined);
    assert.deepEqual(withCode(published, 'unknown-reference').map((d) => d.range), [TYPO]);
  });

  it('clears the diagnostics of a closed document without a file in the workspace folders', async () => {
    const outside = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stratlint-outside-')));
    try {
      const elsewhere = `${pathToFileURL(outside).href}/elsewhere.strategy.yaml`;
      writeFileSync(path.join(outside, 'elsewhere.strategy.yaml'), DEMO);
      // Not saved: the barrier documents exist only in the editor.
      const unsaved = `${FOLDER}/barrier.strategy.yaml`;
      let from = inbox.mark();
      await open(elsewhere, DEMO);
      assert.equal(withCode(await inbox.next((p) => p.uri === elsewhere, 'diagnostics outside the folders', from), 'unknown-reference').length, 1);
      from = inbox.mark();
      for (const uri of [elsewhere, unsaved]) await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      for (const uri of [elsewhere, unsaved]) assert.deepEqual((await inbox.next((p) => p.uri === uri, `diagnostics after closing ${uri}`, from)).diagnostics, []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('closing a file that is not a strategy document publishes nothing', async () => {
    const plain = `${FOLDER}/foo.yaml`;
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: plain } });
    // Closing is handled in order, so once a later document's diagnostics arrive, foo.yaml's would have.
    const barrier = `${FOLDER}/barrier2.strategy.yaml`;
    await open(barrier, DEMO);
    await inbox.next((p) => p.uri === barrier, 'diagnostics for the barrier document');
    assert.deepEqual(inbox.of(plain), []);
  });

  describe('configuration files', () => {
    const rcFile = path.join(DIR, 'cfg', '.stratlintrc.yaml');
    const rc = pathToFileURL(rcFile).href;
    const plan = `${FOLDER}/cfg/plan.strategy.yaml`;
    const note = `${FOLDER}/cfg/notes/a.yaml`;
    const VALID_RC = 'rules:\n  unknown-reference: warning\nfiles:\n  - notes/*.yaml\n';
    /** `no-such-rule` on line 2 (0-based), indented by 2. */
    const INVALID_RC = '# team defaults\nrules:\n  no-such-rule: error\n';
    const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

    const writeRc = async (text: string) => {
      writeFileSync(rcFile, text);
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rc, type: FileChangeType.Changed }] });
    };
    const configInfo = (uri: string) => within(connection.sendRequest<ConfigInfo>('stratlint/configInfo', { uri }), 'configInfo response');
    const severities = (params: PublishDiagnosticsParams, code: string) => withCode(params, code).map((d) => d.severity);
    const assertInvalidRcDiagnostic = (params: PublishDiagnosticsParams) => {
      assert.equal(params.diagnostics.length, 1, JSON.stringify(params.diagnostics));
      const [d] = params.diagnostics;
      assert.deepEqual([d.range.start, d.severity, d.source, d.code], [{ line: 2, character: 2 }, DiagnosticSeverity.Error, 'stratlint', 'config']);
      assert.match(plain(d.message), /unknown rule 'no-such-rule'/);
    };
    const assertConfigProblem = (params: PublishDiagnosticsParams) => {
      const [d] = withCode(params, 'config');
      assert.ok(d, `no config diagnostic in ${JSON.stringify(params.diagnostics)}`);
      assert.deepEqual([d.range, d.severity, d.source], [START, DiagnosticSeverity.Error, 'stratlint']);
      assert.match(plain(d.message), /^Configuration cfg\/\.stratlintrc\.yaml is invalid: unknown rule 'no-such-rule'.* — default rules used$/);
      assert.equal(d.relatedInformation?.[0].location.uri, rc);
      assert.equal(d.relatedInformation?.[0].location.range.start.line, 2);
      // Linted with the default rules meanwhile.
      assert.deepEqual(severities(params, 'unknown-reference'), [DiagnosticSeverity.Error]);
    };

    it('asks the client to watch configuration files, and YAML files for the workspace index', () => {
      const watch = server.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
      assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/.stratlintrc.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }] });
    });

    it('applies the nearest .stratlintrc.yaml: its severities and its files globs', async () => {
      mkdirSync(path.dirname(rcFile), { recursive: true });
      writeFileSync(rcFile, VALID_RC);
      const from = inbox.mark();
      await open(plan, DEMO);
      await open(note, DEMO);
      const published = await inbox.next((p) => p.uri === plan, 'diagnostics for cfg/plan.strategy.yaml', from);
      assert.deepEqual(severities(published, 'unknown-reference'), [DiagnosticSeverity.Warning]);
      assert.deepEqual(withCode(published, 'config'), []);
      const noted = await inbox.next((p) => p.uri === note, 'diagnostics for cfg/notes/a.yaml (config files glob)', from);
      assert.deepEqual(severities(noted, 'unknown-reference'), [DiagnosticSeverity.Warning]);
      assert.deepEqual(await configInfo(plan), { configFile: rcFile, sources: [rcFile] });
    });

    it('lets the stratlint.rules setting win over the configuration', async () => {
      let from = inbox.mark();
      await configure({ rules: { 'unknown-reference': 'off' } });
      const off = await inbox.next((p) => p.uri === plan, 'diagnostics after turning the rule off', from);
      assert.deepEqual(withCode(off, 'unknown-reference'), []);

      from = inbox.mark();
      await configure({});
      const back = await inbox.next((p) => p.uri === plan, 'diagnostics after removing the setting', from);
      assert.deepEqual(severities(back, 'unknown-reference'), [DiagnosticSeverity.Warning]);
    });

    it('reports an invalid configuration on the config file, closed, and in the documents using it', async () => {
      const from = inbox.mark();
      await writeRc(INVALID_RC);
      assertInvalidRcDiagnostic(await inbox.next((p) => p.uri === rc, 'diagnostics on the config file', from));
      assertConfigProblem(await inbox.next((p) => p.uri === plan, 'diagnostics for plan after the config broke', from));
      const info = await configInfo(plan);
      assert.equal(info.configFile, rcFile);
      assert.match(info.error ?? '', /no-such-rule/);
    });

    it('clears the config diagnostic once the configuration is fixed', async () => {
      const from = inbox.mark();
      await writeRc(VALID_RC);
      const cleared = await inbox.next((p) => p.uri === rc, 'cleared diagnostics on the config file', from);
      assert.deepEqual(cleared.diagnostics, []);
      const published = await inbox.next((p) => p.uri === plan, 'diagnostics for plan after the fix', from);
      assert.deepEqual(withCode(published, 'config'), []);
      assert.deepEqual(severities(published, 'unknown-reference'), [DiagnosticSeverity.Warning]);
      assert.deepEqual(await configInfo(plan), { configFile: rcFile, sources: [rcFile] });
    });

    it('checks an open config file as it is typed, and the saved file again once it is closed', async () => {
      let from = inbox.mark();
      await open(rc, VALID_RC);
      await change(rc, 2, { text: INVALID_RC });
      const typed = await inbox.next((p) => p.uri === rc, 'diagnostics on the edited config file', from);
      assertInvalidRcDiagnostic(typed); // and nothing was published for the valid text it opened with
      assertConfigProblem(await inbox.next((p) => p.uri === plan && withCode(p, 'config').length > 0, 'config diagnostic from the unsaved buffer', from));

      from = inbox.mark();
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: rc } });
      assert.deepEqual((await inbox.next((p) => p.uri === rc, 'cleared diagnostics after closing the config file', from)).diagnostics, []);
      const published = await inbox.next((p) => p.uri === plan, 'diagnostics for plan after closing the config file', from);
      assert.deepEqual(withCode(published, 'config'), []);
    });
  });

  it('lints and publishes nothing after the shutdown request, then exits', async () => {
    const late = `${FOLDER}/late.strategy.yaml`;
    await open(late, DEMO);
    await inbox.next((p) => p.uri === late, 'diagnostics for the opened document');
    const from = inbox.mark();
    // Two changes at once: the second waits for the pause in typing (DEBOUNCE_MS), and shutdown comes first.
    await change(late, 2, { range: LAST_O, text: '' });
    await change(late, 3, { range: { start: LAST_O.start, end: LAST_O.start }, text: 'o' });
    await withDeadline(DEADLINE_MS)(connection.sendRequest(ShutdownRequest.type), 'shutdown response');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(inbox.of(late, from).map((p) => p.version), [], 'published after shutdown');
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await withDeadline(DEADLINE_MS)(exited, 'server exit'), 0, `stderr:\n${server.stderr}\nlog:\n${logs.join('\n')}`);
  });
});

describe('stratlint.rules over .stratlintrc.yaml', () => {
  it('sets the level and keeps the options the configuration gave', () => {
    assert.deepEqual(overrideLevels({ a: ['warning', { max: 3 }], b: 'error', c: ['info'], d: 'info' }, { a: 'error', b: 'off', c: 'warning', e: 'info' }), {
      a: ['error', { max: 3 }],
      b: 'off',
      c: 'warning',
      d: 'info',
      e: 'info',
    });
  });
});

describe('lint failure', () => {
  it('turns an engine crash into one internal-error diagnostic at 0:0', () => {
    const crashes: unknown[] = [];
    const diagnostics = lintToDiagnostics(DEMO, { uri: 'file:///ws/x.strategy.yaml' }, (e) => crashes.push(e), () => {
      throw new Error('boom');
    });
    assert.equal(crashes.length, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'internal-error');
    assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(plain(diagnostics[0].message), /boom/);
  });
});
