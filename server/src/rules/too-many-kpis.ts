import { leadsTo } from '../engine/chains';
import { eachObjective, label } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'too-many-kpis',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'info',
  description: 'No objective has more KPIs than the maximum (default 4).',
  rationale:
    'An objective watched through many indicators is not watched at all: reviews skim the list, some numbers always look good, ' +
    'and nobody agrees which ones decide. One to four KPIs, ideally a leading and a lagging one, keep the discussion on what matters.',
  countermeasure: 'Keep the few KPIs that decide whether the objective is reached, and track the others outside the strategy.',
  messages: { tooMany: "Objective '{{id}}' has {{count}} KPIs; keep it to {{max}} or fewer" },
  fixable: false,
  options: {
    max: { type: 'number', default: 4, description: 'Most KPIs an objective may have.' },
  },
};

export function check(context: RuleContext): void {
  const max = typeof context.options.max === 'number' ? context.options.max : 4;
  eachObjective(context.doc, (objective, path) => {
    const kpis = objective.kpis;
    if (!Array.isArray(kpis) || kpis.length <= max) return;
    context.report({
      path: [...path, 'kpis'],
      target: 'key',
      messageId: 'tooMany',
      data: { id: label(objective, path[path.length - 1]), count: kpis.length, max },
    });
  });
}
