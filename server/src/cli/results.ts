// What the CLI hands to a formatter: one entry per linted file.
import type { Finding, Severity } from '../engine/types';

export interface FileResult {
  /** Relative to the working folder, with forward slashes. */
  filePath: string;
  /** As the engine returns it; null when the document could not be read. */
  health: number | null;
  /** Already filtered by --quiet. */
  findings: Finding[];
  /** Failure modes with a finding at warning level or above, before --quiet filtering. */
  atRisk: string[];
}

export interface FormatContext {
  color: boolean;
  /** The working folder: file paths in the output are relative to it. */
  cwd: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export function countBySeverity(results: readonly FileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const f of result.findings) counts[f.severity]++;
  return counts;
}

/** The failure modes the file's health counts against it (warning level or above), sorted. */
