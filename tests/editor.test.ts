// Pure editor features (server/src/engine/editor): plain text and positions in, plain data out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ParseCache } from '../server/src/engine/chunks';
import { codeActions, fixAllAction } from '../server/src/engine/editor/code-actions';
import { healthLens } from '../server/src/engine/editor/code-lens';
import { SHOW_FAILURE_MODES } from '../server/src/engine/editor/commands';
import { complete, type Completion } from '../server/src/engine/editor/completion';
import type { RangeEdit } from '../server/src/engine/editor/document';
import { hover } from '../server/src/engine/editor/hover';
import { forgetLinesAbove, lineStartOf, locate } from '../server/src/engine/editor/locate';
import { definition, documentLinks, prepareRename, references, rename } from '../server/src/engine/editor/navigation';
import { referenceField } from '../server/src/engine/editor/references';
import { allowedKeys, enumValues, schemaAt } from '../server/src/engine/editor/schema-nav';
import { indentSnippet } from '../server/src/engine/editor/snippets';
import { documentSymbols, symbolSteps, type DocumentSymbol } from '../server/src/engine/editor/symbols';
import { lint } from '../server/src/engine/lint';
import { forgetRecentParses, parse, stillIntact } from '../server/src/engine/parse';
import { LineIndex } from '../server/src/engine/positions';
import type { Position } from '../server/src/engine/types';

const TODAY = '2027-03-15';
const EXAMPLE = readFileSync(path.join(__dirname, '..', 'examples', 'b2b-growth.strategy.yaml'), 'utf8');

/** Text with one `|` marking the cursor → the text without it and the cursor's position and offset. */
function cursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | cursor in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}

/** The position of the n-th occurrence of `needle` (plus `shift` characters). */
function at(text: string, needle: string, shift = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `'${needle}' not in the text`);
  return new LineIndex(text).positionAt(i + shift);
}

function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const DOC = `stratlint: 1
id: demo
title: Demo strategy
people:
  - { id: hugo, name: Hugo R., level: manager, unit: sales }
  - { id: sara, name: Sara T. }
units:
  - { id: sales, name: Sales }
objectives:
  - id: obj-a
    title: Grow reorders to 30%
    owner: hugo
    kpis:
      - { id: kpi-a, name: Orders online, owner: sara }
    tactics:
      - id: t-landing
        title: Landing pages
        owner: hugo
        steps:
          - { title: Keyword map, owner: hugo, due: 2027-04-01 }
`;

describe('locate', () => {
  const where = (marked: string) => {
    const { text, offset } = cursor(marked);
    const l = locate(parse(text), offset);
    return { on: l.on, path: l.path, mapPath: l.mapPath, prefix: l.prefix, listItem: !!l.listItem, needsDash: !!l.needsDash };
  };

  it('finds keys and values in a valid document', () => {
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    owner: hu|go\n'), { on: 'value', path: ['objectives', 0, 'owner'], mapPath: ['objectives', 0], prefix: 'hu', listItem: false, needsDash: false });
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    ow|ner: hugo\n').on, 'key');
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    contributors: [hugo, s|]\n').path, ['objectives', 0, 'contributors', 1]);
  });

  it('treats `key: ` with nothing after it as the value of that key', () => {
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    owner: |\n').path, ['objectives', 0, 'owner']);
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    owner:|\n').on, 'value');
  });

  it('guesses a half-typed key from the indentation when the parse fails', () => {
    assert.deepEqual(where('a: 1\nobjectives:\n  - id: x\n    tactics:\n      - id: t\n    ow|\nb: 2\n'), { on: 'key', path: ['objectives', 0, 'ow'], mapPath: ['objectives', 0], prefix: 'ow', listItem: false, needsDash: false });
    assert.deepEqual(where('a: 1\nobjectives:\n  - { id: x, own|\n').mapPath, ['objectives', 0]);
    assert.deepEqual(where('stakeholders:\n  - who: sales\n    engagement: { owner: s|\n').path, ['stakeholders', 0, 'engagement', 'owner']);
    assert.deepEqual(where('communication:\n  channels:\n    - { channel: chat, audience: [al|\n').path, ['communication', 'channels', 0, 'audience', 0]);
  });

  it('guesses from the lines above as a reading from the top does, whatever it read before', () => {
    // Broken lines dropped into the examples, and offsets asked about in any order: the same
    // text again, further down, further up, or another text.
    const examples = [EXAMPLE, readFileSync(path.join(__dirname, '..', 'examples', 'flawed', 'field-sales.strategy.yaml'), 'utf8')];
    const broken = ['    ow', '  - ', '      - { id: x, own', 'why: |', '  [a, b', '\tx: 1', '- - y', "  'q"];
    const texts = fc.tuple(fc.nat(examples.length - 1), fc.nat(), fc.constantFrom(...broken), fc.constantFrom('\n', '\r\n')).map(([e, at, line, eol]) => {
      const lines = examples[e].split('\n');
      lines.splice(at % lines.length, 0, line);
      return lines.join(eol);
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(texts, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (asks) => {
        // Each text asked at several places: the same line twice, further down, further up.
        const sequence = asks.flatMap(([text, where]) => {
          const offset = Math.floor(where * text.length);
          return [offset, offset, offset + 1, offset + 40, offset - 40, offset + 400, offset]
            .filter((o) => o >= 0 && o <= text.length)
            .map((o) => ({ parsed: parse(text), offset: o }));
        });
        const fresh = sequence.map(({ parsed, offset }) => {
          forgetLinesAbove();
          return locate(parsed, offset);
        });
        forgetLinesAbove();
        sequence.forEach(({ parsed, offset }, i) => assert.deepEqual(locate(parsed, offset), fresh[i], `offset ${offset}`));
      }),
      { seed: 13, numRuns: 150 },
    );
  });

  it('places a blank line by its column: item key, new item, or top level', () => {
    const text = 'a: 1\nobjectives:\n  - id: x\n    tactics:\n      - id: t\n';
    assert.deepEqual(where(`${text}        |\n`).mapPath, ['objectives', 0, 'tactics', 0]);
    assert.deepEqual(where(`${text}    |\n`).mapPath, ['objectives', 0]);
    assert.deepEqual(where(`${text}      |\n`), { on: 'value', path: ['objectives', 0, 'tactics', 1], mapPath: ['objectives', 0], prefix: '', listItem: true, needsDash: true });
    assert.deepEqual(where(`${text}|\n`).mapPath, []);
    assert.deepEqual(where('reviews:\n  |\n').mapPath, ['reviews']);
  });

  it('says none inside comments and block scalars', () => {
    assert.equal(where('reviews:\n  cadence: monthly # x|\n').on, 'none');
    assert.equal(where('why: >-\n  Salons reorder\n  |\n').on, 'none');
  });
});

describe('lineStartOf', () => {
  it('finds the start of the line with any line end, without searching the whole text', () => {
    const text = 'a: 1\nb: 2\r\nc: 3\rd: 4';
    assert.deepEqual([0, 3, 5, 8, 11, 14, 16, text.length].map((o) => lineStartOf(text, o)), [0, 0, 5, 5, 11, 11, 16, 16]);
    assert.equal(lineStartOf('\nx', 0), 0);
  });
});

describe('schema navigation', () => {
  it('follows properties, items and $refs, keeping the property description', () => {
    const cadence = schemaAt(['objectives', 0, 'kpis', 1, 'cadence']);
    assert.equal(cadence?.title, 'Cadence');
    assert.match(cadence?.['x-expected'] ?? '', /weekly/);
    assert.match(schemaAt(['owner'])?.description ?? '', /accountable for the strategy/);
    assert.equal(schemaAt(['objectives', 'x']), undefined);
  });

  it('lists allowed keys with descriptions and enum values', () => {
    const keys = allowedKeys(['reviews']);
    assert.deepEqual(keys.map((k) => k.key), ['cadence', 'owner', 'forum', 'last', 'adapts']);
    assert.ok(keys.every((k) => k.description.length > 0));
    assert.deepEqual(allowedKeys([]).filter((k) => k.required).map((k) => k.key), ['stratlint', 'id', 'title']);
    assert.deepEqual(enumValues(['status']), ['draft', 'active', 'paused', 'done']);
    assert.deepEqual(enumValues(['communication', 'channels', 0, 'two_way']), ['true', 'false']);
  });

  it('knows what each reference field points at, from the document model', () => {
    assert.deepEqual(referenceField(['objectives', 2, 'tactics', 1, 'steps', 3, 'owner']), { kinds: ['person'], allow: [], list: false });
    assert.deepEqual(referenceField(['communication', 'channels', 0, 'audience']), { kinds: ['unit'], allow: ['all'], list: true });
    assert.deepEqual(referenceField(['stakeholders', 0, 'who'])?.kinds, ['unit', 'person']);
    assert.deepEqual(referenceField(['objectives', 0, 'tactics', 0, 'experiment', 'metric'])?.kinds, ['kpi']);
    assert.equal(referenceField(['objectives', 0, 'title']), undefined);
  });
});

describe('hover', () => {
  const text = 'stratlint: 1\nid: demo\ntitle: Demo\nobjectives:\n  - id: obj-a\n    title: Grow reorders to 30%\n';
  const findings = lint(text, { today: TODAY }).findings;

  it('on a finding: failure mode, rationale, countermeasure, chain and docs link', () => {
    const h = hover(text, at(text, 'id: obj-a', 1), findings);
    assert.ok(h);
    assert.match(h.markdown, /FM12 · Not tracking progress/);
    assert.match(h.markdown, /`objective-kpi`/);
    assert.match(h.markdown, /An objective nobody measures/);
    assert.match(h.markdown, /\*\*Countermeasure:\*\*/);
    assert.match(h.markdown, /\*\*Obstacle chain:\*\* FM12 tends to lead to FM03 \(expecting execution to follow the plan\)/);
    assert.match(h.markdown, /\[Documentation for objective-kpi\]\(https:\/\/github\.com\/stratlint\/stratlint\/blob\/main\/docs\/rules\/objective-kpi\.md\)/);
  });

  it('names the document\'s obstacle chain when the finding belongs to it', () => {
    const chain = findings.find((f) => f.ruleId === 'obstacle-chain');
    assert.ok(chain, 'the bare document shows an obstacle chain');
    const h = hover(text, at(text, 'id: obj-a', 1), findings)!;
    assert.match(h.markdown, /This document shows the chain: .*→.*Start with FM/);
  });

  it('on a key: the schema description and the expected form', () => {
    const t = `${DOC}reviews:\n  cadence: monthly\n`;
    const h = hover(t, at(t, 'cadence', 2), []);
    assert.ok(h);
    assert.match(h.markdown, /\*\*cadence\*\* · \*Cadence\*/);
    assert.match(h.markdown, /Expected: a cadence: weekly, biweekly, monthly, quarterly/);
    assert.deepEqual(h.range, { start: at(t, 'cadence'), end: at(t, 'cadence', 7) });
    const owner = hover(t, at(t, 'owner: hugo', 1), [])!;
    assert.match(owner.markdown, /Refers to a person id from `people`/);
  });

  it('on a person reference: name, level, unit and what they own', () => {
    const h = hover(DOC, at(DOC, 'owner: hugo', 8), [])!;
    assert.match(h.markdown, /\*\*Hugo R\.\*\* — person `hugo`/);
    assert.match(h.markdown, /Level: manager · Unit: Sales \(`sales`\)/);
    assert.match(h.markdown, /- objective `obj-a` — Grow reorders to 30%/);
    assert.match(h.markdown, /- tactic `t-landing` — Landing pages/);
    assert.match(h.markdown, /- step “Keyword map” of tactic `t-landing`/);
    assert.match(h.markdown, /Defined in `people\[0\]`; named 3 times/);
    const sara = hover(DOC, at(DOC, 'owner: sara', 8), [])!;
    assert.match(sara.markdown, /- KPI `kpi-a` — Orders online/);
  });

  it('on other references: the item and where it is defined; unknown ids say so', () => {
    const t = `${DOC}stakeholders:\n  - { who: sales }\n  - { who: nobody }\n`;
    assert.match(hover(t, at(t, 'who: sales', 5), [])!.markdown, /\*\*Sales\*\* — unit `sales`[\s\S]*Defined in `units\[0\]`/);
    assert.match(hover(t, at(t, 'who: nobody', 5), [])!.markdown, /Unknown unit or person `nobody`/);
  });

  it('has nothing to say on plain text values', () => {
    assert.equal(hover(DOC, at(DOC, 'Demo strategy', 2), []), null);
  });
});

describe('completion', () => {
  const labels = (items: Completion[]) => items.map((i) => i.label);
  const completeAt = (marked: string) => {
    const { text, position } = cursor(marked);
    return complete(text, position, { today: TODAY });
  };

  it('offers people ids with their names after `owner: `', () => {
    const items = completeAt(`${DOC}reviews:\n  owner: |\n`);
    assert.deepEqual(labels(items), ['hugo', 'sara']);
    assert.equal(items[0].detail, 'Hugo R. (person)');
    assert.equal(items[0].kind, 'reference');
  });

  it('offers the keys of an objective that are not there yet, with descriptions', () => {
    const items = completeAt(DOC.replace('    owner: hugo\n', '    owner: hugo\n    |\n'));
    const keys = labels(items);
    assert.ok(keys.includes('why') && keys.includes('confidence') && keys.includes('contributors'));
    assert.ok(!keys.includes('id') && !keys.includes('title') && !keys.includes('owner') && !keys.includes('kpis'));
    assert.ok(items.every((i) => i.documentation && i.documentation.length > 0));
  });

  it('reads an apostrophe inside a plain scalar of a flow list as text, not as an open quote', () => {
    // The document does not parse (`wh` has no colon yet): the keys come from reading the lines above.
    for (const context of ["context:\n  competitors: [Coiff'Pro, BeautyDirect]\n", "context:\n  competitors: [Coiff'Pro,\n    BeautyDirect]\n", "context:\n  competitors: [Coiff'Pro,\n# a comment line inside the list\n    BeautyDirect]\n"]) {
      const text = DOC.replace('objectives:\n', `${context}objectives:\n`).replace('    owner: hugo\n    kpis:', '    owner: hugo\n    wh|\n    kpis:');
      const keys = labels(completeAt(text));
      assert.ok(keys.includes('why'), `${JSON.stringify(context)}: ${keys.join(', ')}`);
      assert.ok(!keys.includes('competitors'), JSON.stringify(context));
    }
  });

  it('leaves a flow list that never closes at the next line as far left as its key', () => {
    const text = DOC.replace('objectives:\n', "context:\n  competitors: [Coiff'Pro, 'BeautyDirect\nobjectives:\n").replace('    owner: hugo\n    kpis:', '    owner: hugo\n    wh|\n    kpis:');
    assert.ok(labels(completeAt(text)).includes('why'));
  });

  it('completes a half-typed key, even though the document does not parse', () => {
    const items = completeAt(DOC.replace('    owner: hugo\n', '    owner: hugo\n    wh|\n'));
    const why = items.find((i) => i.label === 'why');
    assert.ok(why);
    assert.equal(why.insertText, 'why: ');
    assert.deepEqual(why.range, { start: { line: 12, character: 4 }, end: { line: 12, character: 6 } });
    // Keys of the same map written below the cursor, in a CRLF file, are not offered again.
    const crlf = completeAt(DOC.replace('    owner: hugo\n', '    wh|\n    owner: hugo\n').replace(/\n/g, '\r\n'));
    assert.ok(labels(crlf).includes('why'));
    assert.ok(!labels(crlf).includes('owner') && !labels(crlf).includes('tactics') && !labels(crlf).includes('id'));
  });

  it('offers enum values, ids of every reference kind and `all` for an audience', () => {
    assert.deepEqual(labels(completeAt(`${DOC}status: |\n`)), ['draft', 'active', 'paused', 'done']);
    assert.deepEqual(labels(completeAt(`${DOC}communication:\n  channels:\n    - { channel: chat, audience: [|] }\n`)), ['sales', 'all']);
    assert.deepEqual(labels(completeAt(DOC.replace('        owner: hugo\n        steps', '        owner: hugo\n        depends_on: [|]\n        steps'))), ['t-landing']);
    assert.deepEqual(labels(completeAt(`${DOC}stakeholders:\n  - who: |\n`)), ['sales', 'hugo', 'sara']);
    assert.deepEqual(labels(completeAt(DOC.replace('owner: sara }', 'owner: sara, source: | }'))), []);
    // Already in the list: not offered again.
    assert.deepEqual(labels(completeAt(DOC.replace('    owner: hugo\n    kpis', '    owner: hugo\n    contributors: [sara, |]\n    kpis'))), ['hugo']);
  });

  it('offers cadences and today for dates', () => {
    assert.deepEqual(labels(completeAt(`${DOC}reviews:\n  cadence: |\n`)).slice(0, 4), ['weekly', 'biweekly', 'monthly', 'quarterly']);
    assert.deepEqual(labels(completeAt(`${DOC}reviews:\n  last: |\n`)), [TODAY]);
  });

  it('offers a KPI snippet for a new list item, indented for the item', () => {
    const items = completeAt(DOC.replace('      - { id: kpi-a, name: Orders online, owner: sara }\n', '      - { id: kpi-a, name: Orders online, owner: sara }\n      - |\n'));
    const kpi = items.find((i) => i.label === 'New KPI');
    assert.ok(kpi && kpi.snippet);
    const lines = kpi.insertText.split('\n');
    assert.equal(lines[0], 'id: ${1:kpi-id}');
    // The editor adds the line's own indentation; the item's keys sit two columns further, after the dash.
    assert.equal(lines[1], '  name: ${2:What is measured}');
    assert.ok(kpi.insertText.includes('owner: ${9|hugo,sara|}'));
    assert.ok(items.some((i) => i.label === 'cadence'));
  });

  it('adds the dash for a new item typed at the dash column', () => {
    const items = completeAt(DOC.replace('          - { title: Keyword map, owner: hugo, due: 2027-04-01 }\n', '          - { title: Keyword map, owner: hugo, due: 2027-04-01 }\n          |\n'));
    const step = items.find((i) => i.label === 'New step')!;
    assert.equal(step.insertText, '- title: ${1:A small, concrete piece of work}\n  owner: ${2|hugo,sara|}\n  due: ${3:2027-03-15}');
  });

  it('adds the space YAML needs after a `-` or `:` just typed', () => {
    const step = completeAt(DOC.replace('          - { title: Keyword map, owner: hugo, due: 2027-04-01 }\n', '          - { title: Keyword map, owner: hugo, due: 2027-04-01 }\n          -|\n')).find((i) => i.label === 'New step')!;
    assert.equal(step.insertText, ' title: ${1:A small, concrete piece of work}\n  owner: ${2|hugo,sara|}\n  due: ${3:2027-03-15}');
    assert.deepEqual(completeAt(`${DOC}reviews:\n  owner:|\n`).map((i) => i.insertText), [' hugo', ' sara']);
  });

  it('expands list keys to a first item in the file\'s indentation style', () => {
    const four = 'stratlint: 1\nid: demo\ntitle: Demo\nobjectives:\n    - id: obj-a\n      title: Grow\n      |\n';
    const tactics = completeAt(four).find((i) => i.label === 'tactics')!;
    assert.match(tactics.insertText, /^tactics:\n {4}- id: \$\{1:t-id\}\n {6}title:/);
    assert.match(tactics.insertText, /\n {6}steps:\n {10}- title: \$\{9/);
    const risks = completeAt('stratlint: 1\nid: demo\ntitle: Demo\n|\n').find((i) => i.label === 'risks')!;
    assert.match(risks.insertText, /^risks:\n {2}- id: \$\{1:r-id\}\n {4}description:/);
  });

  it('re-indents snippet templates for flat lists', () => {
    assert.equal(indentSnippet(['kpis:', '  - id: x', '    name: y'], { unit: 2, indentSeq: false }, 0), 'kpis:\n- id: x\n  name: y');
  });

  it('offers nothing inside a comment', () => {
    assert.deepEqual(completeAt(`${DOC}# owner: |\n`), []);
  });
});

describe('document symbols', () => {
  const find = (symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined => {
    for (const s of symbols) {
      if (s.name === name) return s;
      const inner = find(s.children, name);
      if (inner) return inner;
    }
    return undefined;
  };

  it('outlines strategy → objectives → KPIs and tactics → steps, then the other lists', () => {
    const [root] = documentSymbols(EXAMPLE);
    assert.equal(root.name, 'b2b-growth-2027');
    assert.equal(root.kind, 'strategy');
    const objective = find([root], 'obj-reorders')!;
    assert.equal(objective.kind, 'objective');
    assert.equal(objective.detail, 'Move 30% of salon reorders online');
    assert.deepEqual(objective.children.map((c) => `${c.kind}:${c.name}`), ['kpi:kpi-online-orders', 'kpi:kpi-b2b-sessions', 'tactic:t-landing', 'tactic:t-ppc']);
    assert.deepEqual(find([root], 't-landing')!.children.map((c) => c.name), ['Keyword map for five salon needs']);
    assert.deepEqual(root.children.map((c) => c.name), ['obj-reorders', 'people', 'units', 'stakeholders', 'hypotheses', 'risks', 'processes', 'tools', 'related_strategies', 'reviews', 'communication']);
    assert.deepEqual(find([root], 'people')!.children.map((c) => c.name), ['claire', 'hugo', 'sara', 'leo']);
    assert.deepEqual(find([root], 'communication')!.children.map((c) => c.name), ['service-meeting', 'internal-blog']);
  });

  it('gives full ranges containing the selection ranges', () => {
    const check = (s: DocumentSymbol) => {
      const lines = new LineIndex(EXAMPLE);
      const [a, b, c, d] = [s.range.start, s.selectionRange.start, s.selectionRange.end, s.range.end].map((p) => lines.offsetAt(p));
      assert.ok(a <= b && b <= c && c <= d, `${s.name}: selection outside range`);
      s.children.forEach(check);
    };
    documentSymbols(EXAMPLE).forEach(check);
    const t = find(documentSymbols(EXAMPLE), 't-ppc')!;
    assert.equal(EXAMPLE.split('\n')[t.selectionRange.start.line].trim(), '- id: t-ppc');
    assert.ok(t.range.end.line > t.range.start.line + 10);
  });

  it('builds the outline a top-level item at a time, to the same symbols', () => {
    const steps = symbolSteps(parse(EXAMPLE));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    assert.deepEqual(step.value, documentSymbols(EXAMPLE));
    // A pause after each objective and each item of the other lists (people, units, risks…).
    const [root] = step.value;
    assert.equal(pauses, root.children.filter((c) => c.kind !== 'reviews' && c.kind !== 'communication').reduce((n, c) => n + (c.kind === 'section' ? c.children.length : 1), 0));
  });

  it('tells whether a parse through a cache still has its nodes where it left them', () => {
    forgetRecentParses();
    const cache = new ParseCache();
    const first = parse(EXAMPLE, cache);
    assert.ok(stillIntact(first));
    assert.ok(stillIntact(parse(EXAMPLE.replace('Move 30%', 'Move 31%'))), 'a parse without a cache shares no nodes');
    parse(`# a new first line\n${EXAMPLE}`, cache);
    assert.equal(stillIntact(first), false, 'the next parse through the cache moved the shared nodes');
  });

  it('outlines what parses above a syntax error', () => {
    const [root] = documentSymbols(`${DOC}risks: [oops\n`);
    assert.ok(find([root], 'obj-a'));
  });
});

describe('navigation', () => {
  it('goes from a reference to its definition', () => {
    assert.deepEqual(definition(DOC, at(DOC, 'owner: sara', 8)), { start: at(DOC, 'sara'), end: at(DOC, 'sara', 4) });
    assert.equal(definition(DOC, at(DOC, 'Grow', 1)), null);
  });

  it('finds every reference of an id, with its definition', () => {
    const refs = references(DOC, at(DOC, 'id: hugo', 5));
    assert.equal(refs.length, 4);
    assert.deepEqual(refs[0], { start: at(DOC, 'hugo'), end: at(DOC, 'hugo', 4) });
    assert.equal(references(DOC, at(DOC, 'owner: hugo', 8), false).length, 3);
  });

  it('renames an id everywhere in the document and nowhere else', () => {
    const result = rename(DOC, at(DOC, 'owner: hugo', 8), 'hugo-r');
    assert.ok('edits' in result);
    const after = applyRangeEdits(DOC, result.edits);
    assert.equal(after.split("hugo-r").length - 1, 4);
    assert.ok(!/\bhugo\b(?!-r)/.test(after));
    assert.ok(after.includes('{ id: hugo-r, name: Hugo R., level: manager, unit: sales }'));
    assert.deepEqual(lint(after, { today: TODAY }).findings.filter((f) => f.ruleId === 'unknown-reference'), []);
  });

  it('keeps quotes around a renamed id', () => {
    const t = DOC.replace('    owner: hugo\n    kpis', '    owner: "hugo"\n    kpis');
    const result = rename(t, at(t, 'id: hugo', 5), 'hr');
    assert.ok('edits' in result);
    assert.ok(applyRangeEdits(t, result.edits).includes('owner: "hr"'));
  });

  it('refuses invalid names, taken names and things that are not ids', () => {
    assert.match((rename(DOC, at(DOC, 'id: hugo', 5), 'Hugo R') as { error: string }).error, /not a valid id/);
    assert.match((rename(DOC, at(DOC, 'id: hugo', 5), 'sara') as { error: string }).error, /already the id of another person/);
    assert.ok('error' in rename(DOC, at(DOC, 'Landing pages', 1), 'x'));
    assert.ok('error' in prepareRename(DOC, at(DOC, 'title: Demo', 8)));
    assert.deepEqual(prepareRename(DOC, at(DOC, 'owner: sara', 8)), { range: { start: at(DOC, 'owner: sara', 7), end: at(DOC, 'owner: sara', 11) }, placeholder: 'sara' });
  });

  it('links related strategies the resolver knows', () => {
    const links = documentLinks(EXAMPLE, (ref) => (ref === 'warehouse-move-2027' ? 'file:///ws/warehouse.strategy.yaml' : undefined));
    assert.deepEqual(links.map((l) => l.target), ['file:///ws/warehouse.strategy.yaml']);
    assert.deepEqual(links[0].range.start, at(EXAMPLE, 'warehouse-move-2027'));
    assert.deepEqual(documentLinks(EXAMPLE, () => undefined), []);
  });
});

describe('code actions', () => {
  const BARE = 'stratlint: 1\nid: demo\ntitle: Demo\npeople:\n  - { id: hugo, name: Hugo R. }\nobjectives:\n  - id: obj-a\n    title: Grow reorders to 30%\n    tactics:\n      - id: t-a # the first tactic\n        title: Landing pages\n';
  const finding = (text: string, ruleId: string) => {
    const f = lint(text, { today: TODAY }).findings.find((x) => x.ruleId === ruleId);
    assert.ok(f, `no ${ruleId} finding`);
    return f;
  };
  const remaining = (text: string, ruleId: string) => lint(text, { today: TODAY }).findings.filter((f) => f.ruleId === ruleId).length;

  it('turns each fix into a quick fix whose edit removes the finding', () => {
    const f = finding(BARE, 'tactic-owner');
    const actions = codeActions(BARE, { ruleId: f.ruleId, fixes: f.fixes }, f.range);
    const fix = actions.find((a) => a.title === 'Set owner to Hugo R.');
    assert.ok(fix?.edits);
    assert.equal(fix.kind, 'quickfix');
    const after = applyRangeEdits(BARE, fix.edits);
    assert.ok(after.includes('      - id: t-a # the first tactic\n        title: Landing pages\n        owner: hugo\n'));
    assert.equal(remaining(after, 'tactic-owner'), 0);
  });

  it('disables a rule for the line above the finding, at its indentation, with the file\'s line endings', () => {
    const crlf = BARE.replace(/\n/g, '\r\n');
    const f = finding(crlf, 'tactic-owner');
    const action = codeActions(crlf, { ruleId: f.ruleId }, f.range).find((a) => a.title === 'Disable tactic-owner for this line')!;
    const after = applyRangeEdits(crlf, action.edits!);
    assert.ok(after.includes('\r\n      # stratlint-disable-next-line tactic-owner -- \r\n      - id: t-a # the first tactic\r\n'));
    assert.equal(remaining(after, 'tactic-owner'), 0);
    assert.equal(remaining(after, 'unused-suppression'), 0);
    // A second rule on the same line joins the directive.
    const g = finding(after, 'tactic-steps');
    const second = codeActions(after, { ruleId: g.ruleId }, g.range).find((a) => a.title === 'Disable tactic-steps for this line')!;
    const both = applyRangeEdits(after, second.edits!);
    assert.ok(both.includes('# stratlint-disable-next-line tactic-owner, tactic-steps -- \r\n'));
    assert.equal(remaining(both, 'tactic-steps'), 0);
  });

  it('disables a rule for the file on the first line, or after the disable-file lines', () => {
    const f = finding(BARE, 'tactic-owner');
    const first = codeActions(BARE, { ruleId: f.ruleId }, f.range).find((a) => a.title === 'Disable tactic-owner for this file')!;
    const after = applyRangeEdits(BARE, first.edits!);
    assert.ok(after.startsWith('# stratlint-disable-file tactic-owner\nstratlint: 1\n'));
    assert.equal(remaining(after, 'tactic-owner'), 0);
    const g = finding(after, 'tactic-steps');
    const second = codeActions(after, { ruleId: g.ruleId }, g.range).find((a) => a.title === 'Disable tactic-steps for this file')!;
    assert.ok(applyRangeEdits(after, second.edits!).startsWith('# stratlint-disable-file tactic-owner\n# stratlint-disable-file tactic-steps\nstratlint: 1\n'));
  });

  it('shows the documentation through a command with the docs URL', () => {
    const f = finding(BARE, 'tactic-owner');
    const docs = codeActions(BARE, { ruleId: f.ruleId }, f.range).find((a) => a.title === 'Show documentation for tactic-owner')!;
    assert.deepEqual(docs.command?.arguments, ['https://github.com/stratlint/stratlint/blob/main/docs/rules/tactic-owner.md']);
    assert.equal(docs.edits, undefined);
  });

  it('leaves out a fix that cannot be placed on the current text', () => {
    const actions = codeActions(BARE, { ruleId: 'x', fixes: [{ title: 'Rename nothing', ops: [{ op: 'renameKey', path: ['nope'], to: 'x' }] }] }, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.ok(!actions.some((a) => a.title === 'Rename nothing'));
  });

  it('fixes all safe problems in one edit', () => {
    const action = fixAllAction(BARE, { today: TODAY });
    assert.ok(action?.edits);
    assert.equal(action.kind, 'source.fixAll');
    assert.equal(action.edits.length, 1);
    const after = applyRangeEdits(BARE, action.edits);
    assert.ok(lint(after, { today: TODAY }).findings.length < lint(BARE, { today: TODAY }).findings.length);
    assert.equal(remaining(after, 'objective-kpi'), 0);
    assert.ok(after.includes('# the first tactic'));
    // Nothing safe left to do: no action.
    assert.equal(fixAllAction(after, { today: TODAY, rules: Object.fromEntries(lint(after, { today: TODAY }).findings.map((f) => [f.ruleId, 'off'])) }), null);
  });

  it('says in its title when it stopped with fixes left', () => {
    assert.equal(fixAllAction(BARE, { today: TODAY })?.title, 'Fix all stratlint problems');
    assert.equal(fixAllAction(BARE, { today: TODAY }, 1)?.title, 'Fix all stratlint problems (the first 1; run it again for the rest)');
  });
});

describe('code lens', () => {
  it('shows the health and the failure modes at risk with their findings', () => {
    const text = 'stratlint: 1\nid: demo\ntitle: Demo\n';
    const result = lint(text, { today: TODAY });
    const lens = healthLens(result);
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
    assert.match(lens.title, /^Health \d+% · \d+ failure modes at risk: FM\d\d(, FM\d\d)*$/);
    assert.ok(lens.modes.length > 0);
    assert.ok(lens.modes.some((m) => m.mode === 'FM03' && m.title === 'Expecting execution to follow the plan' && m.findings.some((f) => f.ruleId === 'review-cadence')));
    assert.equal(Math.round(result.health! * 100), Number(/Health (\d+)%/.exec(lens.title)![1]));
    assert.equal(SHOW_FAILURE_MODES, 'stratlint.showFailureModes');
  });

  it('says so when the document cannot be read', () => {
    assert.match(healthLens(lint('a: [', {})).title, /not measured/);
    assert.deepEqual(healthLens({ findings: [], health: 1 }).title, 'Health 100% · no failure mode at risk');
  });
});
