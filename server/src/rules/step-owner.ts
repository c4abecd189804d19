import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { eachTactic, isBlank, label, personFixes, type Rec, records, text } from '../engine/model';
import type { Fix, FixOp, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'step-owner',
  failureMode: 'P3',
  leadsTo: leadsTo('P3'),
  severity: 'warning',
  description: 'Every step of a tactic has an owner and a due date.',
  rationale:
    'A step is the smallest promise in the plan; without a name it is a wish, and without a date it can wait forever. ' +
    'An owner and a due date on each step are what let a weekly check-in ask "is it done?" and get a straight answer.',
  countermeasure: 'Give the step an `owner` (a person id) and a `due` date a few weeks out at most.',
  messages: {
    noOwner: "Step '{{step}}' of tactic '{{tactic}}' has no owner",
    noDue: "Step '{{step}}' of tactic '{{tactic}}' has no due date",
    noOwnerNoDue: "Step '{{step}}' of tactic '{{tactic}}' has no owner and no due date",
  },
  fixable: true,
};

// Only empty places are reported and filled: a value of the wrong type is the schema rule's to report.

export function check(context: RuleContext): void {
  // Fixes name the document's people: the list is part of each tactic's key.
  eachTactic(context.doc, (tactic, tacticPath) => context.memo(tactic, [tacticPath, context.doc.people], () => {
    const tacticLabel = label(tactic, tacticPath[tacticPath.length - 1]);
    let previous = parseDate(tactic.start);
    for (const [step, k] of records(tactic.steps)) {
      const path: Path = [...tacticPath, 'steps', k];
      const noOwner = isBlank(step.owner);
      const noDue = isBlank(step.due);
      if (noOwner || noDue) {
        const title = text(step.title);
        context.report({
          path: title !== undefined ? [...path, 'title'] : path,
          target: 'key',
          messageId: noOwner && noDue ? 'noOwnerNoDue' : noOwner ? 'noOwner' : 'noDue',
          data: { step: stepLabel(step, k), tactic: tacticLabel },
          fixes: fixes(context, path, step, noOwner, noDue ? placeholderDue(context, previous, tactic) : undefined),
        });
      }
      previous = parseDate(step.due) ?? previous;
    }
  }));
}

function stepLabel(step: Rec, index: number): string {
  const title = text(step.title);
  if (title === undefined) return `#${index + 1}`;
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}

/** Two weeks after the previous step (or the tactic's start), and not before today; never after the tactic's due date. */
function placeholderDue(context: RuleContext, previous: number | undefined, tactic: Rec): string {
  const today = parseDate(context.today);
  const base = Math.max(today ?? -Infinity, previous ?? -Infinity);
  if (!Number.isFinite(base)) return context.today;
  const due = parseDate(tactic.due);
  return formatDate(due !== undefined && due >= base ? Math.min(base + 14, due) : base + 14);
}

/** Fills an empty key: `set` adds it, or fills `key:` / `key: ""`; a blank-but-not-empty string is replaced. */
function fillOp(path: Path, key: string, current: unknown, value: string): FixOp {
  return typeof current === 'string' && current !== '' ? { op: 'replace', path: [...path, key], value } : { op: 'set', path, key, value };
}

function fixes(context: RuleContext, path: Path, step: Rec, noOwner: boolean, due: string | undefined): Fix[] {
  const setDue: FixOp[] = due !== undefined ? [fillOp(path, 'due', step.due, due)] : [];
  if (!noOwner) return [{ title: `Set due to ${due} (placeholder)`, ops: setDue, preferred: true }];
  return personFixes(context.doc, path).map((fix) => ({
    title: due !== undefined ? `${fix.title} and due to ${due}` : fix.title,
    ops: [...fix.ops.map((op) => (op.op === 'set' ? fillOp(path, 'owner', step.owner, String(op.value)) : op)), ...setDue],
  }));
}
