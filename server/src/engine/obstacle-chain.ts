// Obstacles reinforce each other. Findings whose failure modes are linked in the chain graph
// point at each other, and three or more linked modes firing together are named as one chain,
// from its root cause, so the author fixes the cause first.
import { FAILURE_MODE_TITLES, LEADS_TO } from './chains';
import { putsModeAtRisk } from './health';
import { byCodeUnits } from './words';
import type { FailureMode, Finding, RelatedInfo } from './types';

/** Related entries added to one finding at most, so a long list stays readable. */
const MAX_RELATED = 6;

function linked(a: FailureMode, b: FailureMode): boolean {
  return (LEADS_TO[a] ?? []).includes(b) || (LEADS_TO[b] ?? []).includes(a);
}


/** Adds relatedInformation between findings of linked failure modes (in place). */
export function linkFindings(findings: Finding[]): void {
  const byMode = new Map<FailureMode, Finding[]>();
  for (const f of findings) {
    if (!putsModeAtRisk(f)) continue;
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
  /** Every failure mode of the linked group, the main path's first. */
  modes: FailureMode[];
  /** The longest path of "leads to" links through the group, from its root cause. */
  path: FailureMode[];
  /** Paths from the group's other root causes, each as far as it joins the main one. */
  branches: FailureMode[][];
  root: FailureMode;
}

/** Connected groups of three or more firing failure modes, each described from its root causes. */
export function findChains(findings: readonly Finding[]): Chain[] {
  const firing = [...new Set(findings.filter(putsModeAtRisk).map((f) => f.failureMode!))].sort();
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
    const next = (m: FailureMode) => (LEADS_TO[m] ?? []).filter((n) => inGroup.has(n));
    const hasCause = (m: FailureMode) => group.some((o) => o !== m && next(o).includes(m));
    const roots = group.filter((m) => !hasCause(m)).sort();
    // The graph is small and acyclic: the longest path from each root, by plain search.
    const longest = (m: FailureMode, seenOnPath: Set<FailureMode>): FailureMode[] => {
      let best: FailureMode[] = [];
      for (const n of next(m)) {
        if (seenOnPath.has(n)) continue;
        const p = longest(n, new Set([...seenOnPath, n]));
        if (p.length > best.length) best = p;
      }
      return [m, ...best];
    };
    const paths = (roots.length > 0 ? roots : [group.sort()[0]]).map((r) => longest(r, new Set([r])));
    paths.sort((a, b) => b.length - a.length || byCodeUnits(a[0], b[0]));
    const [path, ...others] = paths;
    const onMain = new Set(path);
    const branches = others.map((p) => {
      const join = p.findIndex((m) => onMain.has(m));
      return join < 0 ? p : p.slice(0, join + 1);
    });
    const modes = [...path, ...group.filter((m) => !onMain.has(m)).sort()];
    chains.push({ modes, path, branches, root: path[0] });
  }
  return chains;
}

export function describeChain(chain: Chain): string {
  const main = chain.path.map((m) => `${m} ${FAILURE_MODE_TITLES[m].toLowerCase()}`).join(' → ');
  const also = chain.branches.filter((b) => b.length > 1).map((b) => b.join(' → '));
  return also.length > 0 ? `${main}; also ${also.join(', ')}` : main;
}
