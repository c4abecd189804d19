// "Did you mean …?" for unknown keys, enum values and references.
import { sameElements } from './memo';

/** Edit distance where swapping two neighbouring letters (titel → title) counts as one edit. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

// Three rows of the distance matrix, reused: a large document compares hundreds of unknown ids
// with a thousand people, and fresh arrays per comparison made that slower than linting it.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * editDistance when it is at most `max`, else `max + 1`: a row whose smallest entry exceeds `max`
 * ends the comparison, so far-apart words cost a row or two.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let smallest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < smallest) smallest = d;
    }
    if (smallest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], max + 1);
}

/** The closest candidate within a distance that grows with the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  return closestIn(word, list, list.map((c) => c.toLowerCase()));
}

/** closest over a list and the same list lower-cased (the form Suggester keeps). */
function closestIn(word: string, candidates: readonly string[], lowered: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const other = lowered[i];
    // Words whose lengths differ by more than the limit cannot be close: skip the matrix.
    if (Math.abs(other.length - lower.length) > limit) continue;
    // Only a distance as small as the best so far (a tie goes to the first in alphabetical order) can matter.
    const within = Math.min(limit, bestDistance);
    const d = boundedDistance(lower, other, within);
    if (d > within) continue;
    const candidate = candidates[i];
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

  /** The candidates lower-cased once, not on every comparison. */
  private lowered: string[] | undefined;

  private constructor(private readonly candidates: readonly string[]) {}

  /** The suggester for this list (shared with the previous call when the list is unchanged). */
  static for(scope: string, candidates: readonly string[]): Suggester {
    const previous = Suggester.last.get(scope);
    if (previous && sameElements(previous.candidates, candidates)) return previous;
    const next = new Suggester([...candidates]);
    Suggester.last.set(scope, next);
    return next;
  }

  closest(word: string): string | undefined {
    if (this.memo.has(word)) return this.memo.get(word);
    this.lowered ??= this.candidates.map((c) => c.toLowerCase());
    const found = closestIn(word, this.candidates, this.lowered);
    if (this.memo.size > 5_000) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }
}

