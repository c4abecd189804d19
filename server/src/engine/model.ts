// The document's id definitions and references (DESIGN §2 "References"), as paths.
// Reference checks, duplicate ids, go to definition, find references and rename all read this one table.
import { rememberFor, type Remembered } from './memo';
import type { Path } from './types';

export type IdKind = 'person' | 'unit' | 'tool' | 'hypothesis' | 'kpi' | 'tactic' | 'process' | 'objective' | 'risk';

export interface Definition { kind: IdKind; id: string; path: Path; item: Record<string, unknown> }
export interface Reference {
  /** What the reference may point to; `who` accepts a unit or a person. */
  kinds: IdKind[];
  id: string;
  /** Path of the scalar holding the id. */
  path: Path;
  /** Extra accepted words, such as `all` for an audience. */
  allow?: string[];
  /** The id of the item holding the reference, when pointing at it would be a mistake (a tactic's own depends_on). */
  self?: string;
}

export interface DocumentModel {
  definitions: Definition[];
  references: Reference[];
  byKind(kind: IdKind): Map<string, Definition>;
  /** The references naming this id, in document order (looked up, not scanned: hovers and renames ask per id). */
  referencesTo(id: string): readonly Reference[];
}

export type Rec = Record<string, unknown>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const recordsCache = new WeakMap<unknown[], [Rec, number][]>();
const NONE: [Rec, number][] = [];

/**
 * Object items of a list with their index; anything else is skipped (the schema rule reports it).
 * Every rule walks the same lists, and lists of unchanged parts of a document keep their identity
 * across edits (incremental parsing), so the answer is remembered per list. Callers must not modify it.
 */
export function records(value: unknown): readonly [Rec, number][] {
  if (!Array.isArray(value)) return NONE;
  let out = recordsCache.get(value);
  if (!out) {
    out = [];
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      if (isRecord(item)) out.push([item, index]);
    }
    recordsCache.set(value, out);
  }
  return out;
}

/** A scalar as text (numbers and booleans too); undefined for missing, empty or structured values. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

interface ModelPart {
  definitions: Definition[];
  references: Reference[];
}

/**
 * The definitions and references inside one objective (its KPIs, tactics and steps), remembered
 * per objective: an edit leaves the other objectives' objects as they were.
 */
const objectiveParts: Remembered<ModelPart> = new WeakMap();

function objectivePart(o: Rec, i: number): ModelPart {
  return rememberFor(objectiveParts, o, i, () => buildObjectivePart(o, i));
}

function buildObjectivePart(o: Rec, i: number): ModelPart {
  const definitions: Definition[] = [];
  const references: Reference[] = [];
  const { define, ref, refs } = collectors(definitions, references);
  const base: Path = ['objectives', i];
  ref(['person'], o.owner, [...base, 'owner']);
  refs(['person'], o.contributors, [...base, 'contributors']);
  refs(['unit'], o.units, [...base, 'units']);
  define('kpi', o.kpis, [...base, 'kpis']);
  for (const [k, j] of records(o.kpis)) {
    ref(['person'], k.owner, [...base, 'kpis', j, 'owner']);
    ref(['tool'], k.source, [...base, 'kpis', j, 'source']);
  }
  define('tactic', o.tactics, [...base, 'tactics']);
  for (const [t, j] of records(o.tactics)) {
    const tb: Path = [...base, 'tactics', j];
    ref(['person'], t.owner, [...tb, 'owner']);
    const own = text(t.id);
    const before = references.length;
    refs(['tactic'], t.depends_on, [...tb, 'depends_on']);
    if (own !== undefined) for (let r = before; r < references.length; r++) references[r].self = own;
    refs(['process'], t.affects, [...tb, 'affects']);
    if (isRecord(t.experiment)) {
      ref(['hypothesis'], t.experiment.hypothesis, [...tb, 'experiment', 'hypothesis']);
      ref(['kpi'], t.experiment.metric, [...tb, 'experiment', 'metric']);
    }
    for (const [s, k] of records(t.steps)) ref(['person'], s.owner, [...tb, 'steps', k, 'owner']);
  }
  return { definitions, references };
}

function collectors(definitions: Definition[], references: Reference[]) {
  const define = (kind: IdKind, list: unknown, base: Path) => {
    for (const [item, i] of records(list)) {
      const id = text(item.id);
      if (id !== undefined) definitions.push({ kind, id, path: [...base, i, 'id'], item });
    }
  };
  const ref = (kinds: IdKind[], value: unknown, path: Path, allow?: string[]) => {
    const id = text(value);
    if (id !== undefined) references.push({ kinds, id, path, ...(allow ? { allow } : {}) });
  };
  const refs = (kinds: IdKind[], value: unknown, path: Path, allow?: string[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => ref(kinds, v, [...path, i], allow));
  };
  return { define, ref, refs };
}

export function buildModel(doc: Rec): DocumentModel {
  const definitions: Definition[] = [];
  const references: Reference[] = [];
  const { define, ref, refs } = collectors(definitions, references);

  define('hypothesis', doc.hypotheses, ['hypotheses']);
  define('unit', doc.units, ['units']);
  define('person', doc.people, ['people']);
  define('objective', doc.objectives, ['objectives']);
  define('process', doc.processes, ['processes']);
  define('risk', doc.risks, ['risks']);
  define('tool', doc.tools, ['tools']);

  ref(['person'], doc.owner, ['owner']);
  for (const [person, i] of records(doc.people)) ref(['unit'], person.unit, ['people', i, 'unit']);
  for (const [s, i] of records(doc.stakeholders)) {
    ref(['unit', 'person'], s.who, ['stakeholders', i, 'who']);
    if (isRecord(s.engagement)) ref(['person'], s.engagement.owner, ['stakeholders', i, 'engagement', 'owner']);
  }
  for (const [o, i] of records(doc.objectives)) {
    const part = objectivePart(o, i);
    for (const d of part.definitions) definitions.push(d);
    for (const r of part.references) references.push(r);
  }
  for (const [p, i] of records(doc.processes)) ref(['person'], p.owner, ['processes', i, 'owner']);
  for (const [r, i] of records(doc.risks)) ref(['person'], r.owner, ['risks', i, 'owner']);
  if (isRecord(doc.reviews)) ref(['person'], doc.reviews.owner, ['reviews', 'owner']);
  if (isRecord(doc.communication)) {
    for (const [c, i] of records(doc.communication.channels)) {
      ref(['person'], c.owner, ['communication', 'channels', i, 'owner']);
      refs(['unit'], c.audience, ['communication', 'channels', i, 'audience'], ['all']);
    }
  }
  for (const [t, i] of records(doc.tools)) refs(['tool'], t.integrates_with, ['tools', i, 'integrates_with']);

  const cache = new Map<IdKind, Map<string, Definition>>();
  let byId: Map<string, Reference[]> | undefined;
  return {
    definitions,
    references,
    referencesTo(id) {
      if (!byId) {
        byId = new Map();
        for (const r of references) {
          const list = byId.get(r.id);
          if (list) list.push(r);
          else byId.set(r.id, [r]);
        }
      }
      return byId.get(id) ?? [];
    },
    byKind(kind) {
      let map = cache.get(kind);
      if (!map) {
        map = new Map();
        for (const d of definitions) if (d.kind === kind && !map.has(d.id)) map.set(d.id, d);
        cache.set(kind, map);
      }
      return map;
    },
  };
}

const modelCache: Remembered<DocumentModel> = new WeakMap();

/** The model of a parsed value, built once per value and shared by the rules. */
export function modelOf(doc: Rec): DocumentModel {
  return rememberFor(modelCache, doc, undefined, () => buildModel(doc));
}

export const KIND_LABEL: Record<IdKind, string> = {
  person: 'person', unit: 'unit', tool: 'tool', hypothesis: 'hypothesis', kpi: 'KPI',
  tactic: 'tactic', process: 'process', objective: 'objective', risk: 'risk',
};

export const KIND_LIST: Record<IdKind, string> = {
  person: 'people', unit: 'units', tool: 'tools', hypothesis: 'hypotheses', kpi: 'KPIs',
  tactic: 'tactics', process: 'processes', objective: 'objectives', risk: 'risks',
};

/**
 * Paths are immutable, and every rule walks the same objectives, KPIs and tactics on every lint:
 * one array per position serves them all instead of a new one per rule and per keystroke.
 */
const objectivePaths: Path[] = [];
const nestedPaths = new Map<string, Path[][]>();

function objectivePath(i: number): Path {
  return (objectivePaths[i] ??= ['objectives', i]);
}

function nestedPath(key: 'kpis' | 'tactics', i: number, j: number): Path {
  let byObjective = nestedPaths.get(key);
  if (!byObjective) nestedPaths.set(key, (byObjective = []));
  const row = (byObjective[i] ??= []);
  return (row[j] ??= ['objectives', i, key, j]);
}

/** Visits each objective with its path. */
export function eachObjective(doc: Rec, visit: (objective: Rec, path: Path) => void): void {
  for (const [objective, i] of records(doc.objectives)) visit(objective, objectivePath(i));
}

/** Visits each KPI with its path and objective. */
export function eachKpi(doc: Rec, visit: (kpi: Rec, path: Path, objective: Rec) => void): void {
  for (const [objective, i] of records(doc.objectives)) {
    for (const [kpi, j] of records(objective.kpis)) visit(kpi, nestedPath('kpis', i, j), objective);
  }
}

/** Visits each tactic with its path and objective. */
export function eachTactic(doc: Rec, visit: (tactic: Rec, path: Path, objective: Rec) => void): void {
  for (const [objective, i] of records(doc.objectives)) {
    for (const [tactic, j] of records(objective.tactics)) visit(tactic, nestedPath('tactics', i, j), objective);
  }
}

/** Where a finding about a whole item goes: its `id` key, or the item itself when it has none. */
export function itemPath(item: Rec, path: Path): Path {
  return item.id !== undefined ? [...path, 'id'] : path;
}

/** A field left out or left empty: missing, `key:` with nothing, or only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The item's id for messages, or its position when it has none. */
export function label(item: Rec, index: number | string): string {
  return text(item.id) ?? `#${typeof index === 'number' ? index + 1 : index}`;
}

/** People offered as quick fixes at most; a menu of two hundred names helps nobody. */
export const MAX_PERSON_FIXES = 10;

/**
 * Fixes that set `key` on the map at `path` to a person: one per person of the document
 * ("Set owner to Hugo R."), the first MAX_PERSON_FIXES of them, or one placeholder when the
 * document lists nobody.
 */
export function personFixes(doc: Rec, path: Path, key = 'owner'): import('./types').Fix[] {
  const fixes: import('./types').Fix[] = [];
  for (const p of Array.isArray(doc.people) ? doc.people : []) {
    const id = isRecord(p) ? text(p.id) : undefined;
    if (id === undefined) continue;
    fixes.push({ title: `Set ${key} to ${text((p as Rec).name) ?? id}`, ops: [{ op: 'set', path, key, value: id }] });
    if (fixes.length === MAX_PERSON_FIXES) break;
  }
  if (fixes.length === 0) {
    return [{ title: `Add ${key}: owner-id (placeholder)`, ops: [{ op: 'set', path, key, value: 'owner-id' }] }];
  }
  return fixes;
}
