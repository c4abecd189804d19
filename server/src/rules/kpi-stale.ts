import { leadsTo } from '../engine/chains';
import { cadenceDays, parseDate } from '../engine/dates';
import { eachKpi, isRecord, itemPath, label } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-stale',
  failureMode: 'FM12',
  leadsTo: leadsTo('FM12'),
  severity: 'warning',
  description: "A KPI's current value is not older than a few of its measurement cycles.",
  rationale:
    'A KPI that was defined with care and then never updated gives the comfort of tracking without its benefit: ' +
    'the review looks at a number from last quarter and takes it for today. ' +
    'When the latest value is more than a couple of cycles old, either the measurement has stopped or the document no longer reflects it.',
  countermeasure: 'Record the latest measurement in `current: { value, as_of }`, or make the `cadence` match how often it is really measured.',
  messages: {
    stale: "KPI '{{id}}' was last measured on {{date}}, {{days}} days ago, more than {{factor}}× its {{cadence}} cadence",
    never: "KPI '{{id}}' has no current value although the strategy started {{days}} days ago, more than {{factor}}× its {{cadence}} cadence",
    undated: "KPI '{{id}}' has a current value without as_of although the strategy started {{days}} days ago, more than {{factor}}× its {{cadence}} cadence",
  },
  fixable: false,
  options: {
    staleFactor: { type: 'number', default: 2, description: 'A value is stale when older than this many cadences.' },
  },
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const today = parseDate(context.today);
  if (today === undefined) return;
  const factor = typeof context.options.staleFactor === 'number' && context.options.staleFactor > 0 ? context.options.staleFactor : 2;
  const start = doc.status === 'active' && isRecord(doc.horizon) ? parseDate(doc.horizon.start) : undefined;

  eachKpi(doc, (kpi, path) => {
    const days = cadenceDays(kpi.cadence);
    if (days === undefined || days <= 0) return; // no usable cadence: kpi-cadence or the schema rule reports it
    const limit = factor * days;
    const id = label(kpi, path[path.length - 1]);
    const cadence = String(kpi.cadence);
    const current = kpi.current;

    if (isRecord(current) && current.as_of !== undefined && current.as_of !== null && current.as_of !== '') {
      const asOf = parseDate(current.as_of);
      if (asOf === undefined || today - asOf <= limit) return; // a malformed date is the schema rule's to report
      context.report({
        path: [...path, 'current', 'as_of'],
        messageId: 'stale',
        data: { id, date: String(current.as_of), days: today - asOf, factor, cadence },
        related: [{ path: [...path, 'cadence'], message: `measured ${cadence}` }],
      });
      return;
    }

    // No dated value yet: only a problem once an active strategy has run longer than the allowed gap.
    if (start === undefined || today - start <= limit) return;
    const where: Path = current === undefined ? itemPath(kpi, path) : [...path, 'current'];
    context.report({
      path: where,
      target: 'key',
      messageId: isRecord(current) && Object.keys(current).length > 0 ? 'undated' : 'never',
      data: { id, days: today - start, factor, cadence },
      related: [{ path: ['horizon', 'start'], message: 'the strategy started here' }],
    });
  });
}

