import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../server/src/engine/lint';
import { lostContent, replacedScalars } from './preserve';
import { actualMarkers, expectedMarkers, fixedText, fixtureCases } from './fixture-runner';

describe('rule fixtures', () => {
  const cases = fixtureCases();
  it('finds fixtures', () => assert.ok(cases.length > 0));
  for (const c of cases) {
    it(`${c.ruleId}/${path.basename(c.file)}`, () => {
      const expected = expectedMarkers(c.text);
      if (c.kind === 'bad') assert.ok(expected.length > 0, 'a bad fixture needs at least one # expect: marker');
      else assert.deepEqual(expected, [], 'a good fixture has no markers');
      assert.deepEqual(actualMarkers(c), expected);
    });
    const fixedFile = c.file.replace(/\.ya?ml$/, '.fixed.yaml');
    if (c.kind === 'bad' && fs.existsSync(fixedFile)) {
      it(`${c.ruleId}/${path.basename(fixedFile)}`, () => {
        const fixed = fixedText(c);
        assert.equal(fixed, fs.readFileSync(fixedFile, 'utf8'));
        // The fixed text parses, keeps every comment and scalar, and the rule has nothing left to say.
        const after = lint(fixed, c.options).findings;
        assert.deepEqual(after.filter((f) => f.ruleId === 'yaml-syntax'), []);
        assert.deepEqual(after.filter((f) => f.ruleId === c.ruleId).map((f) => f.message), []);
        // A did-you-mean fix replaces the typo: that scalar, and only that, may go.
        const applied = lint(c.text, c.options).findings.filter((f) => f.ruleId === c.ruleId).flatMap((f) => f.fixes?.slice(0, 1) ?? []);
        assert.deepEqual(lostContent(c.text, fixed, replacedScalars(c.text, applied)), []);
      });
    }
  }
});
