// Engine finding → LSP diagnostic. The engine already speaks 0-based UTF-16
// ranges, so positions pass through untouched.
import { DiagnosticSeverity, type Diagnostic } from './protocol';
import type { Fix, Finding, Severity } from '../engine/types';
import { ruleDocsUrl } from '../engine/docs';

export const SOURCE = 'stratlint';

/** What a diagnostic carries for the code action that fixes it; the server keeps no state between the two. */
export interface DiagnosticData {
  ruleId: string;
  fixes?: Fix[];
}

export { ruleDocsUrl };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, ...(finding.fixes ? { fixes: finding.fixes } : {}) };
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
