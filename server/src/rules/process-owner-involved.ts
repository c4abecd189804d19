import { leadsTo } from '../engine/chains';
import { eachTactic, isRecord, label, modelOf, records, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'process-owner-involved',
  failureMode: 'FM15',
  leadsTo: leadsTo('FM15'),
  severity: 'warning',
  description: 'The owner of every process a tactic affects is a stakeholder or is reached by a communication channel.',
  rationale:
    'The person who runs a process day to day is the first to see a tactic break it, and the one who can adapt it. ' +
    'If they are neither mapped as a stakeholder nor reached by any channel, they learn about the change when their process fails, ' +
    'and they defend the daily business against the strategy instead of adjusting it.',
  countermeasure:
    'Add the process owner (or their unit) to `stakeholders`, or make sure a communication channel reaches their unit (`audience` with the unit or `all`).',
  messages: {
    notInvolved: "Process '{{process}}' is affected by {{tactics}}, but its owner '{{owner}}' is neither a stakeholder nor reached by a communication channel",
    noOwner: "Process '{{process}}' is affected by {{tactics}} but has no owner to involve",
  },
  fixable: false,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const model = modelOf(doc);
  const processes = model.byKind('process');
  const people = model.byKind('person');

  // Process id → the `affects` entries naming it, with their tactic.
  const affected = new Map<string, { path: Path; tactic: string }[]>();
  eachTactic(doc, (tactic, path) => {
    if (!Array.isArray(tactic.affects)) return;
    tactic.affects.forEach((value, k) => {
      const id = text(value);
      if (id === undefined || !processes.has(id)) return;
      const uses = affected.get(id) ?? [];
      uses.push({ path: [...path, 'affects', k], tactic: label(tactic, path[path.length - 1]) });
      affected.set(id, uses);
    });
  });

  const whos = new Set(records(doc.stakeholders).map(([s]) => text(s.who)).filter((w): w is string => w !== undefined));
  const audiences = new Set<string>();
  if (isRecord(doc.communication)) {
    for (const [channel] of records(doc.communication.channels)) {
      if (Array.isArray(channel.audience)) for (const a of channel.audience) if (text(a) !== undefined) audiences.add(String(a));
    }
  }

  for (const [id, uses] of affected) {
    const process = processes.get(id)!;
    const base = process.path.slice(0, -1);
    const names = [...new Set(uses.map((u) => `'${u.tactic}'`))];
    const tactics = `${names.length === 1 ? 'tactic' : 'tactics'} ${names.join(', ')}`;
    const related = uses.map((u) => ({ path: u.path, message: `Affected by tactic '${u.tactic}'` }));
    const owner = text(process.item.owner);
    if (owner === undefined) {
      context.report({ path: process.path, target: 'key', messageId: 'noOwner', data: { process: id, tactics }, related });
      continue;
    }
    const person = people.get(owner);
    const unit = person ? text(person.item.unit) : undefined;
    if (whos.has(owner) || (unit !== undefined && whos.has(unit))) continue;
    if (audiences.has('all') || (unit !== undefined && audiences.has(unit))) continue;
    context.report({
      path: [...base, 'owner'],
      messageId: 'notInvolved',
      data: { process: id, owner, tactics },
      related,
    });
  }
}
