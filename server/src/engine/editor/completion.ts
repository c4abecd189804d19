// Completion at a position: the keys the schema allows there (minus those present), item
// snippets for lists of composite items, enum values, and the ids a reference field accepts.
import { isMap, type Document } from 'yaml';
import { detectStyle } from '../fixes';
import { todayIso } from '../lint';
import { isRecord, KIND_LABEL, modelOf, text, type Rec } from '../model';
import { keyText, walk } from '../positions';
import type { Path, Position, Range } from '../types';
import { offsetOf, parsedOf, rangeOf, valueAt, valueOf } from './document';
import { lineEndOf, lineStartOf, locate, type Location } from './locate';
import { referenceField } from './references';
import { allowedKeys, enumValues, isArray, isObject, resolve, schemaAt, type KeyInfo, type SchemaNode } from './schema-nav';
import { indentSnippet, snippetFor, type SnippetContext } from './snippets';

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` uses LSP snippet syntax (`${1:…}`). */
  snippet: boolean;
  /** The text the completion replaces. */
  range: Range;
  sortText?: string;
  /** The editor should ask for completions again after inserting (a key whose value has suggestions). */
  retrigger?: boolean;
}

export interface CompletionOptions {
  /** ISO date for date placeholders; defaults to the current date. */
  today?: string;
}

export function complete(source: string, position: Position, options: CompletionOptions = {}): Completion[] {
  const parsed = parsedOf(source);
  const offset = offsetOf(parsed, position);
  const loc = locate(parsed, offset);
  if (loc.on === 'none') return [];
  const doc = valueOf(parsed);
  const today = options.today ?? todayIso();
  const horizonEnd = isRecord(doc.horizon) ? text(doc.horizon.end) : undefined;
  const ctx: Ctx = {
    source,
    doc,
    loc,
    range: rangeOf(parsed, loc.word),
    style: detectStyle(source),
    snippets: { doc, today, due: horizonEnd && /^\d{4}-\d{2}-\d{2}$/.test(horizonEnd) ? horizonEnd : today },
    // Columns: where the inserted text starts, and the indentation of its line.
    column: position.character - (offset - loc.word.start),
    lineIndent: lineIndent(source, loc.word.start),
    existingKeys: (path) => existingKeys(parsed.doc, path),
  };
  if (loc.on === 'key') return keyCompletions(ctx, loc.mapPath);
  const node = schemaAt(loc.path);
  // The first word of a new list item whose items are maps: a key of the item, or a whole item.
  if (loc.listItem && isObject(node)) return itemCompletions(ctx, loc.path);
  return valueCompletions(ctx, loc.path, node);
}

interface Ctx {
  source: string;
  doc: Rec;
  loc: Location;
  range: Range;
  style: { unit: number; indentSeq: boolean };
  snippets: SnippetContext;
  column: number;
  lineIndent: number;
  existingKeys: (path: Path) => Set<string>;
}

function lineIndent(source: string, offset: number): number {
  const start = lineStartOf(source, offset);
  let i = start;
  while (source[i] === ' ') i++;
  return i - start;
}

function existingKeys(doc: Document.Parsed | null, path: Path): Set<string> {
  const keys = new Set<string>();
  if (!doc) return keys;
  const { node, complete } = walk(doc, path);
  if (!complete || !isMap(node)) return keys;
  for (const pair of node.items) {
    const k = keyText(pair);
    if (k !== undefined) keys.add(k);
  }
  return keys;
}

function keyCompletions(ctx: Ctx, mapPath: Path): Completion[] {
  const present = ctx.existingKeys(mapPath);
  // While the document does not parse, the parse may have lost the map: read its keys from the lines.
  for (const key of blockSiblingKeys(ctx.source, ctx.loc.word.start)) present.add(key);
  // The key being typed is in the parse already (`ow` with no colon yet): it does not count as present.
  if (ctx.loc.prefix) present.delete(ctx.loc.prefix);
  if (ctx.loc.node && ctx.loc.on === 'key') present.delete(ctx.source.slice(ctx.loc.node.start, ctx.loc.node.end));
  const extra = ctx.column - ctx.lineIndent;
  return allowedKeys(mapPath)
    .filter((k) => !present.has(k.key))
    .map((k, i) => keyCompletion(ctx, k, extra, i));
}

/**
 * The keys written at the same column as a key typed at `offset`, in the same block: up to the
 * line that opens the block (or the `- ` of the item it belongs to) and down to the next one.
 * Only for a key that starts its line (or follows `- `): keys inside `{ }` are the parse's to tell.
 */
function blockSiblingKeys(source: string, offset: number): string[] {
  const lineStart = lineStartOf(source, offset);
  const head = source.slice(lineStart, offset);
  if (!/^\s*(-\s+)?$/.test(head)) return [];
  const column = head.length;
  const keys: string[] = [];
  const visit = (line: string): 'stop' | 'item' | undefined => {
    if (line.trim() === '' || line.trim().startsWith('#')) return undefined;
    const m = /^(\s*)(-\s+)?([^\s#:{}[\],"'-][^:#]*?)\s*:(\s|$)/.exec(line);
    const indent = line.length - line.trimStart().length;
    if (m && indent + (m[2]?.length ?? 0) === column) {
      keys.push(m[3]);
      return m[2] ? 'item' : undefined;
    }
    if (line.trimStart().startsWith('-') && indent + 2 === column) return 'item';
    return indent < column ? 'stop' : undefined;
  };
  // The `- ` of the typed line's own item starts the block.
  if (!/-\s+$/.test(head)) {
    for (const line of linesAbove(source, lineStart)) if (visit(line)) break;
  }
  for (const line of linesBelow(source, offset)) {
    if (line.trimStart().startsWith('-') && line.length - line.trimStart().length + 2 === column) break;
    if (visit(line) === 'stop') break;
  }
  return keys;
}

/** The lines before the one starting at `lineStart`, nearest first (read as far as asked, not the whole text). */
function* linesAbove(source: string, lineStart: number): Generator<string> {
  let start = lineStart;
  while (start > 0) {
    const end = start - (source[start - 1] === '\n' && source[start - 2] === '\r' ? 2 : 1);
    start = lineStartOf(source, end);
    yield source.slice(start, end);
  }
}

/** The lines after the one holding `offset`, in order. */
function* linesBelow(source: string, offset: number): Generator<string> {
  let end = lineEndOf(source, offset);
  while (end < source.length) {
    const start = end + (source[end] === '\r' && source[end + 1] === '\n' ? 2 : 1);
    end = lineEndOf(source, start);
    yield source.slice(start, end);
  }
}

function keyCompletion(ctx: Ctx, info: KeyInfo, extra: number, order: number): Completion {
  const base: Omit<Completion, 'insertText' | 'snippet'> = {
    label: info.key,
    kind: 'property',
    detail: info.schema.title ?? typeName(info.schema),
    documentation: info.description,
    range: ctx.range,
    // Required keys first, then schema order.
    sortText: `${info.required ? '0' : '1'}${String(order).padStart(3, '0')}`,
  };
  if (ctx.loc.hasColon) return { ...base, insertText: info.key, snippet: false };
  const { insertText, snippet, retrigger } = keyInsert(ctx, info, extra);
  return { ...base, insertText, snippet, ...(retrigger ? { retrigger } : {}) };
}

/** What typing a key inserts: `key: ` for a scalar, a choice for an enum, a first item for a list of items. */
function keyInsert(ctx: Ctx, info: KeyInfo, extra: number): { insertText: string; snippet: boolean; retrigger?: boolean } {
  const path = [...ctx.loc.mapPath, info.key];
  const node = info.schema;
  const values = enumValues(path);
  if (values.length > 1 && !isArray(node)) return { insertText: `${info.key}: \${1|${values.join(',')}|}`, snippet: true };
  if (isArray(node)) {
    const items = resolve(node.items);
    const item = snippetFor(info.key);
    if (item && isObject(items)) {
      const body = item.body(ctx.snippets);
      const lines = [`${info.key}:`, `  - ${body[0]}`, ...body.slice(1).map((l) => `    ${l}`)];
      return { insertText: indentSnippet(lines, ctx.style, extra), snippet: true };
    }
    if (isObject(items)) return { insertText: indentSnippet([`${info.key}:`, '  - $0'], ctx.style, extra), snippet: true };
    return { insertText: `${info.key}: [$1]`, snippet: true, retrigger: referenceField(path) !== undefined };
  }
  if (isObject(node)) return { insertText: indentSnippet([`${info.key}:`, '  $0'], ctx.style, extra), snippet: true, retrigger: true };
  return { insertText: `${info.key}: `, snippet: false, retrigger: referenceField(path) !== undefined || values.length > 0 };
}

/** At `- |` in a list of maps: a whole item (snippet), or the item's first key. */
function itemCompletions(ctx: Ctx, itemPath: Path): Completion[] {
  const list = itemPath[itemPath.length - 2];
  const lead = leadOf(ctx);
  // Lines after the first line up with the item's first key (after its dash).
  const extra = ctx.column - ctx.lineIndent + lead.length;
  const out: Completion[] = [];
  const item = typeof list === 'string' ? snippetFor(list) : undefined;
  if (item) {
    out.push({
      label: `New ${item.label}`,
      kind: 'snippet',
      detail: item.description,
      insertText: lead + indentSnippet(item.body(ctx.snippets), ctx.style, extra),
      snippet: true,
      range: ctx.range,
      sortText: '0',
    });
  }
  allowedKeys(itemPath).forEach((k, i) => {
    const c = keyCompletion({ ...ctx, loc: { ...ctx.loc, mapPath: itemPath } }, k, extra, i);
    out.push({ ...c, insertText: lead + c.insertText });
  });
  return out;
}

function valueCompletions(ctx: Ctx, path: Path, node: SchemaNode | undefined): Completion[] {
  const out: Completion[] = [];
  const lead = leadOf(ctx);
  const ref = referenceField(path);
  if (ref) {
    const model = modelOf(ctx.doc);
    const current = ctx.loc.prefix;
    // Ids already in the same list are not offered again.
    const siblings = new Set(ref.list ? [] : siblingValues(ctx.doc, path));
    for (const kind of ref.kinds) {
      for (const [id, d] of model.byKind(kind)) {
        if (siblings.has(id) && id !== current) continue;
        const name = text(d.item.name) ?? text(d.item.title) ?? text(d.item.statement) ?? text(d.item.description);
        out.push({
          label: id,
          kind: 'reference',
          detail: name ? `${name} (${KIND_LABEL[kind]})` : KIND_LABEL[kind],
          insertText: lead + (ref.list ? `[${id}]` : id),
          snippet: false,
          range: ctx.range,
        });
      }
    }
    for (const word of ref.allow) out.push({ label: word, kind: 'reference', detail: 'every unit', insertText: lead + (ref.list ? `[${word}]` : word), snippet: false, range: ctx.range });
    return out;
  }
  for (const value of enumValues(path)) {
    out.push({ label: value, kind: 'enum', detail: node?.title, documentation: node?.description, insertText: lead + value, snippet: false, range: ctx.range });
  }
  if (node && out.length === 0) {
    if (node.format === 'date') {
      out.push({ label: ctx.snippets.today, kind: 'value', detail: 'today', insertText: lead + ctx.snippets.today, snippet: false, range: ctx.range });
    } else if (node.pattern && node.title !== 'Id' && node.examples) {
      for (const example of node.examples) {
        out.push({ label: String(example), kind: 'value', detail: node.title, documentation: node.description, insertText: lead + String(example), snippet: false, range: ctx.range });
      }
    }
  }
  return out;
}

/**
 * What goes before an inserted value or item: `- ` where a new list item has no dash yet, and a
 * space right after a `:` or a `-` just typed (the trigger characters), which YAML needs there.
 */
function leadOf(ctx: Ctx): string {
  if (ctx.loc.needsDash) return '- ';
  const before = ctx.source[ctx.loc.word.start - 1];
  return before === ':' || (before === '-' && ctx.loc.listItem) ? ' ' : '';
}

/** The other values of the list a list item belongs to. */
function siblingValues(doc: Rec, path: Path): string[] {
  if (typeof path[path.length - 1] !== 'number') return [];
  const list = valueAt(doc, path.slice(0, -1));
  return Array.isArray(list) ? list.map((v) => text(v)).filter((v): v is string => v !== undefined) : [];
}

function typeName(node: SchemaNode): string | undefined {
  if (isArray(node)) return 'list';
  if (isObject(node)) return 'map';
  return Array.isArray(node.type) ? node.type.join(' or ') : node.type;
}
