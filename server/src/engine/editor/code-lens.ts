// The code lens on the first line: the strategy's health and the failure modes at risk,
// with what the editor needs to list them and jump to their findings.
import { FAILURE_MODE_TITLES } from '../chains';
import { putsModeAtRisk } from '../health';
import type { FailureMode, LintResult, Range } from '../types';
import { byCodeUnits } from '../words';

export interface ModeAtRisk {
  mode: FailureMode;
  title: string;
  findings: { ruleId: string; message: string; range: Range }[];
}

export interface HealthLens {
  range: Range;
  title: string;
  /** The failure modes at risk, in order, each with its findings at warning level or above. */
  modes: ModeAtRisk[];
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function healthLens(result: LintResult): HealthLens {
  if (result.health === null) return { range: FIRST_LINE, title: 'Health: not measured — the document could not be read', modes: [] };
  const byMode = new Map<FailureMode, ModeAtRisk>();
  for (const f of result.findings) {
    if (!putsModeAtRisk(f)) continue;
    const mode = f.failureMode!;
    let entry = byMode.get(mode);
    if (!entry) {
      entry = { mode, title: FAILURE_MODE_TITLES[mode], findings: [] };
      byMode.set(mode, entry);
    }
    entry.findings.push({ ruleId: f.ruleId, message: f.message, range: f.range });
  }
  const modes = [...byMode.values()].sort((a, b) => byCodeUnits(a.mode, b.mode));
  const score = `Health ${Math.round(result.health * 100)}%`;
  const title = modes.length === 0
    ? `${score} · no failure mode at risk`
    : `${score} · ${modes.length} failure mode${modes.length > 1 ? 's' : ''} at risk: ${modes.map((m) => m.mode).join(', ')}`;
  return { range: FIRST_LINE, title, modes };
}
