// Protocol tests of the editor features: the built server (dist/server.js, `npm run build`) over
// real JSON-RPC on stdio, with the requests VS Code sends. Assertions target one rule or one item
// at a time, since other rules keep being added.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CancellationTokenSource,
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type Position,
  type ProtocolConnection,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { generateStrategy } from '../scripts/bench/generate';
import { ParseCache } from '../server/src/engine/chunks';
import { documentSymbols } from '../server/src/engine/editor/symbols';
import { forgetRecentParses, parse } from '../server/src/engine/parse';
import { outlineInSlices, outlineOf } from '../server/src/lsp/features/document-symbols';
import { fixAllInSlices } from '../server/src/lsp/features/code-actions';
import { packFixes, toDiagnostic, unpackFixes } from '../server/src/lsp/diagnostics';
import { lint } from '../server/src/engine/lint';
import type { Fix, FixOp } from '../server/src/engine/types';
import { fixAll } from '../server/src/engine/fix-all';
import { Inbox, startServer, tempFolder, withDeadline, type Server } from './lsp-client';

const DEADLINE_MS = 5000;
const within = withDeadline(DEADLINE_MS);
const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-features-');

const DOC = `stratlint: 1
id: demo
title: Demo strategy
status: active
people:
  - { id: hugo, name: Hugo R., level: manager, unit: sales }
  - { id: sara, name: Sara T. }
units:
  - { id: sales, name: Sales }
objectives:
  - id: obj-a
    title: Grow reorders to 30%
    owner: hugo
    tactics:
      - id: t-landing # the first tactic
        title: Landing pages
related_strategies:
  - { ref: other-plan, relation: supports }
`;

/** Position of the n-th occurrence of `needle` in `text`, plus `shift` characters. */
function at(text: string, needle: string, shift = 0): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `'${needle}' not in the text`);
  const before = text.slice(0, i + shift).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function offsetAt(text: string, p: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let l = 0; l < p.line; l++) offset += lines[l].length + 1;
  return offset + p.character;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const markdown = (hover: Hover | null): string => (hover ? (hover.contents as MarkupContent).value : '');
const items = (result: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(result) ? result : (result?.items ?? []));

describe('editor features over stdio', () => {
  let server: Server;
  let connection: ProtocolConnection;
  let capabilities: Record<string, unknown> = {};
  const inbox = new Inbox(DEADLINE_MS);

  const diagnosticsFor = (uri: string, version: number) => inbox.next((p) => p.uri === uri && p.version === version, `diagnostics for ${uri} v${version}`);
  const open = async (name: string, text: string) => {
    const uri = `${FOLDER}/${name}`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  };
  const doc = { textDocument: { uri: '' } };
  const request = {
    hover: (position: Position) => within(connection.sendRequest(HoverRequest.type, { ...doc, position }), 'hover'),
    completion: (uri: string, position: Position) => within(connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion').then(items),
    actions: (diagnostics: Diagnostic[], range: Range, only?: string[]) =>
      within(connection.sendRequest(CodeActionRequest.type, { ...doc, range, context: { diagnostics, ...(only ? { only } : {}) } }), 'code actions') as Promise<CodeAction[]>,
  };

  before(async () => {
    server = await startServer({
      folder: FOLDER,
      deadlineMs: DEADLINE_MS,
      inbox,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } }, dataSupport: true },
          rename: { prepareSupport: true },
          completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    connection = server.connection;
    capabilities = server.result.capabilities as Record<string, unknown>;
    doc.textDocument.uri = await open('demo.strategy.yaml', DOC);
    await diagnosticsFor(doc.textDocument.uri, 1);
  });

  after(() => {
    server?.kill();
    rmSync(DIR, { recursive: true, force: true });
  });

  it('advertises the features, with fix-all as a code action kind', () => {
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.stratlint'], resolveProvider: false });
    assert.deepEqual((capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters, [':', ' ', '-']);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    for (const name of ['hoverProvider', 'documentSymbolProvider', 'definitionProvider', 'referencesProvider', 'documentLinkProvider', 'codeLensProvider']) {
      assert.ok(capabilities[name], `${name} is not advertised`);
    }
  });

  describe('code actions', () => {
    const uri = () => doc.textDocument.uri;

    it('applies a quick fix from the diagnostic data, and the finding disappears', async () => {
      const { diagnostics } = await diagnosticsFor(uri(), 1);
      const diagnostic = diagnostics.find((d) => d.code === 'tactic-owner');
      assert.ok(diagnostic, `no tactic-owner in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      const actions = await request.actions([diagnostic], diagnostic.range);
      const fix = actions.find((a) => a.title === 'Set owner to Hugo R.');
      assert.ok(fix, `no owner fix in ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind, CodeActionKind.QuickFix);
      assert.deepEqual(fix.diagnostics, [diagnostic]);
      assert.ok(actions.some((a) => a.title === 'Disable tactic-owner for this line'));
      assert.ok(actions.some((a) => a.title === 'Disable tactic-owner for this file'));
      const docs = actions.find((a) => a.title === 'Show documentation for tactic-owner');
      assert.deepEqual(docs?.command?.arguments, ['https://github.com/stratlint/stratlint/blob/main/docs/rules/tactic-owner.md']);

      const after = applyEdits(DOC, fix.edit!.changes![uri()]);
      assert.ok(after.includes('      - id: t-landing # the first tactic\n        title: Landing pages\n        owner: hugo\n'));
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text: after }] });
      const relinted = await diagnosticsFor(uri(), 2);
      assert.deepEqual(relinted.diagnostics.filter((d) => d.code === 'tactic-owner'), []);
      // Back to the original text for the other tests.
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: DOC }] });
      await diagnosticsFor(uri(), 3);
    });

    it('offers fix-all as source.fixAll.stratlint when asked for it (as on save), and only then', async () => {
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      for (const only of [['source.fixAll.stratlint'], ['source.fixAll'], ['source']]) {
        const actions = await request.actions([], whole, only);
        assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all stratlint problems', 'source.fixAll.stratlint']], `only ${only}`);
        const fixed = applyEdits(DOC, actions[0].edit!.changes![uri()]);
        assert.ok(fixed.includes('# the first tactic'));
        assert.ok(fixed.length > DOC.length);
      }
      assert.deepEqual(await request.actions([], whole, [CodeActionKind.QuickFix]), []);
    });

    it('serves other requests while fix-all runs, and stops it when the editor cancels it', async () => {
      // 250 objectives without a KPI: a fix each, each placed by a lint of its own.
      const objectives = Array.from({ length: 250 }, (_, i) => [`  - id: o-${i}`, `    title: Objective ${i}`, '    owner: hugo', '    why: Because we must']).flat();
      const text = ['stratlint: 1', 'id: many-fixes', 'title: Many fixes', 'owner: hugo', 'people:', '  - { id: hugo, name: Hugo R., level: manager }', 'objectives:', ...objectives, ''].join('\n');
      const many = await open('many-fixes.strategy.yaml', text);
      await diagnosticsFor(many, 1);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const cancel = new CancellationTokenSource();
      const fixing = connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: many }, range: whole, context: { diagnostics: [], only: ['source.fixAll.stratlint'] } }, cancel.token);
      const settled = fixing.then(
        () => 'answered',
        (error: { code?: number }) => error.code,
      );
      const hover = await within(connection.sendRequest(HoverRequest.type, { textDocument: { uri: many }, position: at(text, 'owner: hugo', 2) }), 'hover');
      assert.match(markdown(hover), /owner/i);
      cancel.cancel();
      assert.equal(await within(settled, 'the fix-all answer'), -32800, 'RequestCancelled');
    });

    it('matches diagnostics by source and data, not message', async () => {
      const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: "Tactic 't-landing' has no owner", source: 'other', data: { ruleId: 'tactic-owner' } };
      assert.deepEqual(await request.actions([foreign], foreign.range, [CodeActionKind.QuickFix]), []);
    });
  });

  describe('hover', () => {
    it('on a finding: the failure mode title and the rule rationale', async () => {
      const text = markdown(await request.hover(at(DOC, 'id: t-landing', 1)));
      assert.match(text, /P4 · Achievable objectives, every step assigned, room for questions/);
      assert.match(text, /A tactic that belongs to everyone belongs to no one/);
      assert.match(text, /docs\/rules\/tactic-owner\.md/);
      const kpi = markdown(await request.hover(at(DOC, 'id: obj-a', 1)));
      assert.match(kpi, /FM12 · Not tracking progress/);
    });

    it('none in a document too long to lint, whose finding still has its actions', async () => {
      const long = `${DOC}${'#\n'.repeat(100_001)}`;
      const uri = await open('long.strategy.yaml', long);
      const published = await diagnosticsFor(uri, 1);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-too-large']);
      const position = at(long, 'status:', 2);
      assert.equal(await within(connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover'), null);
      const actions = (await within(connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } }), 'code actions')) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), ['Show documentation for file-too-large']);
    });

    it('on a key: the schema description', async () => {
      assert.match(markdown(await request.hover(at(DOC, 'status:', 2))), /Where the strategy stands: draft, active, paused or done/);
    });

    it('on a person reference: the person', async () => {
      const text = markdown(await request.hover(at(DOC, 'owner: hugo', 8)));
      assert.match(text, /\*\*Hugo R\.\*\* — person `hugo`/);
      assert.match(text, /Level: manager/);
      assert.match(text, /objective `obj-a`/);
    });

    it('says nothing on YAML that is not a strategy document', async () => {
      const plain = await open('notes.yaml', DOC);
      assert.equal(await within(connection.sendRequest(HoverRequest.type, { textDocument: { uri: plain }, position: at(DOC, 'owner: hugo', 8) }), 'hover'), null);
      assert.deepEqual(await request.completion(plain, at(DOC, 'status: ', 8)), []);
    });
  });

  describe('completion', () => {
    it('after `owner: ` offers the people ids with their names', async () => {
      const text = DOC.replace('    owner: hugo\n', '    owner: \n');
      const uri = await open('complete-owner.strategy.yaml', text);
      const list = await request.completion(uri, at(text, '    owner: ', 11));
      assert.deepEqual(list.map((i) => i.label), ['hugo', 'sara']);
      assert.equal(list[0].detail, 'Hugo R. (person)');
      assert.deepEqual((list[0].textEdit as TextEdit).range, { start: at(text, '    owner: ', 11), end: at(text, '    owner: ', 11) });
    });

    it('offers the keys of an objective that are not there yet', async () => {
      const text = DOC.replace('    owner: hugo\n', '    owner: hugo\n    \n');
      const uri = await open('complete-keys.strategy.yaml', text);
      const list = await request.completion(uri, at(text, '    owner: hugo\n    \n', 20));
      const labels = list.map((i) => i.label);
      assert.ok(labels.includes('kpis') && labels.includes('why') && labels.includes('confidence'), labels.join(', '));
      assert.ok(!labels.includes('owner') && !labels.includes('title') && !labels.includes('tactics'));
      const kpis = list.find((i) => i.label === 'kpis')!;
      assert.equal(kpis.insertTextFormat, 2); // snippet
      assert.match((kpis.textEdit as TextEdit).newText, /^kpis:\n {2}- id: \$\{1:kpi-id\}/);
    });

    it('offers the enum values after `status: `', async () => {
      const text = DOC.replace('status: active', 'status: ');
      const uri = await open('complete-status.strategy.yaml', text);
      assert.deepEqual((await request.completion(uri, at(text, 'status: ', 8))).map((i) => i.label), ['draft', 'active', 'paused', 'done']);
    });
  });

  it('outlines the document', async () => {
    const symbols = (await within(connection.sendRequest(DocumentSymbolRequest.type, doc), 'symbols')) as DocumentSymbol[];
    assert.equal(symbols[0].name, 'demo');
    const objective = symbols[0].children!.find((s) => s.name === 'obj-a')!;
    assert.deepEqual(objective.children!.map((s) => s.name), ['t-landing']);
    assert.deepEqual(symbols[0].children!.find((s) => s.name === 'people')!.children!.map((s) => s.name), ['hugo', 'sara']);
  });

  it('lints an edit that arrives while a large outline is being built, and refuses the outline of the old text', async () => {
    const text = generateStrategy(20000).text;
    const uri = await open('large-outline.strategy.yaml', text);
    await diagnosticsFor(uri, 1);
    const outline = connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).then(
      (symbols) => ({ symbols: symbols as DocumentSymbol[] }),
      (error: { code: number }) => ({ code: error.code }),
    );
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }],
    });
    await diagnosticsFor(uri, 2);
    const first = await within(outline, 'outline');
    // Built before the edit came in, or refused because the edit moved what it read: never a mix.
    if ('code' in first) assert.equal(first.code, -32801);
    else assert.equal(first.symbols[0].range.end.line, text.split('\n').length - 1);
    const symbols = (await within(connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'outline')) as DocumentSymbol[];
    assert.equal(symbols[0].selectionRange.start.line, at(text, 'id: ', 4).line + 1);
  });

  it('goes to the definition of an id', async () => {
    const location = await within(connection.sendRequest(DefinitionRequest.type, { ...doc, position: at(DOC, 'owner: hugo', 8) }), 'definition');
    assert.deepEqual(location, { uri: doc.textDocument.uri, range: { start: at(DOC, 'id: hugo', 4), end: at(DOC, 'id: hugo', 8) } });
  });

  it('finds the references of an id, with its declaration', async () => {
    const refs = (await within(connection.sendRequest(ReferencesRequest.type, { ...doc, position: at(DOC, 'id: hugo', 5), context: { includeDeclaration: true } }), 'references'))!;
    assert.deepEqual(refs.map((r) => r.range.start), [at(DOC, 'id: hugo', 4), at(DOC, 'owner: hugo', 7)]);
    const without = (await within(connection.sendRequest(ReferencesRequest.type, { ...doc, position: at(DOC, 'id: hugo', 5), context: { includeDeclaration: false } }), 'references'))!;
    assert.equal(without.length, 1);
  });

  it('renames an id everywhere, and refuses what is not an id', async () => {
    const prepared = await within(connection.sendRequest(PrepareRenameRequest.type, { ...doc, position: at(DOC, 'owner: hugo', 8) }), 'prepareRename');
    assert.deepEqual(prepared, { range: { start: at(DOC, 'owner: hugo', 7), end: at(DOC, 'owner: hugo', 11) }, placeholder: 'hugo' });
    const edit = (await within(connection.sendRequest(RenameRequest.type, { ...doc, position: at(DOC, 'owner: hugo', 8), newName: 'hugo-r' }), 'rename')) as WorkspaceEdit;
    const after = applyEdits(DOC, edit.changes![doc.textDocument.uri]);
    assert.ok(after.includes('{ id: hugo-r, name: Hugo R.') && after.includes('    owner: hugo-r\n'));
    await assert.rejects(within(connection.sendRequest(PrepareRenameRequest.type, { ...doc, position: at(DOC, 'Landing pages', 2) }), 'prepareRename'), /Only ids/);
    await assert.rejects(within(connection.sendRequest(RenameRequest.type, { ...doc, position: at(DOC, 'owner: hugo', 8), newName: 'Hugo R' }), 'rename'), /not a valid id/);
  });

  it('links a related strategy to the open document that defines it', async () => {
    const other = await open('other.strategy.yaml', 'stratlint: 1\nid: other-plan\ntitle: Other plan\n');
    const links = await within(connection.sendRequest(DocumentLinkRequest.type, doc), 'document links');
    assert.deepEqual(links?.map((l) => [l.target, l.range.start]), [[other, at(DOC, 'other-plan')]]);
  });

  it('shows the health and the failure modes at risk in a code lens', async () => {
    const lenses = (await within(connection.sendRequest(CodeLensRequest.type, doc), 'code lenses'))!;
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
    assert.match(lens.command!.title, /^Health \d+% · \d+ failure modes? at risk: FM\d\d/);
    assert.equal(lens.command!.command, 'stratlint.showFailureModes');
    const [uri, modes] = lens.command!.arguments as [string, { mode: string; findings: { ruleId: string }[] }[]];
    assert.equal(uri, doc.textDocument.uri);
    assert.ok(modes.some((m) => m.mode === 'FM12' && m.findings.some((f) => f.ruleId === 'objective-kpi')));
  });

  it('shuts down and exits', async () => {
    assert.equal(await server.shutdown(), 0, `stderr:\n${server.stderr}`);
  });
});

describe('the outline in slices (in process)', () => {
  const text = generateStrategy(1000).text;
  const parsedThroughCache = () => {
    forgetRecentParses();
    const cache = new ParseCache();
    return { cache, parsed: parse(text, cache) };
  };

  it('pauses between top-level items and gives the same outline', async () => {
    const { parsed } = parsedThroughCache();
    let pauses = 0;
    const outline = await outlineInSlices(parsed, async () => void pauses++, () => false);
    assert.deepEqual(outline, documentSymbols(text));
    assert.ok(pauses > 10);
  });

  it('stops when an edit parsed between two slices moved the nodes it reads', async () => {
    const { cache, parsed } = parsedThroughCache();
    let pauses = 0;
    const outline = await outlineInSlices(parsed, async () => {
      if (++pauses === 3) parse(`# a new first line\n${text}`, cache);
    }, () => false);
    assert.equal(outline, 'modified');
    assert.equal(pauses, 3);
  });

  it('builds the outline again at once when the nodes moved but the text is still the document\'s', async () => {
    const { cache, parsed } = parsedThroughCache();
    let pauses = 0;
    // The same text parsed again through its cache (a re-lint after other documents' parses pushed it out of the recent ones).
    const relint = async () => {
      if (++pauses !== 3) return;
      for (let i = 0; i < 4; i++) parse(`id: other${i}\n`);
      parse(text, cache);
    };
    assert.equal(await outlineInSlices(parsed, relint, () => false), 'modified');
    pauses = 0;
    assert.deepEqual(await outlineOf(text, () => true, relint, () => false), documentSymbols(text));
    pauses = 0;
    assert.equal(await outlineOf(text, () => false, async () => void (++pauses === 3 && parse(`# new\n${text}`, cache)), () => false), 'modified');
  });

  it('stops when the request is cancelled', async () => {
    const { parsed } = parsedThroughCache();
    let pauses = 0;
    assert.equal(await outlineInSlices(parsed, async () => void pauses++, () => pauses === 2), 'cancelled');
  });
});

describe('fix-all in slices (in process)', () => {
  const objectives = Array.from({ length: 12 }, (_, i) => [`  - id: o-${i}`, `    title: Objective ${i}`, '    owner: hugo', '    why: Because we must']).flat();
  const text = ['stratlint: 1', 'id: fixes', 'title: Fixes', 'owner: hugo', 'people:', '  - { id: hugo, name: Hugo R., level: manager }', 'objectives:', ...objectives, ''].join('\n');
  const options = { today: '2027-03-15' };

  it('pauses after each fix and comes to what fixAll makes', async () => {
    let pauses = 0;
    const result = await fixAllInSlices(text, options, async () => void pauses++, () => undefined);
    const whole = fixAll(text, options);
    assert.ok(typeof result === 'object' && result.applied >= 12, JSON.stringify(result));
    assert.equal(result.text, whole.text);
    assert.equal(result.applied, whole.applied);
    assert.equal(pauses, whole.applied);
  });

  it('stops when the request is cancelled or the document changed', async () => {
    let pauses = 0;
    assert.equal(await fixAllInSlices(text, options, async () => void pauses++, () => (pauses === 2 ? 'cancelled' : undefined)), 'cancelled');
    assert.equal(pauses, 2);
    pauses = 0;
    assert.equal(await fixAllInSlices(text, options, async () => void pauses++, () => (pauses === 3 ? 'modified' : undefined)), 'modified');
  });
});

describe('fixes in diagnostics (in process)', () => {
  const path = fc.array(fc.oneof(fc.constantFrom('objectives', 'tactics', 'steps'), fc.nat(3)), { maxLength: 4 });
  const value = fc.oneof(fc.constantFrom('hugo', 'sara', 'leo'), fc.nat(2), fc.boolean(), fc.constant(null), fc.constant({ id: 'k', name: 'K' }));
  const op: fc.Arbitrary<FixOp> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), path, key: fc.constantFrom('owner', 'due'), value }),
    fc.record({ op: fc.constant('append' as const), path, value }),
    fc.record({ op: fc.constant('replace' as const), path, value: fc.constantFrom('hugo', 'sara', 3, true) }),
    fc.record({ op: fc.constant('renameKey' as const), path, to: fc.constantFrom('owner', 'title') }),
  );
  const fix: fc.Arbitrary<Fix> = fc.record({ title: fc.constantFrom('Set owner to Hugo', 'Add a KPI', 'Rename'), ops: fc.array(op, { minLength: 1, maxLength: 2 }), preferred: fc.boolean() }).map(({ preferred, ...f }) => (preferred ? { ...f, preferred } : f));

  it('gives back the fixes it packed, through JSON', () => {
    fc.assert(
      fc.property(fc.array(fix, { maxLength: 8 }), (fixes) => {
        // Runs of choices: the same operation with other values.
        const runs = fixes.flatMap((f) => (f.ops.length === 1 && 'value' in f.ops[0] ? [f, { ...f, title: 'Another', ops: [{ ...f.ops[0], value: 'omar' } as FixOp] }] : [f]));
        assert.deepEqual(unpackFixes(JSON.parse(JSON.stringify(packFixes(runs)))), JSON.parse(JSON.stringify(runs)));
      }),
      { seed: 17, numRuns: 1000 },
    );
  });

  it('sends a choice of owner as titles and values after the first', () => {
    const text = generateStrategy(1000).text;
    const withChoices = lint(text, { today: '2027-03-15' }).findings.filter((f) => f.ruleId === 'step-owner' && (f.fixes?.length ?? 0) > 2);
    assert.ok(withChoices.length > 0);
    for (const finding of withChoices) {
      const sent = toDiagnostic(finding, 'file:///a.strategy.yaml').data as { fixes: object[] };
      assert.ok('ops' in sent.fixes[0]);
      assert.ok(sent.fixes.slice(1).every((f) => !('ops' in f) && 'value' in f), JSON.stringify(sent.fixes.slice(0, 3)));
      assert.deepEqual(unpackFixes(JSON.parse(JSON.stringify(sent.fixes))), finding.fixes);
    }
  });

  it('leaves out what is not a fix in data the editor sends back', () => {
    const first: Fix = { title: 'Set owner to Hugo', ops: [{ op: 'set', path: ['objectives', 0], key: 'owner', value: 'hugo' }] };
    assert.deepEqual(unpackFixes('fixes'), []);
    assert.deepEqual(unpackFixes([null, 3, 'x', { ops: [] }, { title: 'Alone', value: 'sara' }]), []);
    // Operations that are not operations, and a value-only fix after them: all left out, nothing thrown.
    assert.deepEqual(unpackFixes([{ title: 'a', ops: [null] }, { title: 'b', value: 1 }, { title: 'c', ops: [5] }, { title: 'd', ops: [{ op: 'set', path: 5, key: 'k', value: 1 }] }]), []);
    assert.deepEqual(unpackFixes([{ title: 'e', ops: [{ op: 'drop', path: [] }] }, { title: 'f', ops: [{ op: 'replace', path: ['a'], value: { x: 1 } }] }, { title: 'g', ops: [{ op: 'renameKey', path: ['a'] }] }]), []);
    assert.deepEqual(unpackFixes([{ ...first, preferred: 'yes' }]), [first]);
    assert.deepEqual(unpackFixes([first, { title: 7, value: 'sara' }, { title: 'Set owner to Sara', value: 'sara' }]), [
      first,
      { title: 'Set owner to Sara', ops: [{ op: 'set', path: ['objectives', 0], key: 'owner', value: 'sara' }] },
    ]);
  });
});
