// The outline: the strategy, its objectives with their KPIs and tactics (and the tactics'
// steps), then the other lists of the document. Built from the parse tree, so ranges are exact
// and a document with a syntax error further down still has an outline above it.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyText } from '../positions';
import type { Parsed } from '../parse';
import type { OffsetRange, Range } from '../types';
import { parsedOf } from './document';

export type SymbolKind =
  | 'strategy' | 'section' | 'objective' | 'kpi' | 'tactic' | 'step' | 'person' | 'unit' | 'risk'
  | 'process' | 'hypothesis' | 'stakeholder' | 'reviews' | 'communication' | 'channel' | 'tool' | 'related';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole item. */
  range: Range;
  /** What to reveal and highlight: the item's id or title. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** The keys that name a list item, the first with a value winning, and those that detail it. */
const NAME_KEYS = ['id', 'title', 'name', 'who', 'channel', 'ref', 'from'];
const DETAIL_KEYS = ['title', 'name', 'statement', 'description', 'stance', 'relation'];

/** Lists shown as a section of the outline, with the kind of their items. */
const SECTIONS: [string, SymbolKind][] = [
  ['people', 'person'], ['units', 'unit'], ['stakeholders', 'stakeholder'], ['hypotheses', 'hypothesis'],
  ['risks', 'risk'], ['processes', 'process'], ['tools', 'tool'], ['related_strategies', 'related'],
];

export function documentSymbols(source: string): DocumentSymbol[] {
  const steps = symbolSteps(parsedOf(source));
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The outline of a parse, built a top-level list item at a time: the generator pauses after each
 * objective, person, risk… A large document's outline takes a while (50,000 lines: some 50 ms),
 * so the server builds it between edits, not in their way (lsp/features/document-symbols.ts).
 */
export function* symbolSteps(parsed: Parsed): Generator<void, DocumentSymbol[], void> {
  const source = parsed.text;
  const root = parsed.doc?.contents as Node | null | undefined;
  if (!isMap(root) || !root.range) return [];
  const range = (r: OffsetRange) => parsed.lines.range(r);

  const symbol = (kind: SymbolKind, node: Node, name: string, selection: OffsetRange, detail: string | undefined, children: DocumentSymbol[] = []): DocumentSymbol => ({
    name, kind, range: range(span(node)), selectionRange: range(selection), children, ...(detail ? { detail } : {}),
  });

  /** An item of a list: named by its id (or title), detailed by its title (or name). */
  const item = (kind: SymbolKind, node: Node, index: number, children: (pairs: Pairs) => DocumentSymbol[] = () => []): DocumentSymbol => {
    if (!isMap(node)) return symbol(kind, node, scalarText(node) ?? `#${index + 1}`, span(node), undefined);
    const pairs = pairsOf(node);
    const nameKey = NAME_KEYS.find((k) => scalarText(pairs.get(k)?.value as Node) !== undefined);
    const namePair = nameKey === undefined ? undefined : pairs.get(nameKey)!;
    const name = namePair ? scalarText(namePair.value as Node)! : `#${index + 1}`;
    const detailKey = DETAIL_KEYS.find((k) => k !== nameKey && pairs.has(k));
    const detail = detailKey ? scalarText(pairs.get(detailKey)!.value as Node) : undefined;
    const selection = namePair ? span(namePair.value as Node) : firstLine(node);
    return symbol(kind, node, name, selection, detail, children(pairs));
  };

  const list = (pairs: Pairs, key: string, kind: SymbolKind, children?: (pairs: Pairs) => DocumentSymbol[]): DocumentSymbol[] =>
    itemsAt(pairs, key).map((n, i) => item(kind, n, i, children));

  /** `list`, pausing after each item. */
  function* topList(pairs: Pairs, key: string, kind: SymbolKind, children?: (pairs: Pairs) => DocumentSymbol[]): Generator<void, DocumentSymbol[], void> {
    const out: DocumentSymbol[] = [];
    for (const n of itemsAt(pairs, key)) {
      out.push(item(kind, n, out.length, children));
      yield;
    }
    return out;
  }

  const steps = (tactic: Pairs) => list(tactic, 'steps', 'step');
  const objectiveChildren = (objective: Pairs) => [...list(objective, 'kpis', 'kpi'), ...list(objective, 'tactics', 'tactic', steps)];

  const top = pairsOf(root);
  const children: DocumentSymbol[] = yield* topList(top, 'objectives', 'objective', objectiveChildren);
  for (const [key, kind] of SECTIONS) {
    const pair = top.get(key);
    if (!pair || !isSeq(pair.value)) continue;
    const items = yield* topList(top, key, kind);
    children.push({ ...section(pair, key, range), children: items });
  }
  for (const key of ['reviews', 'communication'] as const) {
    const pair = top.get(key);
    if (!pair || !isMap(pair.value)) continue;
    const sub = key === 'communication' ? list(pairsOf(pair.value), 'channels', 'channel') : [];
    const detail = key === 'reviews' ? scalarText(pairsOf(pair.value).get('cadence')?.value as Node) : undefined;
    children.push({ ...section(pair, key, range), kind: key, children: sub, ...(detail ? { detail } : {}) });
  }

  const idPair = top.get('id');
  const titlePair = top.get('title');
  const name = scalarText(idPair?.value as Node) ?? scalarText(titlePair?.value as Node) ?? 'strategy';
  const selection = idPair?.value ? span(idPair.value as Node) : firstLine(root);
  return [{
    name,
    kind: 'strategy',
    range: range({ start: 0, end: source.length }),
    selectionRange: range(selection),
    children,
    ...(titlePair && idPair ? { detail: scalarText(titlePair.value as Node) } : {}),
  }];
}

function section(pair: Pair, key: string, range: (r: OffsetRange) => Range): DocumentSymbol {
  const k = pair.key as Node;
  const value = pair.value as Node;
  const keyRange = span(k);
  return {
    name: key,
    kind: 'section',
    range: range({ start: keyRange.start, end: span(value).end }),
    selectionRange: range(keyRange),
    children: [],
  };
}

/** A map's pairs by key, the first of each key (as a lookup of the key would find it). */
type Pairs = ReadonlyMap<string, Pair>;

function pairsOf(map: YAMLMap): Pairs {
  const pairs = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key !== undefined && !pairs.has(key)) pairs.set(key, pair);
  }
  return pairs;
}

/** The items of the list under `key`, or none when its value is not a list. */
function itemsAt(pairs: Pairs, key: string): Node[] {
  const value = pairs.get(key)?.value as Node | null | undefined;
  return isSeq(value) ? (value.items as Node[]) : [];
}

function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined || node.value === '') return undefined;
  return String(node.value);
}

function span(node: Node | null | undefined): OffsetRange {
  if (!node || !node.range) return { start: 0, end: 0 };
  return { start: node.range[0], end: node.range[1] };
}

function firstLine(node: Node): OffsetRange {
  const r = span(node);
  return { start: r.start, end: r.start };
}
