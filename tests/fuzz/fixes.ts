// Property: every fix offered on a flawed strategy document, applied on its own to the original
// text, leaves a document that parses, no longer has that finding, and keeps every comment and
// scalar the author wrote (the typo a did-you-mean fix replaces aside) at the same place in the
// structure, in the file's line endings. Documents are a complete strategy with random sections
// and fields removed, written in random styles: indentation 2 or 4, block or flow items, LF or
// CRLF, comments here and there.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { valueAt } from '../../server/src/engine/editor/document';
import { applyFix } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/engine/lint';
import { parse } from '../../server/src/engine/parse';
import type { Finding, Fix, Path } from '../../server/src/engine/types';
import { lostContent, replacedScalars } from '../preserve';

const TODAY = '2027-03-15';

/** A strategy with every countermeasure in place. */
function complete(): Record<string, unknown> {
  return {
    stratlint: 1,
    id: 'b2b-growth-2027',
    title: 'Make the e-shop the reorder channel for salons',
    owner: 'claire',
    status: 'active',
    horizon: { start: '2027-01-04', end: '2027-12-17' },
    why: 'Salons reorder every month by phone; the web halves our cost per order.',
    not_doing: ['marketplaces', 'TikTok ads'],
    context: { audiences: ['independent hair salons'], market: ['salon chains consolidating'] },
    hypotheses: [{ id: 'h-search', statement: 'Salon owners search before buying', evidence: ['1.9k impressions/month'], invalidated_if: 'sessions stay under 300/month by 2027-06-30' }],
    units: [{ id: 'marketing', name: 'Marketing' }, { id: 'sales', name: 'Sales' }],
    people: [
      { id: 'claire', name: 'Claire M.', level: 'executive', unit: 'marketing' },
      { id: 'hugo', name: 'Hugo R.', level: 'manager', unit: 'marketing' },
      { id: 'sara', name: 'Sara T.', level: 'manager', unit: 'sales' },
    ],
    stakeholders: [{ who: 'sales', stance: 'skeptic', influence: 'high', engagement: { owner: 'sara', action: 'commission on web orders', next: '2027-04-14' } }],
    objectives: [
      {
        id: 'obj-reorders',
        title: 'Move 30% of salon reorders online',
        why: 'Sales reps gain time for new accounts',
        owner: 'claire',
        contributors: ['hugo', 'sara'],
        units: ['marketing', 'sales'],
        confidence: 0.6,
        kpis: [
          {
            id: 'kpi-online-orders', name: 'B2B orders placed online', type: 'lagging', unit: 'orders/month',
            baseline: { value: 35, as_of: '2026-12-31' }, target: { value: 180, by: '2027-12-17' }, current: { value: 52, as_of: '2027-03-01' },
            owner: 'sara', source: 'shopify', cadence: 'monthly', expected_lag: 'P4M',
          },
          {
            id: 'kpi-b2b-sessions', name: 'Organic B2B sessions', type: 'leading', unit: 'sessions/month',
            baseline: { value: 120, as_of: '2026-12-31' }, target: { value: 900, by: '2027-09-30' }, current: { value: 310, as_of: '2027-03-08' },
            owner: 'hugo', source: 'ga4', cadence: 'biweekly', expected_lag: 'P1M',
          },
        ],
        tactics: [
          {
            id: 't-landing', title: 'B2B landing pages and 20 backlinks', owner: 'hugo', channel: 'seo', kind: 'rollout', dimension: 'cultural',
            start: '2027-01-13', due: '2027-06-30', affects: [],
            steps: [{ title: 'Keyword map for five salon needs', owner: 'hugo', due: '2027-01-31' }, { title: 'Write five landing pages', owner: 'hugo', due: '2027-02-28' }],
          },
          {
            id: 't-ppc', title: 'PPC test on salon owners', owner: 'hugo', channel: 'ppc', kind: 'experiment', dimension: 'operational',
            start: '2027-07-01', due: '2027-09-30', depends_on: ['t-landing'], affects: ['order-handling'],
            experiment: { hypothesis: 'h-search', metric: 'kpi-b2b-sessions', duration: 'P8W', decision_rule: 'scale if cost per order < 40 EUR' },
            steps: [{ title: 'Launch two ad groups', owner: 'hugo', due: '2027-07-15' }],
          },
        ],
      },
    ],
    processes: [{ id: 'order-handling', name: 'Phone order handling', owner: 'sara' }],
    risks: [{ id: 'r-cannibal', description: 'Sales fears losing accounts to the web', source: 'external', likelihood: 'high', impact: 'high', mitigation: 'shared commission', contingency: 'keep phone ordering for top 20 salons', owner: 'sara' }],
    reviews: { cadence: 'monthly', owner: 'claire', forum: 'Monthly strategy review', last: '2027-03-03', adapts: 'KPIs off track twice trigger a re-plan' },
    communication: {
      channels: [
        { channel: 'service-meeting', audience: ['sales'], cadence: 'biweekly', owner: 'sara', two_way: true },
        { channel: 'internal-blog', audience: ['all'], cadence: 'monthly', owner: 'claire', two_way: false },
      ],
      understanding_check: { method: 'pulse survey', target: 0.8, cadence: 'quarterly' },
      questions: '#strategy-b2b',
    },
    related_strategies: [{ ref: 'warehouse-move-2027', relation: 'shares-resources' }],
    tools: [{ id: 'shopify', name: 'Shopify', integrates_with: ['ga4'] }, { id: 'ga4', name: 'GA4' }],
  };
}

const O = ['objectives', 0];
const K = [...O, 'kpis', 0];
const T = [...O, 'tactics', 0];
const X = [...O, 'tactics', 1];
/** What an author may leave out: whole sections, fields of items, and the ingredients of the fixes (people, tools, horizon). */
const REMOVABLE: Path[] = [
  ['why'], ['not_doing'], ['owner'], ['horizon'], ['context'], ['context', 'market'], ['hypotheses'], ['hypotheses', 0, 'invalidated_if'],
  ['units'], ['people'], ['stakeholders'], ['stakeholders', 0, 'engagement'], ['stakeholders', 0, 'engagement', 'next'],
  [...O, 'why'], [...O, 'owner'], [...O, 'contributors'], [...O, 'confidence'], [...O, 'kpis'], [...O, 'tactics'],
  [...K, 'owner'], [...K, 'cadence'], [...K, 'expected_lag'], [...K, 'target'], [...K, 'baseline'], [...K, 'source'], [...K, 'type'], [...K, 'current'],
  [...O, 'kpis', 1, 'target', 'by'], [...O, 'kpis', 1, 'owner'],
  [...T, 'owner'], [...T, 'steps'], [...T, 'start'], [...T, 'due'], [...T, 'affects'], [...T, 'steps', 0, 'owner'], [...T, 'steps', 1, 'due'],
  [...X, 'owner'], [...X, 'experiment'], [...X, 'steps'], [...X, 'affects'],
  ['processes'], ['risks'], ['risks', 0, 'contingency'], ['risks', 0, 'source'],
  ['reviews'], ['reviews', 'cadence'], ['reviews', 'owner'],
  ['communication'], ['communication', 'channels'], ['communication', 'channels', 0, 'two_way'], ['communication', 'understanding_check'], ['communication', 'questions'],
  ['related_strategies'], ['tools'],
];

function remove(value: Record<string, unknown>, path: Path): void {
  const parent = valueAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string') delete (parent as Record<string, unknown>)[last];
}

interface Style {
  removed: boolean[];
  indent: 2 | 4;
  indentSeq: boolean;
  flowItems: number;
  crlf: boolean;
  comments: number;
  typos: boolean;
}

const COMMENTS = ['# owner to confirm', '# TODO: ask finance', '# see the offsite notes', '# from the board deck'];

/** The document in the given style: the seed decides which items go flow, which nodes get comments. */
function render(style: Style, seed: number): string {
  const value = complete();
  REMOVABLE.forEach((path, i) => {
    if (style.removed[i]) remove(value, path);
  });
  if (style.typos) {
    // Did-you-mean material: a misspelt key and a misspelt reference.
    const objective = (value.objectives as Record<string, unknown>[] | undefined)?.[0];
    if (objective && 'why' in objective) {
      objective.wy = objective.why;
      delete objective.why;
    }
    if (typeof value.owner === 'string') value.owner = 'clare';
  }
  const doc = new Document(value);
  let n = seed;
  const next = () => {
    n = (n * 1103515245 + 12345) % 2147483648;
    return n;
  };
  visit(doc, {
    Map(_, node) {
      if (node.items.every((p) => isScalar(p.value)) && next() % 100 < style.flowItems) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item)) && next() % 100 < style.flowItems) node.flow = true;
    },
    Pair(_, pair) {
      const v = pair.value as Node | null;
      if (next() % 100 >= style.comments) return;
      if (isScalar(v) && !(v as { flow?: boolean }).flow) v.comment = ` ${COMMENTS[next() % COMMENTS.length].slice(2)}`;
      else if ((isMap(v) || isSeq(v)) && !v.flow && isScalar(pair.key)) pair.key.commentBefore = ` ${COMMENTS[next() % COMMENTS.length].slice(2)}`;
    },
  });
  const text = doc.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0, flowCollectionPadding: true });
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const styles: fc.Arbitrary<[Style, number]> = fc.tuple(
  fc.record({
    removed: fc.array(fc.boolean(), { minLength: REMOVABLE.length, maxLength: REMOVABLE.length }),
    indent: fc.constantFrom(2 as const, 4 as const),
    indentSeq: fc.boolean(),
    flowItems: fc.constantFrom(0, 50, 100),
    crlf: fc.boolean(),
    comments: fc.constantFrom(0, 20, 60),
    typos: fc.boolean(),
  }),
  fc.nat({ max: 1_000_000 }),
);

/** Every scalar leaf of a plain value with its path (empty values left out: a fix may fill them). */
function leaves(value: unknown, path: Path = [], out: [Path, unknown][] = []): [Path, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else if (value !== null && value !== undefined && value !== '') out.push([path, value]);
  return out;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((s, i) => s === b[i]);
const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

function checkFix(text: string, crlf: boolean, before: [Path, unknown][], finding: Finding, fix: Fix): string | undefined {
  const label = `${finding.ruleId} at ${JSON.stringify(finding.path)}: "${fix.title}"`;
  const after = applyFix(text, fix);
  if (after === null) return `${label} could not be applied`;
  const result = lint(after, { today: TODAY });
  const syntax = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
  if (syntax.length > 0) return `${label} broke the YAML: ${syntax[0].message}\n${after}`;
  if (result.findings.some((f) => f.ruleId === finding.ruleId && samePath(f.path, finding.path))) {
    return `${label} left the finding in place\n${after}`;
  }
  const lost = lostContent(text, after, replacedScalars(text, [fix]));
  if (lost.length > 0) return `${label} lost ${JSON.stringify(lost)}\n${after}`;
  if (crlf && /(^|[^\r])\n/.test(after)) return `${label} wrote a bare LF into a CRLF file\n${after}`;
  // Nothing moved: every value the author wrote is still at its path, except what a replace or rename targets.
  const touched = fix.ops.filter((op) => op.op === 'replace' || op.op === 'renameKey').map((op) => op.path);
  const afterValue = parse(after).value;
  for (const [path, value] of before) {
    if (touched.some((t) => startsWith(path, t))) continue;
    if (valueAt(afterValue, path) !== value) return `${label} moved ${JSON.stringify(path)} (${String(value)})\n${after}`;
  }
  return undefined;
}

/** Counts the fixes the property checked, so a run can tell it checked more than nothing. */
export const fixStats = { checked: 0 };

/** Every fix offered on a generated flawed document parses, removes its finding and keeps the author's text. */
export const fixesProperty = fc.property(styles, ([style, seed]) => {
  const text = render(style, seed);
  const findings = lint(text, { today: TODAY }).findings;
  assert.deepEqual(findings.filter((f) => f.ruleId === 'yaml-syntax'), [], text);
  const before = leaves(parse(text).value);
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      const problem = checkFix(text, style.crlf, before, finding, fix);
      fixStats.checked++;
      if (problem) throw new Error(`${problem}\n--- original ---\n${text}`);
    }
  }
});
