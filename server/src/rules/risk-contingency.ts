import { leadsTo } from '../engine/chains';
import { label, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'risk-contingency',
  failureMode: 'FM02',
  leadsTo: leadsTo('FM02'),
  severity: 'warning',
  description: 'Every high-impact risk has a contingency plan.',
  rationale:
    'A mitigation lowers the odds of a risk; it does not say what happens when the risk strikes anyway. ' +
    'For a high-impact risk that moment is a crisis, and decisions taken in a crisis are slow and contested. ' +
    'A fallback agreed beforehand lets the owner act at once instead of calling a meeting.',
  countermeasure: 'Add `contingency:` to the risk: what will be done if it happens despite the mitigation.',
  messages: { missing: "Risk '{{id}}' has a high impact but no contingency" },
  fixable: true,
};

export function check(context: RuleContext): void {
  for (const [risk, i] of records(context.doc.risks)) {
    if (text(risk.impact)?.trim().toLowerCase() !== 'high') continue;
    if (text(risk.contingency) !== undefined) continue;
    const path: Path = ['risks', i];
    const value = risk.contingency;
    // `set` fills an empty value but never overwrites one, so a value of the wrong type gets no fix.
    const canFix = value === undefined || value === null || value === '';
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(risk, i) },
      related: [{ path: [...path, 'impact'], message: 'Impact rated high' }],
      fixes: canFix
        ? [
            {
              title: 'Add a contingency (placeholder)',
              ops: [{ op: 'set', path, key: 'contingency', value: 'TODO: what we do if this happens' }],
              preferred: true,
            },
          ]
        : undefined,
    });
  }
}
