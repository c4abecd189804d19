import { leadsTo } from '../engine/chains';
import { eachKpi, itemPath, label } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-cadence',
  failureMode: 'FM12',
  leadsTo: leadsTo('FM12'),
  severity: 'warning',
  description: 'Every KPI says how often it is measured.',
  rationale:
    'An indicator without a rhythm gets measured when someone remembers, which in practice means before the annual review, ' +
    'too late to correct anything. A stated cadence sets the expectation that a fresh value exists at each review and lets ' +
    'stratlint tell when the last value has gone stale.',
  countermeasure: 'Add `cadence:` to the KPI: weekly, biweekly, monthly, quarterly or an ISO-8601 duration such as P6W.',
  messages: { missing: "KPI '{{id}}' has no measurement cadence" },
  fixable: true,
};

export function check(context: RuleContext): void {
  eachKpi(context.doc, (kpi, path) => {
    const cadence = kpi.cadence;
    if (!(cadence === undefined || cadence === null || (typeof cadence === 'string' && cadence.trim() === ''))) return;
    context.report({
      path: cadence === undefined ? itemPath(kpi, path) : [...path, 'cadence'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(kpi, path[path.length - 1]) },
      fixes: [{ title: 'Set cadence to monthly', ops: [{ op: 'set', path, key: 'cadence', value: 'monthly' }], preferred: true }],
    });
  });
}

