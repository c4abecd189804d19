// Protocol tests of the workspace index in the editor (issue 6): the built server (dist/server.js,
// `npm run build`) over stdio, with a workspace folder of strategy documents on disk. Findings of
// closed documents are published, a finding in one document can be caused by another, and the
// index follows edits, file events and deletions. No fixed sleeps: every wait has a deadline.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  FileChangeType,
  PublishDiagnosticsNotification,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Location,
  type Position,
  type ProgressToken,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { Inbox, startServer, tempFolder, withCode, withDeadline, type Server } from './lsp-client';

const DEADLINE_MS = 10_000;
const within = withDeadline(DEADLINE_MS);

/** `claire` owns two open tactics here; two more elsewhere make four, over the maximum of 3. */
const A = `stratlint: 1
id: a-plan
title: Grow the web shop
status: active
people:
  - { id: claire, name: Claire M. }
objectives:
  - id: obj-web
    title: Move 30% of reorders online
    tactics:
      - { id: t-pages, title: Landing pages, owner: claire, due: 2027-06-30 }
      - { id: t-ads, title: Search ads, owner: claire, due: 2027-09-30 }
`;
const B = `stratlint: 1
id: b-plan
title: Move the warehouse
status: active
people:
  - { id: claire, name: Claire M. }
  - { id: sam, name: Sam K. }
objectives:
  - id: obj-move
    title: Ship from Lyon by September
    tactics:
      - { id: t-lease, title: Sign the lease, owner: claire, due: 2027-04-30 }
      - { id: t-movers, title: Choose the movers, owner: claire, due: 2027-05-31 }
`;
/** B with one of claire's tactics given to sam: three in all, not over. */
const B_RELIEVED = B.replace('Choose the movers, owner: claire', 'Choose the movers, owner: sam');
const C = `stratlint: 1
id: c-plan
title: Train the sales team
status: active
related_strategies:
  - { ref: d-plan, relation: supports }
`;
/** A tactic without an owner: a finding in a document nobody opens. */
const D = `stratlint: 1
id: d-plan
title: Open a second warehouse
status: active
objectives:
  - id: obj-ship
    title: Ship from Lyon
    tactics:
      - { id: t-site, title: Choose a site, due: 2027-06-30 }
`;

/** The position of `needle` in `text`, plus `offset` characters. */
function at(text: string, needle: string, offset = 0): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} not found`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
};

describe('workspace index over stdio', () => {
  const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-workspace-');
  const file = (name: string) => path.join(DIR, name);
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((n) => `${FOLDER}/plans/${n}.strategy.yaml`);
  const inbox = new Inbox(DEADLINE_MS);
  let server: Server;
  /** What the test client answers to `workspace/configuration` for the `stratlint` section. */
  let settings: Record<string, unknown> = {};
  const SECOND = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stratlint-second-')));

  const open = (uri: string, text: string, version = 1) =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  const onDisk = (uri: string, type: FileChangeType) =>
    server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  const overload = (p: PublishDiagnosticsParams) => withCode(p, 'owner-overload');

  before(async () => {
    mkdirSync(file('plans'));
    for (const [name, text] of [['a', A], ['b', B], ['c', C], ['d', D]]) writeFileSync(file(`plans/${name}.strategy.yaml`), text);
    // Not searched: dependencies, and a link back to the folder itself (a loop).
    mkdirSync(file('node_modules/pkg'), { recursive: true });
    writeFileSync(file('node_modules/pkg/x.strategy.yaml'), D);
    try {
      symlinkSync(DIR, file('plans/loop'), 'dir');
    } catch {
      // no symbolic links here (Windows without the privilege): nothing to test
    }
    // A strategy document only once `stratlint.files` says so.
    mkdirSync(file('notes'));
    writeFileSync(file('notes/n.yaml'), D.replace('id: d-plan', 'id: n-plan'));
    writeFileSync(path.join(SECOND, 'x.strategy.yaml'), D.replace('id: d-plan', 'id: x-plan'));
    server = await startServer({ folder: FOLDER, capabilities: CAPABILITIES, deadlineMs: DEADLINE_MS, inbox, settings: () => settings });
  });

  after(() => {
    server?.kill();
    rmSync(DIR, { recursive: true, force: true });
    rmSync(SECOND, { recursive: true, force: true });
  });

  it('publishes the findings of closed documents once the folder is scanned', async () => {
    for (const uri of [a, b, c]) await inbox.next((p) => p.uri === uri, `diagnostics for the closed ${uri}`);
    const closed = await inbox.next((p) => p.uri === d, 'diagnostics for the closed d.strategy.yaml');
    assert.equal(closed.version, undefined);
    assert.equal(withCode(closed, 'tactic-owner').length, 1);
    // A cross-file finding in a closed document: claire's tactics of b, with a's as related information.
    const published = await inbox.next((p) => p.uri === b && overload(p).length > 0, 'owner-overload in the closed b.strategy.yaml');
    assert.ok(overload(published)[0].relatedInformation?.some((r) => r.location.uri === a));
  });

  it('shows in an open document a finding caused by another, pointing into it', async () => {
    await open(a, A);
    const published = await inbox.next((p) => p.uri === a && p.version === 1, 'diagnostics for a.strategy.yaml v1');
    const found = overload(published);
    assert.deepEqual(found.map((f) => f.range.start), [at(A, 'owner: claire', 7), at(A, 'owner: claire, due: 2027-09', 7)]);
    assert.match(String(found[0].message), /owns 4 open tactics across 2 strategies \(at most 3\)/);
    const elsewhere = found[0].relatedInformation?.filter((r) => r.location.uri === b) ?? [];
    assert.deepEqual(elsewhere.map((r) => r.location.range.start), [at(B, 'owner: claire', 7), at(B, 'owner: claire, due: 2027-05', 7)]);
  });

  it('drops the finding when the other document changes on disk', async () => {
    const from = inbox.mark();
    writeFileSync(file('plans/b.strategy.yaml'), B_RELIEVED);
    await onDisk(b, FileChangeType.Changed);
    const relinted = await inbox.next((p) => p.uri === a, 'diagnostics for a.strategy.yaml after b changed on disk', from);
    assert.equal(relinted.version, 1);
    assert.deepEqual(overload(relinted), []);
    assert.deepEqual(overload(await inbox.next((p) => p.uri === b, 'diagnostics for b.strategy.yaml after it changed', from)), []);
    // c and d share nothing with b: not linted again.
    assert.ok(!inbox.received.slice(from).some((p) => p.uri === c || p.uri === d));
  });

  it('follows the other document open in the editor, and its file again once it is closed', async () => {
    let from = inbox.mark();
    await open(b, B_RELIEVED);
    await inbox.next((p) => p.uri === b && p.version === 1, 'diagnostics for the opened b.strategy.yaml', from);
    // Unsaved: claire gets her second tactic of b back.
    from = inbox.mark();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: b, version: 2 }, contentChanges: [{ text: B }] });
    assert.equal(overload(await inbox.next((p) => p.uri === a && overload(p).length > 0, 'owner-overload in a after editing b', from)).length, 2);
    // Closed without saving: the file on disk applies again, and b's findings stay, without a version.
    from = inbox.mark();
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: b } });
    const closed = await inbox.next((p) => p.uri === b, 'diagnostics for b.strategy.yaml after closing it', from);
    assert.equal(closed.version, undefined);
    assert.deepEqual(overload(closed), []);
    assert.ok(closed.diagnostics.length > 0, 'the findings of a closed strategy document stay');
    assert.deepEqual(overload(await inbox.next((p) => p.uri === a, 'diagnostics for a after closing b', from)), []);
  });

  it('withdraws the findings of a deleted file, and what it caused elsewhere', async () => {
    let from = inbox.mark();
    writeFileSync(file('plans/b.strategy.yaml'), B);
    await onDisk(b, FileChangeType.Changed);
    await inbox.next((p) => p.uri === a && overload(p).length > 0, 'owner-overload in a after b changed back', from);

    from = inbox.mark();
    unlinkSync(file('plans/b.strategy.yaml'));
    await onDisk(b, FileChangeType.Deleted);
    assert.deepEqual((await inbox.next((p) => p.uri === b, 'withdrawn diagnostics for the deleted b', from)).diagnostics, []);
    assert.deepEqual(overload(await inbox.next((p) => p.uri === a, 'diagnostics for a after b was deleted', from)), []);
  });

  it('indexes a file created on disk', async () => {
    const from = inbox.mark();
    writeFileSync(file('plans/e.strategy.yaml'), D.replace('id: d-plan', 'id: e-plan'));
    await onDisk(e, FileChangeType.Created);
    const published = await inbox.next((p) => p.uri === e, 'diagnostics for the created e.strategy.yaml', from);
    assert.equal(withCode(published, 'tactic-owner').length, 1);
  });

  it('goes from a related_strategies ref to the closed document defining that strategy', async () => {
    await open(c, C);
    const location = (await within(
      server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: c }, position: at(C, 'd-plan', 2) }),
      'definition',
    )) as Location;
    assert.deepEqual(location, { uri: d, range: { start: at(D, 'd-plan'), end: at(D, 'd-plan', 6) } });
  });

  it('links a related_strategies ref to the closed document defining that strategy', async () => {
    const links = await within(server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: c } }), 'document links');
    assert.deepEqual(links?.map((l) => [l.target, l.range.start]), [[d, at(C, 'd-plan')]]);
  });

  it('indexes the files a setting makes strategy documents, and withdraws them when it no longer does', async () => {
    const note = `${FOLDER}/notes/n.yaml`;
    let from = inbox.mark();
    settings = { files: ['notes/*.yaml'] };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { stratlint: settings } });
    const published = await inbox.next((p) => p.uri === note, 'diagnostics for notes/n.yaml once it is a strategy document', from);
    assert.equal(withCode(published, 'tactic-owner').length, 1);

    from = inbox.mark();
    settings = {};
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { stratlint: settings } });
    assert.deepEqual((await inbox.next((p) => p.uri === note, 'withdrawn diagnostics for notes/n.yaml', from)).diagnostics, []);
  });

  it('indexes an added workspace folder, and withdraws the findings of a removed one', async () => {
    const folder = { uri: pathToFileURL(SECOND).href, name: 'second' };
    const x = `${folder.uri}/x.strategy.yaml`;
    let from = inbox.mark();
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder], removed: [] } });
    assert.equal(withCode(await inbox.next((p) => p.uri === x, 'diagnostics for the added folder', from), 'tactic-owner').length, 1);

    from = inbox.mark();
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder] } });
    assert.deepEqual((await inbox.next((p) => p.uri === x, 'withdrawn diagnostics for the removed folder', from)).diagnostics, []);
  });

  it('never indexed what it must not search', () => {
    assert.ok(!inbox.received.some((p) => p.uri.includes('/node_modules/') || p.uri.includes('/loop/')), inbox.received.map((p) => p.uri).join('\n'));
  });

  it('shuts down and exits', async () => {
    await server.stop();
  });
});

describe('workspace scan progress', () => {
  const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-progress-');
  const COUNT = 60;

  after(() => rmSync(DIR, { recursive: true, force: true }));

  it('reports the scan of a larger workspace as work-done progress, ending once every document is published; an open document is served meanwhile', async () => {
    for (let n = 0; n < COUNT; n++) writeFileSync(path.join(DIR, `s${n}.strategy.yaml`), D.replace('id: d-plan', `id: plan-${n}`));
    const created: ProgressToken[] = [];
    const progress: { token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd; published: number }[] = [];
    const published = new Set<string>();
    const opened = `${FOLDER}/opened.strategy.yaml`;
    /** How many documents had been published when the opened one was. */
    let publishedBeforeOpened = -1;
    // The scan waits for the folder's settings; the client holds them back until the document
    // opened meanwhile is published, which shows that it does not wait for the scan.
    let release: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let ended: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const server = await startServer({
      folder: FOLDER,
      capabilities: { ...CAPABILITIES, window: { workDoneProgress: true } },
      deadlineMs: DEADLINE_MS,
      onConnection: (connection) => {
        connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
          if (p.uri === opened && publishedBeforeOpened < 0) {
            publishedBeforeOpened = published.size;
            release();
          }
          published.add(p.uri);
        });
        connection.onRequest(ConfigurationRequest.type, async (params) => {
          if (params.items.some((item) => item.scopeUri === FOLDER)) await released;
          return params.items.map(() => ({}));
        });
        connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
          created.push(token);
          connection.onProgress(WorkDoneProgress.type, token, (value) => {
            progress.push({ token, value, published: published.size });
            if (value.kind === 'end') ended();
          });
        });
      },
    });
    try {
      // Opened while the folder is being scanned: linted without waiting for the scan.
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: opened, languageId: 'yaml', version: 1, text: D } });
      await within(end, 'the end of the scan progress');
      assert.equal(publishedBeforeOpened, 0);
      assert.equal(created.length, 1);
      assert.ok(progress.every((p) => p.token === created[0]));
      assert.equal(progress[0].value.kind, 'begin');
      assert.equal((progress[0].value as WorkDoneProgressBegin).title, 'stratlint');
      const percentages = progress.filter((p) => p.value.kind === 'report').map((p) => (p.value as WorkDoneProgressReport).percentage!);
      assert.deepEqual(percentages, [...percentages].sort((x, y) => x - y));
      assert.equal(progress.at(-1)!.published, COUNT + 1);
      await server.stop();
    } finally {
      release!();
      server.kill();
    }
  });
});
