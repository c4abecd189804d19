// Property definitions shared by the fixed-seed run in `npm test` and `npm run fuzz`.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseChunked, ParseCache } from '../../server/src/engine/chunks';
import { lint } from '../../server/src/engine/lint';
import { forgetRecentParses } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/positions';
import type { LintResult, Range } from '../../server/src/engine/types';

const TODAY = '2027-03-15';
const ids = fc.constantFrom('hugo', 'sara', 'claire', 'leo', 'sales', 'marketing', 'obj-a', 'obj-b', 't-a', 't-b', 'kpi-a', 'ga4', 'nobody');
const dates = fc.constantFrom('2026-12-31', '2027-01-04', '2027-03-01', '2027-06-30', '2027-12-17', '2028-02-30', 'soon');
const words = fc.constantFrom('Improve', 'Move 30% of reorders online', 'Boost', 'Leverage our brand', 'Open 12 salon accounts', '', '🚀 launch', 'x: y', '#tag', "it's");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const person = fc.record({ id: ids, name: words, level: maybe(fc.constantFrom('executive', 'manager', 'frontline', 'boss')), unit: maybe(ids) }, { requiredKeys: ['id'] });
const kpi = fc.record(
  {
    id: ids, name: words, type: maybe(fc.constantFrom('leading', 'lagging')), owner: maybe(ids), source: maybe(ids),
    cadence: maybe(fc.constantFrom('weekly', 'monthly', 'P2W', 'P1Y', 'often')), expected_lag: maybe(fc.constantFrom('P1M', 'P4M', 'x')),
    baseline: maybe(fc.record({ value: fc.integer({ min: -5, max: 500 }), as_of: dates })),
    target: maybe(fc.record({ value: fc.integer({ min: -5, max: 5000 }), by: dates }, { requiredKeys: [] })),
    current: maybe(fc.record({ value: fc.integer(), as_of: dates })),
  },
  { requiredKeys: ['id'] },
);
const step = fc.record({ title: words, owner: maybe(ids), due: maybe(dates) }, { requiredKeys: ['title'] });
const tactic = fc.record(
  {
    id: ids, title: words, owner: maybe(ids), kind: maybe(fc.constantFrom('rollout', 'experiment')), dimension: maybe(fc.constantFrom('operational', 'cultural')),
    start: maybe(dates), due: maybe(dates), depends_on: maybe(fc.array(ids, { maxLength: 3 })), affects: maybe(fc.array(ids, { maxLength: 2 })),
    steps: maybe(fc.array(step, { maxLength: 3 })),
    experiment: maybe(fc.record({ hypothesis: ids, metric: ids, duration: fc.constantFrom('P8W', 'P1W'), decision_rule: words }, { requiredKeys: [] })),
  },
  { requiredKeys: ['id'] },
);
const objective = fc.record(
  { id: ids, title: words, why: maybe(words), owner: maybe(ids), contributors: maybe(fc.array(ids, { maxLength: 3 })), confidence: maybe(fc.double({ min: -1, max: 2, noNaN: true })), kpis: maybe(fc.array(kpi, { maxLength: 3 })), tactics: maybe(fc.array(tactic, { maxLength: 3 })) },
  { requiredKeys: ['id'] },
);
export const strategyValue = fc.record(
  {
    stratlint: fc.constantFrom(1, 2, '1'),
    id: ids,
    title: words,
    owner: maybe(ids),
    status: maybe(fc.constantFrom('draft', 'active', 'done', 'archived')),
    horizon: maybe(fc.record({ start: dates, end: dates }, { requiredKeys: [] })),
    why: maybe(words),
    not_doing: maybe(fc.array(words, { maxLength: 2 })),
    people: maybe(fc.array(person, { maxLength: 4 })),
    units: maybe(fc.array(fc.record({ id: ids, name: words }), { maxLength: 2 })),
    stakeholders: maybe(fc.array(fc.record({ who: ids, stance: fc.constantFrom('skeptic', 'resistant', 'champion'), engagement: maybe(fc.record({ owner: ids, action: words, next: dates }, { requiredKeys: [] })) }, { requiredKeys: ['who'] }), { maxLength: 2 })),
    objectives: maybe(fc.array(objective, { maxLength: 3 })),
    risks: maybe(fc.array(fc.record({ id: ids, description: words, impact: fc.constantFrom('low', 'high'), contingency: maybe(words) }, { requiredKeys: ['id'] }), { maxLength: 2 })),
    reviews: maybe(fc.record({ cadence: fc.constantFrom('monthly', 'quarterly', 'P1W'), owner: ids, last: dates }, { requiredKeys: [] })),
    related_strategies: maybe(fc.array(fc.record({ ref: ids, relation: fc.constantFrom('supports', 'competes') }), { maxLength: 2 })),
    tools: maybe(fc.array(fc.record({ id: ids, name: words }), { maxLength: 2 })),
    bogus_key: maybe(words),
  },
  { requiredKeys: ['stratlint', 'id', 'title'] },
);

/** A strategy document as text, in one of the styles people write. */
export const strategyText = fc
  .tuple(strategyValue, fc.constantFrom(2, 4), fc.boolean(), fc.boolean())
  .map(([value, indent, flowItems, crlf]) => {
    const text = stringify(value, { indent, lineWidth: 0, collectionStyle: flowItems ? 'any' : 'block', flowCollectionPadding: true });
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicateLine'; line: number } | { kind: 'indent'; line: number; by: number };

const snippet = fc.constantFrom('a', ' ', '\n', '\t', ':', '- ', '#', '"', "'", '[', ']', '{', '}', '&x ', '*x', '---\n', '\u0000', '\ufffd', '🚀', '\r', '|\n', '  - id: t-z\n    title: Pasted\n', 'owner: ', 'kpis:\n  - id: k\n');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(snippet, fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    if (text.length === 0) return text;
    const at = e.at % text.length;
    return text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  if (e.kind === 'duplicateLine') lines.splice(i, 0, lines[i]);
  else lines[i] = e.by >= 0 ? ' '.repeat(e.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-e.by}}`), '');
  return lines.join('\n');
}

/** A document after a random sequence of keystroke-like edits. */
export const editedText = fc.tuple(strategyText, fc.array(edit, { maxLength: 8 })).map(([text, edits]) => edits.reduce(applyEdit, text));

export function rangeInside(text: string, range: Range): boolean {
  const lines = new LineIndex(text);
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && lines.lineStart(p.line) + p.character <= lines.lineEnd(p.line);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

/** The engine never throws, every range lies inside the document, and the result is deterministic. */
export function engineInvariant(text: string): void {
  let result: LintResult;
  try {
    result = lint(text, { today: TODAY });
  } catch (error) {
    throw new Error(`lint threw: ${(error as Error).stack}`);
  }
  for (const f of result.findings) {
    if (f.ruleId === 'internal-error') throw new Error(`a rule crashed: ${f.message}`);
    if (!rangeInside(text, f.range)) throw new Error(`${f.ruleId} range outside the document: ${JSON.stringify(f.range)}`);
  }
  forgetRecentParses();
  const again = lint(text, { today: TODAY });
  if (JSON.stringify(again) !== JSON.stringify(result)) throw new Error('non-deterministic result');
}

export const properties = {
  'generated documents': fc.property(strategyText, engineInvariant),
  'documents after random edits': fc.property(editedText, engineInvariant),
  'arbitrary text': fc.property(fc.string({ unit: 'binary', maxLength: 300 }), engineInvariant),
};

export const typing = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('x', ' ', '\n', ':', '- ', '#', '  - id: t-z\n    title: New\n', '\n  - { id: p9, name: Nine }', 'owner: hugo\n', '"', '[', '\r\n', '&a ', '*a') }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -2, max: 2 }) }),
  ),
  { minLength: 1, maxLength: 12 },
);

/** After every edit of a random sequence, linting with the document's parse cache equals a lint from scratch. */
export const incrementalProperty = fc.property(strategyText, typing, fc.boolean(), (start, sequence, cutFirst) => {
  const cache = new ParseCache(2);
  // A first parse reads the text whole and cuts it into pieces later; or the cache starts from a cut.
  if (cutFirst) parseChunked(start, cache);
  let text = start;
  for (let i = 0; i <= sequence.length; i++) {
    if (i > 0) text = applyEdit(text, sequence[i - 1]);
    const incremental = JSON.stringify(lint(text, { today: TODAY, parseCache: cache }));
    forgetRecentParses();
    const full = JSON.stringify(lint(text, { today: TODAY }));
    if (incremental !== full) throw new Error(`incremental differs from full after ${i} edits:\n${text}`);
  }
});
