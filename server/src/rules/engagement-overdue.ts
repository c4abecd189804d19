import { leadsTo } from '../engine/chains';
import { parseDate } from '../engine/dates';
import { isRecord, records, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'engagement-overdue',
  failureMode: 'FM14',
  leadsTo: leadsTo('FM14'),
  severity: 'warning',
  description: "A stakeholder's next engagement date is not in the past.",
  rationale:
    'An engagement plan whose date has passed is either done and not recorded, or forgotten. ' +
    'In both cases the document no longer says when the stakeholder will next be heard, and a skeptic who is not heard from tends to become an opponent.',
  countermeasure: 'Hold the engagement step and set `engagement.next` to the date of the following one.',
  messages: { overdue: "The next engagement with '{{who}}' was due on {{date}}, {{days}} day(s) ago" },
  fixable: false,
};

export function check(context: RuleContext): void {
  const today = parseDate(context.today);
  if (today === undefined) return;
  for (const [stakeholder, i] of records(context.doc.stakeholders)) {
    if (!isRecord(stakeholder.engagement)) continue;
    const next = parseDate(stakeholder.engagement.next);
    if (next === undefined || next >= today) continue;
    context.report({
      path: ['stakeholders', i, 'engagement', 'next'],
      messageId: 'overdue',
      data: { who: text(stakeholder.who) ?? `#${i + 1}`, date: String(stakeholder.engagement.next), days: today - next },
    });
  }
}
