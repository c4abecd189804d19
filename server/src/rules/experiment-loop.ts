import { leadsTo } from '../engine/chains';
import { eachTactic, isRecord, label, text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'experiment-loop',
  failureMode: 'FM05',
  leadsTo: leadsTo('FM05'),
  severity: 'warning',
  description: 'The strategy tries something small first: an experiment with a metric, a duration and a decision rule.',
  rationale:
    'Implementation rarely runs in a straight line from plan to result; the first attempt teaches what the plan got wrong. ' +
    'A strategy made only of full rollouts commits the whole budget before learning anything. An experiment with a metric, ' +
    'a fixed duration and a decision rule agreed beforehand makes the learning explicit and forces a scale, change or stop decision.',
  countermeasure:
    'Run at least one tactic as `kind: experiment`, with `experiment: { metric, duration, decision_rule }` (and the `hypothesis` it tests).',
  messages: {
    noExperiment: "Strategy '{{id}}' runs no tactic as an experiment",
    incomplete: "Experiment '{{id}}' lacks {{missing}}",
  },
  fixable: false,
};

const FIELDS = ['metric', 'duration', 'decision_rule'] as const;

export function check(context: RuleContext): void {
  const doc = context.doc;
  let experiments = 0;
  eachTactic(doc, (tactic, path) => {
    if (text(tactic.kind) !== 'experiment') return;
    experiments++;
    const setup = isRecord(tactic.experiment) ? tactic.experiment : {};
    const missing = FIELDS.filter((field) => text(setup[field]) === undefined);
    if (missing.length === 0) return;
    const related: { path: Path; target: 'key'; message: string }[] = 'experiment' in tactic
      ? [{ path: [...path, 'experiment'], target: 'key', message: 'Experiment set-up' }]
      : [];
    context.report({
      path: [...path, 'id'],
      target: 'key',
      messageId: 'incomplete',
      data: { id: label(tactic, path[path.length - 1]), missing: list([...missing]) },
      ...(related.length > 0 ? { related } : {}),
    });
  });
  if (experiments === 0) {
    context.report({ path: ['id'], target: 'key', messageId: 'noExperiment', data: { id: text(doc.id) ?? 'this strategy' } });
  }
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
