// What sits at an offset: the document path, whether it is a key or a value, and the map it
// belongs to. A document being typed is often not valid YAML (`ow` with no colon yet, a flow
// map not closed), so when the parse cannot say, the path is guessed from the text: the
// indentation of the lines above, their `key:` openers and `- ` items, and brackets on the line.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Parsed } from '../parse';
import { keyText } from '../positions';
import type { OffsetRange, Path } from '../types';

export interface Location {
  /** `key`: a key is (or may be) typed here; `value`: the value of a key or a list item; `none`: a comment, or nothing useful. */
  on: 'key' | 'value' | 'none';
  /** For a key or a value, the path of the pair's value (`mapPath` + key); for a list item, the list's path + index. */
  path: Path;
  /** The map a key typed here belongs to; for a value, the map holding its key (or the list item's nearest map). */
  mapPath: Path;
  /** The word under the offset, and the part of it before the offset. */
  word: OffsetRange;
  prefix: string;
  /** The scalar the offset is on, when the parse has one there. */
  node?: OffsetRange;
  /** A list item position (`- |`, or a scalar in a list). */
  listItem?: boolean;
  /** At the column of a list's dashes with no `- ` typed yet: a new item needs one. */
  needsDash?: boolean;
  /** The key being typed is already followed by a colon. */
  hasColon?: boolean;
  /** True when the path comes from the text around the offset rather than the parse. */
  guessed: boolean;
}

const NONE = (offset: number): Location => ({ on: 'none', path: [], mapPath: [], word: { start: offset, end: offset }, prefix: '', guessed: true });

export function locate(parsed: Parsed, offset: number): Location {
  const text = parsed.text;
  const at = Math.max(0, Math.min(offset, text.length));
  const clean = parsed.problems.length === 0 && parsed.doc !== null;
  if (clean) {
    const hit = scalarAt(parsed, at);
    if (hit) return hit;
  }
  return guess(text, at);
}

// ---- From the parse -----------------------------------------------------------------------

function contains(node: Node | null | undefined, offset: number): node is Node {
  return !!node && !!node.range && node.range[0] <= offset && offset <= node.range[1];
}

/** The key or value scalar at the offset, with its path, when the parse has one there. */
function scalarAt(parsed: Parsed, offset: number): Location | null {
  const text = parsed.text;
  const visit = (node: Node | null, path: Path, mapPath: Path): Location | null => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = keyText(pair);
        if (name === undefined) continue;
        if (isScalar(key) && contains(key, offset)) {
          const r = { start: key.range![0], end: key.range![1] };
          return {
            on: 'key', path: [...path, name], mapPath: path, node: r, word: r,
            prefix: text.slice(r.start, offset), hasColon: true, guessed: false,
          };
        }
        const value = pair.value as Node | null;
        if (contains(value, offset)) {
          if (isScalar(value)) return valueHit(text, value, offset, [...path, name], path, false);
          const inner = visit(value, [...path, name], path);
          if (inner) return inner;
        }
      }
      return null;
    }
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as Node | null;
        if (!contains(item, offset)) continue;
        if (isScalar(item)) return valueHit(text, item, offset, [...path, i], mapPath, true);
        const inner = visit(item, [...path, i], mapPath);
        if (inner) return inner;
      }
    }
    return null;
  };
  return visit(parsed.doc!.contents as Node | null, [], []);
}

function valueHit(text: string, node: Node, offset: number, path: Path, mapPath: Path, listItem: boolean): Location | null {
  const r = { start: node.range![0], end: node.range![1] };
  // A block scalar's range starts at its `|`/`>` header: the offset may be on any line of it.
  const quoted = text[r.start] === '"' || text[r.start] === "'";
  let word = quoted ? { start: r.start + 1, end: Math.max(r.start + 1, r.end - (text[r.end - 1] === text[r.start] ? 1 : 0)) } : r;
  // A block scalar or a multi-line one: the word is the part on the offset's line.
  const lineStart = lineStartOf(text, offset);
  if (lineStart > word.start) {
    let start = lineStart;
    while (start < offset && (text[start] === ' ' || text[start] === '\t')) start++;
    word = { start, end: Math.min(word.end, lineEndOf(text, lineStart)) };
  }
  if (offset < word.start) return null;
  return {
    on: 'value', path, mapPath, node: r, word,
    prefix: text.slice(word.start, Math.min(offset, word.end)),
    ...(listItem ? { listItem } : {}),
    guessed: false,
  };
}

// ---- From the text ------------------------------------------------------------------------

interface Frame {
  kind: 'map' | 'seq';
  /** Column of the keys (map) or of the dashes (seq). */
  col: number;
  path: Path;
  /** seq: number of items seen. */
  items: number;
  /** map: the last key whose value opens on the following lines. */
  openKey?: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],"'-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;
const DASH = /^-(?:\s+|$)/;

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1);
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** The path a collection opened below `top` belongs to. */
function openPath(top: Frame | undefined): Path {
  if (!top) return [];
  if (top.kind === 'map') return top.openKey !== undefined ? [...top.path, top.openKey] : top.path;
  return [...top.path, Math.max(0, top.items - 1)];
}

function popTo(stack: Frame[], col: number, dash: boolean): void {
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.col > col || (top.col === col && top.kind === 'seq' && !dash)) stack.pop();
    else break;
  }
}

/** Brackets opened and not closed on a line (quotes and comments skipped). */
function flowDepth(line: string): number {
  let depth = 0;
  // A quote opens a quoted scalar only where a scalar starts (`Coiff'Pro` is plain text).
  let prev = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if ((c === '"' || c === "'") && (prev === '' || '[{,:'.includes(prev))) {
      const end = line.indexOf(c, i + 1);
      i = end < 0 ? line.length : end;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if (c !== ' ' && c !== '\t') prev = c;
  }
  return depth;
}

/** Pushes the dashes of a line (`- `, `- - `) onto the stack; returns the column and text after them. */
function dashes(stack: Frame[], col: number, rest: string): { col: number; rest: string; item?: Path } {
  let item: Path | undefined;
  let m: RegExpExecArray | null;
  while ((m = DASH.exec(rest)) !== null) {
    let top = stack[stack.length - 1];
    if (top && top.kind === 'seq' && top.col === col) top.items++;
    else {
      top = { kind: 'seq', col, path: openPath(top), items: 1 };
      stack.push(top);
    }
    item = [...top.path, top.items - 1];
    col += m[0].length;
    rest = rest.slice(m[0].length);
    if (m[0].length === 1) break; // `-` at the end of the line
  }
  return { col, rest, ...(item ? { item } : {}) };
}

/** The map at `col` a key belongs to, pushed when the key opens it. */
function mapAt(stack: Frame[], col: number, item: Path | undefined): Frame {
  const top = stack[stack.length - 1];
  if (top && top.kind === 'map' && top.col === col) return top;
  const frame: Frame = { kind: 'map', col, path: item ?? openPath(top), items: 0 };
  stack.push(frame);
  return frame;
}

/** Where reading lines has got to: the open collections, and whether the lines go on a scalar or a flow collection. */
interface ScanState {
  stack: Frame[];
  /** Lines belonging to a block scalar (deeper than this column), or -1. */
  scalarCol: number;
  /** Brackets open in a flow collection over several lines. */
  flow: number;
  /** The column of the key or dash whose value is the open flow collection: its lines are indented more. */
  flowCol: number;
}

const startState = (): ScanState => ({ stack: [], scalarCol: -1, flow: 0, flowCol: -1 });
const copyState = (state: ScanState): ScanState => ({ ...state, stack: state.stack.map((frame) => ({ ...frame })) });

/** Reads `lines` on from `state`, which it updates. */
function scan(lines: readonly string[], state: ScanState): void {
  const stack = state.stack;
  let { scalarCol, flow, flowCol } = state;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (flow > 0 && content !== '' && !content.startsWith('#') && indent <= flowCol) flow = 0;
    if (flow > 0) {
      flow += flowDepth(line);
      continue;
    }
    if (scalarCol >= 0) {
      if (content === '' || indent > scalarCol) continue;
      scalarCol = -1;
    }
    if (content === '' || content.startsWith('#')) continue;
    const isDash = DASH.test(content);
    popTo(stack, indent, isDash);
    const d = dashes(stack, indent, content);
    // `- ` alone: the item's content opens on the following lines, under the item's path.
    if (d.item && d.rest.trim() === '') continue;
    const key = KEY.exec(d.rest);
    if (key) {
      const map = mapAt(stack, d.col, d.item);
      const value = d.rest.slice(key[0].length).replace(/(^|\s)#.*$/, '').trim();
      map.openKey = value === '' ? unquote(key[1].trim()) : undefined;
      if (/^[|>][-+0-9]*$/.test(value)) scalarCol = d.col;
      flow = value.startsWith('{') || value.startsWith('[') ? Math.max(0, flowDepth(value)) : 0;
      flowCol = d.col;
    } else if (d.rest.startsWith('{') || d.rest.startsWith('[')) {
      flow = Math.max(0, flowDepth(d.rest));
      // The column of the line's first dash.
      flowCol = indent;
    } else if (/^[|>][-+0-9]*(\s+#.*)?$/.test(d.rest)) {
      scalarCol = indent;
    }
  }
  Object.assign(state, { scalarCol, flow, flowCol });
}

/**
 * The lines above a line start and the collections open after them. Typing on a line asks again and
 * again with the same text above it, and moving down goes on from where the last reading stopped:
 * at 50,000 lines, reading from the top took 10 ms per completion.
 */
let lastAbove: { text: string; lines: string[]; state: ScanState } | undefined;

/** Forgets the last reading of the lines above (for tests: the next guess reads from the top). */
export function forgetLinesAbove(): void {
  lastAbove = undefined;
}

function readAbove(text: string, lineStart: number): { lines: string[]; stack: Frame[] } {
  const above = text.slice(0, lineStart);
  const last = lastAbove;
  let lines: string[];
  let state: ScanState;
  if (last && above === last.text) {
    lines = last.lines;
    state = copyState(last.state);
  } else {
    // Past a lone `\r`, the text may go on with a `\n` that ends the same line break.
    const more = last && !last.text.endsWith('\r') && above.startsWith(last.text) ? above.slice(last.text.length) : undefined;
    const added = splitLines(more ?? above);
    state = more === undefined ? startState() : copyState(last!.state);
    scan(added, state);
    lines = more === undefined ? added : last!.lines.concat(added);
    lastAbove = { text: above, lines, state: copyState(state) };
  }
  return { lines, stack: state.stack };
}

/** The lines of a text that ends with a line break (or is empty). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Start of the line holding `offset`. (A search for the last `\r` before it would run back through
 * the whole text of a file with `\n` line ends: a millisecond per request at 50,000 lines.)
 */
export function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** End of the line holding `offset`: its line break, or the end of the text. */
export function lineEndOf(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !/[\s,:[\]{}#"']/.test(text[end])) end++;
  return end;
}

/** The path from the text alone: the lines above give the open collections, the line itself the rest. */
function guess(text: string, offset: number): Location {
  const lineStart = lineStartOf(text, offset);
  const before = text.slice(lineStart, offset);
  // Inside a comment.
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return NONE(offset);
  const { lines: above, stack } = readAbove(text, lineStart);
  // Inside a block scalar that continues onto this line: a value, not a place for keys.
  if (insideBlockScalar(above, before)) return NONE(offset);

  const indent = before.length - before.trimStart().length;
  const content = before.slice(indent);
  // A blank line at the column of a list's dashes stays in the list: a new item goes there.
  popTo(stack, indent, content === '' || DASH.test(content));
  const end = wordEnd(text, offset);

  if (content === '') {
    const top = stack[stack.length - 1];
    if (top && top.kind === 'seq' && top.col === indent) {
      return {
        on: 'value', path: [...top.path, top.items], mapPath: nearestMap(stack), listItem: true, needsDash: true,
        word: { start: offset, end }, prefix: '', guessed: true,
      };
    }
    const mapPath = top && top.col === indent && top.kind === 'map' ? top.path : openPath(top);
    return { on: 'key', path: mapPath, mapPath, word: { start: offset, end }, prefix: '', guessed: true };
  }

  const d = dashes(stack, indent, content);
  const rest = d.rest;
  const restStart = offset - rest.length;
  if (d.item && (rest === '' || !/[:{[]/.test(rest))) {
    // `- ` or `- wor`: an item, a scalar or the first key of a map (the schema tells which).
    const word = rest.replace(/^["']/, '');
    return {
      on: 'value', path: d.item, mapPath: nearestMap(stack), listItem: true,
      word: { start: offset - word.length, end }, prefix: word, guessed: true,
    };
  }
  if (rest.startsWith('{') || rest.startsWith('[')) {
    return withColon(text, inFlow(rest, restStart, d.item ?? openPath(stack[stack.length - 1]), nearestMap(stack), offset, end));
  }
  const key = KEY.exec(rest);
  if (key) {
    const map = mapAt(stack, d.col, d.item);
    const name = unquote(key[1].trim());
    const valueText = rest.slice(key[0].length);
    const trimmed = valueText.trimStart();
    const valueStart = restStart + key[0].length + (valueText.length - trimmed.length);
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      return withColon(text, inFlow(trimmed, valueStart, [...map.path, name], map.path, offset, end));
    }
    const prefix = trimmed.replace(/^["']/, '');
    return {
      on: 'value', path: [...map.path, name], mapPath: map.path,
      word: { start: offset - prefix.length, end }, prefix, guessed: true,
    };
  }
  // A key being typed.
  const map = mapAt(stack, d.col, d.item);
  return withColon(text, {
    on: 'key', path: [...map.path, rest], mapPath: map.path, word: { start: offset - rest.length, end }, prefix: rest, guessed: true,
  });
}

/** Marks a key being typed that a colon already follows, so completion does not add another. */
function withColon(text: string, location: Location): Location {
  if (location.on !== 'key' || !/^[ \t]*:/.test(text.slice(location.word.end))) return location;
  return { ...location, hasColon: true };
}

function nearestMap(stack: Frame[]): Path {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].kind === 'map') return stack[i].path;
  return [];
}

/** Whether the line being typed continues a `key: |` or `key: >` block above it. */
function insideBlockScalar(above: string[], before: string): boolean {
  const indent = before.length - before.trimStart().length;
  for (let i = above.length - 1; i >= 0; i--) {
    const line = above[i];
    if (line.trim() === '') continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent < indent) return /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line);
  }
  return false;
}

/**
 * The place inside a flow collection written on one line (`{ id: x, owner: hu`, `[hugo, sa`).
 * `start` is the offset of the opening bracket, `base` the path of the collection.
 */
function inFlow(segment: string, start: number, base: Path, mapPath: Path, offset: number, end: number): Location {
  interface Flow { kind: 'map' | 'seq'; path: Path; key?: string; index: number; from: number }
  const stack: Flow[] = [];
  const upto = offset - start;
  let child: Path = base;
  for (let i = 0; i < upto; i++) {
    const c = segment[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = segment.indexOf(c, i + 1);
      if (close < 0 || close >= upto) break;
      i = close;
    } else if (c === '{' || c === '[') {
      if (top) child = top.kind === 'map' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
      stack.push({ kind: c === '{' ? 'map' : 'seq', path: child, index: 0, from: i + 1 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return NONE(offset);
    } else if (c === ',' && top) {
      if (top.kind === 'map') top.key = undefined;
      else top.index++;
      top.from = i + 1;
    } else if (c === ':' && top && top.kind === 'map' && top.key === undefined && /[\s,{}[\]]|^$/.test(segment[i + 1] ?? '')) {
      top.key = unquote(segment.slice(top.from, i).trim());
      top.from = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return NONE(offset);
  const raw = segment.slice(top.from, upto).trimStart();
  const prefix = raw.replace(/^["']/, '');
  const word = { start: offset - prefix.length, end };
  if (top.kind === 'map') {
    if (top.key === undefined) return { on: 'key', path: [...top.path, prefix], mapPath: top.path, word, prefix, guessed: true };
    return { on: 'value', path: [...top.path, top.key], mapPath: top.path, word, prefix, guessed: true };
  }
  const parentMap = stack.slice(0, -1).reverse().find((f) => f.kind === 'map')?.path ?? mapPath;
  return { on: 'value', path: [...top.path, top.index], mapPath: parentMap, listItem: true, word, prefix, guessed: true };
}
