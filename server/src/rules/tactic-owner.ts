import { leadsTo } from '../engine/chains';
import { records, text, type Rec } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'tactic-owner',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'error',
  description: 'Every tactic has an owner.',
  rationale:
    'A tactic that belongs to everyone belongs to no one: when the first obstacle comes, nobody feels entitled to decide, ' +
    'and the work waits for the next review. Naming one accountable person is the cheapest way to make the tactic move.',
  countermeasure: 'Add `owner:` with the id of one person from `people` who answers for the tactic.',
  messages: { missing: "Tactic '{{id}}' has no owner" },
  fixable: true,
};

/** One fix per person of the document ("Set owner to Hugo R."), or a placeholder when there are none. */
export function ownerFixes(doc: Rec, path: Path): Fix[] {
  const people = records(doc.people)
    .map(([p]) => ({ id: text(p.id), name: text(p.name) }))
    .filter((p): p is { id: string; name: string | undefined } => p.id !== undefined);
  if (people.length === 0) {
    return [{ title: 'Add an owner placeholder', ops: [{ op: 'set', path, key: 'owner', value: 'owner-id' }] }];
  }
  return people.map((p) => ({
    title: `Set owner to ${p.name ?? p.id}`,
    ops: [{ op: 'set', path, key: 'owner', value: p.id }],
  }));
}

export function check(context: RuleContext): void {
  for (const [objective, i] of records(context.doc.objectives)) {
    for (const [tactic, j] of records(objective.tactics)) {
      if (text(tactic.owner) !== undefined) continue;
      const path: Path = ['objectives', i, 'tactics', j];
      context.report({
        path: [...path, 'id'],
        target: 'key',
        messageId: 'missing',
        data: { id: text(tactic.id) ?? `#${j + 1}` },
        fixes: ownerFixes(context.doc, path),
      });
    }
  }
}
