import { leadsTo } from '../engine/chains';
import { eachObjective, label } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'overconfidence',
  failureMode: 'FM02',
  leadsTo: leadsTo('FM02'),
  severity: 'info',
  description: 'Every objective states an honest confidence below 0.9.',
  rationale:
    'When an objective is treated as certain, nobody prepares for it to miss: there is no fallback, no early warning, ' +
    'and the first bad number comes as a shock. Writing down a confidence, and keeping it honest, reminds everyone that ' +
    'the plan is a bet and invites the questions of what would raise it and what happens if it fails.',
  countermeasure: 'Add `confidence:` between 0 and 1 to the objective, the honest chance of reaching it, and plan for the rest.',
  messages: {
    missing: "Objective '{{id}}' states no confidence",
    tooHigh: "Objective '{{id}}' has confidence {{value}}: is it really that certain?",
  },
  fixable: false,
  options: {
    threshold: { type: 'number', default: 0.9, description: 'Confidence at or above this value is reported as overconfident.' },
  },
};

export function check(context: RuleContext): void {
  const threshold = typeof context.options.threshold === 'number' ? context.options.threshold : 0.9;
  eachObjective(context.doc, (objective, path) => {
    const id = label(objective, path[path.length - 1]);
    const confidence = objective.confidence;
    if (confidence === undefined || confidence === null || confidence === '') {
      context.report({ path: [...path, 'id'], target: 'key', messageId: 'missing', data: { id } });
    } else if (typeof confidence === 'number' && confidence >= threshold) {
      context.report({ path: [...path, 'confidence'], messageId: 'tooHigh', data: { id, value: confidence } });
    }
    // Any other value (a word, a list) is the schema rule's to report.
  });
}
