// "Did you mean …?" for unknown keys, enum values and references.

/** Edit distance where swapping two neighbouring letters (titel → title) counts as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate within a distance that grows with the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Words whose lengths differ by more than the limit cannot be close: skip the matrix.
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * Suggestions against one candidate list, remembered while the list stays the same: a large
 * document has hundreds of people, and the same typos are looked up again on every keystroke.
 */
export class Suggester {
  private static last = new Map<string, Suggester>();
  private readonly memo = new Map<string, string | undefined>();

  private constructor(private readonly candidates: readonly string[]) {}

  /** The suggester for this list (shared with the previous call when the list is unchanged). */
  static for(scope: string, candidates: readonly string[]): Suggester {
    const previous = Suggester.last.get(scope);
    if (previous && sameList(previous.candidates, candidates)) return previous;
    const next = new Suggester([...candidates]);
    Suggester.last.set(scope, next);
    return next;
  }

  closest(word: string): string | undefined {
    if (this.memo.has(word)) return this.memo.get(word);
    const found = closest(word, this.candidates);
    if (this.memo.size > 5_000) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
