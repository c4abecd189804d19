import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { actualMarkers, expectedMarkers, fixtureCases } from './fixture-runner';

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
  }
});
