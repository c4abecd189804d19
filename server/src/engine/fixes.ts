// Semantic fix operations rendered into minimal text edits on the parsed YAML.
// Only insertions and scalar replacements are produced, at the place the file's own
// style dictates (indentation width, block or flow style, line endings), so comments,
// key order and every other line stay exactly as the author wrote them.
import { isMap, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parse } from './parse';
import { keyText, walk } from './positions';
import type { Fix, FixOp, Path } from './types';
import { parseYaml } from './yaml-document';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies edits (non-overlapping, offsets into `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 1) return text.slice(0, edits[0].start) + edits[0].newText + text.slice(edits[0].end);
  // In one pass from the start: a copy of the text per edit made many edits cost their number times the text.
  const sorted = inTextOrder(edits);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Edits by offset; edits at the same offset in reverse order, as when each is applied from the end of the text. */
function inTextOrder(edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || b.i - a.i).map(({ e }) => e);
}

/** The text after applying every operation of a fix, or null when an operation cannot be placed. */
export function applyFix(text: string, fix: Fix): string | null {
  const edits = fixEdits(text, fix);
  return edits === null ? null : applyEdits(text, edits);
}

/** The edits of a fix against the original text, or null when an operation cannot be placed. */
export function fixEdits(text: string, fix: Fix): TextEdit[] | null {
  // The parse the last lint of this text made, when there is one: no second parse of a large file.
  const parsed = parse(text);
  if (!parsed.doc || parsed.problems.length > 0) return null;
  const together = placeTogether(text, parsed.doc, fix.ops);
  if (together !== undefined) return together;
  // Operations that build on each other (a parent map created by the first) go one by one.
  let current = text;
  let doc: Document.Parsed = parsed.doc;
  for (let i = 0; i < fix.ops.length; i++) {
    if (i > 0) {
      doc = parseYaml(current);
      if (doc.errors.length > 0) return null;
    }
    const edit = renderOp(current, doc, fix.ops[i]);
    if (!edit) return null;
    current = applyEdits(current, [edit]);
  }
  return current === text ? [] : [diffEdit(text, current)];
}

/**
 * Places operations that each act on a place already in the document against one parse, so a
 * fix costs no re-parse and no comparison of texts. Undefined when the operations may depend on
 * each other or their edits overlap; null when one cannot be placed.
 */
function placeTogether(text: string, doc: Document.Parsed, ops: readonly FixOp[]): TextEdit[] | null | undefined {
  if (ops.length === 1) {
    const edit = renderOp(text, doc, ops[0]);
    return edit ? [edit] : null;
  }
  if (!ops.every((op) => placeExists(doc, op))) return undefined;
  const edits: TextEdit[] = [];
  for (const op of ops) {
    const edit = renderOp(text, doc, op);
    if (!edit) return null;
    // Insertions at the same place keep the order of the operations.
    const same = edits.find((e) => e.start === edit.start && e.end === edit.start && edit.end === edit.start);
    if (same) same.newText += edit.newText;
    else edits.push(edit);
  }
  const sorted = inTextOrder(edits);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return undefined;
  return sorted;
}

/** Whether the map, list or scalar an operation acts on is already in the document. */
function placeExists(doc: Document.Parsed, op: FixOp): boolean {
  const { node, complete } = walk(doc, op.path);
  if (!complete) return false;
  // An empty map takes its first key without a separating comma: not a place to insert twice.
  if (op.op === 'set') return isMap(node) && node.items.length > 0;
  if (op.op === 'append') return isSeq(node) && node.items.length > 0;
  return true;
}

/** One edit turning `before` into `after`: the changed middle, common prefix and suffix left alone. */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}


interface Style {
  eol: string;
  /** Indentation width the file uses. */
  unit: number;
  /** Whether block lists are indented under their key (`key:\n  - x`) or not (`key:\n- x`). */
  indentSeq: boolean;
}

let lastStyle: { text: string; style: Style } | undefined;

/** The file's style; remembered for the last text, as a fix with several operations asks repeatedly. */
export function detectStyle(text: string): Style {
  if (lastStyle?.text !== text) lastStyle = { text, style: readStyle(text) };
  return lastStyle.style;
}

/**
 * Blocks opened by a key, and lists among them, after which the style counts as known: the rest of
 * a long file does not change the majority, and reading all of a 50,000-line file took 10 ms of
 * every completion (each keystroke makes a new text).
 */
const ENOUGH_BLOCKS = 200;
const ENOUGH_LISTS = 20;

function readStyle(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const counts = new Map<number, number>();
  let blocks = 0;
  let seqIndented = 0;
  let seqFlat = 0;
  let above: string | undefined;
  for (let start = 0; start <= text.length && (blocks < ENOUGH_BLOCKS || seqIndented + seqFlat < ENOUGH_LISTS); ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
    start = end + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    // Only a key that opens a block tells the indentation width; `- ` offsets do not.
    if (above !== undefined && /:\s*(#.*)?$/.test(above)) {
      const indent = line.length - line.trimStart().length;
      const aboveIndent = above.length - above.trimStart().length;
      const width = indent - aboveIndent;
      if (line.trimStart().startsWith('- ')) {
        if (width > 0) seqIndented++;
        else if (width === 0) seqFlat++;
      }
      if (width > 0) {
        counts.set(width, (counts.get(width) ?? 0) + 1);
        blocks++;
      }
    }
    above = line;
  }
  let unit = 2;
  let best = 0;
  for (const [width, n] of counts) {
    if (width >= 2 && width <= 8 && (n > best || (n === best && width < unit))) {
      unit = width;
      best = n;
    }
  }
  return { eol, unit, indentSeq: seqIndented >= seqFlat };
}

function renderOp(text: string, doc: Document.Parsed, op: FixOp): TextEdit | null {
  const style = detectStyle(text);
  switch (op.op) {
    case 'replace':
    case 'renameKey': {
      const { node, pair, complete } = walk(doc, op.path);
      if (!complete) return null;
      const target = op.op === 'renameKey' ? (pair?.key as Node | undefined) : node;
      if (!isScalar(target) || !target.range) return null;
      const value = op.op === 'renameKey' ? op.to : op.value;
      return { start: target.range[0], end: target.range[1], newText: sameQuotes(text.slice(target.range[0], target.range[1]), value) };
    }
    case 'set':
      return setKey(text, doc, op.path, op.key, op.value, style);
    case 'append':
      return appendItem(text, doc, op.path, op.value, style);
  }
}

function scalar(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n+$/, '');
}

/** A replacement written in the quotes the author used, when it is text. */
function sameQuotes(original: string, value: unknown): string {
  if (typeof value === 'string' && original.startsWith('"')) return JSON.stringify(value);
  if (typeof value === 'string' && original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return scalar(value);
}

function flow(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).replace(/\n+$/, '');
}

function block(value: unknown, style: Style): string[] {
  return stringify(value, { indent: style.unit, indentSeq: style.indentSeq, lineWidth: 0 }).replace(/\n+$/, '').split('\n');
}

function indentLines(lines: string[], indent: number, style: Style): string {
  const pad = ' '.repeat(indent);
  return lines.map((l) => (l === '' ? l : pad + l)).join(style.eol);
}

/** Column of an offset within its line. */
function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return offset - i;
}

/** Where to insert a new line after the collection ending at `end`: the end of its last line (after any comment). */
function afterLastLine(text: string, end: number): number {
  let pos = end;
  while (pos > 0 && (text[pos - 1] === '\n' || text[pos - 1] === '\r')) pos--;
  while (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') pos++;
  return pos;
}

function collectionEnd(node: YAMLMap | YAMLSeq): number {
  const last = node.items[node.items.length - 1] as Pair | Node | undefined;
  if (last && isMap(node)) {
    const pair = last as Pair;
    const v = pair.value as Node | null;
    const k = pair.key as Node | null;
    return (v && v.range ? v.range[1] : k?.range?.[1]) ?? node.range![1];
  }
  const item = last as Node | undefined;
  return item?.range ? item.range[1] : node.range![1];
}

/** Inserts into a flow collection: after its last item with a separating comma, or inside the brackets when empty. */
function insertInFlow(text: string, node: YAMLMap | YAMLSeq, piece: string): TextEdit {
  if (node.items.length > 0) {
    // Right after the last item: a flow collection written over several lines may have a comment after it.
    const pos = collectionEnd(node);
    return { start: pos, end: pos, newText: `, ${piece}` };
  }
  let pos = node.range![1] - 1;
  while (pos > node.range![0] + 1 && /\s/.test(text[pos - 1])) pos--;
  return { start: pos, end: pos, newText: piece };
}

function setKey(text: string, doc: Document.Parsed, path: Path, key: string, value: unknown, style: Style): TextEdit | null {
  const found = walk(doc, path);
  if (!found.complete) {
    // Create the missing parents: set the first missing segment on the deepest existing map.
    for (let d = path.length - 1; d >= 0; d--) {
      const parent = walk(doc, path.slice(0, d));
      if (parent.complete && (isMap(parent.node) || parent.node === null || parent.node === undefined)) {
        let nested: unknown = { [key]: value };
        for (let i = path.length - 1; i > d; i--) nested = { [String(path[i])]: nested };
        if (typeof path[d] === 'number') return null;
        return setKey(text, doc, path.slice(0, d), String(path[d]), nested, style);
      }
    }
    return null;
  }
  const node = found.node;
  if (isMap(node)) {
    const existing = node.items.find((p) => keyText(p) === key);
    if (existing) {
      const v = existing.value as Node | null;
      if (v === null || (isScalar(v) && (v.value === null || v.value === ''))) {
        return fillEmptyValue(text, existing, value, style);
      }
      if (isMap(v) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        // Merge into the existing map: add only the keys it lacks.
        const missing = Object.entries(value as Record<string, unknown>).filter(([k]) => !v.items.some((p) => keyText(p) === k));
        return missing.length > 0 ? insertIntoMap(text, v, Object.fromEntries(missing), style) : null;
      }
      return null; // never overwrite a value the author wrote
    }
    return insertIntoMap(text, node, { [key]: value }, style);
  }
  if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) {
    if (found.pair) return fillEmptyValue(text, found.pair, { [key]: value }, style);
    if (path.length === 0) {
      // An empty document.
      const sep = text.length === 0 || text.endsWith('\n') ? '' : style.eol;
      return { start: text.length, end: text.length, newText: sep + indentLines(block({ [key]: value }, style), 0, style) + style.eol };
    }
  }
  return null;
}

function insertIntoMap(text: string, node: YAMLMap, entries: Record<string, unknown>, style: Style): TextEdit | null {
  if (node.flow) {
    const piece = Object.entries(entries).map(([k, v]) => `${scalar(k)}: ${flow(v)}`).join(', ');
    return insertInFlow(text, node, piece);
  }
  if (node.items.length === 0) return null;
  const firstKey = node.items[0].key as Node;
  const indent = columnOf(text, firstKey.range![0]);
  const at = afterLastLine(text, collectionEnd(node));
  return { start: at, end: at, newText: style.eol + indentLines(block(entries, style), indent, style) };
}

/** `key:` with nothing after it gets the value on its own line(s), or inline for a scalar. */
function fillEmptyValue(text: string, pair: Pair, value: unknown, style: Style): TextEdit | null {
  const keyNode = pair.key as Node;
  if (!keyNode.range) return null;
  const v = pair.value as Node | null;
  const emptyCollection = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
  const written = v && isScalar(v) && v.range && v.range[1] > v.range[0] ? v.range : null;
  if (value === null || typeof value !== 'object' || emptyCollection || written) {
    // Scalars and empty collections go on the key's line; an explicit empty value (`""`, `~`) is
    // replaced in place, in flow style, so nothing after it on the line (a comment) moves.
    const piece = value !== null && typeof value === 'object' ? flow(value) : scalar(value);
    if (written) return { start: written[0], end: written[1], newText: piece };
    const colon = text.indexOf(':', keyNode.range[1]);
    if (colon < 0) return null;
    return { start: colon + 1, end: colon + 1, newText: ` ${piece}` };
  }
  const keyColumn = columnOf(text, keyNode.range[0]);
  const at = afterLastLine(text, keyNode.range[1]);
  const isList = Array.isArray(value);
  const indent = isList && !style.indentSeq ? keyColumn : keyColumn + style.unit;
  // A comment after the key stays on the key's line; the value goes below it.
  return { start: at, end: at, newText: style.eol + indentLines(block(value, style), indent, style) };
}

function appendItem(text: string, doc: Document.Parsed, path: Path, value: unknown, style: Style): TextEdit | null {
  if (path.length === 0) return null;
  const found = walk(doc, path);
  const node = found.complete ? found.node : undefined;
  if (isSeq(node)) {
    if (node.flow) return insertInFlow(text, node, flow(value));
    if (node.items.length === 0) return null;
    const first = node.items[0] as Node;
    // The dash sits two columns before a block item's content in the common `- ` form.
    const dash = text.lastIndexOf('-', first.range![0]);
    const indent = columnOf(text, dash);
    const at = afterLastLine(text, collectionEnd(node));
    return { start: at, end: at, newText: style.eol + indentLines(block([value], style), indent, style) };
  }
  if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) {
    return setKey(text, doc, path.slice(0, -1), String(path[path.length - 1]), [value], style);
  }
  return null;
}
