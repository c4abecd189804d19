// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::<message>`; warnings are
// `::warning`, info and hints `::notice`. Escaping follows @actions/core (toCommandValue,
// escapeData, escapeProperty): a message escapes % CR LF, a property also : and ,.
import { toOneBased } from '../engine/positions';
import type { Severity } from '../engine/types';
import type { Formatter } from './results';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export const formatGithub: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      const { line, column, endLine, endColumn } = toOneBased(f.range);
      // GitHub accepts columns only for an annotation within one line.
      const properties: [string, string | number][] =
        line === endLine
          ? [['file', result.filePath], ['line', line], ['col', column], ['endLine', endLine], ['endColumn', endColumn], ['title', f.ruleId]]
          : [['file', result.filePath], ['line', line], ['endLine', endLine], ['title', f.ruleId]];
      const list = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${COMMAND[f.severity]} ${list}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
