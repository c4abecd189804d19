// Text → YAML document with exact ranges, plus the plain value rules read.
// Syntax problems and hostile input come back as problems with offsets, never as exceptions.
import { isMap, type Document } from 'yaml';
import { parsePlain } from './plain-yaml';
import { detached, documentOf, parseChunked, seedCache, type ParseCache } from './chunks';
import { LineIndex } from './positions';
import type { OffsetRange } from './types';
import { collectionKey, parseYaml, TOO_DEEP } from './yaml-document';

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
  // Piece by piece from the first parse on: about as fast as one full parse, and the parser's working
  // memory is one piece's, not the whole file's (a full parse of a 50,000-line document peaks some
  // 80 MB higher). When the text cannot be cut, a full parse (below) seeds the cache.
  if (cache) {
    const chunked = parseChunked(text, cache, lines);
    if (chunked) return { text, lines, doc: chunked.doc, value: chunked.value, problems: [] };
  } else {
    // Without a cache (the command line, a one-off parse): the plain reader when the text is in its subset.
    const plain = parsePlain(text);
    if (plain && isMap(plain.contents)) return { text, lines, doc: documentOf(plain.contents, text.length), value: plain.value as Record<string, unknown>, problems: [] };
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
  // A stack overflow may surface at each level yaml unwinds through: it is said once.
  let deep = false;
  const errors = doc.errors.filter((e) => !/Maximum call stack size exceeded/.test(e.message) || (!deep && (deep = true)));
  const problems: ParseProblem[] = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((e) => ({
    message: cleanMessage(e.message),
    offsets: clampOffsets(e.pos, text.length),
  }));
  if (errors.length > MAX_SYNTAX_PROBLEMS) {
    const last = problems[problems.length - 1];
    last.message += ` (and ${errors.length - MAX_SYNTAX_PROBLEMS} more syntax errors)`;
  }
  if (problems.length > 0) return { text, lines, doc, value: null, problems };
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

function clampOffsets(pos: [number, number], length: number): OffsetRange {
  const start = Math.max(0, Math.min(pos[0], length));
  const end = Math.max(start, Math.min(pos[1], length));
  return { start, end };
}

/** yaml's messages end with "at line L, column C"; the range already says where. */
function cleanMessage(message: string): string {
  const clean = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  if (/Maximum call stack size exceeded/.test(clean)) return TOO_DEEP;
  if (clean.startsWith('Source contains multiple documents')) return "A strategy file holds one YAML document; remove the second one (after '---').";
  return clean;
}

function firstAlias(text: string): OffsetRange {
  const m = /(^|[\s,[{:-])\*[^\s,\]}]+/.exec(text);
  if (!m) return { start: 0, end: 0 };
  const start = m.index + m[1].length;
  return { start, end: start + m[0].length - m[1].length };
}
