// Which failure modes a document puts at risk, and its health: the one definition the engine,
// the obstacle chains, the code lens and the CLI all use.
import type { FailureMode, Finding } from './types';

const FAILURE_MODES: readonly FailureMode[] = ['FM01', 'FM02', 'FM03', 'FM04', 'FM05', 'FM06', 'FM07', 'FM08', 'FM09', 'FM10', 'FM11', 'FM12', 'FM13', 'FM14', 'FM15'];

/**
 * Whether a finding puts its failure mode at risk: a warning or an error tagged with a failure
 * mode. The obstacle-chain finding only names modes other findings already put at risk.
 */
export function putsModeAtRisk(f: Finding): boolean {
  return f.ruleId !== 'obstacle-chain' && (f.severity === 'error' || f.severity === 'warning') && f.failureMode !== null && f.failureMode.startsWith('FM');
}

/** The failure modes at risk, sorted. */
export function failureModesAtRisk(findings: readonly Finding[]): FailureMode[] {
  const modes = new Set<FailureMode>();
  for (const f of findings) if (putsModeAtRisk(f)) modes.add(f.failureMode!);
  return [...modes].sort();
}

/** Share of the 15 failure modes with no finding at warning level or above. */
export function health(findings: readonly Finding[]): number {
  const atRisk = failureModesAtRisk(findings).length;
  return Math.round(((FAILURE_MODES.length - atRisk) / FAILURE_MODES.length) * 100) / 100;
}
