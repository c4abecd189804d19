import { leadsTo } from '../engine/chains';
import { eachKpi, itemPath, label, modelOf, personFixes, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-owner',
  failureMode: 'FM12',
  leadsTo: leadsTo('FM12'),
  severity: 'warning',
  description: 'Every KPI has a person who answers for measuring and reporting it.',
  rationale:
    'Numbers that everyone can read but no one has to produce stop being updated the first busy month, ' +
    'and the review then runs on old figures or none. One named owner makes sure the value is collected, ' +
    'questioned when it moves oddly, and brought to the review.',
  countermeasure: 'Add `owner:` to the KPI with the id of the person from `people` who measures and reports it.',
  messages: { missing: "KPI '{{id}}' has no owner" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const people = modelOf(context.doc).byKind('person');
  eachKpi(context.doc, (kpi, path, objective) => {
    if (text(kpi.owner) !== undefined) return;
    // A list or a map under `owner` is the schema rule's to report; a fix would have to overwrite it.
    const blank = kpi.owner === undefined || kpi.owner === null || kpi.owner === '';
    const fixes = blank ? personFixes(context.doc, path) : [];
    // The objective's owner is the most likely answer: offer that person first.
    const objectiveOwner = text(objective.owner);
    if (objectiveOwner !== undefined && people.has(objectiveOwner)) {
      const index = fixes.findIndex((f) => f.ops.some((op) => op.op === 'set' && op.value === objectiveOwner));
      if (index > 0) fixes.unshift(...fixes.splice(index, 1));
    }
    context.report({
      path: kpi.owner === undefined ? itemPath(kpi, path) : [...path, 'owner'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(kpi, path[path.length - 1]) },
      ...(fixes.length > 0 ? { fixes } : {}),
    });
  });
}

