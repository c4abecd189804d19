// Text → YAML document with exact ranges, plus the plain value rules read.
// Syntax problems and hostile input come back as problems with offsets, never as exceptions.
import { isMap, type Document } from 'yaml';
import { parsePlain } from './plain-yaml';
import { brokenPieces, detached, documentOf, parseChunked, ParseCache, seedCache } from './chunks';
import { LineIndex } from './positions';
import type { OffsetRange } from './types';
import { clampOffsets, collectionKey, parseYaml, syntaxErrors, type YamlProblem } from './yaml-document';

/** Aliases expanded at most this many times when building the plain value (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100;
/** Syntax errors reported per document; the rest are summarised in the last one. */
const MAX_SYNTAX_PROBLEMS = 20;

export interface ParseProblem {
  message: string;
  offsets: OffsetRange;
}

export interface Parsed {
  text: string;
  lines: LineIndex;
  /** Null when the text was not parsed at all (binary content). */
  doc: Document.Parsed | null;
  /** The document as plain data; null when it cannot be used (syntax errors, alias bomb, not a map). */
  value: Record<string, unknown> | null;
  /**
   * With syntax errors, when the document was parsed piece by piece: the plain data of `doc` (what
   * the parser recovered), assembled from the pieces. Editor features read it instead of converting
   * the whole document (see editor/document.ts valueOf).
   */
  recovered?: Record<string, unknown>;
  problems: ParseProblem[];
}

/**
 * Parses a document. With a cache (one per document, kept across its versions) only the
 * sections and list items an edit touched are parsed again.
 */
export function parse(text: string, cache?: ParseCache): Parsed {
  const known = recentParse(text);
  if (known) return known;
  const parsed = parseText(text, cache);
  remember(parsed, cache);
  return parsed;
}

interface Recent {
  parsed: Parsed;
  cache: ParseCache | undefined;
  stamp: number;
}

/** The last few parses: diagnostics, hover, completion and code lens all ask for the same text. */
const recent: Recent[] = [];
const RECENT = 4;

function remember(parsed: Parsed, cache: ParseCache | undefined): void {
  recent.unshift({ parsed, cache, stamp: cache?.stamp ?? 0 });
  if (recent.length > RECENT) recent.length = RECENT;
  if (cache) madeThrough.set(parsed, { cache, stamp: cache.stamp });
}

/** The cache a parse shares nodes with, and its stamp right after that parse. */
const madeThrough = new WeakMap<Parsed, { cache: ParseCache; stamp: number }>();

/**
 * Whether a parse's nodes are still where it left them: a later parse through the same cache moves
 * the nodes the two share (their offsets follow the newer text). A parse made without a cache
 * shares nothing and stays intact.
 */
export function stillIntact(parsed: Parsed): boolean {
  const made = madeThrough.get(parsed);
  return made === undefined || made.cache.stamp === made.stamp;
}

/** Forgets the recent parses (and with them the lint results kept for them): the next parse starts afresh. */
export function forgetRecentParses(): void {
  recent.length = 0;
}

/**
 * A parse of exactly this text that is still intact: a later parse through the same cache may have
 * moved the nodes it shares with that cache, and then the old parse no longer counts.
 */
export function recentParse(text: string): Parsed | undefined {
  for (const r of recent) {
    if (r.parsed.text === text && (r.cache === undefined || r.cache.stamp === r.stamp)) return r.parsed;
  }
  return undefined;
}

function parseText(text: string, cache: ParseCache | undefined): Parsed {
  const lines = new LineIndex(text);
  if (cache) settle(cache);
  // Piece by piece: the parser's working memory is one piece's, not the whole file's (a full parse
  // of a 50,000-line document with yaml peaks some 80 MB higher). When the text cannot be cut, a
  // full parse (below) seeds the cache. (A binary file is told as such below, before anything else.)
  if (cache && !text.includes('\u0000')) {
    const whole = cache.untouched && text.length <= WHOLE_FIRST_PARSE ? firstParse(text, lines, cache) : undefined;
    if (whole) return whole;
    const chunked = parseChunked(text, cache, lines);
    if (chunked && 'value' in chunked) return { text, lines, doc: chunked.doc, value: chunked.value, problems: [] };
    if (chunked) return brokenParse(text, lines, chunked.problems, chunked.doc, chunked.recovered);
  } else if (!cache) {
    // Without a cache (the command line, a one-off parse): the plain reader when the text is in its subset.
    const plain = plainParse(text, lines, text);
    if (plain) return plain;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return {
      text, lines, doc: null, value: null,
      problems: [{ message: 'The file contains NUL bytes: it looks binary, not a YAML strategy document.', offsets: { start: nul, end: nul + 1 } }],
    };
  }
  // The cache keeps nodes of this parse, and nodes keep slices of the text they were parsed from:
  // parsing a copy keeps this version of the document from staying in memory with them.
  const source = cache ? detached(text) : text;
  const doc = parseYaml(source);
  if (doc.errors.length > 0) {
    // Where pieces of the cut do not parse, their errors are the ones told, as the editor tells
    // them (it parses only the pieces an edit touched; see parseChunked): the same wherever the
    // document is linted. Errors only a full parse sees (a key twice in two pieces) are told as it tells them.
    const pieces = brokenPieces(text, cache ?? new ParseCache(), lines);
    return { text, lines, doc, value: null, problems: capped(pieces ?? syntaxErrors(doc.errors, text.length)) };
  }
  const complexKey = collectionKey(doc.contents);
  if (complexKey) {
    const r = complexKey.range;
    return {
      text, lines, doc, value: null,
      problems: [{ message: 'A key that is a map or a list cannot name a strategy field; write the key as plain text.', offsets: r ? clampOffsets([r[0], r[1]], text.length) : { start: 0, end: 0 } }],
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const first = firstAlias(text);
    return {
      text, lines, doc, value: null,
      problems: [{
        message: `Aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias uses per anchor): the document was not read. ${(error as Error).message}`,
        offsets: first,
      }],
    };
  }
  if (value === null || value === undefined) {
    return { text, lines, doc, value: {}, problems: [] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const r = doc.contents?.range;
    return {
      text, lines, doc, value: null,
      problems: [{ message: 'A strategy document must be a YAML mapping (key: value pairs) at the top level.', offsets: r ? { start: r[0], end: r[1] } : { start: 0, end: 0 } }],
    };
  }
  if (cache) seedCache(source, doc, value as Record<string, unknown>, cache, lines);
  return { text, lines, doc, value: value as Record<string, unknown>, problems: [] };
}

/**
 * Documents up to this many characters (some 4,000 lines) are read whole by the plain reader on
 * their first parse, and cut into the cache's pieces only after (see settle). Cutting takes the
 * pieces' boundaries, a copy and a reading of each piece: at 1,000 lines, 6.1 ms on a first lint,
 * where reading the text whole takes 3.7 ms. Larger documents are read piece by piece at once: their
 * cutting costs less than their reading, and seeding them would hold up the first edit.
 */
const WHOLE_FIRST_PARSE = 200_000;

/** First parses read whole, whose pieces the cache has not been given yet. */
const unsettled = new WeakMap<ParseCache, { source: string; parsed: Parsed & { doc: Document.Parsed; value: Record<string, unknown> } }>();

/** A document's first parse, when the plain reader reads it: whole, the cache to be seeded later (see settle). */
function firstParse(text: string, lines: LineIndex, cache: ParseCache): Parsed | undefined {
  // Tried once: a text the reader refuses (anchors, say) is not copied and read again at every keystroke.
  cache.untouched = false;
  // The nodes go into the cache: they must not keep this version of the caller's text alive (see detached).
  const source = detached(text);
  const parsed = plainParse(text, lines, source);
  if (parsed) unsettled.set(cache, { source, parsed });
  return parsed;
}

/** The parse of `text` read by the plain reader from `source` (the text or a copy of it), when it is in the reader's subset and a map. */
function plainParse(text: string, lines: LineIndex, source: string): (Parsed & { doc: Document.Parsed; value: Record<string, unknown> }) | undefined {
  const plain = parsePlain(source);
  if (!plain || !isMap(plain.contents)) return undefined;
  return { text, lines, doc: documentOf(plain.contents, text.length), value: plain.value as Record<string, unknown>, problems: [] };
}

/**
 * Gives the cache the pieces of a first parse read whole, so that the next parse reads only what
 * changed. Every parse through the cache does it first; the editor does it once the first
 * diagnostics are out, while the user reads them. It moves no node: that parse stays intact.
 */
export function settle(cache: ParseCache): void {
  const first = unsettled.get(cache);
  if (!first) return;
  unsettled.delete(cache);
  seedCache(first.source, first.parsed.doc, first.parsed.value, cache, first.parsed.lines);
  if (madeThrough.get(first.parsed)?.cache === cache) madeThrough.set(first.parsed, { cache, stamp: cache.stamp });
  for (const r of recent) if (r.parsed === first.parsed) r.stamp = cache.stamp;
}

/** The first MAX_SYNTAX_PROBLEMS problems; the last of them says how many more there are. */
function capped(problems: YamlProblem[]): ParseProblem[] {
  const shown = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  if (problems.length > MAX_SYNTAX_PROBLEMS) {
    const last = shown[shown.length - 1];
    shown[shown.length - 1] = { ...last, message: `${last.message} (and ${problems.length - MAX_SYNTAX_PROBLEMS} more syntax errors)` };
  }
  return shown;
}

/**
 * A document with pieces that do not parse, as the editor's parse gives it: their errors, and the
 * nodes completion and the other editor features read in a broken document: those assembled from
 * the pieces, else a full parse's, made only if a feature asks for them.
 */
function brokenParse(text: string, lines: LineIndex, problems: YamlProblem[], assembled: Document.Parsed | undefined, recovered: Record<string, unknown> | undefined): Parsed {
  let doc = assembled;
  return {
    text,
    lines,
    get doc() {
      return (doc ??= parseYaml(text));
    },
    value: null,
    ...(assembled && recovered ? { recovered } : {}),
    problems: capped(problems),
  };
}

function firstAlias(text: string): OffsetRange {
  const m = /(^|[\s,[{:-])\*[^\s,\]}]+/.exec(text);
  if (!m) return { start: 0, end: 0 };
  const start = m.index + m[1].length;
  return { start, end: start + m[0].length - m[1].length };
}
