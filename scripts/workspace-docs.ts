// The strategy documents of the workspace benchmarks, generated: scripts/bench-workspace.ts (the
// workspace index in process) and scripts/bench-lsp-workspace.ts (over the protocol).

/**
 * A plausible strategy document of `lines` lines. As in an organisation where a few managers work
 * on several strategies: most people and KPI names belong to one document; two managers per
 * document come from a shared pool of 100 (each in about four documents); `claire` owns a tactic
 * in every 20th document (overloaded); every 10th document has a 'Cost to serve' KPI, aiming up or
 * down in turn (conflicting). Document 0, the one the benchmarks edit, has all of these. `n` is
 * the document's number in a workspace of `documents`; each names the next as a related strategy.
 */
export function workspaceDocument(n: number, lines: number, documents: number): string {
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
  out.push('related_strategies:', `  - { ref: strategy-${(n + 1) % documents}, relation: shares-resources }`);
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
