// A reader for the plain YAML that strategy documents are written in: block maps and lists, flow
// lists and maps (also over several lines), plain and quoted one-line scalars, clipped and stripped
// `|` and `>` blocks, comments. It builds the same nodes (classes, ranges, scalar types and values)
// and the same plain value as the `yaml` package does for such text, in one pass over the
// characters, several times faster than the general parser — above all on a cold start, where the
// general parser's many small stages have not been optimised yet. Anything outside that subset
// (anchors, aliases, tags, escapes, multi-line plain scalars, kept or indented blocks, comment lines
// whose place yaml decides by what follows, empty list items, keys that are not text, duplicate
// keys, …) makes it give up, and the caller parses with `yaml`: it never guesses.
// Comments are not attached to nodes (nothing in the engine reads them from nodes; fixes work on
// the text), and collections carry no schema, like those made with `new YAMLMap()`: methods that
// create nodes (setIn along a missing path) need one.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

export interface PlainParse {
  contents: YAMLMap | YAMLSeq;
  value: unknown;
  /** The range arrays of all its nodes (keys included): what moving the nodes to another offset shifts. */
  ranges: number[][];
}

/** A run of characters that cannot end a plain scalar in a flow collection. */
const FLOW_PLAIN = /[^,[\]{}\r\n:#]*/y;

// The commonest entries, each read with one native match instead of step by step: a first lint
// runs this reader's code for the first time, before V8 has compiled it, and there one match costs
// a fraction of the steps it stands for. What they accept (a key of letters, digits, `_` and `-`,
// a colon, spaces, and a plain value that starts with no indicator and holds no `:`, `#` or line
// break), the steps would read the same way; anything else (quotes, comments, a `:` or `#` in the
// value, a value on the next line, the text's last line) goes the general way. The value's
// trailing spaces are trimmed after the match.
/** A block map's `key: value` line, and the next line's indentation when a key starts that line. */
const BLOCK_ENTRY = /([A-Za-z_][\w-]*):( +)([^\s\-?:,[\]{}#&*!|>'"%@`\\][^\n\r:#]*)\r?\n(?:( *)(?=[A-Za-z_]))?/y;
/** A list's dash after its indentation, followed by a space or a line break. */
const NEXT_ITEM = / *-(?=[ \n\r])/y;
/** A flow map's `key: value` or a flow list's value, up to the comma or bracket that must follow. */
const FLOW_ENTRY = /(?:([A-Za-z_][\w-]*):( +))?[^\s\-?:,[\]{}#&*!|>'"%@`\\][^,[\]{}\n\r:#]*/y;

/** Collections nested deeper than this are left to `yaml` (strategy documents nest some six deep). */
const MAX_DEPTH = 64;

/** Thrown at anything outside the subset; one object, so giving up allocates nothing. */
const OUTSIDE = new Error('outside the plain subset');

/**
 * The nodes and value of `text`, or null when it is not plain YAML as described above (the
 * caller then parses it with `yaml`, which also reports any error).
 */
export function parsePlain(text: string): PlainParse | null {
  if (text.includes('\t') || text.includes('\u0000') || text.charCodeAt(0) === 0xfeff) return null;
  // Line breaks are LF or CRLF; a carriage return alone is one too for yaml, not for this reader.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return null;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === OUTSIDE) return null;
    throw error;
  }
}

const SPACE = 32;
const NL = 10;
/** Only ever before a line feed (see parsePlain): where a line's content ends, like NL. */
const CR = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const DQUOTE = 34;
const SQUOTE = 39;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const BACKSLASH = 92;
const PIPE = 124;
const GT = 62;

interface Built {
  node: Node;
  value: unknown;
  /** Where reading goes on, when not at the end of the node's range. */
  next?: number;
}

class Reader {
  private readonly n: number;
  /** Every node's range array, in no particular order. */
  readonly ranges: number[][] = [];
  /** Collections open around the current position. */
  private depth = 0;

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  document(): PlainParse {
    const first = this.contentLine(0);
    if (first.at >= this.n) throw OUTSIDE;
    const indent = this.indentOf(first.at);
    const built = this.block(first.at + indent, indent);
    const rest = this.contentLine(this.lineAfter(built.node));
    // Comment lines after the last item belong to one collection or another by rules this reader does not follow.
    if (rest.at < this.n || rest.comments >= 0) throw OUTSIDE;
    return { contents: built.node as YAMLMap | YAMLSeq, value: built.value, ranges: this.ranges };
  }

  /**
   * Start of the line at or after `from` (a line start) holding content, skipping blank and
   * comment lines; `comments` is the largest indentation of those comment lines, -1 for none.
   */
  private contentLine(from: number): { at: number; comments: number } {
    const s = this.s;
    let p = from;
    let comments = -1;
    while (p < this.n) {
      // Document markers.
      if ((s.startsWith('---', p) || s.startsWith('...', p)) && (p + 3 >= this.n || s.charCodeAt(p + 3) === SPACE || s.charCodeAt(p + 3) === NL || s.charCodeAt(p + 3) === CR)) throw OUTSIDE;
      let q = p;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (q >= this.n) return { at: this.n, comments };
      if (c === NL || c === CR) {
        p = c === NL ? q + 1 : q + 2;
        continue;
      }
      if (c === HASH) {
        comments = Math.max(comments, q - p);
        const eol = s.indexOf('\n', q);
        p = eol < 0 ? this.n : eol + 1;
        continue;
      }
      return { at: p, comments };
    }
    return { at: this.n, comments };
  }

  private indentOf(lineStart: number): number {
    let q = lineStart;
    while (this.s.charCodeAt(q) === SPACE) q++;
    return q - lineStart;
  }

  /**
   * Start of the line after a node: its range ends after its line break, at the text's end, or
   * (an empty value) after the colon and spaces, followed by the line break. (An empty value with
   * a comment ends at the next line's content: past its indentation, mid-line, so the reader gives up.)
   */
  private lineAfter(node: Node): number {
    const end = node.range![2];
    if (end >= this.n || this.s.charCodeAt(end - 1) === NL) return end;
    const c = this.s.charCodeAt(end);
    if (c === NL || c === CR) return this.eol(end) + 1;
    throw OUTSIDE;
  }

  private isDash(p: number): boolean {
    if (this.s.charCodeAt(p) !== DASH) return false;
    const c = this.s.charCodeAt(p + 1);
    return c === SPACE || c === NL || c === CR || p + 1 >= this.n;
  }

  /** A block collection whose first entry starts at `at`, column `indent` (on the line of a list dash, or alone). */
  private block(at: number, indent: number): Built {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const built = this.isDash(at) ? this.blockSeq(at - indent, indent) : this.blockMap(indent, at);
    this.depth--;
    return built;
  }

  private blockSeq(lineStart: number, indent: number): Built {
    const s = this.s;
    const seq = newSeq();
    const value: unknown[] = [];
    let line = lineStart;
    let last: Node;
    for (;;) {
      const dash = line + indent;
      let q = dash + 1;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      // An empty item, or one whose content starts on the next line.
      if (q >= this.n || c === NL || c === CR || c === HASH || this.isDash(q)) throw OUTSIDE;
      // A map in the item starts on the dash's line, at the column of its first key.
      const item = this.keyEnd(q) >= 0 ? this.block(q, q - line) : this.inline(q, indent);
      seq.items.push(item.node);
      value.push(item.value);
      last = item.node;
      const after = this.lineAfter(last);
      // The next item on the very next line, as the steps below would find it, with one match.
      NEXT_ITEM.lastIndex = after;
      if (NEXT_ITEM.test(s) && NEXT_ITEM.lastIndex - after === indent + 1) {
        line = after;
        continue;
      }
      const next = this.contentLine(after);
      // A comment line indented more than the dashes extends the item before it.
      if (next.comments > indent) throw OUTSIDE;
      if (next.at < this.n && this.indentOf(next.at) === indent && this.isDash(next.at + indent)) {
        line = next.at;
        continue;
      }
      if (next.at < this.n && this.indentOf(next.at) > indent) throw OUTSIDE;
      if (next.comments >= 0) throw OUTSIDE;
      const end = last.range![2];
      seq.range = this.range(lineStart + indent, end, end);
      return { node: seq, value };
    }
  }

  /** A block map whose first key starts at `at`, column `indent`. */
  private blockMap(indent: number, at: number): Built {
    const s = this.s;
    const map = newMap();
    const value: Record<string, unknown> = {};
    let keyAt = at;
    for (;;) {
      BLOCK_ENTRY.lastIndex = keyAt;
      const simple = BLOCK_ENTRY.exec(s);
      if (simple !== null) {
        // `key: value` and its line break; keyScalar, inline and lineAfter would read the same.
        const colon = keyAt + simple[1].length;
        const key = this.plainScalar(simple[1], keyAt, colon, colon);
        const name = this.newKey(value, key, colon - keyAt);
        const q = colon + 1 + simple[2].length;
        let e = q + simple[3].length;
        while (s.charCodeAt(e - 1) === SPACE) e--;
        const next = simple[4];
        const lineEnd = next === undefined ? BLOCK_ENTRY.lastIndex : BLOCK_ENTRY.lastIndex - next.length;
        const node = this.plainScalar(s.slice(q, e), q, e, lineEnd);
        map.items.push(newPair(key, node));
        value[name] = node.value;
        if (next === undefined) {
          // A blank or comment line, a list, the text's end, …: as after any value.
          const more = this.more(lineEnd, indent);
          if (more >= 0) {
            keyAt = more;
            continue;
          }
        } else if (next.length === indent) {
          keyAt = BLOCK_ENTRY.lastIndex;
          continue;
        } else if (next.length > indent) throw OUTSIDE;
        map.range = this.range(at, lineEnd, lineEnd);
        return { node: map, value };
      }
      const colon = this.keyEnd(keyAt);
      if (colon < 0) throw OUTSIDE;
      const key = this.keyScalar(keyAt, colon);
      const name = this.newKey(value, key, colon - keyAt);
      let q = colon + 1;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      let item: Built;
      if (q >= this.n || c === NL || c === CR || c === HASH) {
        // The value starts on a later line, or there is none.
        const eol = this.eol(q);
        const lineEnd = eol >= this.n ? this.n : eol + 1;
        const next = this.contentLine(lineEnd);
        const width = next.at < this.n ? this.indentOf(next.at) : -1;
        const at2 = next.at + width;
        if (width > indent && !this.isDash(at2) && this.keyEnd(at2) < 0) {
          // A flow collection or a scalar on a line of its own (yaml writes `key:` then `[]` so when the key is long).
          const first = s.charCodeAt(at2);
          if (next.comments >= 0 || first === PIPE || first === GT) throw OUTSIDE;
          item = this.inline(at2, indent);
        } else if (width > indent || (width === indent && this.isDash(at2))) item = this.block(at2, width);
        else {
          // An empty value: the null the general parser gives, placed after the colon's spaces; with
          // a comment on the key's line, its range reaches on to the next line's content or the
          // text's end (after blank lines it depends on what follows: not followed here).
          if (next.comments >= 0 || (c === HASH && next.at < this.n && next.at !== lineEnd)) throw OUTSIDE;
          const empty = newScalar(null);
          const end = c !== HASH ? q : next.at < this.n ? next.at + width : this.n;
          empty.range = this.range(q, q, end);
          empty.source = '';
          empty.type = Scalar.PLAIN;
          map.items.push(newPair(key, empty));
          value[name] = null;
          if (width < indent) {
            map.range = this.range(at, end, end);
            return { node: map, value };
          }
          keyAt = next.at + indent;
          continue;
        }
      } else item = this.inline(q, indent);
      map.items.push(newPair(key, item.node));
      value[name] = item.value;
      const more = this.more(this.lineAfter(item.node), indent);
      if (more >= 0) {
        keyAt = more;
        continue;
      }
      const end = item.node.range![2];
      map.range = this.range(at, end, end);
      return { node: map, value };
    }
  }

  /**
   * A block map's key that may be added to its plain `value`: text, not there yet, not one that
   * sets a prototype or merges (`length`: from its start to the colon).
   */
  private newKey(value: Record<string, unknown>, key: Scalar, length: number): string {
    const name = key.value;
    // The general parser refuses implicit keys longer than 1024 characters.
    if (typeof name !== 'string' || length > 1000 || Object.prototype.hasOwnProperty.call(value, name) || name === '__proto__' || name === '<<') throw OUTSIDE;
    return name;
  }

  /**
   * After a block map's entry, whose line ends at `after`: where its next key starts, or -1 when
   * the map ends there.
   */
  private more(after: number, indent: number): number {
    const next = this.contentLine(after);
    const width = next.at < this.n ? this.indentOf(next.at) : -1;
    // A comment line indented more than the keys extends the value before it.
    if (next.comments > indent) throw OUTSIDE;
    if (width === indent && !this.isDash(next.at + indent)) return next.at + indent;
    if (width > indent || next.comments >= 0) throw OUTSIDE;
    return -1;
  }

  /** End of the line holding `p` (the offset of its line break, or the text's length). */
  private eol(p: number): number {
    const e = this.s.indexOf('\n', p);
    return e < 0 ? this.n : e;
  }

  /**
   * The offset of the colon ending an implicit key starting at `p` (plain or quoted, on this
   * line), or -1 when the line does not start with a key.
   */
  private keyEnd(p: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    let q: number;
    if (c === DQUOTE || c === SQUOTE) {
      q = s.indexOf(c === DQUOTE ? '"' : "'", p + 1);
      const eol = this.eol(p);
      if (q < 0 || q > eol) return -1;
      q++;
      while (s.charCodeAt(q) === SPACE) q++;
      if (s.charCodeAt(q) !== COLON) return -1;
      const d = s.charCodeAt(q + 1);
      return d === SPACE || d === NL || d === CR || q + 1 >= this.n ? q : -1;
    }
    if (!plainStart(s, p, this.n)) return -1;
    // Native searches in the line (a character loop is slow until the code is optimised), and only
    // in the line: a search on through the text would make long lists cost their length squared.
    const line = s.slice(p, this.eol(p));
    let i = line.indexOf(':');
    while (i >= 0) {
      const e = s.charCodeAt(p + i + 1);
      if (e === SPACE || e === NL || e === CR || p + i + 1 >= this.n) break;
      i = line.indexOf(':', i + 1);
    }
    // None, or a comment before the colon.
    if (i < 0 || line.slice(0, i).includes(' #')) return -1;
    return p + i;
  }

  /** The key scalar from `p` to the colon at `colon`: text only. */
  private keyScalar(p: number, colon: number): Scalar {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = s.indexOf(c === DQUOTE ? '"' : "'", p + 1);
      const raw = s.slice(p + 1, close);
      // (An escaped quote `''` never gets here: keyEnd finds no colon after the first quote.)
      if (c === DQUOTE && raw.includes('\\')) throw OUTSIDE;
      return this.scalar(raw, c === DQUOTE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, p, close + 1, close + 1);
    }
    let end = colon;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    const raw = s.slice(p, end);
    const key = this.plainScalar(raw, p, end, end);
    if (typeof key.value !== 'string') throw OUTSIDE;
    return key;
  }

  /** A value on the rest of a line in block context: a flow collection or a quoted or plain scalar. */
  private inline(p: number, indent: number): Built {
    const s = this.s;
    const c = s.charCodeAt(p);
    let built: Built;
    let end: number;
    if (c === PIPE || c === GT) return this.blockScalar(p, indent);
    if (c === LBRACKET || c === LBRACE) {
      built = this.flow(p, indent);
      end = built.node.range![1];
    } else if (c === DQUOTE || c === SQUOTE) {
      built = this.quoted(p, c);
      end = built.node.range![1];
    } else {
      if (!plainStart(s, p, this.n)) throw OUTSIDE;
      const eol = this.eol(p);
      const line = s.slice(p, s.charCodeAt(eol - 1) === CR ? eol - 1 : eol);
      const hash = line.indexOf(' #');
      const text = hash < 0 ? line : line.slice(0, hash);
      // `a: b: c` is an error, and `key: value` on an item's line is a map (see keyEnd).
      if (text.includes(': ') || text.charCodeAt(text.length - 1) === COLON) throw OUTSIDE;
      let e = p + text.length;
      while (s.charCodeAt(e - 1) === SPACE) e--;
      const node = this.plainScalar(s.slice(p, e), p, e, e);
      built = { node, value: node.value };
      end = e;
    }
    // The rest of the line: spaces, maybe a comment, the line break.
    let q = end;
    while (s.charCodeAt(q) === SPACE) q++;
    const d = s.charCodeAt(q);
    if (q < this.n && d !== NL && d !== CR && (d !== HASH || q === end)) throw OUTSIDE;
    q = this.eol(q);
    built.node.range![2] = q >= this.n ? this.n : q + 1;
    return built;
  }

  private quoted(p: number, quote: number): Built {
    const s = this.s;
    const eol = this.eol(p);
    let q = p + 1;
    for (;;) {
      const close = s.indexOf(quote === DQUOTE ? '"' : "'", q);
      if (close < 0 || close > eol) throw OUTSIDE;
      if (quote === SQUOTE && s.charCodeAt(close + 1) === SQUOTE) {
        q = close + 2;
        continue;
      }
      q = close;
      break;
    }
    let raw = s.slice(p + 1, q);
    if (quote === DQUOTE) {
      if (raw.includes('\\')) throw OUTSIDE;
    } else if (raw.includes("''")) raw = raw.replace(/''/g, "'");
    const node = this.scalar(raw, quote === DQUOTE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, p, q + 1, q + 1);
    return { node, value: raw };
  }

  /**
   * A `|` or `>` block scalar (clipped or stripped, no indentation indicator) whose lines are all
   * indented alike, more than `indent`; blank lines between them are empty.
   */
  private blockScalar(p: number, indent: number): Built {
    const s = this.s;
    const folded = s.charCodeAt(p) === GT;
    let q = p + 1;
    const strip = s.charCodeAt(q) === DASH;
    if (strip) q++;
    const headerEnd = q;
    while (s.charCodeAt(q) === SPACE) q++;
    if (s.charCodeAt(q) === HASH && q > headerEnd) q = this.eol(q);
    if (s.charCodeAt(q) === CR) q++;
    if (q >= this.n || s.charCodeAt(q) !== NL) throw OUTSIDE;
    let line = q + 1;
    const width = this.indentOf(line);
    const first = s.charCodeAt(line + width);
    if (width <= indent || line + width >= this.n || first === NL || first === CR) throw OUTSIDE;
    let value = '';
    let empty = 0;
    let end = line;
    while (line < this.n) {
      const w = this.indentOf(line);
      const eol = this.eol(line);
      const contentEnd = s.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      if (line + w === contentEnd) {
        // Spaces on an otherwise empty line are content or not by rules this reader does not follow.
        if (w > 0) throw OUTSIDE;
        empty++;
        line = eol + 1;
        continue;
      }
      if (w < width) break;
      if (w > width) throw OUTSIDE;
      // Empty lines between two lines count only then (trailing ones are chomped).
      if (end > q + 1) value += folded ? (empty === 0 ? ' ' : '\n'.repeat(empty)) : '\n'.repeat(empty + 1);
      value += s.slice(line + w, contentEnd);
      empty = 0;
      end = line = eol >= this.n ? this.n : eol + 1;
    }
    if (!strip) value += '\n';
    const node = this.scalar(value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL, p, end, end);
    return { node, value };
  }

  /** A flow list or map at `p`; lines it continues on are indented more than `indent`. */
  private flow(p: number, indent: number): Built {
    const s = this.s;
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
    const isSeq = s.charCodeAt(p) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    const coll = isSeq ? newSeq() : newMap();
    coll.flow = true;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let q = this.space(p + 1, indent, true);
    if (s.charCodeAt(q) !== close) {
      for (;;) {
        FLOW_ENTRY.lastIndex = q;
        const simple = FLOW_ENTRY.exec(s);
        const stop = simple === null ? -1 : s.charCodeAt(FLOW_ENTRY.lastIndex);
        if (simple !== null && (simple[1] === undefined) === isSeq && (stop === COMMA || stop === close)) {
          // What flowItem would read: the value's range takes the spaces after it.
          const after = FLOW_ENTRY.lastIndex;
          let e = after;
          while (s.charCodeAt(e - 1) === SPACE) e--;
          if (isSeq) {
            const node = this.plainScalar(s.slice(q, e), q, e, after);
            (coll as YAMLSeq).items.push(node);
            list.push(node.value);
          } else {
            const colon = q + simple[1].length;
            const key = this.plainScalar(simple[1], q, colon, colon);
            const name = key.value;
            if (typeof name !== 'string' || Object.prototype.hasOwnProperty.call(map, name) || name === '__proto__') throw OUTSIDE;
            const v = colon + 1 + simple[2].length;
            const node = this.plainScalar(s.slice(v, e), v, e, after);
            (coll as YAMLMap).items.push(newPair(key, node));
            map[name] = node.value;
          }
          q = after;
        } else if (isSeq) {
          const item = this.flowItem(q, false, indent);
          (coll as YAMLSeq).items.push(item.node);
          list.push(item.value);
          q = item.node.range![2];
        } else {
          const key = this.flowItem(q, true, indent);
          const name = key.value;
          if (typeof name !== 'string' || Object.prototype.hasOwnProperty.call(map, name) || name === '__proto__' || name === '<<') throw OUTSIDE;
          q = key.next!;
          const d = s.charCodeAt(q + 1);
          if (s.charCodeAt(q) !== COLON || (d !== SPACE && d !== NL && d !== CR)) throw OUTSIDE;
          q = this.space(q + 1, indent, false);
          const item = this.flowItem(q, false, indent);
          (coll as YAMLMap).items.push(newPair(key.node, item.node));
          map[name] = item.value;
          q = item.node.range![2];
        }
        const d = s.charCodeAt(q);
        if (d === close) break;
        if (d !== COMMA) throw OUTSIDE;
        q = this.space(q + 1, indent, true);
        // A trailing comma, or an empty entry.
        const e = s.charCodeAt(q);
        if (e === close || e === COMMA) throw OUTSIDE;
      }
    }
    coll.range = this.range(p, q + 1, q + 1);
    this.depth--;
    return { node: coll, value: isSeq ? list : map };
  }

  /**
   * Spaces from `p` on inside a flow collection; after an opening bracket or a comma (`breaks`)
   * also line breaks, when the next line goes on with it (indented more than `indent`). Where a
   * node's range ends when a line break follows it, and blank and comment lines, are not followed.
   */
  private space(p: number, indent: number, breaks: boolean): number {
    const s = this.s;
    let q = p;
    for (;;) {
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (c === HASH || ((c === NL || c === CR) && !breaks)) throw OUTSIDE;
      if (c !== NL && c !== CR) return q;
      if (c === CR) q++;
      const w = this.indentOf(q + 1);
      const d = s.charCodeAt(q + 1 + w);
      if (w <= indent || q + 1 + w >= this.n || d === NL || d === CR || d === HASH) throw OUTSIDE;
      q += 1 + w;
    }
  }

  /** A scalar (or nested collection) in a flow collection; its range ends after the space that follows it. */
  private flowItem(p: number, isKey: boolean, indent: number): Built {
    const s = this.s;
    const c = s.charCodeAt(p);
    let built: Built;
    if (c === LBRACKET || c === LBRACE) {
      if (isKey) throw OUTSIDE;
      built = this.flow(p, indent);
    } else if (c === DQUOTE || c === SQUOTE) built = this.quoted(p, c);
    else {
      if (!plainStart(s, p, this.n) || c === COMMA || c === RBRACKET || c === RBRACE) throw OUTSIDE;
      let q = p;
      for (;;) {
        // Up to the next character that may end the scalar (a native search, as in keyEnd).
        FLOW_PLAIN.lastIndex = q;
        FLOW_PLAIN.test(s);
        q = FLOW_PLAIN.lastIndex;
        const d = s.charCodeAt(q);
        // A line break ends the scalar here; what follows must then end the entry (see flow).
        if (q >= this.n || d === COMMA || d === RBRACKET || d === RBRACE || d === NL || d === CR) break;
        if (d === LBRACKET || d === LBRACE) throw OUTSIDE;
        if (d === HASH && s.charCodeAt(q - 1) === SPACE) throw OUTSIDE;
        if (d === COLON) {
          const e = s.charCodeAt(q + 1);
          if (e === SPACE || e === COMMA || e === RBRACKET || e === RBRACE || e === NL || e === CR) {
            if (!isKey) throw OUTSIDE;
            break;
          }
        }
        q++;
      }
      let e = q;
      while (s.charCodeAt(e - 1) === SPACE) e--;
      if (e === p) throw OUTSIDE;
      const node = this.plainScalar(s.slice(p, e), p, e, e);
      built = { node, value: node.value };
    }
    // A key's range ends with it; a value's takes the space after it.
    const end = built.node.range![1];
    if (isKey) {
      let q = end;
      while (s.charCodeAt(q) === SPACE) q++;
      built.node.range![2] = end;
      return { node: built.node, value: built.value, next: q };
    }
    built.node.range![2] = this.space(end, indent, false);
    return built;
  }

  /** A node's range, noted among all ranges the reader made (what moving the nodes shifts). */
  private range(start: number, valueEnd: number, end: number): [number, number, number] {
    const r: [number, number, number] = [start, valueEnd, end];
    this.ranges.push(r);
    return r;
  }

  private scalar(value: unknown, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
    // newScalar and range written out: a call less per scalar counts while the code runs cold.
    const node = Object.create(SCALAR) as Scalar;
    node.value = value;
    const range: [number, number, number] = [start, valueEnd, end];
    this.ranges.push(range);
    node.range = range;
    node.source = value as string;
    node.type = type;
    return node;
  }

  /**
   * A plain scalar, resolved as the core schema resolves it. Only text starting with a digit, a
   * sign, a dot, `~` or the first letter of null/true/false can be anything but a string there,
   * and only text one of the schema's tests accepts (one native test for all of them first).
   */
  private plainScalar(raw: string, start: number, valueEnd: number, end: number): Scalar {
    const c = raw.charCodeAt(0);
    const maybe = raw.length === 0 || (c >= 48 && c <= 57) || c === 43 || c === DASH || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
    if (maybe) {
      const { tags, any } = resolving();
      if (any.test(raw)) {
        for (let i = 0; i < tags.length; i++) {
          const tag = tags[i];
          if (!tag.test!.test(raw)) continue;
          const resolved = tag.resolve(raw, fail, RESOLVE_OPTIONS);
          const node = resolved instanceof Scalar ? resolved : newScalar(resolved);
          node.range = this.range(start, valueEnd, end);
          node.source = raw;
          node.type = Scalar.PLAIN;
          if (tag.format) node.format = tag.format;
          return node;
        }
      }
    }
    return this.scalar(raw, Scalar.PLAIN, start, valueEnd, end);
  }
}

// Nodes are made from prototypes that are themselves nodes of their class: `yaml` marks a node's
// kind with a property its constructors define one by one (a slow path in V8, a fifth of the
// reader's time), while an object inheriting that property is made at allocation speed. isScalar,
// isMap and the rest, `instanceof` and every method see the same as for a constructed node.
const SCALAR = new Scalar(null);
const MAP = new YAMLMap();
const SEQ = new YAMLSeq();
const PAIR = new Pair(null);

function newScalar(value: unknown): Scalar {
  const node = Object.create(SCALAR) as Scalar;
  node.value = value;
  return node;
}
function newMap(): YAMLMap {
  const node = Object.create(MAP) as YAMLMap;
  node.items = [];
  return node;
}
function newSeq(): YAMLSeq {
  const node = Object.create(SEQ) as YAMLSeq;
  node.items = [];
  return node;
}
function newPair(key: Node, value: Node): Pair {
  const pair = Object.create(PAIR) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}

/** Whether a plain scalar may start at `p` (not an indicator, or `-`, `?`, `:` before a non-space). */
function plainStart(s: string, p: number, n: number): boolean {
  if (p >= n) return false;
  switch (s.charCodeAt(p)) {
    case DASH:
    case 63: // ?
    case COLON: {
      const d = s.charCodeAt(p + 1);
      return p + 1 < n && d !== SPACE && d !== NL && d !== CR && d !== COMMA && d !== LBRACKET && d !== RBRACKET && d !== LBRACE && d !== RBRACE;
    }
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case NL:
    case CR:
    case BACKSLASH:
      return false;
    default:
      return true;
  }
}

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

let tags: { tags: ScalarTag[]; any: RegExp } | undefined;
/**
 * The core schema's tags that resolve plain scalars by their text (null, booleans, numbers), from
 * `yaml` itself, and one expression that matches whatever any of them matches.
 */
function resolving(): { tags: ScalarTag[]; any: RegExp } {
  if (!tags) {
    const list = (new Document().schema as unknown as { tags: ScalarTag[] }).tags.filter((t) => t.default === true && t.test);
    tags = { tags: list, any: new RegExp(list.map((t) => `(?:${t.test!.source})`).join('|'), list.some((t) => t.test!.flags.includes('i')) ? 'i' : '') };
  }
  return tags;
}
const RESOLVE_OPTIONS = { intAsBigInt: false };
const fail = (): void => {
  throw OUTSIDE;
};

