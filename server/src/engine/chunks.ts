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

  /** Changes whenever a parse may have moved the cached nodes (see recentParse). */
  get stamp(): number {
    return this.generation;
  }

  take(text: string, offset: number, generation: number): Chunk | null {
    let chunk = this.chunks.get(text);
    if (!chunk || chunk.used === generation) {
      // `text` is a slice of the whole document: parsing a copy keeps the nodes, the values and the
      // cache key from holding on to that version of the document after it is gone.
      const own = detached(text);
      const doc = parseDocument(own, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
      if (doc.errors.length > 0 || doc.warnings.length > 0) return null;
      chunk = { doc, value: doc.toJS(), offset: 0, used: generation };
      this.lastParsed++;
      if (!this.chunks.has(own)) this.chunks.set(own, chunk);
    }
    chunk.used = generation;
    if (chunk.offset !== offset) {
      shift(chunk.doc.contents as Node, offset - chunk.offset);
      chunk.offset = offset;
    }
    return chunk;
  }

  /** Stores a piece taken from a full parse (its nodes already point at `offset`). */
  put(text: string, offset: number, contents: Node, value: unknown, generation: number): void {
    if (this.chunks.has(text)) return;
    const doc = new Document() as Document.Parsed;
    doc.contents = contents as never;
    this.chunks.set(text, { doc, value, offset, used: generation });
  }

  /** Drops pieces the last parse did not use, so the cache holds one document's worth. */
  end(generation: number): void {
    for (const [text, chunk] of this.chunks) if (chunk.used !== generation) this.chunks.delete(text);
  }

  get size(): number {
    return this.chunks.size;
  }
}

/**
 * A copy of a string that shares no memory with the string it was sliced from (engines keep a
 * slice's whole parent alive). Portable: no Buffer, so the engine still runs in a web worker.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
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

/**
 * Text features under which cutting the document could change its meaning: anchors, aliases and
 * tags, tabs, lone carriage returns. (Document markers and directives fail the top-level key test.)
 * The cheap `includes` checks spare the regular expressions a scan of every keystroke's text.
 */
function unsafe(text: string): boolean {
  if (text.includes('\t')) return true;
  if ((text.includes('&') || text.includes('*') || text.includes('!')) && /(^|[\s,[{])[&*!][^\s,\]}]/m.test(text)) return true;
  return text.includes('\r') && /\r(?!\n)/.test(text);
}
/** A top-level key line: a plain or quoted key, a colon, then a space or the line end. */
const TOP_KEY = /^(?:[A-Za-z0-9_][^:#\n\r]*|"[^"\n\r]*"|'[^'\n\r]*')\s*:(?:[ \r]|$)/;

/** Line starts of the text, and what the cutting needs to know of a line without copying it. */
class Lines {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    if (text.length === 0) this.starts.length = 0;
  }

  get length(): number {
    return this.starts.length;
  }

  start(i: number): number {
    return this.starts[i];
  }

  /** Offset after the line, including its line break. */
  end(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1] : this.text.length;
  }

  /** The line without its line break. */
  line(i: number): string {
    return this.text.slice(this.start(i), this.end(i)).replace(/\r?\n$/, '');
  }

  /** Leading spaces of the line. */
  indent(i: number): number {
    let p = this.start(i);
    while (this.text.charCodeAt(p) === 32) p++;
    return p - this.start(i);
  }

  /** Whether the line holds nothing but spaces and maybe a comment. */
  blank(i: number): boolean {
    const c = this.text.charCodeAt(this.start(i) + this.indent(i));
    return c === 10 || c === 13 || c === 35 || Number.isNaN(c);
  }

  /** Whether the line's first character after its indentation is a list dash. */
  dash(i: number): boolean {
    const p = this.start(i) + this.indent(i);
    if (this.text.charCodeAt(p) !== 45) return false;
    const next = this.text.charCodeAt(p + 1);
    return next === 32 || next === 10 || next === 13 || Number.isNaN(next);
  }
}

export interface ChunkedParse {
  doc: Document.Parsed;
  value: Record<string, unknown>;
}

interface Plan {
  lines: Lines;
  /** First line of each top-level section. */
  starts: number[];
}

/** Where the top-level sections start, or null when cutting the text is not safe. */
function plan(text: string): Plan | null {
  if (unsafe(text)) return null;
  const lines = new Lines(text);
  // Each section starts at a key line; blank and comment lines before the first go with it.
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = text.charCodeAt(lines.start(i));
    if (c === 10 || c === 13 || c === 32 || c === 35) continue;
    if (!TOP_KEY.test(lines.line(i))) return null;
    starts.push(i);
  }
  if (starts.length === 0) return null;
  starts[0] = 0;
  return { lines, starts };
}

function sectionEnd(p: Plan, s: number): number {
  return s + 1 < p.starts.length ? p.starts[s + 1] : p.lines.length;
}

/** Parses `text` from cached pieces, or returns null when a full parse is needed. */
export function parseChunked(text: string, cache: ParseCache): ChunkedParse | null {
  const p = plan(text);
  if (!p) return null;
  const { lines, starts } = p;
  const generation = cache.begin();
  const root = new YAMLMap();
  const value: Record<string, unknown> = {};
  for (let s = 0; s < starts.length; s++) {
    const pair = section(text, lines, starts[s], sectionEnd(p, s), cache, generation, value);
    // Keep the cache as it is: once the text is fixed, its pieces are needed again.
    if (!pair) return null;
    root.items.push(pair);
  }
  cache.end(generation);
  const first = root.items[0].key as Node;
  root.range = [first.range![0], text.length, text.length];
  const doc = new Document() as Document.Parsed;
  doc.contents = root as never;
  doc.range = [0, text.length, text.length];
  return { doc, value };
}

/**
 * Fills an empty cache from a full parse of the same text, cut the way parseChunked cuts it,
 * so the first edit after opening a document re-parses one piece, not all of them.
 */
export function seedCache(text: string, doc: Document.Parsed, value: Record<string, unknown>, cache: ParseCache): void {
  const p = plan(text);
  const root = doc.contents;
  if (!p || !isMap(root) || root.items.length !== p.starts.length) return;
  const { lines, starts } = p;
  const generation = cache.begin();
  try {
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s];
      const to = sectionEnd(p, s);
      const pair = root.items[s] as Pair;
      const key = keyOf(pair);
      if (key === undefined) return;
      const items = to - from >= cache.splitLines ? listItems(lines, from, to) : null;
      const seq = pair.value;
      const list = value[key];
      if (!items || !isSeq(seq) || seq.items.length !== items.length || !Array.isArray(list)) {
        const map = new YAMLMap();
        map.items.push(pair);
        cache.put(text.slice(lines.start(from), lines.end(to - 1)), lines.start(from), map, { [key]: list }, generation);
        continue;
      }
      const head = new YAMLMap();
      head.items.push(new Pair(pair.key, null));
      cache.put(text.slice(lines.start(from), lines.end(items[0] - 1)), lines.start(from), head, { [key]: null }, generation);
      for (let i = 0; i < items.length; i++) {
        const a = items[i];
        const b = i + 1 < items.length ? items[i + 1] : to;
        const wrapper = new YAMLSeq();
        wrapper.items.push(seq.items[i]);
        cache.put(text.slice(lines.start(a), lines.end(b - 1)), lines.start(a), wrapper, [list[i]], generation);
      }
    }
  } finally {
    cache.end(generation);
  }
}

function section(text: string, lines: Lines, from: number, to: number, cache: ParseCache, generation: number, value: Record<string, unknown>): Pair | null {
  const items = to - from >= cache.splitLines ? listItems(lines, from, to) : null;
  if (!items) {
    const chunk = cache.take(text.slice(lines.start(from), lines.end(to - 1)), lines.start(from), generation);
    if (!chunk || !isMap(chunk.doc.contents) || chunk.doc.contents.items.length !== 1) return null;
    const pair = chunk.doc.contents.items[0] as Pair;
    const key = keyOf(pair);
    if (key === undefined || key in value) return null;
    value[key] = (chunk.value as Record<string, unknown>)[key];
    return pair;
  }
  // `key:` and its list, item by item.
  const head = cache.take(text.slice(lines.start(from), lines.end(items[0] - 1)), lines.start(from), generation);
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
    const chunk = cache.take(text.slice(lines.start(a), lines.end(b - 1)), lines.start(a), generation);
    if (!chunk || !isSeq(chunk.doc.contents) || chunk.doc.contents.items.length !== 1) return null;
    seq.items.push(chunk.doc.contents.items[0]);
    list.push((chunk.value as unknown[])[0]);
  }
  const dash = lines.start(items[0]) + lines.indent(items[0]);
  const last = seq.items[seq.items.length - 1] as Node;
  const end = last?.range ? last.range[2] : lines.end(to - 1);
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
function listItems(lines: Lines, from: number, to: number): number[] | null {
  if (!/^[^#]*:\s*(#.*)?$/.test(lines.line(from))) return null;
  const starts: number[] = [];
  let indent = -1;
  for (let i = from + 1; i < to; i++) {
    if (lines.blank(i)) continue;
    const width = lines.indent(i);
    const dash = lines.dash(i);
    if (indent < 0) {
      if (!dash) return null;
      indent = width;
    }
    if (width === indent && dash) starts.push(i);
    else if (width <= indent) return null;
  }
  if (starts.length < 2) return null;
  // Blank and comment lines before the first item stay with the key.
  return starts;
}
