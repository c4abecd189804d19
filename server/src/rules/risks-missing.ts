import { leadsTo } from '../engine/chains';
import { modelOf, records, text, type Rec } from '../engine/model';
import type { Fix, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'risks-missing',
  failureMode: 'FM01',
  leadsTo: leadsTo('FM01'),
  severity: 'warning',
  description: 'The strategy names the risks that could stop it.',
  rationale:
    'A plan with no risks reads as if implementation will simply happen. When the first supplier slips or a team pushes back, ' +
    'nobody has thought about it in advance, so the reaction is improvised and slow. Writing the risks down, with an owner and a mitigation, ' +
    'turns surprises into situations someone is already watching.',
  countermeasure: 'Add `risks:` with at least one risk: its description, likelihood, impact, mitigation and owner.',
  messages: { missing: "Strategy '{{id}}' names no risks" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const list = doc.risks;
  if (records(list).length > 0) return;
  // Appending to a scalar or a map would overwrite what the author wrote; the schema rule reports those.
  const canFix = list === undefined || list === null || Array.isArray(list);
  context.report({
    path: list !== undefined ? ['risks'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(doc.id) ?? 'this strategy' },
    fixes: canFix ? [skeletonFix(doc)] : undefined,
  });
}

function skeletonFix(doc: Rec): Fix {
  return {
    title: 'Add a risk skeleton',
    ops: [
      {
        op: 'append',
        path: ['risks'],
        value: {
          id: 'r-todo',
          description: 'TODO: what could stop this strategy',
          source: 'internal',
          likelihood: 'medium',
          impact: 'medium',
          mitigation: 'TODO',
          owner: ownerOf(doc),
        },
      },
    ],
    preferred: true,
  };
}

/** The strategy owner when it is a listed person, else the first person, else a placeholder. */
function ownerOf(doc: Rec): string {
  const people = modelOf(doc).byKind('person');
  const owner = text(doc.owner);
  if (owner !== undefined && people.has(owner)) return owner;
  const first = people.keys().next();
  return first.done ? 'owner-id' : first.value;
}
