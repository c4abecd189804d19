// Code actions for one finding, as plain data: its fixes, suppression comments for the line or
// the file, and its documentation; and "fix all" for the whole document. The finding is known by
// its rule id and the fixes its diagnostic carries, never by its message.
import { ruleDocsUrl } from '../docs';
import { fixAll, type FixAllResult } from '../fix-all';
import { parsedOf } from './document';
import { diffEdit, fixEdits, type TextEdit } from '../fixes';
import { LineIndex } from '../positions';
import type { Fix, LintOptions, Range } from '../types';
import { OPEN_URL } from './commands';
import type { RangeEdit } from './document';

export interface ActionCommand {
  title: string;
  command: string;
  arguments: unknown[];
}

export interface EditorAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits?: RangeEdit[];
  command?: ActionCommand;
  isPreferred?: boolean;
}

/** What a diagnostic carries for its code actions (`Diagnostic.data`). */
export interface FindingData {
  ruleId: string;
  fixes?: Fix[];
}

export const FIX_ALL_TITLE = 'Fix all stratlint problems';

function toRangeEdits(lines: LineIndex, edits: readonly TextEdit[]): RangeEdit[] {
  return edits.map((e) => ({ range: lines.range({ start: e.start, end: e.end }), newText: e.newText }));
}

function eolOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** The actions for one finding at `range`: each fix, then disable for the line, for the file, and the docs. */
export function codeActions(source: string, data: FindingData, range: Range): EditorAction[] {
  // The line index of the last parse of this text (a large file is not scanned again).
  const lines = parsedOf(source).lines;
  const actions: EditorAction[] = [];
  for (const fix of data.fixes ?? []) {
    const edits = fixEdits(source, fix);
    // A fix that cannot be placed on the text as it is now (edited since it was linted) is left out.
    if (!edits || edits.length === 0) continue;
    actions.push({ title: fix.title, kind: 'quickfix', edits: toRangeEdits(lines, edits), ...(fix.preferred ? { isPreferred: true } : {}) });
  }
  const rule = data.ruleId;
  // Engine findings that are not about the text (a file too large, a crash) cannot be suppressed by a comment there.
  if (rule !== 'yaml-syntax' && rule !== 'file-too-large' && rule !== 'internal-error') {
    actions.push({ title: `Disable ${rule} for this line`, kind: 'quickfix', edits: [disableLineEdit(source, lines, rule, range.start.line)] });
    actions.push({ title: `Disable ${rule} for this file`, kind: 'quickfix', edits: [disableFileEdit(source, lines, rule)] });
  }
  const url = ruleDocsUrl(rule);
  actions.push({ title: `Show documentation for ${rule}`, kind: 'quickfix', command: { title: `Show documentation for ${rule}`, command: OPEN_URL, arguments: [url] } });
  return actions;
}

const NEXT_LINE = /^(\s*#\s*stratlint-disable-next-line\s+)([A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*)/;

/**
 * `# stratlint-disable-next-line <rule> -- ` on a new line above the finding's line, at that line's
 * indentation; or the rule added to such a directive already there.
 */
export function disableLineEdit(source: string, lines: LineIndex, rule: string, line: number): RangeEdit {
  const start = lines.lineStart(line);
  const text = source.slice(start, lines.lineEnd(line));
  if (line > 0) {
    const aboveStart = lines.lineStart(line - 1);
    const above = source.slice(aboveStart, lines.lineEnd(line - 1));
    const m = NEXT_LINE.exec(above);
    if (m) {
      const at = lines.positionAt(aboveStart + m[0].length);
      return { range: { start: at, end: at }, newText: `, ${rule}` };
    }
  }
  const indent = /^[ \t]*/.exec(text)![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# stratlint-disable-next-line ${rule} -- ${eolOf(source)}` };
}

/** `# stratlint-disable-file <rule>` as the first line, or after the disable-file lines the file starts with. */
export function disableFileEdit(source: string, lines: LineIndex, rule: string): RangeEdit {
  let after = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = source.slice(lines.lineStart(line), lines.lineEnd(line));
    if (/^\s*#\s*stratlint-disable-file\b/.test(text)) after = line;
    else if (text.trim() !== '' && !text.trimStart().startsWith('#')) break;
  }
  const eol = eolOf(source);
  if (after < 0) return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# stratlint-disable-file ${rule}${eol}` };
  const end = lines.positionAt(lines.lineEnd(after));
  return { range: { start: end, end }, newText: `${eol}# stratlint-disable-file ${rule}` };
}

/** "Fix all": every safe fix (see `safeFix`), as one edit; null when there is nothing to fix. */
export function fixAllAction(source: string, options: LintOptions, maxPasses?: number): EditorAction | null {
  return fixAllResultAction(source, fixAll(source, options, undefined, maxPasses));
}

/** The "fix all" action for what fixAll (or fixAllPasses) made of `source`. */
export function fixAllResultAction(source: string, { text, applied, stoppedEarly }: FixAllResult): EditorAction | null {
  if (applied === 0 || text === source) return null;
  const lines = new LineIndex(source);
  // The source action menu shows the title (on save nobody sees it, but the findings left stay).
  const title = stoppedEarly ? `${FIX_ALL_TITLE} (the first ${applied}; run it again for the rest)` : FIX_ALL_TITLE;
  return { title, kind: 'source.fixAll', edits: toRangeEdits(lines, [diffEdit(source, text)]) };
}
