import { leadsTo } from '../engine/chains';
import { label, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'hypothesis-falsifiable',
  failureMode: 'FM02',
  leadsTo: leadsTo('FM02'),
  severity: 'warning',
  description: 'Every hypothesis says what observation would prove it wrong.',
  rationale:
    'A belief with no stated failure condition can never be lost: every disappointing number gets explained away, ' +
    'and the strategy keeps spending on an idea that stopped working months ago. Deciding in advance which observation, ' +
    'by which date, would invalidate the hypothesis makes it possible to stop or change course in time.',
  countermeasure: 'Add `invalidated_if:` with the observation, ideally a number and a date, that would prove the hypothesis wrong.',
  messages: { missing: "Hypothesis '{{id}}' does not say what would prove it wrong" },
  fixable: true,
};

export function check(context: RuleContext): void {
  for (const [hypothesis, i] of records(context.doc.hypotheses)) {
    if (text(hypothesis.invalidated_if) !== undefined) continue;
    const path: Path = ['hypotheses', i];
    const value = hypothesis.invalidated_if;
    // `set` fills an empty value but never overwrites one, so a value of the wrong type gets no fix.
    const canFix = value === undefined || value === null || value === '';
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(hypothesis, i) },
      fixes: canFix
        ? [
            {
              title: 'Add invalidated_if (placeholder)',
              ops: [{ op: 'set', path, key: 'invalidated_if', value: 'TODO: the observation that would prove this wrong, by YYYY-MM-DD' }],
              preferred: true,
            },
          ]
        : undefined,
    });
  }
}
