import { leadsTo } from '../engine/chains';
import { eachObjective, isRecord, label, modelOf, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'unit-alignment',
  failureMode: 'FM09',
  leadsTo: leadsTo('FM09'),
  severity: 'warning',
  description: 'Every unit that works on an objective is reached by a communication channel.',
  rationale:
    'A department that owns or contributes to an objective but hears about the strategy only second-hand keeps optimising for its own goals, ' +
    'and the hand-offs between units are where the strategy then stalls. Reaching each involved unit through a channel it actually follows ' +
    'is the precondition for aligning it, not just informing it.',
  countermeasure:
    'Add the unit to the `audience` of a `communication.channels` entry (or use `audience: [all]`), ideally a two-way one such as its service meeting.',
  messages: { unreached: "Unit '{{unit}}' works on {{objectives}} but no communication channel reaches it" },
  fixable: false,
};

interface Involvement {
  objective: string;
  path: Path;
  /** Completed with the unit id: "owner 'nina' of objective 'obj-pricing' is in unit". */
  how: string;
}

export function check(context: RuleContext): void {
  const doc = context.doc;
  const model = modelOf(doc);
  const units = model.byKind('unit');
  if (units.size === 0) return;
  const people = model.byKind('person');

  const reached = new Set<string>();
  const communication = doc.communication;
  for (const [channel] of records(isRecord(communication) ? communication.channels : undefined)) {
    if (!Array.isArray(channel.audience)) continue;
    for (const a of channel.audience) {
      const id = text(a);
      if (id !== undefined) reached.add(id);
    }
  }
  if (reached.has('all')) return;

  // Unit id → where objectives involve it, in document order.
  const involved = new Map<string, Involvement[]>();
  const add = (unit: string | undefined, involvement: Involvement) => {
    if (unit === undefined || !units.has(unit) || reached.has(unit)) return;
    const list = involved.get(unit) ?? [];
    list.push(involvement);
    involved.set(unit, list);
  };
  const unitOfPerson = (personId: unknown) => {
    const id = text(personId);
    return id === undefined ? undefined : text(people.get(id)?.item.unit);
  };

  eachObjective(doc, (objective, path) => {
    const objectiveId = label(objective, path[path.length - 1]);
    const owner = text(objective.owner);
    add(unitOfPerson(objective.owner), { objective: objectiveId, path: [...path, 'owner'], how: `owner '${owner}' of objective '${objectiveId}' is in unit` });
    if (Array.isArray(objective.contributors)) {
      objective.contributors.forEach((c, i) => {
        add(unitOfPerson(c), { objective: objectiveId, path: [...path, 'contributors', i], how: `contributor '${text(c)}' of objective '${objectiveId}' is in unit` });
      });
    }
    if (Array.isArray(objective.units)) {
      objective.units.forEach((u, i) => {
        add(text(u), { objective: objectiveId, path: [...path, 'units', i], how: `objective '${objectiveId}' names unit` });
      });
    }
  });

  for (const [unit, list] of involved) {
    const objectives = [...new Set(list.map((l) => l.objective))];
    context.report({
      path: units.get(unit)!.path,
      target: 'value',
      messageId: 'unreached',
      data: { unit, objectives: describe(objectives) },
      related: list.map((l) => ({ path: l.path, message: `${l.how} '${unit}'` })),
    });
  }
}

function describe(objectives: string[]): string {
  const quoted = objectives.map((o) => `'${o}'`);
  if (quoted.length === 1) return `objective ${quoted[0]}`;
  return `objectives ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
