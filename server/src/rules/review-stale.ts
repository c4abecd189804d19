import { leadsTo } from '../engine/chains';
import { cadenceDays, parseDate } from '../engine/dates';
import { isRecord } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'review-stale',
  failureMode: 'FM03',
  leadsTo: leadsTo('FM03'),
  severity: 'warning',
  description: 'The last review is no older than twice the review cadence (by default).',
  rationale:
    'A review rhythm on paper protects nothing if the meetings stopped. Skipped reviews are usually the first sign that the strategy ' +
    'has slipped behind daily work, and every missed one lets the plan drift further from what is really happening. ' +
    'Keeping `last` up to date shows whether the rhythm is alive.',
  countermeasure: 'Hold the review and update `reviews.last`, or change `reviews.cadence` to the rhythm you can really keep.',
  messages: {
    stale: "The last review ({{last}}) was {{age}} days ago, more than {{factor}} × the {{cadence}} cadence ({{limit}} days)",
  },
  fixable: false,
  options: {
    staleFactor: { type: 'number', default: 2, description: 'The last review is stale when older than this many review cadences.' },
  },
};

export function check(context: RuleContext): void {
  const reviews = context.doc.reviews;
  if (!isRecord(reviews)) return;
  const factor = typeof context.options.staleFactor === 'number' ? context.options.staleFactor : 2;
  const last = parseDate(reviews.last);
  const cadence = cadenceDays(reviews.cadence);
  const today = parseDate(context.today);
  // Without a readable date or cadence there is nothing to compare; review-cadence and the schema rule report those.
  if (last === undefined || cadence === undefined || cadence === 0 || today === undefined) return;
  const age = today - last;
  const limit = factor * cadence;
  if (age <= limit) return;
  context.report({
    path: ['reviews', 'last'],
    messageId: 'stale',
    data: { last: String(reviews.last), age, factor, cadence: String(reviews.cadence), limit: Math.round(limit * 10) / 10 },
    related: [{ path: ['reviews', 'cadence'], message: `Cadence: ${String(reviews.cadence)}` }],
  });
}
