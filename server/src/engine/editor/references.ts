// Which kinds of id a field refers to, asked of the document model itself rather than of a
// second table: a one-field skeleton document holding a probe at the path is run through
// `buildModel`, and the reference it reports says what the field points at. Completion
// needs this while the value is still empty, where the real document has no reference yet.
import { buildModel, type Definition, type DocumentModel, type IdKind, type Reference } from '../model';
import type { Path } from '../types';

const PROBE = 'stratlint-probe';

function skeleton(path: Path): Record<string, unknown> {
  let value: unknown = PROBE;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'number') {
      // Earlier items are empty maps: `records()` keeps list indexes, so the probe keeps its index.
      const list: unknown[] = Array.from({ length: segment }, () => ({}));
      list.push(value);
      value = list;
    } else value = { [segment]: value };
  }
  return value as Record<string, unknown>;
}

export interface ReferenceField {
  kinds: IdKind[];
  /** Extra accepted words (`all` for an audience). */
  allow: string[];
  /** Whether the field holds a list of ids (the path given was the list itself). */
  list: boolean;
}

/** What the value at `path` refers to, or undefined when it is not a reference field. */
export function referenceField(path: Path): ReferenceField | undefined {
  if (path.length === 0) return undefined;
  for (const [probePath, list] of [[path, false], [[...path, 0], true]] as const) {
    const found = buildModel(skeleton(probePath)).references.find((r) => r.id === PROBE && samePath(r.path, probePath));
    if (found) return { kinds: found.kinds, allow: found.allow ?? [], list };
  }
  return undefined;
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The definition a reference resolves to: the first of its kinds that defines the id. */
export function resolveReference(model: DocumentModel, ref: Reference): Definition | undefined {
  for (const kind of ref.kinds) {
    const d = model.byKind(kind).get(ref.id);
    if (d) return d;
  }
  return undefined;
}

/** The definition or reference whose id scalar sits at `path`. */
export function idAt(model: DocumentModel, path: Path): { definition?: Definition; reference?: Reference } | undefined {
  const definition = model.definitions.find((d) => samePath(d.path, path));
  if (definition) return { definition };
  const reference = model.references.find((r) => samePath(r.path, path));
  if (reference) return { reference, definition: resolveReference(model, reference) };
  return undefined;
}
