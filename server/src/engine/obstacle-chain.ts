// Obstacles reinforce each other. Findings whose failure modes are linked in the chain graph
// point at each other, and three or more linked modes firing together are named as one chain,
// from its root cause, so the author fixes the cause first.
import { FAILURE_MODE_TITLES, LEADS_TO } from './chains';
import type { FailureMode, Finding, RelatedInfo } from './types';

/** Related entries added to one finding at most, so a long list stays readable. */
const MAX_RELATED = 6;

function linked(a: FailureMode, b: FailureMode): boolean {
  return (LEADS_TO[a] ?? []).includes(b) || (LEADS_TO[b] ?? []).includes(a);
}

function counts(f: Finding): boolean {
  return f.ruleId !== 'obstacle-chain' && f.failureMode !== null && f.failureMode.startsWith('FM') && (f.severity === 'error' || f.severity === 'warning');
}

/** Adds relatedInformation between findings of linked failure modes (in place). */
export function linkFindings(findings: Finding[]): void {
  const byMode = new Map<FailureMode, Finding[]>();
  for (const f of findings) {
    if (!counts(f)) continue;
    const list = byMode.get(f.failureMode!) ?? [];
    list.push(f);
    byMode.set(f.failureMode!, list);
  }
  if (byMode.size < 2) return;
  const modes = [...byMode.keys()];
  for (const [mode, list] of byMode) {
    // The same few related entries serve every finding of a mode.
    const extra: RelatedInfo[] = [];
    for (const other of modes) {
      if (other === mode || !linked(mode, other)) continue;
      const leads = (LEADS_TO[mode] ?? []).includes(other);
      for (const g of byMode.get(other)!) {
        if (extra.length >= MAX_RELATED) break;
        extra.push({ message: `${leads ? 'Leads to' : 'Caused in part by'} ${other} (${FAILURE_MODE_TITLES[other]}): ${g.message}`, range: g.range });
      }
    }
    if (extra.length === 0) continue;
    for (const f of list) f.related = [...(f.related ?? []), ...extra];
  }
}

export interface Chain {
  /** Failure modes from the root cause down. */
  modes: FailureMode[];
  root: FailureMode;
}

/** Connected groups of three or more firing failure modes, each ordered from its root. */
export function findChains(findings: readonly Finding[]): Chain[] {
  const firing = [...new Set(findings.filter(counts).map((f) => f.failureMode!))].sort();
  const seen = new Set<FailureMode>();
  const chains: Chain[] = [];
  for (const start of firing) {
    if (seen.has(start)) continue;
    const group: FailureMode[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const m = queue.shift()!;
      group.push(m);
      for (const n of firing) if (!seen.has(n) && linked(m, n)) {
        seen.add(n);
        queue.push(n);
      }
    }
    if (group.length < 3) continue;
    const inGroup = new Set(group);
    const hasCause = (m: FailureMode) => group.some((o) => o !== m && (LEADS_TO[o] ?? []).includes(m));
    const roots = group.filter((m) => !hasCause(m));
    const root = (roots.length > 0 ? roots : group).sort()[0];
    // Order: breadth-first along "leads to" from the root, then anything reached only backwards.
    const order: FailureMode[] = [root];
    for (let i = 0; i < order.length; i++) {
      for (const next of LEADS_TO[order[i]] ?? []) if (inGroup.has(next) && !order.includes(next)) order.push(next);
    }
    for (const m of group.sort()) if (!order.includes(m)) order.push(m);
    chains.push({ modes: order, root });
  }
  return chains;
}

export function describeChain(chain: Chain): string {
  return chain.modes.map((m) => `${m} ${FAILURE_MODE_TITLES[m].toLowerCase()}`).join(' → ');
}
