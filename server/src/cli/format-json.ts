// DESIGN §6: one JSON array, one object per file, 1-based lines and UTF-16 columns.
import { toOneBased } from '../engine/positions';
import type { Formatter } from './results';

export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      health: result.health,
      messages: result.findings.map((f) => ({
        ruleId: f.ruleId,
        failureMode: f.failureMode,
        severity: f.severity,
        message: f.message,
        ...toOneBased(f.range),
        fixable: (f.fixes?.length ?? 0) > 0,
      })),
    })),
  ) + '\n';
