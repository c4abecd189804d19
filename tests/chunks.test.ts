// The pieces of an incremental parse must assemble into what one full parse gives: the same plain
// value, every node starting at the same offset and ending at the same offset too, but for one
// thing: comment lines after the last item of a block collection may count as part of that
// collection or of the one around it. (yaml decides by the comments' indentation and the lines
// that follow; a piece parsed alone does not see those. Findings on collections use their first
// line, so this moves no finding; a fix appending to such a collection lands before or after
// those comment lines.) range[2], the end including trailing comments, is not compared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isCollection, isPair, parseDocument, type Document, type Node } from 'yaml';
import { parseChunked, ParseCache, seedCache, type ChunkedParse } from '../server/src/engine/chunks';
import { forgetRecentParses, parse, settle } from '../server/src/engine/parse';
import { generateStrategy } from '../scripts/bench/generate';
import { strategyText } from './fuzz/properties';

interface At {
  path: string;
  start?: number;
  end?: number;
}

/** Every node of the document with its path, keys included. */
function ranges(doc: Document): At[] {
  const out: At[] = [];
  const visit = (node: unknown, path: string) => {
    if (isPair(node)) {
      visit(node.key, `${path}/key`);
      visit(node.value, `${path}/value`);
      return;
    }
    const n = node as Node | null;
    if (!n || typeof n !== 'object') return;
    out.push({ path, start: n.range?.[0], end: n.range?.[1] });
    if (isCollection(n)) n.items.forEach((item, i) => visit(item, `${path}/${i}`));
  };
  visit(doc.contents, '');
  return out;
}

function assertSameAsFullParse(text: string, cache: ParseCache): boolean {
  const chunked = parseChunked(text, cache);
  if (!chunked) return false;
  const full = parseDocument(text, { uniqueKeys: true, strict: true });
  if ('problems' in chunked) {
    // A piece that does not parse: so must the document.
    assert.notDeepEqual(full.errors, [], `syntax errors in pieces of a text that parses: ${JSON.stringify(chunked.problems)}`);
    // The value recovered piece by piece is that of the nodes assembled from the pieces.
    if (chunked.doc) assert.deepEqual(chunked.recovered, chunked.doc.toJS());
    return false;
  }
  assert.deepEqual(full.errors, [], 'a text with syntax errors was assembled from pieces');
  const ours = ranges(chunked.doc);
  const theirs = ranges(full);
  assert.deepEqual(ours.map((r) => [r.path, r.start]), theirs.map((r) => [r.path, r.start]));
  ours.forEach((r, i) => {
    const { end } = theirs[i];
    if (r.end === end) return;
    const between = text.slice(Math.min(r.end!, end!), Math.max(r.end!, end!));
    assert.match(between, /^[ \r\n]*(#[^\n]*\n[ \r\n]*)*$/, `${r.path} ends at ${r.end}, not ${end}: ${JSON.stringify(between)}`);
  });
  assert.deepEqual(chunked.value, full.toJS());
  return true;
}

/** Comment and blank lines at random places and indentations: they must not move any node. */
const commented = fc
  .tuple(strategyText, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.boolean()), { maxLength: 6 }))
  .map(([text, inserts]) => {
    const lines = text.split('\n');
    for (const [at, indent, blank] of inserts) lines.splice(at % (lines.length + 1), 0, blank ? '' : `${' '.repeat(indent)}# note`);
    return lines.join('\n');
  });

describe('pieces of an incremental parse', () => {
  it('with syntax errors only where the whole text has them: yaml ends no node past a cut line', () => {
    // A flow collection or a quoted or plain scalar going on at a line the cut starts a piece at
    // (indented at or left of the keys or dashes being cut): the piece before it does not parse,
    // and neither does the document, which is what lets a broken piece stand for a broken document.
    const cases = [
      'a: "foo\nb: x"\nc: 1\n',
      "a: 'foo\nb: x'\nc: 1\n",
      'a: [1,\nb: 2]\nc: 1\n',
      'a: {x: 1,\nb: 2}\nc: 1\n',
      'l:\n  - "foo\n  - bar"\n  - x\n',
      'l:\n  - [1,\n  - 2]\n  - x\n',
      'l:\n  - id: "x\n    b: y"\n    c: 1\n  - id: 2\n',
      'l:\n  - id: [x,\n    b: y]\n    c: 1\n  - id: 2\n',
      'l:\n- "foo\n- bar"\n- x\n',
      'l:\n- {a: 1,\n- b}\n- x\n',
    ];
    for (const text of cases) {
      assert.notDeepEqual(parseDocument(text, { strict: true }).errors, [], `yaml reads ${JSON.stringify(text)}`);
      const chunked = parseChunked(text, new ParseCache(1));
      assert.ok(chunked && 'problems' in chunked, `the pieces of ${JSON.stringify(text)} parse`);
      forgetRecentParses();
      assert.deepEqual(parse(text, new ParseCache(1)).problems, (forgetRecentParses(), parse(text)).problems, JSON.stringify(text));
    }
  });

  it('assemble to the nodes and value of a full parse, cut at every level', () => {
    let assembled = 0;
    fc.assert(
      fc.property(commented, fc.constantFrom(2, 3, 5), (text, splitLines) => {
        if (assertSameAsFullParse(text, new ParseCache(splitLines))) assembled++;
      }),
      { seed: 11, numRuns: 400 },
    );
    assert.ok(assembled > 200, `only ${assembled} of 400 documents were cut`);
  });

  it('seeded from a full parse, assemble the next version from the seeded pieces', () => {
    let reused = 0;
    fc.assert(
      fc.property(commented, fc.constantFrom(2, 3, 5), fc.nat(), (text, splitLines, at) => {
        const titles = [...text.matchAll(/title: \S/g)].map((m) => m.index! + 7);
        if (titles.length === 0) return;
        const cache = new ParseCache(splitLines);
        // What the engine does when a text cannot be cut: one full parse, whose pieces fill the cache.
        const full = parseDocument(text, { uniqueKeys: true, strict: true });
        if (full.errors.length > 0) return;
        const value = full.toJS();
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
        seedCache(text, full, value, cache);
        const seeded = cache.size;
        const p = titles[at % titles.length];
        const edited = text.slice(0, p) + 'x' + text.slice(p);
        if (assertSameAsFullParse(edited, cache) && seeded > 0) {
          assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} of ${seeded} pieces parsed again`);
          reused++;
        }
      }),
      { seed: 12, numRuns: 300 },
    );
    assert.ok(reused > 150, `only ${reused} of 300 edits reused seeded pieces`);
  });

  it('are not seeded from a full parse that has a pair where the cut saw the rest of a section', () => {
    // ` : later` is indented, so the cut reads it as part of `reviews`; yaml reads a pair with an empty key.
    for (const section of ['reviews:\n  cadence: monthly\n : later\n', 'people:\n  - id: a\n  - id: b\n : later\n']) {
      const text = `id: s\ntitle: t\n${section}`;
      const cache = new ParseCache(2);
      const full = parseDocument(text, { uniqueKeys: true, strict: true });
      assert.deepEqual(full.errors, []);
      seedCache(text, full, full.toJS() as Record<string, unknown>, cache);
      assert.equal(cache.size, 0, 'no piece kept');
      const edited = text.replace('id: s', 'id: sx');
      const again = parseChunked(edited, cache);
      if (again && 'value' in again) assert.deepEqual(again.value, parseDocument(edited).toJS());
    }
  });

  for (const start of ['pieces', 'a full parse', 'a first reading whole'] as const) {
    it(`after a first parse from ${start}, an edit keeps the objects of every objective it did not touch`, () => {
      const { text } = generateStrategy(3000);
      forgetRecentParses();
      const cache = new ParseCache();
      let first: Record<string, unknown>;
      if (start === 'pieces') first = (parseChunked(text, cache) as ChunkedParse).value;
      else if (start === 'a full parse') {
        const full = parseDocument(text, { uniqueKeys: true, strict: true });
        first = full.toJS() as Record<string, unknown>;
        seedCache(text, full, first, cache);
      } else {
        // A document's first parse reads it whole; the cache gets its pieces once settled.
        first = parse(text, cache).value!;
        assert.equal(cache.size, 0);
        settle(cache);
      }
      assert.ok(cache.size > 200, `${cache.size} pieces`);
      const objectives = first.objectives as unknown[];
      const at = text.indexOf('title: ', text.indexOf('steps:', text.indexOf('objectives:'))) + 8;
      const next = parse(text.slice(0, at) + 'x' + text.slice(at), cache);
      assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed`);
      const after = next.value!.objectives as unknown[];
      assert.notEqual(after[0], objectives[0], 'the edited objective is new');
      for (let i = 1; i < objectives.length; i++) assert.equal(after[i], objectives[i], `objective ${i} kept its object`);
      assert.equal(next.value!.people, first.people);
    });
  }

  it('assemble a large generated document, and again after an edit deep inside an objective', () => {
    const { text } = generateStrategy(3000);
    const cache = new ParseCache();
    assert.ok(assertSameAsFullParse(text, cache));
    const pieces = cache.size;
    // Every piece of a generated document is plain YAML: none goes to the slower general parser.
    assert.equal(cache.lastPlain, cache.lastParsed);
    const at = text.indexOf('title: ', text.indexOf('steps:', text.indexOf('objectives:'))) + 8;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    assert.ok(assertSameAsFullParse(edited, cache));
    // One step list item: the piece that holds it, not the whole objective.
    assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed`);
    assert.ok(pieces > 200, `${pieces} pieces`);
  });

  it('take equal pieces in order: a list of many equal items, before and after edits', () => {
    // Pieces with the same text share a bucket of the cache; each is found without a scan of it.
    const items = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? '  - tbd' : i % 3 === 1 ? '  - { id: x, name: Same }' : '  - { id: y, name: Same }'));
    const cache = new ParseCache(4);
    let text = `stratlint: 1\nnotes:\n${items.join('\n')}\nwhy: w\n`;
    assert.ok(assertSameAsFullParse(text, cache));
    for (const at of [5, 150, 299]) {
      const lines = text.split('\n');
      lines[2 + at] = '  - edited';
      text = lines.join('\n');
      assert.ok(assertSameAsFullParse(text, cache));
      assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed after one edit`);
      assert.ok(assertSameAsFullParse(text, cache));
      assert.equal(cache.lastParsed, 0, 'the same text again parses nothing');
    }
  });
});
