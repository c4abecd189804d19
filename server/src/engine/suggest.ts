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
 * editDistance when it is at most `max`, else `max + 1`. Only the cells within `max` of the
 * diagonal are computed (the others are further than `max` anyway), and a row whose smallest entry
 * exceeds `max` ends the comparison: far-apart words cost a row or two, and two long look-alike
 * words their length times `2 max + 1`, not their lengths multiplied.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rows[0].length <= b.length + 1) rows = rows.map(() => new Int32Array(2 * (b.length + 2)));
  const far = max + 1;
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    current[0] = i <= max ? i : far;
    // Left of the band: further than max (read as the cell before the band's first).
    if (lo > 1) current[lo - 1] = far;
    let smallest = current[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2] + 1);
      if (d > far) d = far;
      current[j] = d;
      if (d < smallest) smallest = d;
    }
    // Right of the band: the next row reads it as the cell above its last one.
    if (hi < b.length) current[hi + 1] = far;
    if (smallest > max) return far;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], far);
}

/** The closest candidate within a distance that grows with the word's length, or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  return closestIn(word, list, list.map((c) => c.toLowerCase()));
}

/**
 * The characters of a word as 32 bits (a character sets bit `code % 32`). One edit changes at most
 * two bits (a substitution clears one and sets another), so words whose masks differ in more than
 * twice the allowed edits are too far apart, and the distance need not be computed.
 */
function charMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** closest over a list, the same list lower-cased and their masks (the forms Suggester keeps), passing over `except`. */
function closestIn(word: string, candidates: readonly string[], lowered: readonly string[], masks?: Int32Array, except?: string): string | undefined {
  const lower = word.toLowerCase();
  const mask = charMask(lower);
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] === except) continue;
    const other = lowered[i];
    // Words whose lengths differ by more than the limit cannot be close: skip the matrix.
    if (Math.abs(other.length - lower.length) > limit) continue;
    // Only a distance as small as the best so far (a tie goes to the first in alphabetical order) can matter.
    const within = Math.min(limit, bestDistance);
    if (masks && bitCount(mask ^ masks[i]) > 2 * within) continue;
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
 * Every string one deletion (or none) away from `word`, each once. Two words within one edit of
 * each other (a substitution, an insertion, a deletion or a swap of neighbours) always share one:
 * delete the changed character from both, the inserted one from the longer, or one of the swapped
 * pair from both.
 */
function deletions(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Lookups a Suggester answers by comparing with every candidate before it builds its index (see
 * `nearby`): the index costs about as much as a few dozen such lookups, and most lists are asked
 * about a handful of typos.
 */
const INDEX_AFTER = 32;

/** Answers a Suggester remembers (a 100,000-line document has at most some 50,000 references). */
const MEMO_LIMIT = 100_000;

/**
 * Candidates and words longer than this stay out of the index of deletions (see `nearby`): a word
 * has as many deletions as characters, each as long as the word, and one id of 20,000 characters
 * took minutes to index. The few candidates that long are compared one by one.
 */
const INDEXED_LENGTH = 64;

/**
 * How many comparisons with a candidate a caller allows for words that have no candidate within
 * one edit (those need the whole list). Shared by the lookups of one lint, it bounds the time
 * thousands of far-off unknown ids take. Each word is paid for once per list, however often it
 * comes up (a hundred owners `tbd` cost one), so what it cuts depends on the document alone.
 */
export class SuggestionBudget {
  private readonly paid = new Map<Suggester, Set<string>>();

  constructor(public comparisons: number) {}

  /** Whether `word` was paid for against `list` already. */
  has(list: Suggester, word: string): boolean {
    return this.paid.get(list)?.has(word) ?? false;
  }

  /** Whether `word` may go through `list` (of `cost` candidates), paying the first time while the budget lasts. */
  allows(list: Suggester, word: string, cost: number): boolean {
    if (this.has(list, word)) return true;
    if (this.comparisons <= 0) return false;
    this.comparisons -= cost;
    let words = this.paid.get(list);
    if (!words) this.paid.set(list, (words = new Set()));
    words.add(word);
    return true;
  }
}

/** An answer, and whether finding it took the whole list (and so costs a budget). */
interface Answer {
  found: string | undefined;
  wholeList: boolean;
}

/**
 * Suggestions against one candidate list, remembered while the list stays the same: a large
 * document has hundreds of people, and the same typos are looked up again on every keystroke.
 */
export class Suggester {
  private static last = new Map<string, Suggester>();
  private readonly memo = new Map<string, Answer>();

  /** The candidates lower-cased once, not on every comparison. */
  private lowered: string[] | undefined;
  private masks: Int32Array | undefined;
  /** Lookups answered so far; past `indexAfter`, `nearby` is built. */
  private lookups = 0;
  /** Each string one deletion (or none) from a lower-cased candidate → the candidates' indexes. */
  private nearby: Map<string, number[]> | undefined;
  /** The candidates too long for the index (see INDEXED_LENGTH). */
  private long: number[] = [];

  private constructor(
    private readonly candidates: readonly string[],
    private readonly indexAfter: number,
  ) {}

  /**
   * The suggester for this list (shared with the previous call when the list is unchanged).
   * `indexAfter` is for tests: how many lookups compare with every candidate before the index is built.
   */
  static for(scope: string, candidates: readonly string[], indexAfter = INDEX_AFTER): Suggester {
    const previous = Suggester.last.get(scope);
    if (previous && previous.indexAfter === indexAfter && sameElements(previous.candidates, candidates)) return previous;
    const next = new Suggester([...candidates], indexAfter);
    Suggester.last.set(scope, next);
    return next;
  }

  /**
   * The closest candidate; with `except`, the closest other than that one (not remembered). With a
   * budget, a word with no candidate within one edit gets an answer only if the budget allows it
   * (remembered answers too, so that the answers depend on the words looked up, not on what was
   * looked up before).
   */
  closest(word: string, except?: string, budget?: SuggestionBudget): string | undefined {
    const remembered = except === undefined ? this.memo.get(word) : undefined;
    if (remembered) return this.spend(word, remembered, budget);
    const lower = word.toLowerCase();
    const lowered = (this.lowered ??= this.candidates.map((c) => c.toLowerCase()));
    this.masks ??= Int32Array.from(lowered, charMask);
    const broke = budget !== undefined && budget.comparisons <= 0 && !budget.has(this, word);
    if (this.nearby === undefined && (this.lookups++ >= this.indexAfter || broke)) this.nearby = this.index(lowered);
    let answer: Answer;
    const near = this.nearby && this.withinOneEdit(lower, this.nearby, except);
    if (near !== undefined) answer = { found: near, wholeList: false };
    else if (broke) return undefined;
    else {
      const found = closestIn(word, this.candidates, lowered, this.masks, except);
      // Without the index, a word with a candidate within one edit went through the whole list too, but need not have.
      answer = { found, wholeList: this.nearby !== undefined || found === undefined || boundedDistance(lower, found.toLowerCase(), 1) > 1 };
    }
    if (except === undefined) {
      // Bounded, but above what a document holds: clearing it would make every keystroke look all up again.
      if (this.memo.size > MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, answer);
    }
    return this.spend(word, answer, budget);
  }

  private spend(word: string, answer: Answer, budget: SuggestionBudget | undefined): string | undefined {
    if (!answer.wholeList || budget === undefined) return answer.found;
    return budget.allows(this, word, this.candidates.length) ? answer.found : undefined;
  }

  /**
   * Thousands of distinct unknown ids against thousands of people, each compared with every
   * person, took seconds when the ids look alike (`person-00417`): the masks and lengths do not
   * tell them apart. Most typos are one edit from what was meant, and those are found here with a
   * lookup per deletion.
   */
  private index(lowered: readonly string[]): Map<string, number[]> {
    const nearby = new Map<string, number[]>();
    lowered.forEach((candidate, i) => {
      if (candidate.length > INDEXED_LENGTH) {
        this.long.push(i);
        return;
      }
      for (const key of deletions(candidate)) {
        const list = nearby.get(key);
        if (list) list.push(i);
        else nearby.set(key, [i]);
      }
    });
    return nearby;
  }

  /**
   * The nearest candidate when one is at most one edit away (the first alphabetically among
   * equals, as `closestIn`), else undefined. Every indexed candidate that near shares a key with
   * the word (see `deletions`), so none is missed; a word too long to share one with any is not
   * taken apart. The candidates too long for the index are compared one by one. One edit is
   * within every word's limit.
   */
  private withinOneEdit(lower: string, nearby: Map<string, number[]>, except: string | undefined): string | undefined {
    let best: string | undefined;
    let bestDistance = 1;
    const consider = (i: number) => {
      const candidate = this.candidates[i];
      if (candidate === except) return;
      const d = boundedDistance(lower, this.lowered![i], 1);
      if (d > 1) return;
      if (best === undefined || d < bestDistance || (d === bestDistance && candidate < best)) {
        best = candidate;
        bestDistance = d;
      }
    };
    if (lower.length <= INDEXED_LENGTH + 1) {
      for (const key of deletions(lower)) for (const i of nearby.get(key) ?? []) consider(i);
    }
    for (const i of this.long) consider(i);
    return best;
  }
}
