// Incremental parsing must be invisible: after any sequence of edits, linting with the
// document's parse cache gives exactly what a full lint of the same text gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached, ParseCache } from '../server/src/engine/chunks';
import { lint } from '../server/src/engine/lint';
import type { Document, Node, YAMLSeq } from 'yaml';
import { complete } from '../server/src/engine/editor/completion';
import { documentSymbols as symbols } from '../server/src/engine/editor/symbols';
import { forgetRecentParses, parse } from '../server/src/engine/parse';
import type { LintResult } from '../server/src/engine/types';
import { applyEdit, editedText, incrementalProperty, strategyText, typing } from './fuzz/properties';

const TODAY = '2027-03-15';

/** A lint from scratch: no parse cache and no parse or result remembered from an earlier call. */
function fullLint(text: string): LintResult {
  forgetRecentParses();
  return lint(text, { today: TODAY });
}
describe('incremental parsing', () => {
  it('keeps copies of the pieces it cuts, which neither differ from them nor hold on to the whole text', () => {
    for (const text of ['', 'a', 'title: "Grow" # ok\r\n  - x\n', '\ud800 lone surrogates \udfff', 'é ✓ 😀\u0000\u2028']) assert.equal(detached(text), text);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    /** A piece of 400 characters of a 4 MB document, made in a frame of its own, so that only what is kept holds the document. */
    const pieceOf = (i: number, keep: (piece: string) => string): string => keep(`objectives:\n  - id: o${i}\n    title: Grow\n`.repeat(100_000).slice(1_000, 1_400));
    const heapAfter = (keep: (piece: string) => string): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 20 }, (_, i) => pieceOf(i, keep));
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      assert.equal(kept.length, 20);
      return grown;
    };
    // Twenty slices keep their twenty 4 MB documents alive; twenty copies keep 400 characters each.
    const slices = heapAfter((piece) => piece);
    const copies = heapAfter(detached);
    assert.ok(slices > 40e6, `the check sees what a slice holds on to (${slices} bytes)`);
    assert.ok(copies < slices / 10, `copies keep ${copies} bytes, slices ${slices}`);
  });

  it('equals a full lint after every edit of a random sequence', () => {
    fc.assert(incrementalProperty, { seed: 42, numRuns: 150 });
  });

  it('gives a broken document the value of its assembled nodes, after every edit of a random sequence', () => {
    let recovered = 0;
    fc.assert(
      fc.property(strategyText, typing, (start, sequence) => {
        const cache = new ParseCache();
        let text = start;
        for (let i = 0; i <= sequence.length; i++) {
          if (i > 0) text = applyEdit(text, sequence[i - 1]);
          const parsed = parse(text, cache);
          if (!parsed.recovered) continue;
          recovered++;
          assert.deepEqual(parsed.recovered, parsed.doc!.toJS(), text);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
    assert.ok(recovered > 50, `only ${recovered} broken states were assembled`);
  });

  it('parses whole a document whose anchor and alias follow a colon with no space (a JSON-style flow map)', () => {
    const items = Array.from({ length: 25 }, (_, i) => `  - id: p${i}\n    name: "n${i}"\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\nlabels: {"main":&m Main}\npeople:\n${items}  - id: q\n    name: {"r":*m}\n`;
    assert.deepEqual(lint(text, { today: TODAY, parseCache: new ParseCache() }), fullLint(text));
  });

  it('recovers its pieces after a syntax error is fixed', () => {
    const items = Array.from({ length: 50 }, (_, i) => `  - id: p${i}\n    name: Person ${i}\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\npeople:\n${items}`;
    const cache = new ParseCache();
    lint(text, { today: TODAY, parseCache: cache });
    const broken = text.replace('Person 3\n', 'Person 3\n  [\n');
    assert.ok(lint(broken, { today: TODAY, parseCache: cache }).findings.some((f) => f.ruleId === 'yaml-syntax'));
    const fixed = text.replace('Person 3', 'Person 3b');
    assert.deepEqual(lint(fixed, { today: TODAY, parseCache: cache }), fullLint(fixed));
    assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed`);
  });

  it('parses only the broken piece while a line does not parse, and tells its error where a full lint does', () => {
    const items = Array.from({ length: 200 }, (_, i) => `  - { id: p${i}, name: Person ${i} }\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\npeople:\n${items}`;
    const cache = new ParseCache();
    lint(text, { today: TODAY, parseCache: cache });
    // Typing a new flow map under person 120, one keystroke at a time: each version is broken.
    const at = text.indexOf('  - { id: p121');
    let typed = '';
    for (const c of '  - { id: new, name: N') {
      typed += c;
      const broken = `${text.slice(0, at)}${typed}\n${text.slice(at)}`;
      const result = lint(broken, { today: TODAY, parseCache: cache });
      // The new line's piece, and the item before it when spaces alone made the new line part of it.
      assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed for ${JSON.stringify(typed)}`);
      assert.deepEqual(result, fullLint(broken));
      if (typed.includes('{')) {
        const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
        // On the line being typed (line 125), not at the end of the document as yaml tells it.
        assert.ok(syntax.length > 0 && syntax.every((f) => f.range.start.line === 125), JSON.stringify(syntax));
      }
    }
    // Fixed: the pieces around it were kept.
    const fixed = `${text.slice(0, at)}${typed} }\n${text.slice(at)}`;
    assert.deepEqual(lint(fixed, { today: TODAY, parseCache: cache }), fullLint(fixed));
    assert.ok(cache.lastParsed <= 2, `${cache.lastParsed} pieces parsed once fixed`);
  });

  it('gives a broken document the nodes of its pieces, without parsing it whole', () => {
    const items = Array.from({ length: 200 }, (_, i) => `  - { id: p${i}, name: Person ${i} }\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\npeople:\n${items}`;
    const cache = new ParseCache();
    const before = parse(text, cache);
    const people = (doc: Document.Parsed | null) => (doc?.get('people') as YAMLSeq).items as Node[];
    const at = text.indexOf('  - { id: p121');
    const broken = `${text.slice(0, at)}  - { id: new, name: N\n${text.slice(at)}`;
    const parsed = parse(broken, cache);
    assert.ok(parsed.problems.length > 0 && parsed.value === null);
    const items2 = people(parsed.doc);
    assert.equal(items2.length, 201);
    // The same node objects where the text did not change: nothing was parsed again for them.
    assert.equal(items2[0], people(before.doc)[0]);
    assert.equal(items2[200], people(before.doc)[199]);
    // What yaml made of the broken line, where it is.
    assert.equal(items2[121].range![0], at + 4);
    assert.deepEqual(symbols(broken).map((s) => s.name), symbols(text).map((s) => s.name));
    // Its plain value, assembled from the pieces', is what converting the assembled nodes gives.
    assert.ok(parsed.recovered);
    assert.deepEqual(parsed.recovered, parsed.doc!.toJS());
  });

  it('completes in a broken document as from a full parse of it', () => {
    const people = Array.from({ length: 60 }, (_, i) => `  - { id: p${i}, name: Person ${i} }\n`).join('');
    const steps = Array.from({ length: 50 }, (_, i) => `          - { title: Step ${i}, owner: p${i % 7} }\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\npeople:\n${people}objectives:\n  - id: o1\n    title: T\n    owner: p1\n    tactics:\n      - id: t1\n        title: X\n        steps:\n${steps}`;
    const cache = new ParseCache();
    const at = text.indexOf('          - { title: Step 20');
    const line = text.slice(0, at).split('\n').length - 1;
    for (const typed of ['          - { ', '          - { title: New, owner: ', '          - { title: New, owner: p', '    owner: ']) {
      parse(text, cache);
      const broken = `${text.slice(0, at)}${typed}\n${text.slice(at)}`;
      const fromCache = parse(broken, cache);
      assert.ok(fromCache.problems.length > 0, typed);
      assert.deepEqual(fromCache.recovered, fromCache.doc!.toJS(), typed);
      const fromPieces = complete(broken, { line, character: typed.length });
      forgetRecentParses();
      const fromFullParse = complete(broken, { line, character: typed.length });
      assert.ok(fromPieces.length > 0, typed);
      assert.deepEqual(fromPieces, fromFullParse, typed);
    }
  });

  it('equals a full lint on edited documents with a fresh cache', () => {
    fc.assert(
      fc.property(editedText, (text) => {
        assert.deepEqual(lint(text, { today: TODAY, parseCache: new ParseCache(2) }), fullLint(text));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('re-parses only the piece an edit touched', () => {
    const items = Array.from({ length: 50 }, (_, i) => `  - id: p${i}\n    name: Person ${i}\n`).join('');
    const text = `stratlint: 1\nid: demo\ntitle: Demo\npeople:\n${items}objectives: []\n`;
    const cache = new ParseCache();
    lint(text, { today: TODAY, parseCache: cache });
    // The first lint reads the whole text; the next parse first cuts it into the cache's pieces.
    assert.equal(cache.size, 0);
    const edited = text.replace('Person 17', 'Person 17b');
    const result = lint(edited, { today: TODAY, parseCache: cache });
    assert.ok(cache.size > 50, `${cache.size} pieces`);
    assert.equal(cache.lastParsed, 1);
    assert.deepEqual(result, fullLint(edited));
  });
});
