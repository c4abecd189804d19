// Go to definition, find references and rename for the ids of one document, and links from
// `related_strategies[].ref` to the documents that define those strategies.
import { modelOf, records, text, type Definition, type DocumentModel, type Reference } from '../model';
import type { Parsed } from '../parse';
import { offsetsOf } from '../positions';
import type { OffsetRange, Path, Position, Range } from '../types';
import { offsetOf, parsedOf, valueOf, type RangeEdit } from './document';
import { locate } from './locate';
import { idAt, resolveReference } from './references';
import { ID_PATTERN } from './schema-nav';

/** The id under the cursor: its definition (when the document has one) and every place naming it. */
interface Target {
  id: string;
  definition?: Definition;
  /** Every reference to the same item (or, for an undefined id, to the same id of the same kinds). */
  references: Reference[];
  /** The scalar under the cursor. */
  at: OffsetRange;
}

function targetAt(parsed: Parsed, position: Position): Target | undefined {
  if (!parsed.doc) return undefined;
  const loc = locate(parsed, offsetOf(parsed, position));
  if (loc.on !== 'value' || !loc.node || loc.guessed) return undefined;
  const model = modelOf(valueOf(parsed));
  const found = idAt(model, loc.path);
  if (!found) return undefined;
  const definition = found.definition;
  const id = definition?.id ?? found.reference!.id;
  const references = definition
    ? model.referencesTo(id).filter((r) => resolveReference(model, r) === definition)
    : model.referencesTo(id).filter((r) => !resolveReference(model, r) && r.kinds.some((k) => found.reference!.kinds.includes(k)));
  return { id, ...(definition ? { definition } : {}), references, at: loc.node };
}

/** The id scalar at `path`, without the quotes around it. */
function idOffsets(parsed: Parsed, path: Path, id: string): OffsetRange {
  const r = offsetsOf(parsed.doc!, parsed.text, path);
  const i = parsed.text.slice(r.start, r.end).indexOf(id);
  return i < 0 ? r : { start: r.start + i, end: r.start + i + id.length };
}

/** Where the id under the cursor is defined, in the same document. */
export function definition(source: string, position: Position): Range | null {
  const parsed = parsedOf(source);
  const target = targetAt(parsed, position);
  if (!target?.definition) return null;
  return parsed.lines.range(idOffsets(parsed, target.definition.path, target.id));
}

/** Every place naming the id under the cursor, its definition first when asked for. */
export function references(source: string, position: Position, includeDeclaration = true): Range[] {
  const parsed = parsedOf(source);
  const target = targetAt(parsed, position);
  if (!target) return [];
  const paths = [...(includeDeclaration && target.definition ? [target.definition.path] : []), ...target.references.map((r) => r.path)];
  return paths.map((p) => parsed.lines.range(idOffsets(parsed, p, target.id)));
}

export type RenameCheck = { range: Range; placeholder: string } | { error: string };

/** Whether the thing under the cursor can be renamed, and the range the editor should select. */
export function prepareRename(source: string, position: Position): RenameCheck {
  const parsed = parsedOf(source);
  const target = targetAt(parsed, position);
  if (!target) return { error: 'Only ids (of people, units, objectives, KPIs, tactics, processes, risks, tools and hypotheses) can be renamed.' };
  const under = pathUnder(parsed, position, target);
  const at = under ? idOffsets(parsed, under, target.id) : target.at;
  return { range: parsed.lines.range(at), placeholder: target.id };
}

/** The path of the scalar under the cursor among the target's places. */
function pathUnder(parsed: Parsed, position: Position, target: Target): Path | undefined {
  const offset = offsetOf(parsed, position);
  const paths = [...(target.definition ? [target.definition.path] : []), ...target.references.map((r) => r.path)];
  return paths.find((p) => {
    const r = offsetsOf(parsed.doc!, parsed.text, p);
    return r.start <= offset && offset <= r.end;
  });
}

export type RenameResult = { edits: RangeEdit[] } | { error: string };

/** Edits renaming the id under the cursor everywhere in the document. */
export function rename(source: string, position: Position, newName: string): RenameResult {
  const parsed = parsedOf(source);
  const target = targetAt(parsed, position);
  if (!target) return { error: 'Only ids can be renamed.' };
  if (!ID_PATTERN.test(newName)) return { error: `'${newName}' is not a valid id: use letters and digits, words joined by single hyphens (kebab-case).` };
  const model: DocumentModel = modelOf(valueOf(parsed));
  if (newName !== target.id && target.definition) {
    const clash = model.definitions.find((d) => d.id === newName && d.kind === target.definition!.kind);
    if (clash) return { error: `'${newName}' is already the id of another ${clash.kind}.` };
  }
  const paths = [...(target.definition ? [target.definition.path] : []), ...target.references.map((r) => r.path)];
  return { edits: paths.map((p) => ({ range: parsed.lines.range(idOffsets(parsed, p, target.id)), newText: newName })) };
}

export interface DocumentLink {
  range: Range;
  target: string;
}

/** Links for `related_strategies[].ref` that `resolveRef` can turn into a document URI. */
export function documentLinks(source: string, resolveRef: (ref: string) => string | undefined): DocumentLink[] {
  const parsed = parsedOf(source);
  if (!parsed.doc) return [];
  const links: DocumentLink[] = [];
  for (const [item, i] of records(valueOf(parsed).related_strategies)) {
    const ref = text(item.ref);
    if (ref === undefined) continue;
    const target = resolveRef(ref);
    if (target) links.push({ range: parsed.lines.range(idOffsets(parsed, ['related_strategies', i, 'ref'], ref)), target });
  }
  return links;
}
