import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { eachObjective, isRecord, itemPath, label, modelOf, records, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'objective-kpi',
  failureMode: 'FM12',
  leadsTo: leadsTo('FM12'),
  severity: 'error',
  description: 'Every objective has at least one KPI.',
  rationale:
    'An objective nobody measures is discussed in reviews by impression: the optimists see progress, the sceptics see none, ' +
    'and the drift is noticed only when the deadline has passed. One indicator with a baseline and a target gives the review ' +
    'a shared fact to start from and shows early when a tactic is not working.',
  countermeasure: 'Add a `kpis:` entry to the objective with a name, unit, baseline, target, owner and cadence.',
  messages: { missing: "Objective '{{id}}' lacks a KPI" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const model = modelOf(doc);
  const taken = new Set(model.definitions.map((d) => d.id));
  const people = model.byKind('person');
  const firstPerson = records(doc.people).map(([p]) => text(p.id)).find((id) => id !== undefined);
  const today = parseDate(context.today);
  const horizonEnd = isRecord(doc.horizon) ? text(doc.horizon.end) : undefined;
  const by = horizonEnd !== undefined && parseDate(horizonEnd) !== undefined
    ? horizonEnd
    : today !== undefined ? formatDate(today + 365) : context.today;

  eachObjective(doc, (objective, path) => {
    const kpis = objective.kpis;
    const empty = kpis === undefined || kpis === null || kpis === '' || (Array.isArray(kpis) && kpis.length === 0);
    if (!empty) return; // a list of KPIs, or a wrong type the schema rule reports

    const objectiveId = text(objective.id);
    const ownerId = text(objective.owner);
    const owner = ownerId !== undefined && people.has(ownerId) ? ownerId : firstPerson ?? 'owner-id';
    const id = uniqueId(`kpi-${slug(objectiveId ?? '').replace(/^obj-/, '') || 'new'}`, taken);
    taken.add(id);
    const skeleton = {
      id,
      name: 'TODO: name the indicator',
      type: 'leading',
      unit: 'TODO',
      baseline: { value: 0, as_of: context.today },
      target: { value: 0, by },
      owner,
      cadence: 'monthly',
      expected_lag: 'P1M',
    };
    context.report({
      path: itemPath(objective, path),
      target: 'key',
      messageId: 'missing',
      data: { id: label(objective, path[path.length - 1]) },
      fixes: [{ title: 'Add a KPI skeleton', ops: [{ op: 'append', path: [...path, 'kpis'], value: skeleton }], preferred: true }],
    });
  });
}

/** A kebab-case version of an id, so the new KPI id passes the schema even when the objective's does not. */
function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

