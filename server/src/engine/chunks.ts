// Incremental parsing. A strategy document is mostly a handful of top-level sections, and the
// large ones are block lists of similar items (objectives, people); a large item (an objective)
// is again a map of small fields and lists (its KPIs and tactics). The text is cut at those
// boundaries, level by level; each piece is parsed on its own and cached by its text, so an edit
// re-parses only the piece it touched. The pieces are assembled into one yaml Document whose node
// ranges are those a full parse gives (but for comment lines after the last item of a collection,
// which may count towards that collection or the one around it). Whenever the cut could change the
// meaning (anchors and aliases, tags, directives, several documents, odd top-level lines, duplicate
// keys) the caller falls back to a full parse. Pieces with syntax errors give the document's
// syntax errors (see brokenPieces).
import { sameElements } from './memo';
import { parsePlain } from './plain-yaml';
import { LineIndex } from './positions';
import { Document, Pair, YAMLMap, YAMLSeq, isCollection, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { collectionKey, onceTooDeep, parseYaml, syntaxErrors, type YamlProblem } from './yaml-document';

interface Chunk {
  /** The piece's text (a copy that shares no memory with any version of the document). */
  text: string;
  /**
   * The piece's root node: a map, or a list (a list item with its dash); for a piece with syntax
   * errors, whatever yaml recovered (an empty map when nothing).
   */
  contents: Node;
  value: unknown;
  /** Offset the node ranges currently point at. */
  offset: number;
  /** Parse generation that last used this chunk; a chunk serves one place per parse. */
  used: number;
  /** The range arrays of all its nodes: from the plain reader, or collected on the first move. */
  ranges?: number[][];
  /**
   * What was assembled from this piece and the pieces after it the last time (a list under this
   * head, an item starting with this piece), with the parts it was made of. When the parts are the
   * same again, so is the result, and rules that remember answers per list or item (by identity)
   * find them again.
   */
  assembled?: { parts: unknown[]; node: Node; value: unknown; pair?: Pair };
  /** A piece with syntax errors: they, with offsets in the piece (contents and value are what yaml made of it). */
  problems?: YamlProblem[];
}

/**
 * Pieces under one short key. Many pieces can share it: a list of 80,000 `- tbd` items, or items
 * alike in length, start and end. A large bucket is looked up through its pieces by text, and a
 * run of equal pieces from the first one this parse has not used yet, so that finding a piece costs
 * no scan of the bucket (a scan per piece made such lists cost their length squared per keystroke).
 */
type Bucket = Chunk[] & {
  byText?: Map<string, Chunk[] & { generation?: number; from?: number }>;
};

/** Buckets up to this size are scanned. */
const SCAN_UP_TO = 8;

function unusedWithText(bucket: Bucket, text: string, generation: number): Chunk | undefined {
  if (bucket.length <= SCAN_UP_TO) return bucket.find((c) => c.used !== generation && c.text === text);
  if (!bucket.byText) {
    bucket.byText = new Map();
    for (const c of bucket) bucket.byText.get(c.text)?.push(c) ?? bucket.byText.set(c.text, [c]);
  }
  const same = bucket.byText.get(text);
  if (!same) return undefined;
  // Equal pieces are taken in order: skip those this parse took already, once.
  if (same.generation !== generation) {
    same.generation = generation;
    same.from = 0;
  }
  let from = same.from ?? 0;
  while (from < same.length && same[from].used === generation) from++;
  same.from = from;
  return same[from];
}

/** From how many lines on a section or list item is cut further, unless a cache says otherwise. */
const SPLIT_LINES = 40;

/** Parsed pieces of one document, reused across its versions. */
export class ParseCache {
  /**
   * @param splitLines a section or list item is cut further from this many lines on (smaller ones
   *   are parsed whole: cheap, and fewer pieces to assemble).
   */
  constructor(readonly splitLines = SPLIT_LINES) {}

  /**
   * Pieces by a short key of their text (see shortKey): a long key would be hashed in full on every
   * lookup. Several pieces share a key when their texts are alike, or the same text occurs in
   * several places (`kpis:` heads).
   */
  private chunks = new Map<string, Bucket>();
  private generation = 0;
  /** The last parse that assembled the whole document (see end). */
  private lastGood = 0;
  /** Pieces parsed (not reused) by the last parse, for tests and benchmarks. */
  lastParsed = 0;
  /** How many of those the plain reader read (the others went to `yaml`). */
  lastPlain = 0;

  /** Whether no parse has gone through the cache yet: a document's first parse (see parse.ts). */
  untouched = true;

  begin(): number {
    this.untouched = false;
    this.lastParsed = 0;
    this.lastPlain = 0;
    return ++this.generation;
  }

  /** Changes whenever a parse may have moved the cached nodes (see recentParse). */
  get stamp(): number {
    return this.generation;
  }

  take(text: string, offset: number, generation: number): Chunk | null {
    const key = shortKey(text);
    const known = this.chunks.get(key);
    let chunk = known && unusedWithText(known, text, generation);
    if (!chunk) {
      // `text` is a slice of the whole document: parsing a copy keeps the nodes, the values and the
      // cache key from holding on to that version of the document after it is gone.
      const own = detached(text);
      const plain = parsePlain(own);
      if (plain) {
        chunk = { text: own, contents: plain.contents, value: plain.value, offset: 0, used: generation, ranges: plain.ranges };
        this.lastPlain++;
      } else {
        const doc = parseYaml(own);
        if (doc.errors.length > 0) {
          // Kept too: while the document stays broken there, the next keystroke elsewhere finds it.
          // An error at the piece's end (an unclosed bracket) is told at the end of its last line, not on the next piece's first.
          const end = own.endsWith('\r\n') ? own.length - 2 : own.endsWith('\n') ? own.length - 1 : own.length;
          // The nodes yaml made of it all the same go into a broken document's nodes (see parseChunked),
          // with its value for the shape checks; not where a key is a collection (see collectionKey).
          let value: unknown;
          try {
            value = doc.contents && !collectionKey(doc.contents) ? doc.toJS() : undefined;
          } catch {
            value = undefined;
          }
          chunk = { text: own, contents: doc.contents ?? new YAMLMap(), value, offset: 0, used: generation, problems: syntaxErrors(doc.errors, end) };
        } else {
          if (doc.warnings.length > 0 || !doc.contents || collectionKey(doc.contents)) return null;
          // An alias whose anchor is in another piece cannot be resolved here: the whole text is parsed
          // instead. (`unsafe` sends texts with aliases there first; this is the guard behind it.)
          let value: unknown;
          try {
            value = doc.toJS();
          } catch {
            return null;
          }
          chunk = { text: own, contents: doc.contents, value, offset: 0, used: generation };
        }
      }
      this.lastParsed++;
      this.store(key, known, chunk);
    }
    chunk.used = generation;
    if (chunk.offset !== offset) {
      chunk.ranges ??= rangesOf(chunk.contents);
      const delta = offset - chunk.offset;
      for (const r of chunk.ranges) {
        r[0] += delta;
        r[1] += delta;
        r[2] += delta;
      }
      chunk.offset = offset;
    }
    return chunk;
  }

  /** Stores a piece taken from a full parse (its nodes already point at `offset`; see seedCache). */
  put(text: string, offset: number, contents: Node, value: unknown, generation: number): Chunk {
    // `text` is a slice of a copy made for the full parse, which the nodes hold on to anyway.
    const chunk: Chunk = { text, contents, value, offset, used: generation };
    const key = shortKey(text);
    this.store(key, this.chunks.get(key), chunk);
    return chunk;
  }

  /** Adds a piece under its key (`known`: the pieces already there); a new key must not hold on to the document. */
  private store(key: string, known: Bucket | undefined, chunk: Chunk): void {
    if (known) {
      known.push(chunk);
      known.byText?.get(chunk.text)?.push(chunk) ?? known.byText?.set(chunk.text, [chunk]);
    } else {
      this.chunks.set(detached(key), [chunk]);
    }
  }

  /** Drops pieces the last parse did not use, so the cache holds one document's worth. */
  end(generation: number): void {
    this.lastGood = generation;
    for (const [key, chunks] of this.chunks) {
      if (chunks.length === 1) {
        if (chunks[0].used !== generation) this.chunks.delete(key);
        continue;
      }
      const used = chunks.filter((c) => c.used === generation);
      if (used.length === 0) this.chunks.delete(key);
      else if (used.length < chunks.length) this.chunks.set(key, used);
    }
  }

  /**
   * After a parse of a broken document: keeps the pieces it used, and those of the last parse that
   * went through (needed again once the document is fixed), but no version of a piece made in
   * between: a document that stays broken while typing goes on is not kept keystroke by keystroke.
   */
  dropBroken(generation: number): void {
    for (const [key, chunks] of this.chunks) {
      const kept = chunks.filter((c) => c.used === generation || (!c.problems && c.used === this.lastGood));
      if (kept.length === 0) this.chunks.delete(key);
      else if (kept.length < chunks.length) this.chunks.set(key, kept);
    }
  }

  /** Drops every piece. */
  clear(): void {
    this.chunks.clear();
  }

  get size(): number {
    let n = 0;
    for (const chunks of this.chunks.values()) n += chunks.length;
    return n;
  }
}

/** Length, start and end of a piece's text: cheap to hash, and rarely the same for different pieces. */
function shortKey(text: string): string {
  return text.length <= 96 ? text : `${text.length}\u0000${text.slice(0, 48)}\u0000${text.slice(-48)}`;
}

/**
 * A copy of a string that shares no memory with the string it was sliced from (engines keep a
 * slice's whole parent alive). Portable: no Buffer, so the engine still runs in a web worker.
 * structuredClone copies the characters as they are; a JSON round trip, used before, escaped every
 * line break and quote on the way and took five times as long (3.4 against 0.6 ms for the pieces
 * of a 10,000-line document on a first lint).
 */
export function detached(text: string): string {
  return structuredClone(text);
}

/** The range arrays of a node and everything under it: what moving a piece shifts. */
function rangesOf(root: Node): number[][] {
  const out: number[][] = [];
  const visit = (node: unknown): void => {
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
      return;
    }
    const n = node as Node | null;
    if (!n || typeof n !== 'object') return;
    if (n.range) out.push(n.range);
    if (isCollection(n)) for (const item of n.items) visit(item);
  };
  visit(root);
  return out;
}

/**
 * Text features under which cutting the document could change its meaning: anchors, aliases and
 * tags, tabs, lone carriage returns. (Document markers and directives fail the top-level key test.)
 * The cheap `includes` checks spare the regular expressions a scan of every keystroke's text.
 */
function unsafe(text: string): boolean {
  if (text.includes('\t')) return true;
  // After a colon too: a flow map in JSON style writes `{"a":&x 1}`.
  if ((text.includes('&') || text.includes('*') || text.includes('!')) && /(^|[\s,[{:])[&*!][^\s,\]}]/m.test(text)) return true;
  return text.includes('\r') && /\r(?!\n)/.test(text);
}
/** A top-level key line: a plain or quoted key, a colon, then a space or the line end. */
const TOP_KEY = /^(?:[A-Za-z0-9_][^:#\n\r]*|"[^"\n\r]*"|'[^'\n\r]*')\s*:(?:[ \r]|$)/;

/** What the cutting needs to know of a line, taken in one pass: no line is copied. */
const enum Kind {
  /** Nothing but spaces, maybe a comment. */
  Blank,
  /** A list dash after the indentation. */
  Dash,
  Other,
}

/**
 * Line starts, indentations and kinds of the text. Typed arrays, for the reason LineIndex gives.
 * The line starts are LineIndex's when the caller has them (the same lines: the cut refuses lone
 * carriage returns, and a CRLF line starts after its LF).
 */
class Lines {
  readonly starts: Int32Array;
  private readonly indents: Int32Array;
  private readonly kinds: Uint8Array;
  /** Lines, not counting the empty one after a final line break. */
  readonly length: number;

  constructor(
    readonly text: string,
    starts: Int32Array = new LineIndex(text).starts,
  ) {
    const n = text.length;
    let length = starts.length;
    // LineIndex counts the empty line after a final line break (and the one line of an empty text); the cut does not.
    if (length > 0 && starts[length - 1] >= n) length--;
    this.length = length;
    this.starts = starts;
    this.indents = new Int32Array(length);
    this.kinds = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const start = starts[i];
      let p = start;
      while (text.charCodeAt(p) === 32) p++;
      const c = text.charCodeAt(p);
      let kind = Kind.Other;
      if (c === 10 || c === 13 || c === 35 || p >= n) kind = Kind.Blank;
      else if (c === 45) {
        const next = text.charCodeAt(p + 1);
        if (next === 32 || next === 10 || next === 13 || p + 1 >= n) kind = Kind.Dash;
      }
      this.indents[i] = p - start;
      this.kinds[i] = kind;
    }
  }

  start(i: number): number {
    return this.starts[i];
  }

  /** Offset after the line, including its line break. */
  end(i: number): number {
    return i + 1 < this.length ? this.starts[i + 1] : this.text.length;
  }

  /** The line without its line break. */
  line(i: number): string {
    return this.text.slice(this.start(i), this.end(i)).replace(/\r?\n$/, '');
  }

  /** The line from column `k` on, without its line break. */
  from(i: number, k: number): string {
    return this.text.slice(this.start(i) + k, this.end(i)).replace(/\r?\n$/, '');
  }

  /** Leading spaces of the line. */
  indent(i: number): number {
    return this.indents[i];
  }

  /** Whether the line holds nothing but spaces and maybe a comment. */
  blank(i: number): boolean {
    return this.kinds[i] === Kind.Blank;
  }

  /** Whether the line's first character after its indentation is a list dash. */
  dash(i: number): boolean {
    return this.kinds[i] === Kind.Dash;
  }
}

export interface ChunkedParse {
  doc: Document.Parsed;
  value: Record<string, unknown>;
}

// How a stretch of lines is cut. A map body (the top level, or a large list item's map) is cut at
// its key lines into groups: runs of small `key: value` sections parsed as one piece, and large
// `key:` + block list sections whose items are pieces of their own, cut again when they are large.

/** Consecutive `key: value` sections parsed as one piece; in a list item the first one starts with the dash. */
interface MapRun {
  kind: 'map';
  from: number;
  to: number;
  /** How many sections (pairs) the run holds. */
  keys: number;
}
/** `key:` and its block list, cut into the list's items. */
interface ListCut {
  kind: 'list';
  from: number;
  to: number;
  items: ItemCut[];
}
type Group = MapRun | ListCut;
/** A list item: one piece (groups null), or its map cut into groups. */
interface ItemCut {
  from: number;
  to: number;
  groups: Group[] | null;
}

interface Plan {
  lines: Lines;
  groups: Group[];
}

/** How the text is cut, or null when cutting it is not safe. */
function plan(text: string, splitLines: number, lineStarts?: Int32Array): Plan | null {
  if (unsafe(text)) return null;
  const lines = new Lines(text, lineStarts);
  const starts = sectionStarts(lines, 0, lines.length, 0, false);
  if (!starts) return null;
  return { lines, groups: groupsOf(lines, starts, lines.length, false, splitLines) };
}

/**
 * First lines of the sections of a map body whose keys sit at column `k` in lines [from, to):
 * null when a line does not fit (a key the cut cannot read, a line left of the keys). In a list
 * item (`dashFirst`) the first section starts with the dash line; at the top level it takes the
 * blank and comment lines before the first key.
 */
function sectionStarts(lines: Lines, from: number, to: number, k: number, dashFirst: boolean): number[] | null {
  const starts: number[] = dashFirst ? [from] : [];
  for (let i = dashFirst ? from + 1 : from; i < to; i++) {
    if (lines.blank(i)) continue;
    const width = lines.indent(i);
    if (width > k) {
      if (starts.length === 0) return null;
      continue;
    }
    if (width < k) return null;
    // A list written at the indentation of the key it belongs to (`key:` then `- item`).
    if (lines.dash(i)) {
      if (starts.length === 0) return null;
      continue;
    }
    if (!TOP_KEY.test(lines.from(i, k))) return null;
    starts.push(starts.length === 0 ? from : i);
  }
  return starts.length === 0 ? null : starts;
}

function groupsOf(lines: Lines, starts: readonly number[], to: number, dashFirst: boolean, splitLines: number): Group[] {
  const groups: Group[] = [];
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s];
    const b = s + 1 < starts.length ? starts[s + 1] : to;
    const items = (s > 0 || !dashFirst) && b - a >= splitLines ? listItems(lines, a, b) : null;
    if (items) {
      const cuts = items.map((x, i) => cutItem(lines, x, i + 1 < items.length ? items[i + 1] : b, splitLines));
      groups.push({ kind: 'list', from: a, to: b, items: cuts });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last?.kind === 'map') {
      last.to = b;
      last.keys++;
    } else groups.push({ kind: 'map', from: a, to: b, keys: 1 });
  }
  return groups;
}

/** A large item whose first line is `- key: …` is cut at its keys; anything else is one piece. */
function cutItem(lines: Lines, from: number, to: number, splitLines: number): ItemCut {
  const whole: ItemCut = { from, to, groups: null };
  if (to - from < splitLines) return whole;
  const dash = lines.start(from) + lines.indent(from);
  let content = dash + 1;
  while (lines.text.charCodeAt(content) === 32) content++;
  const k = content - lines.start(from);
  if (!TOP_KEY.test(lines.from(from, k))) return whole;
  const starts = sectionStarts(lines, from, to, k, true);
  if (!starts || starts.length < 2) return whole;
  const groups = groupsOf(lines, starts, to, true, splitLines);
  return groups.length < 2 ? whole : { from, to, groups };
}

/**
 * A document some of whose pieces do not parse: their syntax errors, with offsets in the document,
 * in order, and its nodes assembled from the pieces (those of the broken ones as yaml made them),
 * or undefined when they do not fit together.
 */
export interface BrokenParse {
  problems: YamlProblem[];
  doc?: Document.Parsed;
  /** With `doc`: its plain value, assembled from the pieces' values (a broken piece's as yaml recovered it). */
  recovered?: Record<string, unknown>;
}

/**
 * Parses `text` from cached pieces. When pieces have syntax errors, their errors instead (see
 * brokenPieces), with the nodes for the editor features; null when a full parse is needed.
 */
export function parseChunked(text: string, cache: ParseCache, index?: LineIndex): ChunkedParse | BrokenParse | null {
  const p = plan(text, cache.splitLines, index?.starts);
  if (!p) return null;
  const generation = cache.begin();
  const assembly = new Assembly(text, p.lines, cache, generation);
  const body = assembly.groups(p.groups, false);
  if (assembly.broken.length === 0) {
    // Keep the cache as it is when the assembly fails: once the text is fixed, its pieces are needed again.
    if (!body) return null;
    cache.end(generation);
    return { doc: documentOf(rootOf(body), text.length), value: body.value };
  }
  // Pieces do not parse: the errors of every piece that does not, each parsed alone, which costs
  // the broken pieces and not the document (a full parse of 50,000 lines takes seconds). When the
  // assembly went through every piece with the default cut, it met them all already.
  let problems: YamlProblem[] | null;
  if (body && cache.splitLines === SPLIT_LINES) {
    problems = problemsOf(assembly.broken);
    cache.dropBroken(generation);
  } else problems = piecesProblems(cache.splitLines === SPLIT_LINES ? p : plan(text, SPLIT_LINES, index?.starts), cache, text);
  if (!problems) return null;
  // (The nodes are only read while the cache stays at this parse: see recentParse.)
  return body && cache.stamp === generation ? { problems, doc: documentOf(rootOf(body), text.length), recovered: body.value } : { problems };
}

function rootOf(body: Body): YAMLMap {
  const root = new YAMLMap();
  root.items = body.pairs;
  root.range = [body.start, body.end[0], body.end[1]];
  return root;
}

/** The errors of broken pieces, in their order, with offsets where the pieces now are; null for none. */
function problemsOf(broken: readonly Chunk[]): YamlProblem[] | null {
  const problems = broken.flatMap((chunk) =>
    chunk.problems!.map((q) => ({ message: q.message, offsets: { start: q.offsets.start + chunk.offset, end: q.offsets.end + chunk.offset } })),
  );
  // A stack overflow is said once for the document, as for a full parse.
  return problems.length === 0 ? null : onceTooDeep(problems);
}

/**
 * The syntax errors of the pieces `text` is cut into, each piece parsed alone, with offsets in
 * `text` and in order; null when it cannot be cut or every piece parses. A document whose pieces
 * all parse can still be broken as a whole (a key twice in two pieces): a full parse tells.
 * Cut pieces of a valid document are valid, so a broken piece is a broken document: the cut is made
 * at lines indented at or left of the keys (or dashes) of the collection being cut, and yaml
 * rejects a flow collection, quoted or plain scalar that goes on at such a line (BAD_INDENT,
 * MISSING_CHAR), so no node of a valid document spans a cut (tests/chunks.test.ts holds cases).
 * The cut is always the default one, whatever the cache's: where an error is told depends on
 * the text alone.
 */
export function brokenPieces(text: string, cache: ParseCache, index?: LineIndex): YamlProblem[] | null {
  const cut = plan(text, SPLIT_LINES, index?.starts);
  return cut && piecesProblems(cut, cache, text);
}

function piecesProblems(cut: Plan | null, cache: ParseCache, text: string): YamlProblem[] | null {
  if (!cut) return null;
  const generation = cache.begin();
  const broken: Chunk[] = [];
  const take = (from: number, to: number): void => {
    const start = cut.lines.start(from);
    const chunk = cache.take(text.slice(start, cut.lines.end(to - 1)), start, generation);
    if (chunk?.problems) broken.push(chunk);
  };
  const groups = (list: readonly Group[]): void => {
    for (const group of list) {
      if (group.kind === 'map') take(group.from, group.to);
      else {
        take(group.from, group.items[0].from);
        for (const item of group.items) {
          if (item.groups) groups(item.groups);
          else take(item.from, item.to);
        }
      }
    }
  };
  groups(cut.groups);
  // The pieces that parse stay for when the document is fixed; of the broken ones, this text's.
  cache.dropBroken(generation);
  return problemsOf(broken);
}

/** A parsed document holding `root` (with its range set), as a parse of a text of `length` gives it. */
export function documentOf(root: YAMLMap, length: number): Document.Parsed {
  const doc = new Document() as Document.Parsed;
  doc.contents = root as never;
  doc.range = [root.range![0], root.range![1], length];
  return doc;
}

interface Body {
  /** What the body was made of: pieces, and the values of the lists assembled from pieces. */
  parts: unknown[];
  /** The piece of the first group, when it is one piece. */
  first?: Chunk;
  pairs: Pair[];
  value: Record<string, unknown>;
  /** Where the map starts (its first key). */
  start: number;
  /** range[1] and range[2] of the map: those of its last group. */
  end: [number, number];
}

/** Builds nodes and values from the pieces of one parse. */
class Assembly {
  /** The pieces with syntax errors met, in order: their nodes are assembled all the same. */
  readonly broken: Chunk[] = [];

  constructor(
    readonly text: string,
    readonly lines: Lines,
    readonly cache: ParseCache,
    readonly generation: number,
  ) {}

  take(from: number, to: number): Chunk | null {
    const start = this.lines.start(from);
    const chunk = this.cache.take(this.text.slice(start, this.lines.end(to - 1)), start, this.generation);
    if (chunk?.problems) this.broken.push(chunk);
    return chunk;
  }

  /** The pairs and value of a map body cut into groups (the first one starting with a dash in a list item). */
  groups(groups: readonly Group[], dashFirst: boolean): Body | null {
    const pairs: Pair[] = [];
    const parts: unknown[] = [];
    let first: Chunk | undefined;
    const value: Record<string, unknown> = {};
    let start = -1;
    let end: [number, number] = [0, 0];
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      if (group.kind === 'list') {
        const list = this.list(group);
        if (!list || list.key in value) return null;
        pairs.push(list.pair);
        parts.push(list.value);
        value[list.key] = list.value;
        if (start < 0) start = (list.pair.key as Node).range![0];
        end = [list.seq.range![1], list.seq.range![2]];
        continue;
      }
      const chunk = this.take(group.from, group.to);
      if (!chunk) return null;
      if (g === 0) first = chunk;
      parts.push(chunk);
      let map: unknown = chunk.contents;
      let source: unknown = chunk.value;
      if (g === 0 && dashFirst) {
        if (!isSeq(map) || map.items.length !== 1 || !Array.isArray(source)) return null;
        map = map.items[0];
        source = source[0];
      }
      if (!isMap(map) || map.items.length !== group.keys || !map.range || !isPlainObject(source)) return null;
      for (const pair of map.items as Pair[]) {
        const key = keyOf(pair);
        if (key === undefined || key in value) return null;
        pairs.push(pair);
        value[key] = source[key];
      }
      if (start < 0) start = map.range[0];
      end = [map.range[1], map.range[2]];
    }
    return pairs.length === 0 ? null : { parts, first, pairs, value, start, end };
  }

  /** `key:` and its list, item by item. */
  list(cut: ListCut): { pair: Pair; key: string; seq: YAMLSeq; value: unknown[] } | null {
    const head = this.take(cut.from, cut.items[0].from);
    if (!head || !isMap(head.contents) || head.contents.items.length !== 1) return null;
    const headPair = head.contents.items[0] as Pair;
    const key = keyOf(headPair);
    const empty = headPair.value === null || (isScalar(headPair.value) && headPair.value.value === null && headPair.value.range?.[0] === headPair.value.range?.[1]);
    if (key === undefined || !empty) return null;
    const nodes: Node[] = [];
    const values: unknown[] = [];
    for (const item of cut.items) {
      const built = this.item(item);
      if (!built) return null;
      nodes.push(built.node);
      values.push(built.value);
    }
    const first = cut.items[0].from;
    const dash = this.lines.start(first) + this.lines.indent(first);
    const last = nodes[nodes.length - 1];
    const end = last?.range ? last.range[2] : this.lines.end(cut.to - 1);
    const parts = [...nodes, ...values];
    const known = head.assembled;
    if (known?.pair && sameElements(known.parts, parts)) {
      known.node.range = [dash, end, end];
      return { pair: known.pair, key, seq: known.node as YAMLSeq, value: known.value as unknown[] };
    }
    const seq = new YAMLSeq();
    seq.items = nodes;
    seq.range = [dash, end, end];
    // A new pair: the cached head pair must keep its null value for the next parse.
    const pair = new Pair(headPair.key, seq);
    head.assembled = { parts, node: seq, value: values, pair };
    return { pair, key, seq, value: values };
  }

  item(cut: ItemCut): { node: Node; value: unknown } | null {
    if (!cut.groups) {
      const chunk = this.take(cut.from, cut.to);
      // (A broken piece may hold a list item without a value: see take.)
      if (!chunk || !isSeq(chunk.contents) || chunk.contents.items.length !== 1 || !Array.isArray(chunk.value)) return null;
      return { node: chunk.contents.items[0] as Node, value: chunk.value[0] };
    }
    const body = this.groups(cut.groups, true);
    if (!body) return null;
    const range: [number, number, number] = [body.start, body.end[0], body.end[1]];
    const known = body.first?.assembled;
    if (known && sameElements(known.parts, body.parts)) {
      known.node.range = range;
      return { node: known.node, value: known.value };
    }
    const map = new YAMLMap();
    map.items = body.pairs;
    map.range = range;
    if (body.first) body.first.assembled = { parts: body.parts, node: map, value: body.value };
    return { node: map, value: body.value };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fills an empty cache from a full parse of the same text, cut the way parseChunked cuts it, so
 * that the next parse re-parses only what changed. `text` must be the text the document was parsed
 * from, and one that shares no memory with the caller's (see detached): the pieces are slices of it.
 */
export function seedCache(text: string, doc: Document.Parsed, value: Record<string, unknown>, cache: ParseCache, index?: LineIndex): void {
  const p = plan(text, cache.splitLines, index?.starts);
  const root = doc.contents;
  if (!p || !isMap(root)) return;
  const generation = cache.begin();
  let seeded = false;
  try {
    seeded = new Seeder(text, p.lines, cache, generation).groups(p.groups, false, root, value) !== null;
  } finally {
    // Pieces put before a mismatch showed up may not match their text: keep none.
    if (seeded) cache.end(generation);
    else cache.clear();
  }
}

/** Puts the pieces of a full parse into the cache, as Assembly would find them. */
class Seeder {
  constructor(
    readonly text: string,
    readonly lines: Lines,
    readonly cache: ParseCache,
    readonly generation: number,
  ) {}

  /**
   * Whether the pair after a group's pairs starts after the group's text: a line the cut took as
   * part of a section (` : x`, indented) may be a pair of its own in the parse.
   */
  endsWithin(group: Group, following: Pair | undefined): boolean {
    if (!following) return true;
    const start = (following.key as Node | null)?.range?.[0];
    return start !== undefined && start >= this.lines.end(group.to - 1);
  }

  put(from: number, to: number, contents: Node, value: unknown): Chunk {
    const start = this.lines.start(from);
    return this.cache.put(this.text.slice(start, this.lines.end(to - 1)), start, contents, value, this.generation);
  }

  /**
   * The pieces of a map body (`map`, with `value`) cut into groups, and what Assembly.groups would
   * report as its parts; null when the parse does not match the cut. Lists and items are recorded
   * as assembled from their pieces, so that the next parse reuses the full parse's objects (and the
   * answers remembered for them) wherever their pieces did not change.
   */
  groups(groups: readonly Group[], dashFirst: boolean, map: YAMLMap, value: Record<string, unknown>): { parts: unknown[]; first?: Chunk } | null {
    const parts: unknown[] = [];
    let first: Chunk | undefined;
    let next = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      if (group.kind === 'list') {
        const pair = map.items[next++] as Pair | undefined;
        const key = pair && keyOf(pair);
        const seq = pair?.value;
        const list = key === undefined ? undefined : value[key];
        if (!pair || key === undefined || !isSeq(seq) || seq.items.length !== group.items.length || !Array.isArray(list)) return null;
        if (!this.endsWithin(group, map.items[next] as Pair | undefined)) return null;
        const container = new YAMLMap();
        container.items.push(new Pair(pair.key, null));
        const head = this.put(group.from, group.items[0].from, container, { [key]: null });
        for (let i = 0; i < group.items.length; i++) if (!this.item(group.items[i], seq.items[i] as Node, list[i])) return null;
        head.assembled = { parts: [...seq.items, ...list], node: seq, value: list, pair };
        parts.push(list);
        continue;
      }
      const container = new YAMLMap();
      const part: Record<string, unknown> = {};
      for (let k = 0; k < group.keys; k++) {
        const pair = map.items[next++] as Pair | undefined;
        const key = pair && keyOf(pair);
        if (!pair || key === undefined) return null;
        container.items.push(pair);
        part[key] = value[key];
      }
      if (!this.endsWithin(group, map.items[next] as Pair | undefined)) return null;
      const firstKey = container.items[0].key as Node;
      const lastPair = container.items[container.items.length - 1];
      const end = ((lastPair.value as Node | null)?.range ?? (lastPair.key as Node).range)![2];
      // Where the body ends is what Assembly reads from its last group: that one is exact.
      container.range = g === groups.length - 1 && map.range ? [firstKey.range![0], map.range[1], map.range[2]] : [firstKey.range![0], end, end];
      let chunk: Chunk;
      if (g === 0 && dashFirst) {
        const wrapper = new YAMLSeq();
        wrapper.items.push(container);
        chunk = this.put(group.from, group.to, wrapper, [part]);
      } else chunk = this.put(group.from, group.to, container, part);
      if (g === 0) first = chunk;
      parts.push(chunk);
    }
    return next === map.items.length ? { parts, first } : null;
  }

  item(cut: ItemCut, node: Node, value: unknown): boolean {
    if (!cut.groups) {
      const wrapper = new YAMLSeq();
      wrapper.items.push(node);
      this.put(cut.from, cut.to, wrapper, [value]);
      return true;
    }
    if (!isMap(node) || !isPlainObject(value)) return false;
    const body = this.groups(cut.groups, true, node, value);
    if (!body) return false;
    if (body.first) body.first.assembled = { parts: body.parts, node, value };
    return true;
  }
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
