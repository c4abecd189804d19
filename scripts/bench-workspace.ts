// Scale of the workspace index (issue 6): 200 documents of 500 lines each, written to a temporary
// folder, indexed, then one document edited and only the affected documents linted again.
//   node --import tsx scripts/bench-workspace.ts [documents] [lines] [--keep]   (--keep leaves the folder)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../server/src/engine/lint';
import { WorkspaceIndex } from '../server/src/engine/workspace';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const KEEP = process.argv.includes('--keep');
const DOCUMENTS = Number(args[0] ?? 200);
const LINES = Number(args[1] ?? 500);
const TODAY = '2027-03-15';

/**
 * A plausible strategy document of `lines` lines. As in an organisation where a few managers work
 * on several strategies: most people and KPI names belong to one document; two managers per
 * document come from a shared pool of 100 (each in about four documents); `claire` owns a tactic
 * in every 20th document (overloaded); every 10th document has a 'Cost to serve' KPI, aiming up or
 * down in turn (conflicting). Document 0, the one edited below, has all of these.
 */
function document(n: number, lines: number): string {
  const local = (k: number) => `p${n}-${k % 6}`;
  const managers = [`m${(n * 2) % 100}`, `m${(n * 2 + 1) % 100}`];
  const out = [
    'stratlint: 1',
    `id: strategy-${n}`,
    `title: Grow segment ${n} by 20% in 2027`,
    `owner: ${local(0)}`,
    `status: ${n % 5 === 0 ? 'draft' : 'active'}`,
    'horizon: { start: 2027-01-04, end: 2027-12-17 }',
    'why: >-',
    `  Segment ${n} reorders by phone every month; the web halves our cost per order.`,
    'not_doing: [marketplaces, TikTok ads]',
    'units:',
    '  - { id: marketing, name: Marketing }',
    '  - { id: sales, name: Sales }',
    'people:',
  ];
  for (let k = 0; k < 6; k++) out.push(`  - { id: ${local(k)}, name: Person ${n}-${k}, level: ${k % 3 === 0 ? 'manager' : 'frontline'}, unit: sales }`);
  for (const m of managers) out.push(`  - { id: ${m}, name: Manager ${m.slice(1)}, level: manager, unit: marketing }`);
  if (n % 20 === 0) out.push('  - { id: claire, name: Claire M., level: executive, unit: marketing }');
  out.push('related_strategies:', `  - { ref: strategy-${(n + 1) % DOCUMENTS}, relation: shares-resources }`);
  out.push('objectives:');
  // An objective takes 50 lines, the reviews 5; comments fill up to `lines`.
  for (let o = 0; out.length + 55 <= lines; o++) {
    const shared = o === 0 && n % 10 === 0;
    out.push(
      `  - id: obj-${o}`,
      `    title: Move ${10 + o}% of segment ${n} reorders online`,
      '    why: Sales reps gain time for new accounts',
      `    owner: ${local(o)}`,
      `    contributors: [${local(o + 1)}, ${local(o + 2)}]`,
      '    confidence: 0.6',
      '    kpis:',
      `      - id: kpi-${o}`,
      `        name: ${shared ? 'Cost to serve' : `Segment ${n} online orders ${o}`}`,
      '        type: leading',
      '        unit: orders/month',
      `        baseline: { value: ${30 + o}, as_of: 2026-12-31 }`,
      `        target: { value: ${shared && n % 20 === 10 ? 10 : 180 + o}, by: 2027-12-17 }`,
      `        owner: ${local(o + 1)}`,
      '        cadence: monthly',
      '        expected_lag: P2M',
      '    tactics:',
    );
    for (let t = 0; t < 3; t++) {
      const owner = t === 0 && o < 2 ? managers[o] : t === 0 && o === 2 && n % 20 === 0 ? 'claire' : local(o + t);
      out.push(
        `      - id: t-${o}-${t}`,
        `        title: Tactic ${t} of objective ${o}`,
        `        owner: ${owner}`,
        '        kind: rollout',
        '        dimension: operational',
        '        start: 2027-02-01',
        `        due: 2027-${String(4 + ((o + t) % 8)).padStart(2, '0')}-28`,
        '        affects: []',
        '        steps:',
        `          - { title: First step of ${t}, owner: ${owner}, due: 2027-03-01 }`,
        `          - { title: Second step of ${t}, owner: ${local(o + t + 1)}, due: 2027-03-31 }`,
      );
    }
  }
  out.push('reviews:', '  cadence: monthly', `  owner: ${local(0)}`, '  forum: Monthly strategy review', '  last: 2027-03-03');
  while (out.length < lines) out.push(`# note ${out.length}`);
  return out.join('\n') + '\n';
}

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`;
}

/** Wall time, and this process's CPU time (which other processes on a busy machine do not inflate). */
function timed(label: string, run: () => void): void {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  console.log(`${label} ${ms(start)} wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-bench-'));
try {
  const files: string[] = [];
  for (let n = 0; n < DOCUMENTS; n++) {
    const file = path.join(dir, `strategy-${n}.strategy.yaml`);
    fs.writeFileSync(file, document(n, LINES));
    files.push(file);
  }
  const lineCount = fs.readFileSync(files[0], 'utf8').split('\n').length - 1;
  console.log(`${DOCUMENTS} documents × ${lineCount} lines in ${dir}`);

  let texts: string[] = [];
  timed('read:                   ', () => (texts = files.map((f) => fs.readFileSync(f, 'utf8'))));

  const index = new WorkspaceIndex();
  timed(`index (set × ${DOCUMENTS}):   `, () => files.forEach((f, i) => index.set(pathToFileURL(f).href, texts[i])));
  timed('lint all with the index:', () => {
    for (const [i, f] of files.entries()) lint(texts[i], { today: TODAY, uri: pathToFileURL(f).href, workspace: index });
  });

  const relint = (label: string, text: string) => {
    const uri = pathToFileURL(files[0]).href;
    index.set(uri, texts[0]);
    const t0 = process.hrtime.bigint();
    const change = index.set(uri, text);
    const affected = index.affectedBy(change, { today: TODAY, maxTactics: 3 });
    const t1 = process.hrtime.bigint();
    lint(text, { today: TODAY, uri, workspace: index });
    for (const other of affected) lint(index.get(other)!.text, { today: TODAY, uri: other, workspace: index });
    console.log(`${label}: re-index ${((Number(t1 - t0)) / 1e6).toFixed(1)} ms, ${affected.length} other document(s) affected, re-lint of those + the edited one ${ms(t1)}`);
  };
  const original = texts[0];
  relint('edit a title (same lines)      ', original.replace('Move 10% of', 'Move 11% of'));
  relint('edit a tactic due date          ', original.replace(/due: 2027-04-28/, 'due: 2027-05-28'));
  relint('edit a due date of claire       ', original.replace(/(owner: claire\n(?:.*\n){3}\s*due: )2027-\d\d-28/, '$12027-12-01'));
  relint('insert a line near the top      ', original.replace('not_doing:', '# a new comment\nnot_doing:'));
  relint('rename the strategy id          ', original.replace('id: strategy-0', 'id: strategy-zero'));
} finally {
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
}
