// The engine validates each objective on its own and the rest of the document with the objectives
// left out (scripts/gen-validator.mjs). Together they must find exactly what the whole schema finds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { schemaErrors } from '../server/src/engine/validate';
import { generateStrategy } from '../scripts/bench/generate';
import { editedText, strategyValue } from './fuzz/properties';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
addFormats(ajv, ['date']);
ajv.addKeyword('x-expected');
const whole = ajv.compile(JSON.parse(readFileSync('schemas/strategy.schema.json', 'utf8')));

const summary = (errors: readonly { instancePath: string; keyword: string; params: unknown }[]) =>
  errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();

function assertSame(value: unknown): void {
  whole(value);
  assert.deepEqual(summary(schemaErrors(value)), summary(whole.errors ?? []));
}

describe('schema validation by parts', () => {
  it('finds what the whole schema finds, on generated and edited documents', () => {
    fc.assert(fc.property(strategyValue, assertSame), { seed: 5, numRuns: 300 });
    fc.assert(
      fc.property(editedText, (text) => {
        let value: unknown;
        try {
          value = parseYaml(text, { maxAliasCount: 100 });
        } catch {
          return;
        }
        assertSame(value);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('finds what the whole schema finds on a large document, and on shapes that are no objectives', () => {
    assertSame(parseYaml(generateStrategy(2000).text));
    for (const objectives of [[1, 'x', null, [], { id: 5 }], 'none', null, {}]) assertSame({ stratlint: 1, id: 'a', title: 'b', objectives });
  });

  it('answers the same for an objective seen before', () => {
    const value = parseYaml(generateStrategy(1000).text) as { objectives: unknown[] };
    const first = summary(schemaErrors(value));
    assert.deepEqual(summary(schemaErrors({ ...value, objectives: [...value.objectives].reverse().reverse() })), first);
  });
});
