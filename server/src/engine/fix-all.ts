// Applies fixes repeatedly: lint, apply one fix, lint again — each fix is placed against
// the text as it is after the previous one, so fixes never collide.
import { ParseCache } from './chunks';
import { applyEdits, fixEdits, type TextEdit } from './fixes';
import { parse } from './parse';
import { LineIndex } from './positions';
import { lint } from './lint';
import type { Finding, Fix, LintOptions } from './types';

export interface FixAllResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
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
  let current = text;
  let applied = 0;
  const failed = new Set<string>();
  // Each pass changes a few places: with a parse cache a pass re-parses those pieces, not the whole text.
  const passOptions: LintOptions = { ...options, parseCache: options.parseCache ?? new ParseCache() };
  for (let pass = 0; pass < maxPasses; pass++) {
    const findings = lint(current, passOptions).findings;
    const batch = independentFixes(current, findings, choose, failed);
    if (batch.length === 0) break;
    const together = applyEdits(current, batch.flatMap((b) => b.edits));
    // Fixes placed apart may still clash (two keys added to one map under different findings);
    // the text must read as well as before, or only the first fix is taken this pass.
    const clash = batch.length > 1 && parse(together).problems.length > 0;
    const next = clash ? applyEdits(current, batch[0].edits) : together;
    applied += clash ? 1 : batch.length;
    current = next;
  }
  return { text: current, applied };
}

interface Planned {
  edits: TextEdit[];
}

/**
 * The fixes to apply in one pass: each finding's chosen fix, placed against the current text, as
 * long as its edits keep a line away from those taken before it. Applying them together gives
 * what applying them one by one gives, in a pass per document rather than a pass per fix (a
 * document with 4,000 tactics to fix took 200 full lints for 200 of them). Fixes that cannot be
 * placed are remembered in `failed` and not tried again.
 */
function independentFixes(text: string, findings: readonly Finding[], choose: (finding: Finding) => Fix | undefined, failed: Set<string>): Planned[] {
  const lines = new LineIndex(text);
  const taken: [number, number][] = [];
  const out: Planned[] = [];
  for (const finding of findings) {
    const fix = choose(finding);
    if (!fix) continue;
    const key = `${finding.ruleId}|${finding.message}|${fix.title}`;
    if (failed.has(key)) continue;
    const edits = fixEdits(text, fix);
    if (edits === null || edits.every((e) => text.slice(e.start, e.end) === e.newText)) {
      failed.add(key);
      continue;
    }
    const spans = edits.map((e): [number, number] => [lines.positionAt(e.start).line - 1, lines.positionAt(e.end).line + 1]);
    if (spans.some(([a, b]) => taken.some(([c, d]) => a <= d && c <= b))) continue;
    taken.push(...spans);
    out.push({ edits });
  }
  return out;
}
