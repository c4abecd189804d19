import { leadsTo } from '../engine/chains';
import { eachObjective, label, modelOf, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'middle-management',
  failureMode: 'FM04',
  leadsTo: leadsTo('FM04'),
  severity: 'warning',
  description: 'Every objective has a manager among its owner and contributors.',
  rationale:
    'Middle managers are the ones who translate a strategy into priorities, schedules and staffing for their teams. ' +
    'When an objective is held only by executives and front-line staff, nobody in between reconciles it with daily operations, ' +
    'so it stalls between the boardroom and the shop floor. Involving a manager from the start builds that bridge.',
  countermeasure: 'Make a person with `level: manager` the owner of the objective or add one to its `contributors`.',
  messages: { missing: "Objective '{{id}}' involves no manager as owner or contributor" },
  fixable: false,
};

export function check(context: RuleContext): void {
  const people = modelOf(context.doc).byKind('person');
  const levelOf = (id: string) => {
    const person = people.get(id);
    if (!person) return 'not listed in people';
    const level = text(person.item.level);
    return level === undefined ? 'listed with no level' : `at level ${level}`;
  };
  const isManager = (id: string | undefined) => id !== undefined && text(people.get(id)?.item.level) === 'manager';
  eachObjective(context.doc, (objective, path) => {
    const involved: { id: string | undefined; path: Path }[] = [{ id: text(objective.owner), path: [...path, 'owner'] }];
    if (Array.isArray(objective.contributors)) {
      objective.contributors.forEach((c, k) => involved.push({ id: text(c), path: [...path, 'contributors', k] }));
    }
    if (involved.some((p) => isManager(p.id))) return;
    const related = involved
      .filter((p): p is { id: string; path: Path } => p.id !== undefined)
      .map((p) => ({ path: p.path, message: `'${p.id}' is ${levelOf(p.id)}` }));
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(objective, path[path.length - 1]) },
      ...(related.length > 0 ? { related } : {}),
    });
  });
}
