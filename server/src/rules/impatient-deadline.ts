import { leadsTo } from '../engine/chains';
import { durationDays, formatDate, parseDate } from '../engine/dates';
import { eachObjective, eachTactic, isRecord, label, modelOf, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'impatient-deadline',
  failureMode: 'FM13',
  leadsTo: leadsTo('FM13'),
  severity: 'warning',
  description: 'KPI deadlines and experiment durations leave time for the expected lag before results are judged.',
  rationale:
    'When the date a result is judged falls before the indicator can possibly move, the strategy is set up to look like a failure: ' +
    'the team is pressed to show numbers it cannot have yet, and sound tactics get cancelled or changed mid-course. ' +
    'Placing deadlines after the work has started and the expected lag has run lets the evidence arrive before the verdict.',
  countermeasure:
    'Move `target.by` to after the first tactic start plus the KPI\'s `expected_lag`, or run the experiment for at least its metric\'s `expected_lag`.',
  messages: {
    kpi: "KPI '{{id}}' is judged on {{by}}, before its expected lag of {{lag}} has run from the first tactic start ({{earliest}} + {{lag}} = {{ready}})",
    experiment: "Experiment '{{id}}' runs for {{duration}}, shorter than the {{lag}} its metric '{{metric}}' needs to show results",
  },
  fixable: false,
};

export function check(context: RuleContext): void {
  const doc = context.doc;

  // A KPI's deadline is weighed against its own objective's tactics: the answer is kept per objective.
  eachObjective(doc, (objective, objectivePath) =>
    context.memo(objective, [objectivePath], () => {
      for (const [kpi, j] of records(objective.kpis)) checkKpi(context, kpi, [...objectivePath, 'kpis', j], objective);
    }),
  );

  const kpis = modelOf(doc).byKind('kpi');
  eachTactic(doc, (tactic, path) => {
    const experiment = tactic.experiment;
    if (!isRecord(experiment)) return;
    const duration = durationDays(experiment.duration);
    const metricId = text(experiment.metric);
    const metric = metricId === undefined ? undefined : kpis.get(metricId);
    if (duration === undefined || metric === undefined) return;
    const lag = durationDays(metric.item.expected_lag);
    if (lag === undefined || duration >= lag) return;
    const metricPath = metric.path.slice(0, -1);
    context.report({
      path: [...path, 'experiment', 'duration'],
      messageId: 'experiment',
      data: { id: label(tactic, path[path.length - 1]), duration: String(experiment.duration), lag: String(metric.item.expected_lag), metric: metricId! },
      related: [{ path: [...metricPath, 'expected_lag'], message: `'${metricId}' needs ${String(metric.item.expected_lag)} to show results` }],
    });
  });
}

/** A KPI whose target date comes before its objective's earliest tactic can show results. */
function checkKpi(context: RuleContext, kpi: Record<string, unknown>, path: Path, objective: Record<string, unknown>): void {
  const by = isRecord(kpi.target) ? parseDate(kpi.target.by) : undefined;
  const lag = durationDays(kpi.expected_lag);
  if (by === undefined || lag === undefined) return;
  let earliest: { day: number; path: Path } | undefined;
  const objectivePath = path.slice(0, -2);
  for (const [tactic, j] of records(objective.tactics)) {
    const start = parseDate(tactic.start);
    if (start !== undefined && (earliest === undefined || start < earliest.day)) earliest = { day: start, path: [...objectivePath, 'tactics', j, 'start'] };
  }
  if (earliest === undefined || by >= earliest.day + lag) return;
  const lagText = String(kpi.expected_lag);
  context.report({
    path: [...path, 'target', 'by'],
    messageId: 'kpi',
    data: {
      id: label(kpi, path[path.length - 1]),
      by: String((kpi.target as Record<string, unknown>).by),
      lag: lagText,
      earliest: formatDate(earliest.day),
      ready: formatDate(earliest.day + lag),
    },
    related: [
      { path: earliest.path, message: 'the earliest tactic of the objective starts here' },
      { path: [...path, 'expected_lag'], message: `results take ${lagText} to show` },
    ],
  });
}
