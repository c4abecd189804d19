// Did-you-mean suggestions: the bounded, allocation-free distance must agree with the plain
// dynamic-programming definition (restricted Damerau–Levenshtein: a swap of neighbours is one edit).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundedDistance, closest, editDistance, Suggester, SuggestionBudget } from '../server/src/engine/suggest';

function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '-', '1'), maxLength: 12 });

describe('suggestions', () => {
  it('computes the distance of the definition, and caps it when asked', () => {
    fc.assert(
      fc.property(word, word, fc.nat({ max: 6 }), (a, b, max) => {
        const d = reference(a, b);
        assert.equal(editDistance(a, b), d);
        assert.equal(boundedDistance(a, b, max), Math.min(d, max + 1));
      }),
      { seed: 3, numRuns: 2000 },
    );
    // Longer words, so that the band around the diagonal has edges on both sides.
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 40 });
    fc.assert(
      fc.property(long, long, fc.nat({ max: 4 }), (a, b, max) => assert.equal(boundedDistance(a, b, max), Math.min(reference(a, b), max + 1))),
      { seed: 4, numRuns: 2000 },
    );
    const x = 'ab'.repeat(10_000);
    assert.equal(boundedDistance(`${x}q`, `${x}r`, 3), 1);
    assert.equal(boundedDistance(x, `ba${x.slice(2)}`, 1), 1);
  });

  it('suggests the nearest candidate, the first alphabetically among equals', () => {
    assert.equal(closest('titel', ['title', 'owner']), 'title');
    assert.equal(closest('hugoo', ['hugo', 'hugh', 'sara']), 'hugo');
    assert.equal(closest('abcd', ['abce', 'abcf']), 'abce');
    assert.equal(closest('zzzzzz', ['hugo', 'sara']), undefined);
    const long = 'x'.repeat(200);
    assert.equal(closest(long, [`${long}y`, 'short']), `${long}y`);
  });

  it('suggests with the character masks what a comparison with every candidate suggests', () => {
    // Suggester skips candidates whose characters differ too much; that must never skip the nearest.
    const unit = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A', '-', '1', '2', 'é', '@', '`');
    const id = fc.string({ unit, minLength: 1, maxLength: 10 });
    let scope = 0;
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 30 }), fc.array(id, { minLength: 1, maxLength: 10 }), (candidates, words) => {
        const suggester = Suggester.for(`test-${scope++}`, candidates);
        for (const w of words) assert.equal(suggester.closest(w), closest(w, candidates), `${w} among ${candidates.join(' ')}`);
      }),
      { seed: 11, numRuns: 1500 },
    );
  });

  it('suggests through its index of near words what a comparison with every candidate suggests', () => {
    // Few letters and short words: most words have candidates one edit away, some several.
    const unit = fc.constantFrom('a', 'b', 'c', 'A', '-', 'é');
    const id = fc.string({ unit, minLength: 1, maxLength: 7 });
    let scope = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 80 }),
        fc.array(id, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(0, 2, 32),
        (candidates, words, indexAfter) => {
          const suggester = Suggester.for(`index-${scope++}`, candidates, indexAfter);
          for (const w of words) {
            assert.equal(suggester.closest(w), closest(w, candidates), `${w} among ${candidates.join(' ')}`);
            // `except` passes over one candidate, the nearest or another.
            const except = candidates[w.length % candidates.length];
            assert.equal(suggester.closest(w, except), closest(w, candidates.filter((c) => c !== except)), `${w} except ${except}`);
          }
        },
      ),
      { seed: 5, numRuns: 1500 },
    );
  });

  it('spends a budget on words with nothing within one edit, the same whatever was looked up before', () => {
    const people = Array.from({ length: 100 }, (_, i) => `person-${String(i).padStart(3, '0')}`);
    // Two edits from person-000…person-099 (and further from the rest): each needs the whole list.
    const far = Array.from({ length: 10 }, (_, i) => `person-0${i}zz`);
    const typo = 'persn-042';
    const ask = (suggester: Suggester) => {
      const budget = new SuggestionBudget(3 * people.length);
      return [...far.map((w) => suggester.closest(w, undefined, budget)), suggester.closest(typo, undefined, budget)];
    };
    const expected = ['person-000', 'person-010', 'person-020', ...Array(7).fill(undefined), 'person-042'];
    for (const indexAfter of [0, 32]) {
      const suggester = Suggester.for(`budget-${indexAfter}`, people, indexAfter);
      assert.deepEqual(ask(suggester), expected);
      // Remembered answers spend as fresh ones do.
      assert.deepEqual(ask(suggester), expected);
      // So do answers remembered from lookups without a budget.
      const unbudgeted = Suggester.for(`budget-free-${indexAfter}`, people, indexAfter);
      for (const w of [...far].reverse()) unbudgeted.closest(w);
      assert.deepEqual(ask(unbudgeted), expected);
    }
  });

  it('pays for a far-off word once per budget, however often it is asked about', () => {
    const people = Array.from({ length: 100 }, (_, i) => `person-${String(i).padStart(3, '0')}`);
    const suggester = Suggester.for('budget-repeats', people, 0);
    const budget = new SuggestionBudget(2 * people.length);
    // `person-00zz` five times costs one word: two different far words still get their answers.
    const asked = ['person-00zz', 'person-00zz', 'person-00zz', 'person-00zz', 'person-00zz', 'person-01zz', 'person-02zz', 'person-00zz'];
    assert.deepEqual(asked.map((w) => suggester.closest(w, undefined, budget)), ['person-000', 'person-000', 'person-000', 'person-000', 'person-000', 'person-010', undefined, 'person-000']);
  });

  it('keeps very long words and candidates out of its index, and answers them as the whole list does', () => {
    const long = 'q'.repeat(20_000);
    const candidates = [...Array.from({ length: 40 }, (_, i) => `id-${i}`), `${long}x`, 'id-zz'];
    const suggester = Suggester.for('long-ids', candidates, 0);
    for (const word of [long, `${long}y`, `${long}xy`, 'r'.repeat(20_000), 'id-4', 'id-zzz']) {
      assert.equal(suggester.closest(word), closest(word, candidates), `${word.slice(0, 12)}… (${word.length})`);
    }
  });
});
