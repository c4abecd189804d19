import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { eachTactic, isRecord, label, text } from '../engine/model';
import type { Fix, FixOp, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'tactic-schedule',
  failureMode: 'FM01',
  leadsTo: leadsTo('FM01'),
  severity: 'warning',
  description: 'Every tactic has a start date and a due date.',
  rationale:
    'A tactic without dates competes with daily work and loses: it is always going to start next month. ' +
    'Without a start and a deadline nobody can see that it is late, dependencies cannot be planned, and reviews have nothing to hold it to. ' +
    'Two dates make the effort visible and let the plan be checked against reality.',
  countermeasure: 'Add `start:` and `due:` (YYYY-MM-DD) to the tactic.',
  messages: { missing: "Tactic '{{id}}' has no {{what}}" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const horizon = isRecord(doc.horizon) ? doc.horizon : {};
  const bounds = { start: parseDate(horizon.start), end: parseDate(horizon.end) };
  const today = parseDate(context.today);
  eachTactic(doc, (tactic, path) => {
    const noStart = text(tactic.start) === undefined;
    const noDue = text(tactic.due) === undefined;
    if (!noStart && !noDue) return;
    const what = noStart && noDue ? 'start or due date' : noStart ? 'start date' : 'due date';
    const fix = today === undefined ? undefined : scheduleFix(tactic, path, noStart, noDue, today, bounds);
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(tactic, path[path.length - 1]), what },
      fixes: fix ? [fix] : undefined,
    });
  });
}

/**
 * Placeholder dates: start today and finish three months later (or three months after an existing start).
 * They are kept inside the horizon and in order, so the fix does not trade this finding for a date-order error.
 */
function scheduleFix(
  tactic: Record<string, unknown>,
  path: Path,
  noStart: boolean,
  noDue: boolean,
  today: number,
  bounds: { start?: number; end?: number },
): Fix | undefined {
  // `set` fills an empty value but never overwrites one, so a value of the wrong type gets no fix.
  if ((noStart && !fillable(tactic.start)) || (noDue && !fillable(tactic.due))) return undefined;
  const due = parseDate(tactic.due);
  let start = parseDate(tactic.start);
  const ops: FixOp[] = [];
  const parts: string[] = [];
  if (noStart) {
    start = today;
    if (bounds.start !== undefined && start < bounds.start) start = bounds.start;
    if (due !== undefined && start > due) {
      start = addMonths(due, -3);
      if (bounds.start !== undefined && start < bounds.start && bounds.start <= due) start = bounds.start;
    }
    ops.push({ op: 'set', path, key: 'start', value: formatDate(start) });
    parts.push(`start to ${formatDate(start)}`);
  }
  if (noDue) {
    const base = start ?? today;
    let end = addMonths(base, 3);
    if (bounds.end !== undefined && end > bounds.end && bounds.end >= base) end = bounds.end;
    ops.push({ op: 'set', path, key: 'due', value: formatDate(end) });
    parts.push(`due to ${formatDate(end)}`);
  }
  return { title: `Set ${parts.join(' and ')} (placeholder${parts.length > 1 ? 's' : ''})`, ops, preferred: true };
}

function fillable(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The same day `months` calendar months later (earlier when negative), clamped to the month's last day. */
function addMonths(days: number, months: number): number {
  const [y, m, d] = formatDate(days).split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d, last)) / 86_400_000;
}
