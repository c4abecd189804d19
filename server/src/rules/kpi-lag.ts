import { leadsTo } from '../engine/chains';
import { eachKpi, itemPath, label } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-lag',
  failureMode: 'FM13',
  leadsTo: leadsTo('FM13'),
  severity: 'info',
  description: 'Every KPI says how long the strategy needs before results can show in it.',
  rationale:
    'Most indicators respond to a change weeks or months after the work starts. When nobody wrote that delay down, ' +
    'a flat first reading looks like failure, and good tactics are cancelled before they had a chance to work. ' +
    'An expected lag tells the review when it is fair to judge.',
  countermeasure: 'Add `expected_lag:` to the KPI as an ISO-8601 duration (P1M, P3M, P6M).',
  messages: { missing: "KPI '{{id}}' does not say how long results take to show (expected_lag)" },
  fixable: true,
};

export function check(context: RuleContext): void {
  eachKpi(context.doc, (kpi, path) => {
    const lag = kpi.expected_lag;
    if (!(lag === undefined || lag === null || (typeof lag === 'string' && lag.trim() === ''))) return;
    context.report({
      path: lag === undefined ? itemPath(kpi, path) : [...path, 'expected_lag'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(kpi, path[path.length - 1]) },
      fixes: [{ title: 'Set expected_lag to P3M (three months)', ops: [{ op: 'set', path, key: 'expected_lag', value: 'P3M' }], preferred: true }],
    });
  });
}

