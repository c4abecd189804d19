// `# stratlint-disable-next-line <id>[, <id>] -- <reason>`, `# stratlint-disable-line …` and
// `# stratlint-disable-file <id>`: findings they cover are dropped; a directive (or one of its ids)
// that covers nothing is reported, so stale suppressions do not pile up.
import type { LineIndex } from './positions';
import type { Finding, OffsetRange } from './types';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  ids: string[];
  /** 0-based line the directive applies to (unused for disable-file). */
  line: number;
  /** The comment, for reporting. */
  offsets: OffsetRange;
  /** Offsets of each id within the comment, to report one unused id precisely. */
  idOffsets: OffsetRange[];
  reason?: string;
}

const DIRECTIVE = /(^|\s)#\s*stratlint-(disable-next-line|disable-line|disable-file)\b([^\n\r]*)/;

export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes('stratlint-disable')) return [];
  const directives: Directive[] = [];
  const rawLines = text.split(/\r\n|\r|\n/);
  // The first line from each line on that is neither blank nor only a comment, found backwards in
  // one pass (when asked for): a scan per directive made 20,000 stacked directives cost 16 s.
  let contentFrom: Int32Array | undefined;
  const nextContent = (from: number): number => {
    if (!contentFrom) {
      contentFrom = new Int32Array(rawLines.length + 1);
      contentFrom[rawLines.length] = rawLines.length;
      for (let l = rawLines.length - 1; l >= 0; l--) contentFrom[l] = /^\s*(#.*)?$/.test(rawLines[l]) ? contentFrom[l + 1] : l;
    }
    return contentFrom[from];
  };
  for (let line = 0; line < rawLines.length; line++) {
    const m = DIRECTIVE.exec(rawLines[line]);
    if (!m) continue;
    const lineStart = lines.lineStart(line);
    const commentStart = lineStart + m.index + m[1].length;
    // A second `#` ends the directive (anything after it is an ordinary comment).
    const rest = m[3].split('#', 1)[0];
    const restStart = commentStart + m[0].length - m[1].length - m[3].length;
    const [idPart, reason] = splitReason(rest);
    const ids: string[] = [];
    const idOffsets: OffsetRange[] = [];
    const idRe = /[A-Za-z0-9-]+/g;
    let idMatch: RegExpExecArray | null;
    while ((idMatch = idRe.exec(idPart)) !== null) {
      ids.push(idMatch[0]);
      idOffsets.push({ start: restStart + idMatch.index, end: restStart + idMatch.index + idMatch[0].length });
    }
    const kind = m[2] as DirectiveKind;
    let target = line;
    if (kind === 'disable-next-line') {
      // Skip blank and comment-only lines, so several directives can be stacked above one line.
      target = nextContent(line + 1);
    }
    directives.push({
      kind,
      ids,
      line: target,
      offsets: { start: commentStart, end: restStart + rest.trimEnd().length },
      idOffsets,
      ...(reason ? { reason } : {}),
    });
  }
  return directives;
}

function splitReason(rest: string): [string, string | undefined] {
  const i = rest.indexOf('--');
  if (i < 0) return [rest, undefined];
  return [rest.slice(0, i), rest.slice(i + 2).trim() || undefined];
}

export interface SuppressionResult {
  kept: Finding[];
  /** Directive ids (or whole directives, `id` undefined) that suppressed nothing. */
  unused: { directive: Directive; id?: string; offsets: OffsetRange }[];
}

export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[]): SuppressionResult {
  if (directives.length === 0) return { kept: [...findings], unused: [] };
  const used = directives.map(() => new Set<string>());
  const anyUsed = directives.map(() => false);
  // The directives that can cover a finding: those for the whole file and those for its line.
  const wholeFile: number[] = [];
  const byLine = new Map<number, number[]>();
  directives.forEach((d, i) => {
    if (d.kind === 'disable-file') wholeFile.push(i);
    else byLine.get(d.line)?.push(i) ?? byLine.set(d.line, [i]);
  });
  const kept: Finding[] = [];
  for (const finding of findings) {
    let suppressed = false;
    const cover = (i: number) => {
      const d = directives[i];
      if (d.ids.length > 0 && !d.ids.includes(finding.ruleId)) return;
      suppressed = true;
      anyUsed[i] = true;
      used[i].add(finding.ruleId);
    };
    wholeFile.forEach(cover);
    byLine.get(finding.range.start.line)?.forEach(cover);
    if (!suppressed) kept.push(finding);
  }
  const unused: SuppressionResult['unused'] = [];
  directives.forEach((d, i) => {
    if (d.ids.length === 0) {
      if (!anyUsed[i]) unused.push({ directive: d, offsets: d.offsets });
      return;
    }
    d.ids.forEach((id, k) => {
      if (!used[i].has(id)) unused.push({ directive: d, id, offsets: d.idOffsets[k] });
    });
  });
  return { kept, unused };
}
