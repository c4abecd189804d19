// Engine finding → LSP diagnostic. The engine already speaks 0-based UTF-16
// ranges, so positions pass through untouched.
import { DiagnosticSeverity, type Diagnostic } from './protocol';
import type { Fix, FixOp, Finding, Severity } from '../engine/types';
import { ruleDocsUrl } from '../engine/docs';
import { sameElements } from '../engine/memo';

export const SOURCE = 'stratlint';

/** What a diagnostic carries for the code action that fixes it; the server keeps no state between the two. */
export interface DiagnosticData {
  ruleId: string;
  fixes?: WireFix[];
}

/**
 * A fix as a diagnostic carries it. A fix whose one operation differs from the one of the fix before
 * it only in the value it writes (a choice of owner: one fix per person) carries its title and that
 * value only. Those choices made 70 % of every publication at 10,000 lines, and all of it is encoded
 * and sent, and decoded by the editor, on every keystroke.
 */
export type WireFix = Fix | { title: string; value: unknown; preferred?: boolean };

export function packFixes(fixes: readonly Fix[]): WireFix[] {
  return fixes.map((fix, i) =>
    i > 0 && sameButValue(fixes[i - 1], fix) ? { title: fix.title, value: (fix.ops[0] as { value: unknown }).value, ...(fix.preferred ? { preferred: true } : {}) } : fix,
  );
}

/**
 * The fixes back from what a diagnostic carried. The editor sends it back with the code action
 * request, so it is read as untrusted: what is not a well-formed fix is left out, and the other
 * fixes of the request stay.
 */
export function unpackFixes(wire: unknown): Fix[] {
  const fixes: Fix[] = [];
  if (!Array.isArray(wire)) return fixes;
  let before: Fix | undefined;
  for (const item of wire as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { title, ops, preferred } = item as { title?: unknown; ops?: unknown; preferred?: unknown };
    if (typeof title !== 'string') continue;
    let list: unknown[] | undefined;
    if (Array.isArray(ops)) list = ops;
    else if ('value' in item && before?.ops.length === 1 && 'value' in before.ops[0]) list = [{ ...before.ops[0], value: (item as { value: unknown }).value }];
    if (!list || list.length === 0 || !list.every(isFixOp)) continue;
    const fix: Fix = { title, ops: list, ...(preferred === true ? { preferred: true } : {}) };
    fixes.push(fix);
    before = fix;
  }
  return fixes;
}

function isFixOp(op: unknown): op is FixOp {
  if (typeof op !== 'object' || op === null) return false;
  const o = op as Record<string, unknown>;
  if (!Array.isArray(o.path) || !o.path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))) return false;
  switch (o.op) {
    case 'set':
      return typeof o.key === 'string' && 'value' in o;
    case 'append':
      return 'value' in o;
    case 'replace':
      return typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean';
    case 'renameKey':
      return typeof o.to === 'string';
    default:
      return false;
  }
}

function sameButValue(a: Fix, b: Fix): boolean {
  if (a.ops.length !== 1 || b.ops.length !== 1) return false;
  const [x, y] = [a.ops[0], b.ops[0]];
  if (x.op !== y.op || !('value' in x) || !('value' in y) || Object.keys(x).length !== Object.keys(y).length) return false;
  if ((x as { key?: string }).key !== (y as { key?: string }).key) return false;
  return sameElements(x.path, y.path);
}

export { ruleDocsUrl };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, ...(finding.fixes ? { fixes: packFixes(finding.fixes) } : {}) };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    ...(finding.related && finding.related.length > 0
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })) }
      : {}),
    data,
  };
}

/** Stands in for all findings when the engine itself throws (a crashing rule is already a finding). */
export function lintFailureDiagnostic(error: unknown): Diagnostic {
  const ruleId = 'internal-error';
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: ruleId,
    codeDescription: { href: ruleDocsUrl(ruleId) },
    source: SOURCE,
    message: `stratlint could not lint this document: ${reason}`,
    data: { ruleId } satisfies DiagnosticData,
  };
}
