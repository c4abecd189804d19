import { leadsTo } from '../engine/chains';
import { eachTactic, label, personFixes, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

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

export function check(context: RuleContext): void {
  eachTactic(context.doc, (tactic, path) => {
    if (text(tactic.owner) !== undefined) return;
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(tactic, path[path.length - 1]) },
      fixes: personFixes(context.doc, path),
    });
  });
}
