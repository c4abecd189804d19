import { leadsTo } from '../engine/chains';
import { eachObjective, itemPath, label, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';
import { wordCount } from '../engine/words';

export const meta: RuleMeta = {
  id: 'objective-why',
  failureMode: 'FM08',
  alsoGuards: ['P1'],
  leadsTo: leadsTo('FM08'),
  severity: 'warning',
  description: 'Every objective says, in a sentence, why it matters.',
  rationale:
    'An objective without a reason reads as an order, and the people who carry it out cannot tell which trade-offs it allows: ' +
    'they meet the letter of the target and miss its point. Saying why the objective matters, and what it changes for the people ' +
    'involved, is what turns compliance into judgement when the plan meets reality.',
  countermeasure: 'Add `why:` to the objective: what it changes and for whom, in at least a full sentence.',
  messages: {
    missing: "Objective '{{id}}' does not say why it matters",
    short: "The why of objective '{{id}}' has {{count}} word(s); explain in at least {{min}} words why it matters",
  },
  fixable: true,
  options: {
    minWords: { type: 'number', default: 5, description: 'Fewest words a `why` must have to count as an explanation.' },
  },
};

const PLACEHOLDER = 'TODO: why this objective matters, and for whom';

export function check(context: RuleContext): void {
  const min = typeof context.options.minWords === 'number' ? context.options.minWords : 5;
  eachObjective(context.doc, (objective, path) => {
    const id = label(objective, path[path.length - 1]);
    const why = objective.why;
    if (isEmpty(why)) {
      context.report({
        path: why === undefined ? itemPath(objective, path) : [...path, 'why'],
        target: 'key',
        messageId: 'missing',
        data: { id },
        fixes: [{ title: 'Add a why placeholder', ops: [{ op: 'set', path, key: 'why', value: PLACEHOLDER }], preferred: true }],
      });
      return;
    }
    const value = text(why);
    if (value === undefined) {
      context.report({ path: [...path, 'why'], target: 'key', messageId: 'missing', data: { id } });
      return;
    }
    const count = wordCount(value);
    if (count < min) context.report({ path: [...path, 'why'], messageId: 'short', data: { id, count, min } });
  });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

