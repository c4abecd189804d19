// The workspace index: a summary of every strategy document of the lint set, for cross-file rules
// (FM11). Pure — the adapters feed it text: the CLI its files, the server the workspace folders and
// open documents. Each document is summarised on its own, so an edit re-summarises one document;
// `affectedBy` then says which other documents' cross-file findings may have changed.
import { parse, type Parsed } from './parse';
import { offsetsOf } from './positions';
import { parseDate } from './dates';
import { countsAsCurrent, EMPTY_SUMMARY, isOpenTactic, kpiDirection, kpiNameKey, personNameKey, summarise, type DocumentSummary } from './summary';
import type { IndexedDocument, Path, Range, Target, WorkspaceView } from './types';

/** What `set` and `delete` changed; hand it to `affectedBy`. Entries are immutable snapshots. */
export interface IndexChange {
  uri: string;
  before: IndexedDocument | undefined;
  after: IndexedDocument | undefined;
}

export interface AffectOptions {
  /** The date the rules run with (ISO). Without it every owned tactic counts as open, which lists more documents. */
  today?: string;
  /**
   * The smallest owner-overload maximum in force (3 unless configured). Without it (0) any change
   * to a shared owner's tactics lists the documents where that person owns open tactics.
   */
  maxTactics?: number;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// Facet keys: what a document shares with others. Two documents with a common facet key may
// change each other's cross-file findings; `ref:` keys are looked up but never compared.
const STRATEGY = 'strategy:';
const OWNER = 'owner:';
const KPI = 'kpi:';
const PERSON = 'person:';
const REF = 'ref:';

class Entry implements IndexedDocument {
  readonly summary: DocumentSummary;
  /** Facet key → a signature of everything other documents' findings read from this one under that key. */
  readonly facets: ReadonlyMap<string, string>;
  /** Facet keys plus the lookup-only ones (`ref:`). */
  readonly keys: readonly string[];
  /**
   * Ranges of the places other documents point at (strategy id, tactic owners and ids, KPI names,
   * person ids and names, related refs), taken while the text was parsed anyway. Other paths
   * parse the text again on demand.
   */
  private readonly anchors: ReadonlyMap<string, Range>;

  constructor(
    readonly uri: string,
    readonly text: string,
    parsed: Parsed,
  ) {
    this.summary = parsed.value && parsed.doc ? summarise(parsed.value) : EMPTY_SUMMARY;
    this.anchors = parsed.value && parsed.doc ? anchorsOf(this.summary, parsed) : new Map();
    this.facets = facetsOf(this);
    this.keys = [...this.facets.keys(), ...new Set(this.summary.related.map((r) => REF + r.ref))];
  }

  rangeOf(path: Path, target: Target = 'value'): Range {
    return this.anchors.get(anchorKey(path, target)) ?? rangeByParsing(this, path, target);
  }
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  /** Facet or lookup key → uris of the documents having it. */
  private readonly byKey = new Map<string, Set<string>>();
  private changes = 0;

  /** Counts the changes to the index, so results computed against it can be reused until the next one. */
  get revision(): number {
    return this.changes;
  }

  /** Adds or replaces a document. Text equal to the indexed one changes nothing (before === after). */
  set(uri: string, text: string): IndexChange {
    const before = this.entries.get(uri);
    if (before && before.text === text) return { uri, before, after: before };
    const after = new Entry(uri, text, parse(text));
    if (before) this.unlink(before);
    this.entries.set(uri, after);
    this.link(after);
    this.changes++;
    return { uri, before, after };
  }

  /** Removes a document (deleted, or no longer a strategy document). */
  delete(uri: string): IndexChange {
    const before = this.entries.get(uri);
    if (before) {
      this.unlink(before);
      this.entries.delete(uri);
      this.changes++;
    }
    return { uri, before, after: undefined };
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  get(uri: string): IndexedDocument | undefined {
    return this.entries.get(uri);
  }

  documents(): IterableIterator<IndexedDocument> {
    return this.entries.values();
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  byStrategyId(id: string): IndexedDocument[] {
    return this.lookup(STRATEGY + id);
  }

  byTacticOwner(personId: string): IndexedDocument[] {
    return this.lookup(OWNER + personId);
  }

  byKpiName(name: string): IndexedDocument[] {
    return this.lookup(KPI + kpiNameKey(name));
  }

  byPersonId(personId: string): IndexedDocument[] {
    return this.lookup(PERSON + personId);
  }

  /** Documents whose `related_strategies` name this strategy id (go to definition's reverse: find references). */
  referencing(strategyId: string): IndexedDocument[] {
    return this.lookup(REF + strategyId);
  }

  /**
   * The other indexed documents whose cross-file findings may differ after `change` (call it right
   * after `set`/`delete`, with the index as it now is). The changed document itself is not listed:
   * it is re-linted anyway. A document is listed when, before or after the change, it shares with
   * the changed one
   * - a person who owns open tactics in both and is over `maxTactics` in total (owner-overload:
   *   count, messages and the related locations pointing into the changed document);
   * - a KPI name whose directions oppose (conflicting-kpi), or a person id whose names differ
   *   (person-conflict);
   * - its strategy id, as a reference, when that id appeared or went; an unresolved reference,
   *   whose did-you-mean may change, lists it too (unknown-strategy).
   * Only facts that changed count: an edit that moves no line and touches none of them lists nobody.
   */
  affectedBy(change: IndexChange, options: AffectOptions = {}): string[] {
    const { uri } = change;
    const before = change.before as Entry | undefined;
    const after = change.after as Entry | undefined;
    if (before === after) return [];
    const today = options.today === undefined ? undefined : parseDate(options.today);
    const max = options.maxTactics ?? 0;
    const affected = new Set<string>();
    const others = (key: string) => this.lookup(key).filter((d) => d.uri !== uri);
    let strategyChanged = false;
    for (const key of new Set([...(before?.facets.keys() ?? []), ...(after?.facets.keys() ?? [])])) {
      if (before?.facets.get(key) === after?.facets.get(key)) continue;
      const value = key.slice(key.indexOf(':') + 1);
      if (key.startsWith(STRATEGY)) {
        strategyChanged = true;
        for (const d of others(REF + value)) affected.add(d.uri);
      } else if (key.startsWith(OWNER)) {
        const open = (e: Entry | undefined) => (e && countsAsCurrent(e.summary) ? e.summary.tactics.filter((t) => t.owner === value && isOpenTactic(t, today)) : []);
        const candidates = others(key).filter((d) => open(d).length > 0);
        const rest = candidates.reduce((n, d) => n + open(d).length, 0);
        const [was, is] = [open(before), open(after)];
        if (was.length === 0 && is.length === 0) continue;
        if (rest + was.length <= max && rest + is.length <= max) continue;
        for (const d of candidates) affected.add(d.uri);
      } else if (key.startsWith(KPI)) {
        const aims = (e: Entry | undefined) => new Set(e?.summary.kpis.filter((k) => k.name !== undefined && kpiNameKey(k.name) === value).map(kpiDirection));
        const opposed = new Set([...aims(before), ...aims(after)].map((d) => (d === 'up' ? 'down' : d === 'down' ? 'up' : undefined)));
        for (const d of others(key)) if ([...aims(d)].some((a) => a !== undefined && opposed.has(a))) affected.add(d.uri);
      } else if (key.startsWith(PERSON)) {
        const names = (e: Entry | undefined) => new Set(e?.summary.people.filter((p) => p.id === value && p.name !== undefined).map((p) => personNameKey(p.name!)));
        const theirs = new Set([...names(before), ...names(after)]);
        for (const d of others(key)) if ([...names(d)].some((n) => theirs.size > (theirs.has(n) ? 1 : 0))) affected.add(d.uri);
      }
    }
    if (strategyChanged) {
      for (const entry of this.entries.values()) {
        if (entry.uri !== uri && entry.summary.related.some((r) => !this.byKey.has(STRATEGY + r.ref))) affected.add(entry.uri);
      }
    }
    return [...affected].sort();
  }

  private lookup(key: string): Entry[] {
    const uris = this.byKey.get(key);
    return uris ? [...uris].map((u) => this.entries.get(u)!) : [];
  }

  private link(entry: Entry): void {
    for (const key of entry.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(entry.uri);
    }
  }

  private unlink(entry: Entry): void {
    for (const key of entry.keys) {
      const set = this.byKey.get(key);
      set?.delete(entry.uri);
      if (set?.size === 0) this.byKey.delete(key);
    }
  }
}

/** Values computed from a workspace, kept while its revision stays the same (see `perRevision`). */
const memos = new WeakMap<WorkspaceView, { revision: number; values: Map<string, unknown> }>();

/**
 * `compute()`, or what it returned for the same key since the workspace last changed. Cross-file
 * rules gather what every document says of one person or KPI once per revision, instead of once
 * per document linted: linting all M documents that share a person then reads the others M times,
 * not M² times. A view without a revision is never memoised. `compute` must read nothing but the
 * workspace and what the key names.
 */
export function perRevision<T>(workspace: WorkspaceView, key: string, compute: () => T): T {
  const { revision } = workspace;
  if (revision === undefined) return compute();
  let memo = memos.get(workspace);
  if (memo?.revision !== revision) memos.set(workspace, (memo = { revision, values: new Map() }));
  if (memo.values.has(key)) return memo.values.get(key) as T;
  const value = compute();
  memo.values.set(key, value);
  return value;
}

/** The documents in uri order (the order cross-file findings list them in). */
export function byUri<T extends Pick<IndexedDocument, 'uri'>>(documents: Iterable<T>): T[] {
  return [...documents].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** An item of an indexed document, numbered in the order `gather` met it. */
export interface Sighting<T> {
  doc: IndexedDocument;
  item: T;
  order: number;
}

/**
 * The items `items` picks from each of `documents`, in uri order and then in the document's order,
 * grouped by `group` (an item without a group is left out).
 */
export function gather<T>(documents: Iterable<IndexedDocument>, items: (doc: IndexedDocument) => Iterable<T>, group: (item: T) => string | undefined): Map<string, Sighting<T>[]> {
  const groups = new Map<string, Sighting<T>[]>();
  let order = 0;
  for (const doc of byUri(documents)) {
    for (const item of items(doc)) {
      const key = group(item);
      if (key === undefined) continue;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push({ doc, item, order: order++ });
    }
  }
  return groups;
}

/** The sightings of the groups `wanted` accepts, in `gather`'s order, less those of the document `here`. */
export function sightingsOf<T>(groups: ReadonlyMap<string, readonly Sighting<T>[]>, wanted: (group: string) => boolean, here: string | undefined): Sighting<T>[] {
  const out: Sighting<T>[] = [];
  for (const [group, list] of groups) {
    if (!wanted(group)) continue;
    for (const sighting of list) if (sighting.doc.uri !== here) out.push(sighting);
  }
  return out.sort((a, b) => a.order - b.order);
}

/** How messages name a document: its strategy id, else its file name. */
export function documentLabel(doc: Pick<IndexedDocument, 'uri' | 'summary'>): string {
  return doc.summary.id ?? fileName(doc.uri);
}

/** Strategies a message names before it only counts the rest. */
const NAMED_STRATEGIES = 5;

/**
 * "strategy 'a'", "strategies 'a', 'b'", or past five "strategies 'a', …, 'e' and 12 more": a
 * finding's message stays readable when a whole workspace disagrees with one document (related
 * information points at the places).
 */
export function strategiesNamed(labels: readonly string[]): string {
  const named = labels.slice(0, NAMED_STRATEGIES).map((l) => `'${l}'`).join(', ');
  const more = labels.length - NAMED_STRATEGIES;
  return `${labels.length === 1 ? 'strategy' : 'strategies'} ${named}${more > 0 ? ` and ${more} more` : ''}`;
}

function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function anchorKey(path: Path, target: Target): string {
  return `${target}|${path.join('\u0000')}`;
}

function anchorsOf(summary: DocumentSummary, parsed: Parsed): Map<string, Range> {
  const anchors = new Map<string, Range>();
  const doc = parsed.doc!;
  const at = (path: Path) => anchors.set(anchorKey(path, 'value'), parsed.lines.range(offsetsOf(doc, parsed.text, path)));
  if (summary.id !== undefined) at(['id']);
  for (const t of summary.tactics) {
    at([...t.path, 'id']);
    if (t.owner !== undefined) at([...t.path, 'owner']);
  }
  for (const k of summary.kpis) if (k.name !== undefined) at([...k.path, 'name']);
  for (const p of summary.people) {
    at([...p.path, 'id']);
    if (p.name !== undefined) at([...p.path, 'name']);
  }
  for (const r of summary.related) at(r.path);
  return anchors;
}

function facetsOf(entry: Entry): Map<string, string> {
  const { summary } = entry;
  const label = documentLabel(entry);
  const facets = new Map<string, string>();
  const group = <T>(items: readonly T[], key: (item: T) => string | undefined, facts: (item: T) => unknown[]) => {
    const groups = new Map<string, unknown[]>();
    for (const item of items) {
      const k = key(item);
      if (k === undefined) continue;
      let list = groups.get(k);
      if (!list) groups.set(k, (list = []));
      list.push(facts(item));
    }
    return groups;
  };
  if (summary.id !== undefined) facets.set(STRATEGY + summary.id, label);
  const owned = group(summary.tactics, (t) => t.owner, (t) => [t.id, t.due, t.path, entry.rangeOf([...t.path, 'owner'])]);
  for (const [person, tactics] of owned) facets.set(OWNER + person, JSON.stringify([label, summary.status, tactics]));
  const kpis = group(summary.kpis, (k) => (k.name === undefined ? undefined : kpiNameKey(k.name)), (k) => [k.id, k.name, k.baseline, k.target, entry.rangeOf([...k.path, 'name'])]);
  for (const [name, list] of kpis) facets.set(KPI + name, JSON.stringify([label, list]));
  const people = group(summary.people, (p) => p.id, (p) => [p.name, p.path, entry.rangeOf([...p.path, p.name === undefined ? 'id' : 'name'])]);
  for (const [id, list] of people) facets.set(PERSON + id, JSON.stringify([label, list]));
  return facets;
}

/** Paths no anchor covers (go to definition on an arbitrary place): parse again, keeping the last result. */
let lastParsed: { entry: Entry; parsed: Parsed } | undefined;

function rangeByParsing(entry: Entry, path: Path, target: Target): Range {
  if (lastParsed?.entry !== entry) lastParsed = { entry, parsed: parse(entry.text) };
  const { parsed } = lastParsed;
  if (!parsed.doc || !parsed.value) return ZERO;
  return parsed.lines.range(offsetsOf(parsed.doc, parsed.text, path, target));
}
