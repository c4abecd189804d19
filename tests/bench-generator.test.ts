// Smoke test of the benchmark's document generator (scripts/bench/generate.ts). No timings here:
// speed is measured by `npm run bench`, never asserted in unit tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';
import schema from '../schemas/strategy.schema.json';
import { generateStrategy } from '../scripts/bench/generate';

describe('bench document generator', () => {
  const doc = generateStrategy(1000);

  it('is deterministic: same size and seed, same text', () => {
    assert.equal(generateStrategy(1000).text, doc.text);
    assert.notEqual(generateStrategy(1000, 7).text, doc.text);
  });

  it('makes a 1k document that parses, is close to the line target and fits the schema', () => {
    const lines = doc.text.split('\n').length - 1;
    assert.equal(lines, doc.lines);
    assert.ok(Math.abs(lines - 1000) <= 20, `${lines} lines, not within 2% of 1000`);
    const parsed = parseDocument(doc.text);
    assert.deepEqual(parsed.errors.map((e) => e.message), []);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(parsed.toJS()), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('sprinkles a few deliberate flaws and says where they are', () => {
    const total = Object.values(doc.flaws).reduce((a, b) => a + b, 0);
    assert.ok(total > 0 && total < 50, `${total} flaws`);
    assert.equal(doc.flawLines.length, total);
  });
});
