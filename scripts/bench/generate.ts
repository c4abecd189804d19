// Deterministic generator of realistic strategy documents for the benchmark (`npm run bench`).
//
// A document of about `lines` lines (within ±2 %, in practice exact) with every section of the
// format: context, hypotheses, units, people, stakeholders, objectives with KPIs and tactics with
// steps (some tactics are experiments), processes, risks, reviews, communication, culture, related
// strategies and tools. It is valid against schemas/strategy.schema.json. A few deliberate flaws
// are sprinkled in at a fixed low rate, so that the rules have something to report: tactics and
// steps without an owner, objectives without KPIs, owners that are not in `people`.
//
// Same `lines` and `seed` → same text, byte for byte (a seeded PRNG, never Math.random).
//
// CLI: `node --import tsx scripts/bench/generate.ts [--sizes 1000,10000] [--out DIR]` writes
// DIR/size-<n>/bench-<n>.strategy.yaml (DIR: a new temp folder by default).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const DEFAULT_SEED = 20270315;

/** Rates of the deliberate flaws (per item of the kind named). */
export const FLAW_RATES = {
  tacticWithoutOwner: 0.03,
  stepWithoutOwner: 0.02,
  objectiveWithoutKpis: 0.05,
  unknownOwner: 0.01,
} as const;

export interface GeneratedDocument {
  text: string;
  lines: number;
  /** How many of each deliberate flaw the document holds. */
  flaws: Record<keyof typeof FLAW_RATES, number>;
  /** 0-based lines of the deliberate flaws (the line of the item or of the faulty value). */
  flawLines: number[];
}

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'claire', 'hugo', 'sara', 'leo', 'nina', 'omar', 'ines', 'paul', 'lena', 'yann', 'maria', 'tom', 'emma', 'karim',
  'julie', 'marc', 'anna', 'felix', 'chloe', 'noah', 'lucie', 'adam', 'zoe', 'samir', 'eva', 'jonas', 'alice', 'remi',
];
const DISPLAY = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const UNIT_NAMES = [
  'marketing', 'sales', 'support', 'logistics', 'finance', 'product', 'engineering', 'purchasing', 'legal', 'hr',
  'training', 'retail', 'partners', 'quality', 'data', 'design',
];
const CHANNELS = ['seo', 'ppc', 'social', 'content', 'email', 'events', 'partnerships', 'field-sales', 'referral', 'webinars'];
const VERBS = [
  'Launch', 'Build', 'Redesign', 'Test', 'Automate', 'Train', 'Publish', 'Negotiate', 'Migrate', 'Measure', 'Simplify',
  'Pilot', 'Document', 'Open', 'Upgrade', 'Review', 'Prepare', 'Run', 'Write', 'Set up',
];
const OBJECTS = [
  'B2B landing pages', 'a reorder reminder email', 'the salon price list', 'two ad groups for salon owners',
  'the onboarding checklist', 'a referral programme', 'the order confirmation flow', 'a trade fair stand',
  'the customer survey', 'product bundles for new salons', 'the returns process', 'a loyalty discount',
  'the sales playbook', 'a partner portal', 'the shipping rules', 'webinars for salon staff', 'the FAQ page',
  'a quarterly newsletter', 'the CRM pipeline', 'sample boxes for prospects', 'a chat widget', 'the invoice template',
];
const QUALIFIERS = [
  'for five salon needs', 'in the north region', 'with the sales team', 'before the spring campaign',
  'for top 20 salons', 'on mobile', 'with trade media', 'for new accounts', 'in three languages', 'for repeat buyers',
  'with the warehouse', 'for chains with 5+ chairs',
];
const OUTCOMES = [
  'Move 30% of salon reorders online', 'Cut the cost per order by a third', 'Win 60 new salon accounts',
  'Raise repeat purchase rate to 45%', 'Halve the time to first order', 'Grow average basket to 180 EUR',
  'Reach 900 organic B2B sessions a month', 'Bring support tickets per order under 0.05',
  'Sign 12 distribution partners', 'Lift net promoter score to 50',
];
const REASONS = [
  'Sales reps gain time for new accounts', 'Phone orders cost twice as much to handle',
  'Salons compare prices online before calling', 'Chains are consolidating and buy centrally',
  'Our margin depends on repeat orders', 'Competitors already offer self-service ordering',
];
const KPI_NAMES = [
  ['B2B orders placed online', 'orders/month'], ['Organic B2B sessions', 'sessions/month'], ['Cost per order', 'EUR'],
  ['Repeat purchase rate', '"%"'], ['New salon accounts', 'accounts/quarter'], ['Average basket', 'EUR'],
  ['Support tickets per order', 'tickets/order'], ['Newsletter click rate', '"%"'], ['Trial-to-order conversion', '"%"'],
  ['Active partner count', 'partners'],
] as const;
const TOOLS = [
  ['shopify', 'Shopify'], ['ga4', 'GA4'], ['hubspot', 'HubSpot'], ['zendesk', 'Zendesk'], ['looker', 'Looker Studio'],
  ['brevo', 'Brevo'], ['pipedrive', 'Pipedrive'], ['sheets', 'Google Sheets'], ['metabase', 'Metabase'], ['airtable', 'Airtable'],
];
const RISKS = [
  'Sales fears losing accounts to the web', 'The warehouse cannot absorb the peak in December',
  'A competitor cuts prices by 15%', 'Key staff leave during the migration', 'Ad costs rise faster than planned',
  'Salons distrust online payment', 'The shop platform changes its fees', 'Supplier delays on the organic range',
];
const MITIGATIONS = [
  'shared commission on web orders', 'temporary staff booked in October', 'bundle offers instead of discounts',
  'documented handover for every role', 'weekly bid caps reviewed by finance', 'invoice payment for known salons',
];
const CONTINGENCIES = [
  'keep phone ordering for top 20 salons', 'extend delivery times during the peak', 'pause paid campaigns',
  'call in the agency for three months', 'switch to the backup supplier',
];
const STATEMENTS = [
  'Salon owners search for organic salon products before buying', 'Salons reorder faster when reminded by email',
  'Price lists online reduce calls to sales', 'Trade fair visitors convert within three months',
  'Staff training increases product recommendations', 'Free samples lead to a first order',
];

const HORIZON_START = Date.UTC(2027, 0, 4);
const HORIZON_DAYS = 347; // 2027-01-04 .. 2027-12-17
const date = (day: number) => new Date(HORIZON_START + day * 86_400_000).toISOString().slice(0, 10);

interface Step { title: string; owner?: string; due: string }
interface Tactic { lines: string[]; steps: Step[] }

/** Generates one strategy document of about `lines` lines. */
export function generateStrategy(lines: number, seed = DEFAULT_SEED): GeneratedDocument {
  if (!Number.isInteger(lines) || lines < 300) throw new Error(`lines must be an integer ≥ 300 (got ${lines})`);
  const random = prng((seed ^ Math.imul(lines, 0x9e3779b1)) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;

  // --- Sizes: a handful of objectives that grow slowly; tactics fill most of the document.
  const unitCount = Math.max(4, Math.min(UNIT_NAMES.length, Math.round(lines / 600)));
  const personCount = Math.max(8, Math.round(lines / 45));
  const hypothesisCount = Math.max(2, Math.round(lines / 400));
  const stakeholderCount = Math.max(2, Math.round(lines / 350));
  const processCount = Math.max(2, Math.round(lines / 500));
  const riskCount = Math.max(2, Math.round(lines / 160));
  const toolCount = Math.min(TOOLS.length, 4 + Math.round(lines / 5000));
  const objectiveCount = Math.max(4, Math.round(Math.sqrt(lines) / 4));

  const units = UNIT_NAMES.slice(0, unitCount);
  const people = Array.from({ length: personCount }, (_, i) =>
    i < FIRST_NAMES.length ? FIRST_NAMES[i] : `${FIRST_NAMES[i % FIRST_NAMES.length]}-${Math.floor(i / FIRST_NAMES.length)}`,
  );
  const level = (i: number) => (i === 0 || i % 9 === 0 ? 'executive' : i % 4 === 1 || i % 4 === 2 ? 'manager' : 'frontline');
  const managers = people.filter((_, i) => level(i) === 'manager');
  const tools = TOOLS.slice(0, toolCount).map(([id]) => id);
  const hypotheses = Array.from({ length: hypothesisCount }, (_, i) => `h-${i + 1}`);
  const processes = Array.from({ length: processCount }, (_, i) => `proc-${i + 1}`);
  let ghost = 0;
  /** An owner id: a real person, or at the flaw rate someone nobody declared in `people`. */
  const owner = (pool: readonly string[] = people): string => (chance(FLAW_RATES.unknownOwner) ? `ghost-${++ghost}` : pick(pool));
  /** Tactic owners go round the people, so that nobody owns more than a few (owner-overload stays quiet). */
  let nextTacticOwner = 0;
  const tacticOwner = () => (chance(FLAW_RATES.unknownOwner) ? `ghost-${++ghost}` : people[nextTacticOwner++ % people.length]);
  const phrase = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}`;

  // --- Header, context, hypotheses, units, people, stakeholders.
  const head: string[] = [
    '# Generated by scripts/bench/generate.ts for the stratlint benchmark.',
    'stratlint: 1',
    `id: bench-${lines}`,
    `title: ${pick(OUTCOMES)} by the end of 2027`,
    `owner: ${people[0]}`,
    'status: active',
    `horizon: { start: ${date(0)}, end: ${date(HORIZON_DAYS)} }`,
    'why: >-',
    `  ${pick(REASONS)}; the web halves our cost per order and frees`,
    '  the sales team for new accounts.',
    'not_doing: [marketplaces, TikTok ads, own retail shops]',
    '',
    'context:                          # the internal and external environment',
    '  audiences: [independent hair salons with 1-5 chairs, small salon chains]',
    '  customers: 140 salons ordering by phone, 3,200 consumers online',
    '  strengths: [organic certified range, fast delivery in 48 hours]',
    '  weaknesses: [no B2B price list online, order handling by phone]',
    "  competitors: [Coiff'Pro, BeautyDirect]",
    '  market: [salon chains consolidating, rising ad costs]',
    '',
    'hypotheses:',
  ];
  for (const id of hypotheses) {
    head.push(
      `  - id: ${id}`,
      `    statement: ${pick(STATEMENTS)}`,
      `    evidence: [Search Console shows ${int(5, 40) / 10}k impressions/month]`,
      `    invalidated_if: fewer than ${int(2, 9) * 100} sessions/month by ${date(int(120, 200))}`,
    );
  }
  head.push('', 'units:                            # departments / business units');
  for (const id of units) head.push(`  - { id: ${id}, name: ${DISPLAY(id)} }`);
  head.push('people:');
  people.forEach((id, i) => {
    const name = `${DISPLAY(id.split('-')[0])} ${String.fromCharCode(65 + (i % 26))}.`;
    head.push(`  - { id: ${id}, name: ${name}, level: ${level(i)}, unit: ${units[i % units.length]} }`);
  });
  head.push('stakeholders:');
  for (let i = 0; i < stakeholderCount; i++) {
    head.push(
      `  - who: ${i % 2 === 0 ? units[i % units.length] : pick(people)}`,
      `    stance: ${pick(['champion', 'supporter', 'neutral', 'skeptic', 'resistant'])}`,
      `    influence: ${pick(['low', 'medium', 'high'])}`,
      `    engagement: { owner: ${owner(managers)}, action: ${pick(MITIGATIONS)}, next: ${date(int(110, 200))} }`,
    );
  }
  head.push('');

  // --- Everything after the objectives, rendered first so that the objectives can fill the rest.
  const tail: string[] = ['', 'processes:                        # business-as-usual procedures the strategy may disturb'];
  const processNames = ['Phone order handling', 'Invoicing', 'Returns', 'Stock planning', 'Customer onboarding'];
  processes.forEach((id, i) => tail.push(`  - { id: ${id}, name: ${pick(processNames)} ${i + 1}, owner: ${owner()} }`));
  tail.push('risks:');
  for (let i = 0; i < riskCount; i++) {
    tail.push(
      `  - id: r-${i + 1}`,
      `    description: ${pick(RISKS)}`,
      `    source: ${pick(['internal', 'external'])}`,
      `    likelihood: ${pick(['low', 'medium', 'high'])}`,
      `    impact: ${pick(['low', 'medium', 'high'])}`,
      `    mitigation: ${pick(MITIGATIONS)}`,
      `    contingency: ${pick(CONTINGENCIES)}`,
      `    owner: ${owner(managers)}`,
    );
  }
  tail.push(
    'reviews:',
    '  cadence: monthly',
    `  owner: ${people[0]}`,
    '  forum: Monthly strategy review',
    '  last: 2027-03-03',
    '  adapts: KPIs off track two reviews running trigger a re-plan of the tactic',
    'communication:',
    '  channels:',
    `    - { channel: service-meeting, audience: [${units.slice(0, 2).join(', ')}], cadence: biweekly, owner: ${managers[0]}, two_way: true }`,
    `    - { channel: internal-blog, audience: [all], cadence: monthly, owner: ${people[0]}, two_way: false }`,
    `    - { channel: town-hall, audience: [all], cadence: quarterly, owner: ${people[0]}, two_way: true }`,
    '  understanding_check: { method: pulse survey, target: 0.8, cadence: quarterly }',
    '  questions: "#strategy-b2b"',
    'culture:',
    '  shifts:',
    '    - { from: "phone is the relationship", to: "the web frees time for the relationship" }',
    '    - { from: "sales owns the customer", to: "every team serves the salon" }',
    'related_strategies:',
    '  - { ref: warehouse-move-2027, relation: shares-resources }   # supports | competes | shares-resources',
    '  - { ref: brand-refresh-2027, relation: supports }',
    'tools:',
  );
  TOOLS.slice(0, toolCount).forEach(([id, name], i) =>
    tail.push(i === 0 ? `  - { id: ${id}, name: ${name}, integrates_with: [${tools[1]}] }` : `  - { id: ${id}, name: ${name} }`),
  );

  // --- Objectives: a line budget each, filled with KPIs and tactics.
  interface Objective { head: string[]; tactics: Tactic[] }
  const objectives: Objective[] = [];
  const allTactics: Tactic[] = [];
  const tacticLines = (t: Tactic) => t.lines.length + 1 + t.steps.length;
  const objectiveLines = (o: Objective) => o.head.length + (o.tactics.length ? 1 : 0) + o.tactics.reduce((n, t) => n + tacticLines(t), 0);
  const perObjective = Math.floor((lines - head.length - tail.length - 1) / objectiveCount); // 1 for `objectives:`
  let tacticNo = 0;

  const makeTactic = (k: number, kpiIds: readonly string[], earlier: readonly string[]): Tactic => {
    const id = `t-${k}-${tacticNo + 1}`;
    const experiment = kpiIds.length > 1 && chance(0.15);
    const start = int(7, 200);
    const out: string[] = [`      - id: ${id}`, `        title: ${phrase()}`];
    if (!chance(FLAW_RATES.tacticWithoutOwner)) out.push(`        owner: ${tacticOwner()}`);
    const steps: Step[] = [];
    let day = start;
    for (let s = int(2, 6); s > 0; s--) {
      day += int(7, 35);
      steps.push({ title: phrase(), owner: chance(FLAW_RATES.stepWithoutOwner) ? undefined : owner(), due: date(Math.min(day, HORIZON_DAYS - 7)) });
    }
    out.push(
      `        channel: ${pick(CHANNELS)}`,
      `        kind: ${experiment ? 'experiment' : 'rollout'}`,
      `        dimension: ${pick(['operational', 'operational', 'cultural', 'capability'])}`,
      `        start: ${date(start)}`,
      `        due: ${date(Math.min(HORIZON_DAYS, day + int(0, 14)))}`,
    );
    if (earlier.length > 0 && chance(0.25)) out.push(`        depends_on: [${pick(earlier)}]`);
    out.push(chance(0.5) ? '        affects: []' : `        affects: [${pick(processes)}]`);
    if (experiment) {
      out.push(
        `        experiment: { hypothesis: ${pick(hypotheses)}, metric: ${kpiIds[kpiIds.length - 1]}, duration: P8W,`,
        `                      decision_rule: "scale if cost per order < ${int(20, 60)} EUR, else iterate once" }`,
      );
    }
    return { lines: out, steps };
  };

  for (let k = 1; k <= objectiveCount; k++) {
    const o: Objective = { head: [`  - id: obj-${k}`, `    title: ${pick(OUTCOMES)}`], tactics: [] };
    if (chance(0.3)) o.head.push('    why: >-', `      ${pick(REASONS)},`, '      and the teams involved agreed on it.');
    else o.head.push(`    why: ${pick(REASONS)}`);
    const contributors = [...new Set([pick(managers), pick(managers)])];
    o.head.push(
      `    owner: ${owner()}`,
      `    contributors: [${contributors.join(', ')}]`,
      `    units: [${units[k % units.length]}, ${units[(k + 1) % units.length]}]`,
      `    confidence: ${int(3, 8) / 10}`,
    );
    const kpiIds: string[] = [];
    if (!chance(FLAW_RATES.objectiveWithoutKpis)) {
      o.head.push('    kpis:');
      for (let j = 1, count = int(2, 3); j <= count; j++) {
        const [name, unit] = pick(KPI_NAMES);
        const baseline = int(10, 400);
        const id = `kpi-${k}-${j}`;
        kpiIds.push(id);
        o.head.push(
          `      - id: ${id}`,
          `        name: ${name}`,
          `        type: ${j === 1 ? 'lagging' : 'leading'}`,
          `        unit: ${unit}`,
          `        baseline: { value: ${baseline}, as_of: 2026-12-31 }`,
          `        target: { value: ${Math.round(baseline * (1.5 + random() * 3))}, by: ${date(int(250, HORIZON_DAYS))} }`,
          `        current: { value: ${Math.round(baseline * (1 + random() * 0.5))}, as_of: ${date(int(56, 66))} }`,
          `        owner: ${owner()}`,
          `        source: ${pick(tools)}`,
          `        cadence: ${j === 1 ? 'monthly' : 'biweekly'}`,
          `        expected_lag: ${j === 1 ? 'P3M' : 'P1M'}`,
        );
      }
    }
    let used = o.head.length + 1; // `tactics:`
    const earlier: string[] = [];
    for (;;) {
      const t = makeTactic(k, kpiIds, earlier);
      if (o.tactics.length > 0 && used + tacticLines(t) > perObjective) break;
      tacticNo++;
      o.tactics.push(t);
      allTactics.push(t);
      earlier.push(`t-${k}-${tacticNo}`);
      used += tacticLines(t);
    }
    objectives.push(o);
  }

  // Pad to the exact target with extra steps, spread over the tactics (a few per tactic at most).
  let total = head.length + 1 + objectives.reduce((n, o) => n + objectiveLines(o), 0) + tail.length;
  for (let i = 0; total < lines; i++, total++) {
    const t = allTactics[(i * 7) % allTactics.length];
    t.steps.push({ title: phrase(), owner: pick(people), due: t.steps[t.steps.length - 1].due });
  }

  const out = [...head, 'objectives:'];
  for (const o of objectives) {
    out.push(...o.head);
    if (o.tactics.length) out.push('    tactics:');
    for (const t of o.tactics) {
      out.push(...t.lines, '        steps:');
      for (const s of t.steps) {
        out.push(s.owner ? `          - { title: ${s.title}, owner: ${s.owner}, due: ${s.due} }` : `          - { title: ${s.title}, due: ${s.due} }`);
      }
    }
  }
  out.push(...tail);
  return { text: `${out.join('\n')}\n`, lines: out.length, ...findFlaws(out) };
}

/** The deliberate flaws of a generated document, found in its lines. */
function findFlaws(lines: readonly string[]): Pick<GeneratedDocument, 'flaws' | 'flawLines'> {
  const flaws = { tacticWithoutOwner: 0, stepWithoutOwner: 0, objectiveWithoutKpis: 0, unknownOwner: 0 };
  const flawLines: number[] = [];
  /** Whether the item starting at `start` (a `- id:` line at `indent`) has `key` among its own keys. */
  const itemHas = (start: number, indent: number, key: string) => {
    const own = `${' '.repeat(indent + 2)}${key}:`;
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i];
      const depth = line.length - line.trimStart().length;
      if (line.trim() !== '' && depth <= indent) return false;
      if (line.startsWith(own)) return true;
    }
    return false;
  };
  lines.forEach((line, i) => {
    if (line.includes(': ghost-')) {
      flaws.unknownOwner++;
      flawLines.push(i);
    } else if (line.startsWith('          - { title: ') && !line.includes(' owner: ')) {
      flaws.stepWithoutOwner++;
      flawLines.push(i);
    } else if (line.startsWith('      - id: t-') && !itemHas(i, 6, 'owner')) {
      flaws.tacticWithoutOwner++;
      flawLines.push(i);
    } else if (line.startsWith('  - id: obj-') && !itemHas(i, 2, 'kpis')) {
      flaws.objectiveWithoutKpis++;
      flawLines.push(i);
    }
  });
  return { flaws, flawLines };
}

/**
 * Writes `size-<n>/bench-<n>.strategy.yaml` for each size under `dir` (a new temp folder by default):
 * one folder each, so that a server indexing its workspace folder sees only the document measured.
 */
export function writeBenchDocuments(sizes: readonly number[], dir?: string, seed = DEFAULT_SEED): { dir: string; files: Map<number, string> } {
  const folder = dir ?? mkdtempSync(path.join(os.tmpdir(), 'stratlint-bench-'));
  const files = new Map<number, string>();
  for (const n of sizes) {
    mkdirSync(path.join(folder, `size-${n}`), { recursive: true });
    const file = path.join(folder, `size-${n}`, `bench-${n}.strategy.yaml`);
    writeFileSync(file, generateStrategy(n, seed).text);
    files.set(n, file);
  }
  return { dir: folder, files };
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000,10000,50000').split(',').map(Number);
  const { dir, files } = writeBenchDocuments(sizes, arg('--out'));
  for (const [n, file] of files) console.log(`${n}\t${file}`);
  console.log(`written to ${dir}`);
}
