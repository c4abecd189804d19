// The validator in process, with a stand-in connection whose `workspace/configuration` answers
// when the test says so: what the server does while it waits for the editor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { forgetRecentParses, parse, recentParse } from '../server/src/engine/parse';
import { ConfigStore } from '../server/src/lsp/configs';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from '../server/src/lsp/protocol';
import { SettingsStore } from '../server/src/lsp/settings';
import { DEBOUNCE_MS, Validator } from '../server/src/lsp/validation';
import { WorkspaceFiles } from '../server/src/lsp/workspace';
import { tempFolder } from './lsp-client';
import { generateStrategy } from '../scripts/bench/generate';

const EXAMPLE = readFileSync(path.join(__dirname, '..', 'examples', 'b2b-growth.strategy.yaml'), 'utf8');

/** Resolves after `n` turns of the event loop. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A validator over open documents, whose settings requests wait for `answer` (`{}` at once with
 * `atOnce`); `onAsk` runs as a request goes out.
 */
function harness(onAsk?: () => void, atOnce = false) {
  const { uri: folder } = tempFolder('stratlint-validation-');
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] } as unknown as TextDocuments<TextDocument>;
  const published: PublishDiagnosticsParams[] = [];
  const asked: { scopeUri?: string; answer: (settings: unknown) => void }[] = [];
  const connection = {
    sendDiagnostics: async (params: PublishDiagnosticsParams) => void published.push(params),
    console: { error: (message: string) => assert.fail(message), log: () => undefined, warn: () => undefined, info: () => undefined },
    workspace: {
      getConfiguration: (item: { scopeUri?: string }) => {
        onAsk?.();
        if (atOnce) return Promise.resolve({});
        return new Promise((resolve) => asked.push({ scopeUri: item.scopeUri, answer: resolve }));
      },
    },
  } as unknown as Connection;
  const folders = () => [folder];
  const settings = new SettingsStore(connection, () => true);
  const workspace = new WorkspaceFiles(connection, documents, folders);
  const validator = new Validator(connection, documents, settings, new ConfigStore(connection, documents, folders), {
    today: '2027-03-15',
    workspaceFolders: folders,
    workspace,
  });
  workspace.attach(validator);
  return {
    validator,
    published,
    asked,
    /** Opens a document of the folder and schedules its lint, as didOpen does (`opened`) or a change. */
    open(name: string, text: string, version = 1, opened = false): string {
      const uri = `${folder}/${name}`;
      open.set(uri, TextDocument.create(uri, 'yaml', version, text));
      validator.schedule(uri, opened);
      return uri;
    },
    /** Waits for the next settings request. */
    async request(count: number): Promise<void> {
      for (let i = 0; i < 200 && asked.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(asked.length, count, 'settings requests');
    },
  };
}

describe('validator: the first lint of a document', () => {
  afterEach(() => forgetRecentParses());

  it('starts linting a document just opened at the next turn, and a change after a timer', async (t) => {
    // Timers do not fire here unless the test says so.
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const h = harness(undefined, true);
    h.open('opened.strategy.yaml', EXAMPLE, 1, true);
    await turns(3);
    assert.equal(h.published.length, 1, 'the open is linted without a timer');
    h.open('opened.strategy.yaml', `${EXAMPLE}\n`, 2);
    await turns(3);
    assert.equal(h.published.length, 1, 'the change waits for its timer');
    mock.timers.tick(0);
    await turns(3);
    assert.equal(h.published.length, 2);
    assert.equal(h.published[1].version, 2);
  });

  it('lints a change that arrives while an open waits for its turn after the pause in typing', async (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const h = harness(undefined, true);
    h.open('burst.strategy.yaml', EXAMPLE, 1, true);
    h.open('burst.strategy.yaml', `${EXAMPLE}\n`, 2);
    await turns(3);
    assert.equal(h.published.length, 0, 'the open was not linted: a change came first');
    mock.timers.tick(DEBOUNCE_MS - 1);
    await turns(3);
    assert.equal(h.published.length, 0, 'the change waits for the pause');
    mock.timers.tick(1);
    await turns(3);
    assert.deepEqual(h.published.map((p) => p.version), [2]);
  });

  it('lints nothing once stopped: a change waiting for its timer, or one that comes after', async (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const h = harness(undefined, true);
    h.open('late.strategy.yaml', EXAMPLE, 1, true);
    await turns(3);
    assert.equal(h.published.length, 1);
    h.open('late.strategy.yaml', `${EXAMPLE}\n`, 2);
    h.validator.stop();
    h.open('late.strategy.yaml', `${EXAMPLE}\n\n`, 3);
    mock.timers.tick(DEBOUNCE_MS);
    await turns(3);
    assert.deepEqual(h.published.map((p) => p.version), [1]);
  });

  it('parses the document while the editor answers the settings request, and lints that parse', async () => {
    const h = harness();
    const uri = h.open('plan.strategy.yaml', EXAMPLE);
    await h.request(1);
    assert.equal(h.asked[0].scopeUri, uri);
    await turns(3);
    const early = recentParse(EXAMPLE);
    assert.ok(early, 'parsed before the settings arrived');
    assert.ok(early.doc && early.value, 'the example parses');
    assert.equal(h.published.length, 0, 'nothing published before the settings arrived');

    h.asked[0].answer({});
    for (let i = 0; i < 200 && h.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.published.length, 1);
    assert.equal(h.published[0].uri, uri);
    assert.ok(h.published[0].diagnostics.length > 0, 'the example has findings');
    assert.equal(recentParse(EXAMPLE), early, 'the lint used the parse made while waiting');
  });

  it('gives the same diagnostics as when nothing was parsed ahead', async () => {
    // The same text, linted once with its settings answered at once and once after the parse ahead.
    const quick = harness(undefined, true);
    const quickUri = quick.open('a.strategy.yaml', EXAMPLE);
    for (let i = 0; i < 200 && quick.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));

    forgetRecentParses();
    const slow = harness();
    const slowUri = slow.open('a.strategy.yaml', EXAMPLE);
    await slow.request(1);
    await turns(3);
    slow.asked[0].answer({});
    for (let i = 0; i < 200 && slow.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));

    const strip = (p: PublishDiagnosticsParams, uri: string) => JSON.parse(JSON.stringify(p.diagnostics).split(uri).join('URI'));
    assert.deepEqual(strip(slow.published[0], slowUri), strip(quick.published[0], quickUri));
  });

  it('reads a document whole on its first lint, and cuts it into the pieces edits reuse once its diagnostics are out', async () => {
    const text = generateStrategy(1000).text;
    const h = harness(undefined, true);
    const uri = h.open('whole.strategy.yaml', text, 1, true);
    const cache = (await h.validator.lintOptions(uri))!.options.parseCache!;
    for (let i = 0; i < 200 && h.published.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(h.published.length, 1);
    const first = recentParse(text);
    assert.ok(first?.value, 'the document parses');
    // Published in this turn; the pieces come at the next one.
    assert.equal(cache.size, 0, 'the first lint read the text whole');
    await turns(1);
    assert.ok(cache.size > 20, `${cache.size} pieces after the diagnostics`);
    assert.equal(recentParse(text), first, 'cutting moved no node: the first parse still counts');
    const at = text.indexOf('title: ', text.indexOf('objectives:')) + 7;
    assert.ok(parse(`${text.slice(0, at)}x${text.slice(at)}`, cache).value);
    assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed for one edit`);
  });

  it('does not parse ahead a YAML file that only the settings could make a strategy document', async () => {
    const h = harness();
    const text = 'title: shopping list\nitems: [milk, bread]\n';
    h.open('notes.yaml', text);
    await h.request(1);
    await turns(3);
    assert.equal(recentParse(text), undefined);
    // Settings that make it one: it is linted all the same.
    h.asked[0].answer({ files: ['*.yaml'] });
    for (let i = 0; i < 200 && h.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.published.length, 1);
  });

  it('does not parse ahead a document above the smallest size limit the settings have given', async () => {
    const h = harness();
    h.open('small.strategy.yaml', 'stratlint: 1\nid: small\ntitle: Small\n');
    await h.request(1);
    h.asked[0].answer({ maxFileSize: 1000 });
    for (let i = 0; i < 200 && h.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    // The example is over 1,000 characters: not parsed ahead, and then not linted either.
    assert.ok(EXAMPLE.length > 1000);
    h.open('plan.strategy.yaml', EXAMPLE);
    await h.request(2);
    await turns(3);
    assert.equal(recentParse(EXAMPLE), undefined);
    h.asked[1].answer({ maxFileSize: 1000 });
    for (let i = 0; i < 200 && h.published.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(
      h.published[1].diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
  });

  it('does not parse ahead a version the document has already left', async () => {
    // An edit arrives as the request goes out, before the parse ahead runs: the version the
    // request was for is not parsed; the edit's lint waits for the same answer.
    const edited = `${EXAMPLE}\n`;
    let edit = () => undefined as unknown;
    const h = harness(() => edit());
    edit = () => {
      edit = () => undefined;
      h.open('plan.strategy.yaml', edited, 2);
    };
    const uri = h.open('plan.strategy.yaml', EXAMPLE);
    await h.request(1);
    await turns(3);
    assert.equal(recentParse(EXAMPLE), undefined);
    h.asked[0].answer({});
    for (let i = 0; i < 200 && h.published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(h.published.length, 1);
    assert.equal(h.published[0].uri, uri);
    assert.equal(h.published[0].version, 2);
  });
});
