// The one place the engine asks the `yaml` package for a Document.
//
// `yaml` checks that map keys are unique by comparing each new key with every key before it in
// its map: a flat map of 40,000 keys costs some 800 million comparisons (about 20 s here), which
// would hold up the server for a file well within the size limit. The text is parsed without that
// check and the keys are checked here with one lookup per key. Only when that finds a duplicate is
// the text parsed again with `yaml`'s check, whose errors (offsets and order) are then the ones
// reported, unless a map is so large that the check would take seconds: then the errors found here
// stand (at the key itself, where `yaml` may point at the end of the pair before it).
import { Document, isCollection, isPair, isScalar, parseDocument, visit, YAMLParseError, type Node, type Pair, type YAMLError } from 'yaml';
import type { OffsetRange } from './types';

/** What a document too deeply nested for the parser is told. */
export const TOO_DEEP = 'The document nests collections too deeply to be read; flatten the structure.';

/** A syntax error of a parse: its message without yaml's line and column, and where it is in the text parsed. */
export interface YamlProblem {
  message: string;
  offsets: OffsetRange;
}

/** The errors of a parse of a text of `length` characters, as messages with offsets; a stack overflow is said once. */
export function syntaxErrors(errors: readonly YAMLError[], length: number): YamlProblem[] {
  return onceTooDeep(errors.map((e) => ({ message: cleanMessage(e.message), offsets: clampOffsets(e.pos, length) })));
}

/** The problems with TOO_DEEP told once: a stack overflow may surface at each level yaml unwinds through, and in each piece. */
export function onceTooDeep(problems: YamlProblem[]): YamlProblem[] {
  let deep = false;
  return problems.filter((q) => q.message !== TOO_DEEP || (!deep && (deep = true)));
}

export function clampOffsets(pos: [number, number], length: number): OffsetRange {
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

const OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' } as const;

/** Parses a YAML text as the engine does everywhere: strict, quiet, and with keys checked for duplicates. */
export function parseYaml(source: string): Document.Parsed {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, OPTIONS);
  } catch (error) {
    // yaml's parser recurses once per level of nesting; a few thousand levels (`- - - … x`, a
    // six-kilobyte line) overflow the stack before yaml can report anything. It is a finding, not a crash.
    if (!(error instanceof RangeError)) throw error;
    const empty = new Document() as unknown as Document.Parsed;
    empty.errors.push(new YAMLParseError([0, 1], 'IMPOSSIBLE', TOO_DEEP));
    return empty;
  }
  const { duplicates, largest } = duplicateKeys(doc, source);
  if (duplicates.length === 0) return doc;
  if (largest <= CHECK_WITH_YAML_UP_TO) return parseDocument(source, { ...OPTIONS, uniqueKeys: true });
  doc.errors = mergeByOffset(doc.errors, duplicates);
  return doc;
}

/** The largest map `yaml`'s own duplicate check is left to (some 12 million comparisons at most). */
const CHECK_WITH_YAML_UP_TO = 5_000;

/**
 * A DUPLICATE_KEY error for every key equal to an earlier key of its map. Keys are equal, for
 * `yaml`, when they are scalars with the same value (`===`: `1` and `0x1` are, NaN never is);
 * a collection or alias used as a key equals nothing else.
 */
function duplicateKeys(doc: Document.Parsed, source: string): { duplicates: YAMLParseError[]; largest: number } {
  const found: YAMLParseError[] = [];
  let largest = 0;
  visit(doc, {
    Map(_, map) {
      largest = Math.max(largest, map.items.length);
      if (map.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const pair of map.items as Pair[]) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          const at = keyStart(key.range, source);
          found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(key.value);
        }
      }
    },
  });
  return { duplicates: found, largest };
}

/**
 * Where `yaml` reports a duplicate key: where the key starts; for an empty key (`: value`, `? `
 * alone) at its `:`, which follows the empty key's position after spaces, line breaks and comments.
 */
function keyStart(range: [number, number, number] | null | undefined, source: string): number {
  if (!range) return 0;
  const [start, end] = range;
  if (end > start) return start;
  let i = start;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0x3a /* : */) return i;
    if (c === 0x23 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
    } else {
      break;
    }
  }
  return start;
}

/** `errors` with `more` inserted before the first error that starts after each of them. */
function mergeByOffset(errors: YAMLParseError[], more: YAMLParseError[]): YAMLParseError[] {
  const sorted = [...more].sort((a, b) => a.pos[0] - b.pos[0]);
  const out: YAMLParseError[] = [];
  let j = 0;
  for (const error of errors) {
    while (j < sorted.length && sorted[j].pos[0] < error.pos[0]) out.push(sorted[j++]);
    out.push(error);
  }
  while (j < sorted.length) out.push(sorted[j++]);
  return out;
}

/**
 * The first key that is itself a map or a list (`? [a, b]: x`, `{{a: 1}: x}`), or undefined. YAML
 * allows them, but no strategy field is named that way, and turning nested ones into text (as
 * `toJS` does) takes time that grows steeply with their depth: a one-kilobyte line of `{` took
 * 30 s. Walked with an explicit stack: the document may be nested thousands of levels deep.
 */
export function collectionKey(root: Node | null | undefined): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      if (isCollection(node.key)) return node.key;
      stack.push(node.value);
    } else if (isCollection(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}
