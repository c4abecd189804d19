import { leadsTo } from '../engine/chains';
import { text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'related-strategies',
  failureMode: 'FM11',
  leadsTo: leadsTo('FM11'),
  severity: 'info',
  description: 'The strategy declares the other strategies it supports, competes with or shares resources with (an empty list says "none").',
  rationale:
    'A strategy is never the only one running: the same people, budget and customers are claimed by other plans at the same time. ' +
    'When a document does not say which strategies it depends on or collides with, nobody checks the overlap, and the conflict shows up later as overloaded owners and stalled tactics. ' +
    'Naming the related strategies, or explicitly none, makes the author look once.',
  countermeasure:
    'Add `related_strategies:` with `{ ref: <strategy id>, relation: supports | competes | shares-resources }` items, or `related_strategies: []` when it touches no other strategy.',
  messages: { missing: "Strategy '{{id}}' does not declare its related strategies" },
  fixable: false,
};

export function check(context: RuleContext): void {
  // Any value counts as a declaration, `[]` included; a wrong type is the schema rule's to report.
  const value = context.doc.related_strategies;
  if (value !== undefined && value !== null) return;
  context.report({
    path: value === null ? ['related_strategies'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(context.doc.id) ?? 'this strategy' },
  });
}
