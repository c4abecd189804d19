import { leadsTo } from '../engine/chains';
import { eachObjective, label, records, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'leading-indicator',
  failureMode: 'FM07',
  leadsTo: leadsTo('FM07'),
  severity: 'info',
  description: 'Every objective with KPIs has at least one leading indicator.',
  rationale:
    'Lagging indicators such as revenue or orders confirm the result once it is there, usually too late to change anything. ' +
    'A leading indicator moves first, for example sessions, demos or trials, and shows whether the tactics are taking hold ' +
    'while there is still time to adjust them, or whether outside conditions are shifting.',
  countermeasure: 'Add a KPI with `type: leading` to the objective: an early signal that moves before the result does.',
  messages: { missing: "Objective '{{id}}' has no leading KPI" },
  fixable: false,
};

export function check(context: RuleContext): void {
  eachObjective(context.doc, (objective, path) => {
    const kpis = records(objective.kpis);
    // An objective with no KPI at all is objective-kpi's finding; the gap is the same one.
    if (kpis.length === 0) return;
    if (kpis.some(([kpi]) => text(kpi.type)?.trim().toLowerCase() === 'leading')) return;
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(objective, path[path.length - 1]) },
      related: [{ path: [...path, 'kpis'], target: 'key', message: 'KPIs of this objective' }],
    });
  });
}
