import { leadsTo } from '../engine/chains';
import { isRecord, records, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'external-factors',
  failureMode: 'FM07',
  leadsTo: leadsTo('FM07'),
  severity: 'warning',
  description: 'The strategy names the external factors it does not control.',
  rationale:
    'A well-made strategy can still miss because the market moved, a regulation changed or a competitor cut prices. ' +
    'If nobody wrote those factors down, a poor result is blamed on the team or the plan, and the wrong thing gets fixed. ' +
    'Listing what lies outside your control tells the review what to watch and how to read the numbers.',
  countermeasure: 'List the external factors under `context.market`, or add a risk with `source: external`.',
  messages: { missing: "Strategy '{{id}}' names no external factor: no context.market and no external risk" },
  fixable: false,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const ctx = isRecord(doc.context) ? doc.context : undefined;
  if (ctx && named(ctx.market)) return;
  if (records(doc.risks).some(([risk]) => text(risk.source)?.trim().toLowerCase() === 'external')) return;
  const related = Array.isArray(doc.risks) ? [{ path: ['risks'], target: 'key' as const, message: 'No risk here has source: external' }] : [];
  context.report({
    path: doc.context !== undefined ? ['context'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(doc.id) ?? 'this strategy' },
    ...(related.length > 0 ? { related } : {}),
  });
}

/** A non-empty list with some text in it, or (though the schema wants a list) a non-empty string. */
function named(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => text(v) !== undefined);
  return typeof value === 'string' && text(value) !== undefined;
}
