// Fixed-seed property runs (quick); `npm run fuzz` runs the same properties at scale.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plainProperty } from './fuzz/plain';
import { properties } from './fuzz/properties';

describe('engine properties (fixed seed)', () => {
  for (const [name, property] of Object.entries(properties)) {
    it(name, () => {
      fc.assert(property, { seed: 20270315, numRuns: 150 });
    });
  }
  it('plain reader equals yaml', () => {
    fc.assert(plainProperty, { seed: 20270315, numRuns: 150 });
  });
});
