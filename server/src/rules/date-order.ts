import { parseDate } from '../engine/dates';
import { isRecord, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'date-order',
  failureMode: null,
  severity: 'error',
  description: 'Start dates come before due dates, and planned dates fall inside the strategy horizon.',
  rationale:
    'A tactic due before it starts, or a target dated after the strategy ends, cannot be scheduled or reviewed. ' +
    'It is either a typo or a plan nobody has thought through, and both tend to surface late, at a review.',
  countermeasure: 'Correct the dates, or widen the horizon if the strategy really runs longer.',
  messages: {
    startAfterEnd: "The horizon starts ({{start}}) after it ends ({{end}})",
    startAfterDue: "Tactic '{{id}}' starts ({{start}}) after it is due ({{due}})",
    outside: "{{what}} {{date}} is outside the strategy horizon {{hStart}} – {{hEnd}}",
  },
  fixable: false,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const horizon = isRecord(doc.horizon) ? doc.horizon : {};
  const hStart = parseDate(horizon.start);
  const hEnd = parseDate(horizon.end);
  if (hStart !== undefined && hEnd !== undefined && hStart > hEnd) {
    context.report({ path: ['horizon', 'start'], messageId: 'startAfterEnd', data: { start: String(horizon.start), end: String(horizon.end) } });
  }
  const horizonValid = hStart === undefined || hEnd === undefined || hStart <= hEnd;
  const inside = (value: unknown, path: Path, what: string) => {
    const day = parseDate(value);
    if (day === undefined || !horizonValid) return;
    if ((hStart !== undefined && day < hStart) || (hEnd !== undefined && day > hEnd)) {
      context.report({
        path,
        messageId: 'outside',
        data: { what, date: String(value), hStart: text(horizon.start) ?? '…', hEnd: text(horizon.end) ?? '…' },
      });
    }
  };
  for (const [objective, i] of records(doc.objectives)) context.memo(objective, [i, horizon.start, horizon.end], () => {
    for (const [kpi, j] of records(objective.kpis)) {
      if (isRecord(kpi.target)) inside(kpi.target.by, ['objectives', i, 'kpis', j, 'target', 'by'], `Target date of KPI '${text(kpi.id) ?? j}'`);
    }
    for (const [tactic, j] of records(objective.tactics)) {
      const base: Path = ['objectives', i, 'tactics', j];
      const id = text(tactic.id) ?? String(j);
      const start = parseDate(tactic.start);
      const due = parseDate(tactic.due);
      if (start !== undefined && due !== undefined && start > due) {
        context.report({
          path: [...base, 'start'],
          messageId: 'startAfterDue',
          data: { id, start: String(tactic.start), due: String(tactic.due) },
          related: [{ path: [...base, 'due'], message: 'Due date' }],
        });
      }
      inside(tactic.start, [...base, 'start'], `Start of tactic '${id}'`);
      inside(tactic.due, [...base, 'due'], `Due date of tactic '${id}'`);
      for (const [step, k] of records(tactic.steps)) {
        inside(step.due, [...base, 'steps', k, 'due'], `Due date of step ${k + 1} of tactic '${id}'`);
      }
    }
  });
}
