import { leadsTo } from '../engine/chains';
import { kpiDirection, kpiNameKey, summaryOf, type KpiSummary } from '../engine/summary';
import { documentLabel, gather, perRevision, sightingsOf, strategiesNamed, type Sighting } from '../engine/workspace';
import type { RuleContext, RuleMeta, WorkspaceView } from '../engine/types';

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
    const opposite = aim === 'up' ? 'down' : 'up';
    const opposed = sightingsOf(aimsOf(workspace, kpiNameKey(kpi.name)), (direction) => direction === opposite, context.uri);
    if (opposed.length === 0) continue;
    const labels = [...new Set(opposed.map(({ doc }) => documentLabel(doc)))];
    context.report({
      path: [...kpi.path, 'name'],
      messageId: 'conflict',
      data: {
        name: kpi.name,
        direction: aim,
        baseline: kpi.baseline!,
        target: kpi.target!,
        opposite,
        others: strategiesNamed(labels),
      },
      relatedElsewhere: opposed.map(({ doc, item }) => ({
        uri: doc.uri,
        range: doc.rangeOf([...item.path, 'name']),
        message: `KPI '${item.name}' of strategy '${documentLabel(doc)}' aims ${opposite}: ${item.baseline} → ${item.target}`,
      })),
    });
  }
}

/** The KPIs of this name (as `kpiNameKey` folds it) across the workspace, grouped by the way they aim; once per revision. */
function aimsOf(workspace: WorkspaceView, name: string): Map<string, Sighting<KpiSummary>[]> {
  return perRevision(workspace, `conflicting-kpi\u0000${name}`, () =>
    gather(
      workspace.byKpiName(name),
      (doc) => doc.summary.kpis.filter((k) => k.name !== undefined && kpiNameKey(k.name) === name),
      kpiDirection,
    ),
  );
}
