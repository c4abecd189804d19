import { leadsTo } from '../engine/chains';
import { cadenceDays } from '../engine/dates';
import { isRecord, records, text, type Rec } from '../engine/model';
import type { Fix, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'review-cadence',
  failureMode: 'FM03',
  leadsTo: leadsTo('FM03'),
  severity: 'error',
  description: 'The strategy has a review at least once a month (by default).',
  rationale:
    'No plan survives contact with customers, competitors and its own delays unchanged. Without a regular review the gap between plan ' +
    'and reality grows unseen, and by the time someone notices, the budget and the year are gone. A short, fixed rhythm is what turns ' +
    'deviations into decisions while there is still time to act on them.',
  countermeasure: 'Add `reviews:` with a `cadence` of monthly or more often, an `owner` and the `forum` where it happens.',
  messages: {
    missing: "Strategy '{{id}}' has no review rhythm",
    noCadence: 'The review section has no cadence',
    tooLong: "Review cadence '{{cadence}}' ({{days}} days) is longer than the maximum of {{max}} days",
  },
  fixable: true,
  options: {
    maxCadenceDays: { type: 'number', default: 31, description: 'Longest accepted time between two reviews, in days (monthly counts as 30).' },
  },
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const max = typeof context.options.maxCadenceDays === 'number' ? context.options.maxCadenceDays : 31;
  const reviews = doc.reviews;
  const cadence = withinMax(max);
  if (!isRecord(reviews)) {
    const value: Rec = { cadence };
    const owner = ownerOf(doc);
    if (owner !== undefined) value.owner = owner;
    context.report({
      path: reviews !== undefined ? ['reviews'] : ['id'],
      target: 'key',
      messageId: 'missing',
      data: { id: text(doc.id) ?? 'this strategy' },
      // A scalar or a list in `reviews` is the schema rule's to report; setting a map over it would lose it.
      fixes: reviews !== undefined && reviews !== null ? undefined : [{ title: `Add a ${cadence} review`, ops: [{ op: 'set', path: [], key: 'reviews', value }], preferred: true }],
    });
    return;
  }
  const raw = reviews.cadence;
  if (text(raw) === undefined) {
    const canFix = raw === undefined || raw === null || raw === '';
    context.report({
      path: ['reviews'],
      target: 'key',
      messageId: 'noCadence',
      fixes: canFix ? [{ title: `Set the review cadence to ${cadence}`, ops: [{ op: 'set', path: ['reviews'], key: 'cadence', value: cadence }], preferred: true }] : undefined,
    });
    return;
  }
  // An unreadable cadence ('yearly', 12) is the schema rule's to report.
  const days = cadenceDays(raw);
  if (days === undefined || days <= max) return;
  // Not preferred: replacing a rhythm the author chose is a decision "fix all" should not take for them.
  const fix: Fix = { title: `Set the review cadence to ${cadence}`, ops: [{ op: 'replace', path: ['reviews', 'cadence'], value: cadence }] };
  context.report({
    path: ['reviews', 'cadence'],
    messageId: 'tooLong',
    data: { cadence: String(raw), days, max },
    fixes: [fix],
  });
}

/** The longest named cadence within the maximum, so the fix satisfies the rule however it is configured. */
function withinMax(max: number): string {
  if (max >= 30) return 'monthly';
  if (max >= 14) return 'biweekly';
  if (max >= 7) return 'weekly';
  return `P${Math.max(1, Math.floor(max))}D`;
}

/** The strategy owner, else the first person, else nobody (an unknown placeholder id would only add an error). */
function ownerOf(doc: Rec): string | undefined {
  return text(doc.owner) ?? records(doc.people).map(([p]) => text(p.id)).find((id) => id !== undefined);
}
