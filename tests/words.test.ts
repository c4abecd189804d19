// The word helpers read ASCII text without Unicode property expressions: they must answer what
// those expressions answer, for any text. And ids compared by code units must come out in the
// order `localeCompare` gave them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FAILURE_MODE_TITLES } from '../server/src/engine/chains';
import { byCodeUnits, firstWord, fold, hasDecimalDigit, hasLetterOrDigit, wordCount } from '../server/src/engine/words';
import { rules } from '../server/src/rules';
import { DEFAULT_FOLDED, DEFAULT_WORDS } from '../server/src/rules/vague-wording';

// ASCII of every kind, accented and other scripts' letters, combining marks, other digits and numbers.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('é', 'É', 'ß', 'ø', 'İ', 'ж', 'λ', '中', '\u0301', '\u0327', '٣', '७', '²', 'Ⅻ', '—', '\u00a0', '\u2003', '😀', 'ﬁ'),
);
const text = fc.string({ unit, maxLength: 24 });

describe('words', () => {
  it('answers what the Unicode property expressions answer', () => {
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(hasLetterOrDigit(s), /[\p{L}\p{N}]/u.test(s));
        assert.equal(hasDecimalDigit(s), /\p{Nd}/u.test(s));
        assert.equal(firstWord(s), /[\p{L}\p{M}]+/u.exec(s)?.[0]);
        assert.equal(fold(s), s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
        assert.equal(wordCount(s), s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
      }),
      { seed: 7, numRuns: 5000 },
    );
    assert.equal(firstWord('  Améliorer le service'), 'Améliorer');
    assert.equal(fold('DÉVELOPPER'), 'developper');
    assert.equal(wordCount('Because — we ; can 2'), 4);
  });

  it('orders rule ids and failure modes as localeCompare does', () => {
    for (const ids of [rules.map((r) => r.meta.id), Object.keys(FAILURE_MODE_TITLES)]) {
      const expected = [...ids].sort((a, b) => a.localeCompare(b));
      assert.deepEqual([...ids].reverse().sort(byCodeUnits), expected);
    }
  });

  it('has the default vague words folded as fold folds them', () => {
    assert.deepEqual(DEFAULT_FOLDED, DEFAULT_WORDS.map(fold));
  });
});
