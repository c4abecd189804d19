// Applies fixes repeatedly: lint, apply one fix, lint again — each fix is placed against
// the text as it is after the previous one, so fixes never collide. The passes share a parse cache
// of their own: each re-parses the piece its fix changed and re-checks the items in it, as an edit
// in the editor does, instead of the whole document (107 fixes on 9,400 lines took 6 s, one full
// lint each).
import { ParseCache } from './chunks';
import { applyFix } from './fixes';
import { lint } from './lint';
import { parse } from './parse';
import type { Finding, Fix, LintOptions } from './types';

export interface FixAllResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
  /** Pieces of text the passes parsed (not reused from earlier passes), for tests and benchmarks. */
  parsedPieces: number;
  /** Whether fixes were left when the passes ran out (running fix-all again applies more). */
  stoppedEarly: boolean;
}

/** The fix "fix all" may apply to a finding: its preferred one, only when there is no choice to make. */
export function safeFix(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  const preferred = fixes.filter((f) => f.preferred);
  return preferred.length === 1 ? preferred[0] : undefined;
}

export function fixAll(
  text: string,
  options: LintOptions,
  choose: (finding: Finding) => Fix | undefined = safeFix,
  maxPasses = 200,
): FixAllResult {
  const passes = fixAllPasses(text, options, choose, maxPasses);
  for (;;) {
    const pass = passes.next();
    if (pass.done) return pass.value;
  }
}

/**
 * fixAll a pass at a time: it yields after each fix it applies. A pass lints the whole document
 * (some 180 ms at 12,000 lines, 200 of them on a document of thousands of fixes): a caller on a busy
 * thread serves other work in between, and drops the rest when the result is no longer wanted.
 */
export function* fixAllPasses(
  text: string,
  options: LintOptions,
  choose: (finding: Finding) => Fix | undefined = safeFix,
  maxPasses = 200,
): Generator<void, FixAllResult, void> {
  let current = text;
  let applied = 0;
  const failed = new Set<string>();
  // Never the document's own cache (the caller's): the texts in between must not replace its pieces.
  const cache = new ParseCache();
  const passOptions: LintOptions = { ...options, parseCache: cache };
  let parsedPieces = 0;
  /** Runs a lint or parse through the cache, counting the pieces it parsed (none when the text was parsed before). */
  const counted = <T>(work: () => T): T => {
    cache.lastParsed = 0;
    const result = work();
    parsedPieces += cache.lastParsed;
    return result;
  };

  /** The text after the first fix that applies to `current` and leaves it readable; undefined when none does. */
  const nextText = (): string | undefined => {
    for (const finding of counted(() => lint(current, passOptions)).findings) {
      const fix = choose(finding);
      if (!fix) continue;
      const key = `${finding.ruleId}|${finding.message}|${fix.title}`;
      if (failed.has(key)) continue;
      const next = applyFix(current, fix);
      // Each fix is safe on the text it was made for, but not always after others: a key renamed to
      // one an earlier fix added would be a duplicate. A fix that leaves the text unreadable is skipped.
      // (The parse is remembered, and the next pass lints that text: it costs nothing extra.)
      if (next !== null && next !== current && counted(() => parse(next, cache)).problems.length === 0) return next;
      failed.add(key);
    }
    return undefined;
  };

  let stoppedEarly = false;
  for (let pass = 0; ; pass++) {
    const next = nextText();
    if (next === undefined) break;
    // The pass after the last one only tells whether fixes were left.
    if (pass === maxPasses) {
      stoppedEarly = true;
      break;
    }
    current = next;
    applied++;
    yield;
  }
  return { text: current, applied, parsedPieces, stoppedEarly };
}
