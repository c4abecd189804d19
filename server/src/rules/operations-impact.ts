import { leadsTo } from '../engine/chains';
import { eachTactic, label, records, text } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'operations-impact',
  failureMode: 'FM15',
  leadsTo: leadsTo('FM15'),
  severity: 'info',
  description: 'Every tactic declares which business-as-usual processes it affects (an empty list says "none").',
  rationale:
    'New work lands on people who already run the daily business: a new sales channel changes order handling, a campaign changes support volumes. ' +
    'When a tactic does not say which processes it disturbs, those side effects surprise the teams that run them and the daily business degrades while the strategy advances. ' +
    'Stating the affected processes, or explicitly none, makes the author think about it once.',
  countermeasure: 'Add `affects:` with the ids of the `processes` the tactic disturbs, or `affects: []` when it disturbs none.',
  messages: { missing: "Tactic '{{id}}' does not declare which processes it affects" },
  fixable: true,
};

export function check(context: RuleContext): void {
  eachTactic(context.doc, (tactic, path) => {
    // Any value counts as a declaration; a wrong type is the schema rule's to report.
    if (tactic.affects !== undefined && tactic.affects !== null) return;
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(tactic, path[path.length - 1]) },
      fixes: fixes(context.doc, path),
    });
  });
}

function fixes(doc: Record<string, unknown>, path: Path): Fix[] {
  const processes = records(doc.processes)
    .map(([p]) => ({ id: text(p.id), name: text(p.name) }))
    .filter((p): p is { id: string; name: string | undefined } => p.id !== undefined);
  const none: Fix = {
    title: 'Declare that the tactic affects no process (affects: [])',
    ops: [{ op: 'set', path, key: 'affects', value: [] }],
    ...(processes.length === 0 ? { preferred: true } : {}),
  };
  return [
    none,
    ...processes.map((p) => ({
      title: `Declare it affects ${p.name ?? p.id}`,
      ops: [{ op: 'set' as const, path, key: 'affects', value: [p.id] }],
    })),
  ];
}
