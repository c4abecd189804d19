import { modelOf, records, text } from '../engine/model';
import { MAX_RELATED, type Path, type RuleContext, type RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'dependency-cycle',
  failureMode: null,
  severity: 'error',
  description: 'Tactics do not depend on each other in a circle.',
  rationale:
    'When tactic A waits for B and B waits for A, neither can start. ' +
    'The plan looks complete but is blocked by construction, and the owners discover it only when the start date passes.',
  countermeasure: 'Remove one dependency of the cycle, or split a tactic so that part of it can start first.',
  messages: { cycle: 'Dependency cycle: {{cycle}}' },
  fixable: false,
};

/**
 * Cycles reported per document. Tactics that each depend on the next and on the first make as many
 * cycles as tactics, most of them long; past this many, one more finding tells nothing new.
 */
const MAX_CYCLES = 100;

/** Ids shown of a long cycle, at its start and at its end. */
const SHOWN = 6;

/** `a → b → c → a`; a long cycle shows its first and last tactics and how many there are between. */
function spell(cycle: string[], back: string): string {
  if (cycle.length <= 2 * SHOWN) return [...cycle, back].join(' → ');
  return [...cycle.slice(0, SHOWN), `… (${cycle.length - 2 * SHOWN} more) …`, ...cycle.slice(-SHOWN), back].join(' → ');
}

export function check(context: RuleContext): void {
  // Edges: tactic id → the depends_on entries (with their paths).
  const edges = new Map<string, { to: string; path: Path }[]>();
  for (const [objective, i] of records(context.doc.objectives)) {
    for (const [tactic, j] of records(objective.tactics)) {
      const id = text(tactic.id);
      if (id === undefined || edges.has(id)) continue;
      const out: { to: string; path: Path }[] = [];
      if (Array.isArray(tactic.depends_on)) {
        tactic.depends_on.forEach((dep, k) => {
          const to = text(dep);
          if (to !== undefined) out.push({ to, path: ['objectives', i, 'tactics', j, 'depends_on', k] });
        });
      }
      edges.set(id, out);
    }
  }
  const tactics = modelOf(context.doc).byKind('tactic');
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  // Iterative DFS: a deep dependency chain must not overflow the call stack.
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'active');
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const out = edges.get(frame.id) ?? [];
      if (frame.next >= out.length) {
        state.set(frame.id, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const edge = out[frame.next++];
      const s = state.get(edge.to);
      if (s === 'active' && reported.size < MAX_CYCLES) {
        const cycle = stack.slice(stack.lastIndexOf(edge.to));
        const key = [...cycle].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          const related: { path: Path; message: string }[] = [];
          for (const id of cycle) {
            if (related.length === MAX_RELATED) break;
            const tactic = tactics.get(id);
            if (tactic) related.push({ path: tactic.path, message: `Tactic '${id}' is part of the cycle` });
          }
          context.report({ path: edge.path, messageId: 'cycle', data: { cycle: spell(cycle, edge.to) }, related });
        }
      } else if (s === undefined && edges.has(edge.to)) {
        state.set(edge.to, 'active');
        stack.push(edge.to);
        frames.push({ id: edge.to, next: 0 });
      }
    }
  }
}
