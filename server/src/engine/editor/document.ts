// The parse every editor feature of one request shares. Hover, completion and the others
// each take the document text; parsing it once per text (not per feature) keeps a burst of
// requests on the same version cheap. Only the last text is kept: this is a memo, not state.
import { MAX_ALIAS_COUNT, parse, type Parsed } from '../parse';
import type { OffsetRange, Path, Position, Range } from '../types';
import { collectionKey } from '../yaml-document';

/** The parse of this text: the one the last lint made when it is still intact, else a new one. */
export function parsedOf(text: string): Parsed {
  return parse(text);
}

/** The plain value of a document that may have syntax errors: what the parser could read, or `{}`. */
export function valueOf(parsed: Parsed): Record<string, unknown> {
  if (parsed.value) return parsed.value;
  if (parsed.recovered) return parsed.recovered;
  // A key that is a collection would be turned into text, which takes seconds for a line of brackets.
  if (!parsed.doc || collectionKey(parsed.doc.contents)) return {};
  try {
    const value = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The plain value at a path, or undefined. */
export function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A 0-based position as an offset into the parsed text. */
export function offsetOf(parsed: Parsed, position: Position): number {
  return parsed.lines.offsetAt(position);
}

export function rangeOf(parsed: Parsed, offsets: OffsetRange): Range {
  return parsed.lines.range(offsets);
}

/** A text edit in editor coordinates. */
export interface RangeEdit {
  range: Range;
  newText: string;
}
