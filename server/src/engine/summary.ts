// The part of a strategy document that other documents can see: its id, status, people, units,
// tactics and KPIs, as paths. The workspace index keeps one per document, and cross-file rules
// compare the document being linted (summarised from its own text) with the others'.
import { parseDate } from './dates';
import { rememberFor, type Remembered } from './memo';
import { eachObjective, isRecord, records, text, type Rec } from './model';
import type { Path } from './types';

export interface PersonSummary { id: string; name?: string; path: Path }
export interface UnitSummary { id: string; name?: string; path: Path }
export interface TacticSummary { id?: string; owner?: string; due?: string; start?: string; path: Path }
export interface KpiSummary { id?: string; name?: string; baseline?: number; target?: number; path: Path }
export interface RelatedRefSummary { ref: string; relation?: string; path: Path }

export interface DocumentSummary {
  /** The strategy id (`id`), when the document has one. */
  id?: string;
  title?: string;
  /** As written; see `countsAsCurrent` for what a missing or unknown status means. */
  status?: string;
  people: PersonSummary[];
  units: UnitSummary[];
  /** Paths point at the tactic item. */
  tactics: TacticSummary[];
  /** Paths point at the KPI item. */
  kpis: KpiSummary[];
  /** `related_strategies[].ref`; paths point at the ref value. */
  related: RelatedRefSummary[];
}

export const EMPTY_SUMMARY: DocumentSummary = Object.freeze({ people: [], units: [], tactics: [], kpis: [], related: [] }) as DocumentSummary;

/** One pass over the plain value; shapes the schema rejects are skipped, as the rules skip them. */
export function summarise(doc: Rec): DocumentSummary {
  const summary: DocumentSummary = { people: [], units: [], tactics: [], kpis: [], related: [] };
  const id = text(doc.id);
  if (id !== undefined) summary.id = id;
  const title = text(doc.title);
  if (title !== undefined) summary.title = title;
  const status = text(doc.status);
  if (status !== undefined) summary.status = status;
  for (const [p, i] of records(doc.people)) {
    const pid = text(p.id);
    if (pid !== undefined) summary.people.push(optional({ id: pid, name: text(p.name), path: ['people', i] }));
  }
  for (const [u, i] of records(doc.units)) {
    const uid = text(u.id);
    if (uid !== undefined) summary.units.push(optional({ id: uid, name: text(u.name), path: ['units', i] }));
  }
  eachObjective(doc, (objective, path) => {
    const part = objectivePart(objective, path);
    for (const t of part.tactics) summary.tactics.push(t);
    for (const k of part.kpis) summary.kpis.push(k);
  });
  for (const [r, i] of records(doc.related_strategies)) {
    const ref = text(r.ref);
    if (ref !== undefined) summary.related.push(optional({ ref, relation: text(r.relation), path: ['related_strategies', i, 'ref'] }));
  }
  return summary;
}

/**
 * The tactics and KPIs of one objective, kept per objective: an edit leaves the other objectives'
 * objects as they were, and every edit of an open document is summarised again.
 */
const objectiveParts: Remembered<{ tactics: TacticSummary[]; kpis: KpiSummary[] }> = new WeakMap();

function objectivePart(objective: Rec, path: Path): { tactics: TacticSummary[]; kpis: KpiSummary[] } {
  return rememberFor(objectiveParts, objective, path, () => buildObjectivePart(objective, path));
}

function buildObjectivePart(objective: Rec, path: Path): { tactics: TacticSummary[]; kpis: KpiSummary[] } {
  const tactics: TacticSummary[] = [];
  const kpis: KpiSummary[] = [];
  for (const [t, j] of records(objective.tactics)) {
    tactics.push(optional({ id: text(t.id), owner: text(t.owner), due: text(t.due), start: text(t.start), path: [...path, 'tactics', j] }));
  }
  for (const [k, j] of records(objective.kpis)) {
    kpis.push(optional({ id: text(k.id), name: text(k.name), baseline: numberAt(k.baseline), target: numberAt(k.target), path: [...path, 'kpis', j] }));
  }
  return { tactics, kpis };
}

const cache: Remembered<DocumentSummary> = new WeakMap();

/** The summary of a parsed value, built once per value and shared by the rules. */
export function summaryOf(doc: Rec): DocumentSummary {
  return rememberFor(cache, doc, undefined, () => summarise(doc));
}

/**
 * Whether a strategy's tactics load its people: `active` and `draft` do (DESIGN §3), and so does a
 * document without a status — a strategy nobody marked as paused or done is taken as running.
 * `paused`, `done` and values the schema rejects do not.
 */
export function countsAsCurrent(summary: DocumentSummary): boolean {
  return summary.status === undefined || summary.status === 'active' || summary.status === 'draft';
}

/**
 * Whether a tactic is still on its owner's plate: its `due` is today or later, or it has no valid
 * `due` (tactic-schedule reports that). Without `today` every owned tactic counts.
 */
export function isOpenTactic(tactic: TacticSummary, today: number | undefined): boolean {
  if (tactic.owner === undefined) return false;
  if (today === undefined) return true;
  return !((parseDate(tactic.due) ?? Infinity) < today);
}

/** Which way a KPI's target moves from its baseline; undefined without both numbers, or when they are equal. */
export function kpiDirection(kpi: KpiSummary): 'up' | 'down' | undefined {
  if (kpi.baseline === undefined || kpi.target === undefined || kpi.baseline === kpi.target) return undefined;
  return kpi.target > kpi.baseline ? 'up' : 'down';
}

/** KPI names match trimmed, case-insensitively and with runs of spaces folded. */
export function kpiNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Person names differ only when more than case, spacing or Unicode normal form tells them apart. */
export function personNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function numberAt(value: unknown): number | undefined {
  if (!isRecord(value)) return undefined;
  return typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
}

/** Drops undefined fields, so summaries compare and serialise without noise. */
function optional<T extends object>(item: T): T {
  for (const key of Object.keys(item) as (keyof T)[]) if (item[key] === undefined) delete item[key];
  return item;
}
