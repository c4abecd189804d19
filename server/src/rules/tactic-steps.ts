import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { eachTactic, label, records, text, type Rec } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'tactic-steps',
  failureMode: 'P3',
  leadsTo: leadsTo('P3'),
  severity: 'warning',
  description: 'Every tactic is broken down into steps.',
  rationale:
    'A tactic such as "B2B landing pages and 20 backlinks" is too big to start on a Monday morning: nobody knows what to do first, ' +
    'so it slips until the deadline is close. Cascading it into a few small steps, each with an owner and a date, ' +
    'gives the first action a name and makes slippage visible weeks earlier.',
  countermeasure: 'Add `steps:` with the first few small pieces of work, each with a `title`, an `owner` and a `due` date.',
  messages: { missing: "Tactic '{{id}}' has no steps" },
  fixable: true,
};

export function check(context: RuleContext): void {
  eachTactic(context.doc, (tactic, path) => {
    const steps = tactic.steps;
    const absent = steps === undefined || steps === null || (typeof steps === 'string' && steps.trim() === '');
    // Any other value is not a list of steps; the schema rule reports its shape.
    if (!absent && !(Array.isArray(steps) && steps.length === 0)) return;
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'missing',
      data: { id: label(tactic, path[path.length - 1]) },
      // Appending to a string would overwrite it.
      fixes: typeof steps === 'string' ? undefined : fixes(context, tactic, path),
    });
  });
}

/** Two weeks after today, or after the tactic's start when it lies ahead; never after the tactic's due date. */
function firstDue(context: RuleContext, tactic: Rec): string {
  const today = parseDate(context.today);
  const start = parseDate(tactic.start);
  const due = parseDate(tactic.due);
  const base = Math.max(today ?? -Infinity, start ?? -Infinity);
  if (!Number.isFinite(base)) return context.today;
  const date = due !== undefined && due >= base ? Math.min(base + 14, due) : base + 14;
  return formatDate(date);
}

function fixes(context: RuleContext, tactic: Rec, path: Path): Fix[] {
  const due = firstDue(context, tactic);
  const step = (owner: string) => ({ title: 'TODO: first small step', owner, due });
  const owner = text(tactic.owner);
  if (owner !== undefined) {
    return [{ title: 'Add a first step skeleton', ops: [{ op: 'append', path: [...path, 'steps'], value: step(owner) }], preferred: true }];
  }
  const people = records(context.doc.people)
    .map(([p]) => ({ id: text(p.id), name: text(p.name) }))
    .filter((p): p is { id: string; name: string | undefined } => p.id !== undefined);
  if (people.length === 0) {
    return [{ title: 'Add a first step skeleton (placeholder owner)', ops: [{ op: 'append', path: [...path, 'steps'], value: step('owner-id') }], preferred: true }];
  }
  return people.map((p) => ({
    title: `Add a first step skeleton owned by ${p.name ?? p.id}`,
    ops: [{ op: 'append' as const, path: [...path, 'steps'], value: step(p.id) }],
  }));
}
