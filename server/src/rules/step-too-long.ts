import { leadsTo } from '../engine/chains';
import { parseDate } from '../engine/dates';
import { eachTactic, label, records, text, type Rec } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'step-too-long',
  failureMode: 'P3',
  leadsTo: leadsTo('P3'),
  severity: 'info',
  description: 'No step of a tactic lasts longer than the maximum (default 6 weeks).',
  rationale:
    'A step that takes two months is a small tactic in disguise: for most of that time nobody can tell whether it is on track, ' +
    'and a delay shows only at its deadline. Steps of a few weeks give regular, checkable milestones and keep the cascade honest.',
  countermeasure: 'Split the step into shorter steps, each with its own owner and due date.',
  messages: {
    tooLong: "Step '{{step}}' of tactic '{{tactic}}' is due {{weeks}} weeks after {{fromWhat}} ({{from}}); split it into steps of at most {{max}} weeks",
  },
  fixable: false,
  options: {
    maxWeeks: { type: 'number', default: 6, description: "Longest time, in weeks, between a step's due date and the previous step's (the tactic's start for the first step)." },
  },
};

export function check(context: RuleContext): void {
  const maxWeeks = typeof context.options.maxWeeks === 'number' ? context.options.maxWeeks : 6;
  eachTactic(context.doc, (tactic, tacticPath) => context.memo(tactic, [tacticPath], () => {
    const tacticLabel = label(tactic, tacticPath[tacticPath.length - 1]);
    let previous: { day: number; date: string; what: string; path: Path } | undefined;
    const start = parseDate(tactic.start);
    if (start !== undefined) previous = { day: start, date: String(tactic.start), what: "the tactic's start", path: [...tacticPath, 'start'] };
    for (const [step, k] of records(tactic.steps)) {
      const due = parseDate(step.due);
      if (due === undefined) continue;
      const path: Path = [...tacticPath, 'steps', k, 'due'];
      if (previous && due - previous.day > maxWeeks * 7) {
        context.report({
          path,
          messageId: 'tooLong',
          data: {
            step: stepLabel(step, k),
            tactic: tacticLabel,
            weeks: Math.round(((due - previous.day) / 7) * 10) / 10,
            from: previous.date,
            fromWhat: previous.what,
            max: maxWeeks,
          },
          related: [{ path: previous.path, message: `Previous date: ${previous.date}` }],
        });
      }
      previous = { day: due, date: String(step.due), what: `step '${stepLabel(step, k)}'`, path };
    }
  }));
}

function stepLabel(step: Rec, index: number): string {
  const title = text(step.title);
  if (title === undefined) return `#${index + 1}`;
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}
