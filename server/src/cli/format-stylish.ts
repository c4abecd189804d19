// Human-readable output in the manner of ESLint's "stylish": a header per file,
// aligned `line:col  severity  message  ruleId` rows, the file's health, a total.
import { toOneBased } from '../engine/positions';
import type { Severity } from '../engine/types';
import { countBySeverity, type FileResult, type Formatter } from './results';

/** Messages longer than this are not used to align the rule-id column. */
const MESSAGE_COLUMN = 100;

const ANSI = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, green: 32, yellow: 33, blue: 34 } as const;
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

export const formatStylish: Formatter = (results, { color }) => {
  const paint = (style: Style, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push('', paint('underline', result.filePath));
    const rows = result.findings.map((f) => {
      const { line, column } = toOneBased(f.range);
      return [`${line}:${column}`, f.severity, oneLine(f.message), f.ruleId] as const;
    });
    // One very long message (an obstacle chain) must not push every rule id off the screen.
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length).filter((n) => i < 2 || n <= MESSAGE_COLUMN), 0));
    for (const [position, severity, message, ruleId] of rows) {
      out.push(
        '  ' +
          paint('dim', position.padEnd(width[0])) + '  ' +
          paint(SEVERITY_STYLE[severity], severity.padEnd(width[1])) + '  ' +
          message.padEnd(width[2]) + '  ' +
          paint('dim', ruleId),
      );
    }
    out.push('  ' + healthLine(result));
  }
  if (out.length === 0) return '';

  const counts = countBySeverity(results);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  out.push('', paint('bold', paint(counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue', summary)), '');
  return out.join('\n');
};

function healthLine(result: FileResult): string {
  if (result.health === null) return 'health unknown — the document could not be read';
  const percent = `health ${Math.round(result.health * 100)}%`;
  if (result.atRisk.length === 0) return `${percent} — no failure mode at risk`;
  return `${percent} — ${plural(result.atRisk.length, 'failure mode')} at risk: ${result.atRisk.join(', ')}`;
}

/** Messages may quote YAML with line breaks; a row must stay one line. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
