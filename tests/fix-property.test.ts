// Property: every fix offered on a flawed strategy document, applied on its own to the original
// text, leaves a document that parses, no longer has that finding, and keeps every comment and
// scalar the author wrote (see tests/fuzz/fixes.ts). `npm run fuzz` runs it at scale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixStats, fixesProperty } from './fuzz/fixes';

const RUNS = 100;

describe('fixes on generated flawed documents', () => {
  it(`every offered fix parses, removes its finding and keeps the author's text (${RUNS} documents, fixed seed)`, () => {
    fixStats.checked = 0;
    const details = fc.check(fixesProperty, { seed: 20270315, numRuns: RUNS });
    if (details.failed) assert.fail(`${String((details.errorInstance as Error)?.message ?? details.errorInstance)}\nseed ${details.seed}, path ${details.counterexamplePath}`);
    assert.ok(fixStats.checked > RUNS, `only ${fixStats.checked} fixes were checked`);
  });
});
