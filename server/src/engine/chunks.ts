// Incremental parsing. A strategy document is mostly a handful of top-level sections, and the
// large ones are block lists of similar items (objectives, people). The text is cut at those
// boundaries; each piece is parsed on its own and cached by its text, so an edit re-parses only
// the piece it touched. The pieces are assembled into one yaml Document whose node ranges are
// the same as a full parse would give. Whenever the cut could change the meaning (anchors and
// aliases, tags, directives, several documents, odd top-level lines, syntax errors, duplicate
// top-level keys) the caller falls back to a full parse.
import { Document, Pair, YAMLMap, YAMLSeq, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

interface Chunk {
  doc: Document.Parsed;
  value: unknown;
  /** Offset the node ranges currently point at. */
  offset: number;
  /** Parse generation that last used this chunk; a chunk serves one place per parse. */
  used: number;
}

/** Parsed pieces of one document, reused across its versions. */
export class ParseCache {
  /**
   * @param splitLines a top-level section is cut into its list items from this many lines on
   *   (smaller sections are parsed whole: cheap, and fewer pieces to assemble).
   */
  constructor(readonly splitLines = 40) {}

  private chunks = new Map<string, Chunk>();
  private generation = 0;
  /** Pieces parsed (not reused) by the last parse, for tests and benchmarks. */
  lastParsed = 0;

  begin(): number {
    this.lastParsed = 0;
    return ++this.generation;
  }

  take(text: string, offset: number, generation: number): Chunk | null {
    let chunk = this.chunks.get(text);
    if (!chunk || chunk.used === generation) {
      const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
      if (doc.errors.length > 0 || doc.warnings.length > 0) return null;
      chunk = { doc, value: doc.toJS(), offset: 0, used: generation };
      this.lastParsed++;
      if (!this.chunks.has(text)) this.chunks.set(text, chunk);
    }
    chunk.used = generation;
    if (chunk.offset !== offset) {
      shift(chunk.doc.contents as Node, offset - chunk.offset);
      chunk.offset = offset;
    }
    return chunk;
  }

  /** Drops pieces the last parse did not use, so the cache holds one document's worth. */
  end(generation: number): void {
    for (const [text, chunk] of this.chunks) if (chunk.used !== generation) this.chunks.delete(text);
  }

  get size(): number {
    return this.chunks.size;
  }
}

function shift(node: unknown, delta: number): void {
  if (isPair(node)) {
    shift(node.key, delta);
    shift(node.value, delta);
    return;
  }
  const n = node as Node | null;
  if (!n || typeof n !== 'object') return;
  if (n.range) {
    n.range[0] += delta;
    n.range[1] += delta;
    n.range[2] += delta;
  }
  if (isCollection(n)) for (const item of n.items) shift(item, delta);
}

/** Text features under which cutting the document could change its meaning. */
const UNSAFE = /(^|[\s,[{])[&*!][^\s,\]}]|^(---|\.\.\.|%)|\t|\r(?!\n)/m;
/** A top-level key line: a plain or quoted key, a colon, then a space or the line end. */
const TOP_KEY = /^(?:[A-Za-z0-9_][^:#\n\r]*|"[^"\n\r]*"|'[^'\n\r]*')\s*:(?:[ \r]|$)/;
const BLANK_OR_COMMENT = /^\s*(#.*)?\r?$/;

interface Line { start: number; end: number; text: string }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length - 1;
    lines.push({ start, end: nl + 1, text: text.slice(start, nl + 1).replace(/\r?\n$/, '') });
    start = nl + 1;
  }
  return lines;
}

export interface ChunkedParse {
  doc: Document.Parsed;
  value: Record<string, unknown>;
}

/** Parses `text` from cached pieces, or returns null when a full parse is needed. */
export function parseChunked(text: string, cache: ParseCache): ChunkedParse | null {
  if (UNSAFE.test(text)) return null;
  const lines = splitLines(text);
  // Top-level sections: each starts at a key line; blank and comment lines before the first go with it.
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (t === '' || t[0] === ' ' || t[0] === '#') continue;
    if (!TOP_KEY.test(t)) return null;
    starts.push(i);
  }
  if (starts.length === 0) return null;
  starts[0] = 0;

  const generation = cache.begin();
  try {
    const root = new YAMLMap();
    const value: Record<string, unknown> = {};
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s];
      const to = s + 1 < starts.length ? starts[s + 1] : lines.length;
      const pair = section(text, lines, from, to, cache, generation, value);
      if (!pair) return null;
      root.items.push(pair);
    }
    const first = root.items[0].key as Node;
    root.range = [first.range![0], text.length, text.length];
    const doc = new Document() as Document.Parsed;
    doc.contents = root as never;
    doc.range = [0, text.length, text.length];
    return { doc, value };
  } finally {
    cache.end(generation);
  }
}

function section(text: string, lines: Line[], from: number, to: number, cache: ParseCache, generation: number, value: Record<string, unknown>): Pair | null {
  const items = to - from >= cache.splitLines ? listItems(lines, from, to) : null;
  if (!items) {
    const chunk = cache.take(text.slice(lines[from].start, lines[to - 1].end), lines[from].start, generation);
    if (!chunk || !isMap(chunk.doc.contents) || chunk.doc.contents.items.length !== 1) return null;
    const pair = chunk.doc.contents.items[0] as Pair;
    const key = keyOf(pair);
    if (key === undefined || key in value) return null;
    value[key] = (chunk.value as Record<string, unknown>)[key];
    return pair;
  }
  // `key:` and its list, item by item.
  const head = cache.take(text.slice(lines[from].start, lines[items[0] - 1].end), lines[from].start, generation);
  if (!head || !isMap(head.doc.contents) || head.doc.contents.items.length !== 1) return null;
  const headPair = head.doc.contents.items[0] as Pair;
  const key = keyOf(headPair);
  const empty = headPair.value === null || (isScalar(headPair.value) && headPair.value.value === null && headPair.value.range?.[0] === headPair.value.range?.[1]);
  if (key === undefined || key in value || !empty) return null;
  const seq = new YAMLSeq();
  const list: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const b = i + 1 < items.length ? items[i + 1] : to;
    const chunk = cache.take(text.slice(lines[a].start, lines[b - 1].end), lines[a].start, generation);
    if (!chunk || !isSeq(chunk.doc.contents) || chunk.doc.contents.items.length !== 1) return null;
    seq.items.push(chunk.doc.contents.items[0]);
    list.push((chunk.value as unknown[])[0]);
  }
  const dash = lines[items[0]].start + lines[items[0]].text.indexOf('-');
  const last = seq.items[seq.items.length - 1] as Node;
  const end = last?.range ? last.range[2] : lines[to - 1].end;
  seq.range = [dash, end, end];
  value[key] = list;
  // A new pair: the cached head pair must keep its null value for the next parse.
  return new Pair(headPair.key, seq);
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

/**
 * Line indexes where the items of a block list start, when lines[from] is `key:` followed by a
 * list whose dashes all sit at one indentation; null for anything else.
 */
function listItems(lines: Line[], from: number, to: number): number[] | null {
  if (!/^[^#]*:\s*(#.*)?$/.test(lines[from].text)) return null;
  const starts: number[] = [];
  let indent = -1;
  for (let i = from + 1; i < to; i++) {
    const t = lines[i].text;
    if (BLANK_OR_COMMENT.test(t)) continue;
    const width = t.length - t.trimStart().length;
    if (indent < 0) {
      if (!/^\s*-(\s|$)/.test(t)) return null;
      indent = width;
    }
    if (width === indent && /^\s*-(\s|$)/.test(t)) starts.push(i);
    else if (width <= indent) return null;
  }
  if (starts.length < 2) return null;
  // Blank and comment lines before the first item stay with the key.
  return starts;
}
