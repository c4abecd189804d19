import { leadsTo } from '../engine/chains';
import { kpiDirection, kpiNameKey, summaryOf } from '../engine/summary';
import { documentLabel, otherDocuments } from '../engine/workspace';
import type { RelatedInfo, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'conflicting-kpi',
  failureMode: 'FM11',
  leadsTo: leadsTo('FM11'),
  severity: 'warning',
  description: 'A KPI does not aim the opposite way of a KPI with the same name in another strategy.',
  rationale:
    'When one strategy wants a number up and another wants the same number down, the people measured on it are asked to pull in two directions at once. ' +
    'Each team reads its own document and acts in good faith, so the conflict surfaces only as both strategies missing their targets. ' +
    'Settling the direction once, between the owners of both strategies, is cheaper than discovering it at the review.',
  countermeasure:
    'Agree on one direction with the owner of the other strategy and align the targets, or rename the KPI when the two documents measure different things.',
  messages: {
    conflict: "KPI '{{name}}' aims {{direction}} here ({{baseline}} → {{target}}) but {{opposite}} in {{others}}",
  },
  fixable: false,
  crossFile: true,
};

export function check(context: RuleContext): void {
  // Conflicts need another document; without the workspace there is none.
  const workspace = context.workspace;
  if (!workspace) return;
  for (const kpi of summaryOf(context.doc).kpis) {
    const aim = kpiDirection(kpi);
    if (kpi.name === undefined || aim === undefined) continue;
    const key = kpiNameKey(kpi.name);
    const related: RelatedInfo[] = [];
    const labels: string[] = [];
    const others = otherDocuments(context, workspace.byKpiName(kpi.name)).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const doc of others) {
      const label = documentLabel(doc);
      for (const other of doc.summary.kpis) {
        if (other.name === undefined || kpiNameKey(other.name) !== key) continue;
        const theirs = kpiDirection(other);
        if (theirs === undefined || theirs === aim) continue;
        if (!labels.includes(label)) labels.push(label);
        related.push({
          uri: doc.uri,
          range: doc.rangeOf([...other.path, 'name']),
          message: `KPI '${other.name}' of strategy '${label}' aims ${theirs}: ${other.baseline} → ${other.target}`,
        });
      }
    }
    if (related.length === 0) continue;
    context.report({
      path: [...kpi.path, 'name'],
      messageId: 'conflict',
      data: {
        name: kpi.name,
        direction: aim,
        baseline: kpi.baseline!,
        target: kpi.target!,
        opposite: aim === 'up' ? 'down' : 'up',
        others: `${labels.length === 1 ? 'strategy' : 'strategies'} ${labels.map((l) => `'${l}'`).join(', ')}`,
      },
      relatedElsewhere: related,
    });
  }
}
