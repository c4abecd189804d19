import { leadsTo } from '../engine/chains';
import { eachObjective, itemPath, label, personFixes, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'objective-owner',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'error',
  description: 'Every objective has an owner.',
  rationale:
    'Tactics can each have an owner and the objective still drift, because nobody watches whether the tactics together ' +
    'add up to the result, or has the standing to move people and budget between them. ' +
    'One accountable owner per objective is the person the review turns to when the indicator stalls.',
  countermeasure: 'Add `owner:` to the objective with the id of one person from `people` who answers for the result.',
  messages: { missing: "Objective '{{id}}' has no owner" },
  fixable: true,
};

export function check(context: RuleContext): void {
  eachObjective(context.doc, (objective, path) => {
    if (text(objective.owner) !== undefined) return;
    // A list or a map under `owner` is the schema rule's to report; a fix would have to overwrite it.
    const blank = objective.owner === undefined || objective.owner === null || objective.owner === '';
    context.report({
      path: objective.owner === undefined ? itemPath(objective, path) : [...path, 'owner'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(objective, path[path.length - 1]) },
      ...(blank ? { fixes: personFixes(context.doc, path) } : {}),
    });
  });
}

