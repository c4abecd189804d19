// The one module that speaks in lines and columns. Everything else speaks in
// paths (rules) or offsets (the parser). JavaScript strings are UTF-16, so an
// offset into the text is already a UTF-16 column count within its line.
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OffsetRange, Path, Position, Range, Target } from './types';

export class LineIndex {
  /**
   * Offset of each line's start. A typed array: on a large document an array of numbers would be
   * a large object, which only a full garbage collection frees, and every edit makes a new one.
   */
  readonly starts: Int32Array;

  constructor(private readonly text: string) {
    const crlfOrCr = text.includes('\r');
    let count = 1;
    if (crlfOrCr) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
      }
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    }
    const starts = new Int32Array(count);
    let n = 1;
    if (crlfOrCr) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts[n++] = i + 1;
      }
    } else {
      // The common case, several times faster: let indexOf find the line breaks.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // A position never sits between \r and \n.
    let character = clamped - this.starts[lo];
    const lineEnd = this.lineEnd(lo);
    if (this.starts[lo] + character > lineEnd) character = lineEnd - this.starts[lo];
    return { line: lo, character };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** Offset just after the last character of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  range(offsets: OffsetRange): Range {
    return { start: this.positionAt(offsets.start), end: this.positionAt(offsets.end) };
  }
}

/** 0-based editor range → 1-based line/column numbers for terminals and JSON output. */
export function toOneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

interface Walk {
  /** Deepest node reached. */
  node: Node | null;
  /** Pair whose value is `node`, when `node` was reached through a map key. */
  pair: Pair | null;
  /** Whether the whole path was found. */
  complete: boolean;
}

/** Follows a path through maps and lists. Aliases are not followed: a finding belongs where the text is. */
export function walk(doc: Document, path: Path): Walk {
  let node = doc.contents as Node | null;
  let pair: Pair | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const found = pairFor(node as YAMLMap<unknown, unknown>, String(segment));
      if (!found) return { node, pair, complete: false };
      pair = found;
      node = (found.value as Node | null) ?? null;
      if (node === null) return { node: null, pair, complete: true };
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = null;
      node = node.items[segment] as Node;
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

/** Maps with more pairs than this get an index of their keys (see pairFor). */
const INDEX_FROM = 16;

interface KeyIndex {
  /** The items array and length the index was built from: a map given new items is indexed anew. */
  items: unknown[];
  length: number;
  first: Map<string, Pair>;
}

const keyIndexes = new WeakMap<YAMLMap<unknown, unknown>, KeyIndex>();

/**
 * The first pair of a map whose key reads `key`. Every finding is placed by walking its path, so
 * a map with many keys (a document of 40,000 unknown top-level keys has as many findings) would
 * otherwise be scanned once per finding; large maps are indexed once instead.
 */
function pairFor(map: YAMLMap<unknown, unknown>, key: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length <= INDEX_FROM) return items.find((p) => keyText(p) === key);
  let index = keyIndexes.get(map);
  if (!index || index.items !== items || index.length !== items.length) {
    const first = new Map<string, Pair>();
    for (const p of items) {
      const text = keyText(p);
      if (text !== undefined && !first.has(text)) first.set(text, p);
    }
    index = { items, length: items.length, first };
    keyIndexes.set(map, index);
  }
  return index.first.get(key);
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return typeof key === 'object' ? undefined : String(key);
}

function nodeRange(node: Node | null | undefined): OffsetRange | null {
  if (!node || !node.range) return null;
  // range[1] is the end of the value; range[2] includes a trailing comment.
  return { start: node.range[0], end: node.range[1] };
}

/**
 * The most precise stretch of text for a path: the value (or the key, when asked),
 * the key of the nearest existing ancestor when the path goes beyond the document,
 * and the first line of a collection rather than all of it.
 */
export function offsetsOf(doc: Document, text: string, path: Path, target?: Target): OffsetRange {
  const { node, pair, complete } = walk(doc, path);
  if (pair && (target === 'key' || !complete || isCollection(node) || node === null)) {
    const key = nodeRange(pair.key as Node);
    if (key) return key;
  }
  if (complete && (isScalar(node) || isAlias(node))) {
    const r = nodeRange(node);
    if (r) return r;
  }
  if (node && isCollection(node)) return firstLine(node, text);
  return firstLine(doc.contents as Node | null, text);
}

/** A collection's first line (its first key, or the first line of a flow collection). */
function firstLine(node: Node | null, text: string): OffsetRange {
  const r = nodeRange(node);
  if (!r) return { start: 0, end: Math.min(text.length, lineEndAt(text, 0)) };
  if (isMap(node) && node.items.length > 0 && !node.flow) {
    const first = node.items[0];
    const key = nodeRange(first.key as Node);
    if (key) return key;
  }
  return { start: r.start, end: Math.min(r.end, lineEndAt(text, r.start)) };
}

function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
