import { leadsTo } from '../engine/chains';
import { records, text } from '../engine/model';
import type { Fix, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'stakeholders-missing',
  failureMode: 'FM14',
  leadsTo: leadsTo('FM14'),
  severity: 'warning',
  description: 'The strategy maps its stakeholders.',
  rationale:
    'A strategy changes how some units and people work, and they decide how much effort it gets. ' +
    'When nobody has written down who those people are and where they stand, resistance is discovered at rollout instead of handled in advance, ' +
    'and the plan assumes a support it never asked for.',
  countermeasure: 'Add `stakeholders:` listing the units or people whose support the strategy needs, with their `stance` and `influence`.',
  messages: { missing: "Strategy '{{id}}' maps no stakeholders" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const list = doc.stakeholders;
  const present = list !== undefined && list !== null;
  const blank = typeof list === 'string' && list.trim() === '';
  // Any other value names stakeholders in the wrong shape: the schema rule reports it.
  if (present && !blank && !(Array.isArray(list) && list.length === 0)) return;
  // Appending to a string would overwrite it.
  const canFix = !blank;
  context.report({
    path: 'stakeholders' in doc ? ['stakeholders'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(doc.id) ?? 'this strategy' },
    fixes: canFix ? [skeletonFix(doc)] : undefined,
  });
}

function skeletonFix(doc: Record<string, unknown>): Fix {
  const firstId = (list: unknown) => records(list).map(([item]) => text(item.id)).find((id) => id !== undefined);
  const who = firstId(doc.units) ?? firstId(doc.people) ?? 'unit-or-person-id';
  return {
    title: `Add a stakeholder skeleton for '${who}'`,
    ops: [{ op: 'append', path: ['stakeholders'], value: { who, stance: 'neutral', influence: 'medium' } }],
    preferred: true,
  };
}
