import { leadsTo } from '../engine/chains';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'too-many-objectives',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'info',
  description: 'The strategy has no more objectives than the maximum (default 5).',
  rationale:
    'Every objective claims attention, budget and people from the same teams. Past a handful, priorities blur: each objective gets ' +
    'a little effort, none gets enough, and the strategy becomes a wish list. Fewer objectives are easier to explain, staff and achieve.',
  countermeasure: 'Merge related objectives, move some to a later strategy, or list them under `not_doing`.',
  messages: { tooMany: 'The strategy has {{count}} objectives; keep it to {{max}} or fewer' },
  fixable: false,
  options: {
    max: { type: 'number', default: 5, description: 'Most objectives a strategy may have.' },
  },
};

export function check(context: RuleContext): void {
  const max = typeof context.options.max === 'number' ? context.options.max : 5;
  const objectives = context.doc.objectives;
  if (!Array.isArray(objectives) || objectives.length <= max) return;
  context.report({
    path: ['objectives'],
    target: 'key',
    messageId: 'tooMany',
    data: { count: objectives.length, max },
    related: objectives.slice(max).map((_, k) => ({ path: ['objectives', max + k], message: `Objective ${max + k + 1}` })),
  });
}
