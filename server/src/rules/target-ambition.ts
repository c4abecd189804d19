import { leadsTo } from '../engine/chains';
import { eachKpi, isRecord, label } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'target-ambition',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'info',
  description: 'A KPI target is not a leap of more than a set multiple over its baseline.',
  rationale:
    'A stretch target can motivate, but a target many times the starting point usually signals a number picked to impress rather than planned: ' +
    'the team sees early that it cannot be reached, stops taking it seriously, and the indicator loses its use for steering. ' +
    'An ambitious but reachable target, or an intermediate milestone, keeps the number credible.',
  countermeasure: 'Check the target against the tactics that should produce it; lower it, split it into milestones, or explain in `why` what makes the leap possible.',
  messages: {
    ambitious: "KPI '{{id}}' aims at {{ratio}}× its baseline ({{baseline}} → {{target}}), more than {{multiple}}×; is it achievable?",
  },
  fixable: false,
  options: {
    multiple: { type: 'number', default: 10, description: 'Largest target/baseline ratio accepted without a note.' },
  },
};

export function check(context: RuleContext): void {
  const multiple = typeof context.options.multiple === 'number' && context.options.multiple > 0 ? context.options.multiple : 10;
  eachKpi(context.doc, (kpi, path) => {
    const baseline = isRecord(kpi.baseline) ? kpi.baseline.value : undefined;
    const target = isRecord(kpi.target) ? kpi.target.value : undefined;
    if (typeof baseline !== 'number' || typeof target !== 'number' || !(baseline > 0) || !(target > 0)) return;
    const ratio = target / baseline;
    if (ratio <= multiple) return;
    context.report({
      path: [...path, 'target', 'value'],
      messageId: 'ambitious',
      data: { id: label(kpi, path[path.length - 1]), ratio: round(ratio), baseline, target, multiple },
      related: [{ path: [...path, 'baseline', 'value'], message: `baseline ${baseline}` }],
    });
  });
}

function round(ratio: number): string {
  return ratio >= 100 ? String(Math.round(ratio)) : String(Math.round(ratio * 10) / 10);
}
