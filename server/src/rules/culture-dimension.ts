import { leadsTo } from '../engine/chains';
import { eachTactic, isRecord, records, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'culture-dimension',
  failureMode: 'FM06',
  leadsTo: leadsTo('FM06'),
  severity: 'info',
  description: 'The strategy works on culture or capabilities, not only on operations.',
  rationale:
    'New processes and tools run on old habits and beliefs. When a strategy only changes what people do and never what they believe ' +
    'or what they are able to do, the old way quietly returns as soon as attention moves elsewhere. Naming the shift in mindset, ' +
    'or planning the training and coaching it needs, gives the operational work something to stand on.',
  countermeasure:
    'Add a tactic with `dimension: cultural` or `dimension: capability`, or describe the shifts under `culture.shifts` (from → to).',
  messages: { missing: "Strategy '{{id}}' has no cultural or capability work and names no culture shift" },
  fixable: false,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  let found = false;
  eachTactic(doc, (tactic) => {
    const dimension = text(tactic.dimension);
    if (dimension === 'cultural' || dimension === 'capability') found = true;
  });
  if (found) return;
  if (isRecord(doc.culture) && records(doc.culture.shifts).length > 0) return;
  const hasCulture = doc.culture !== undefined;
  context.report({
    path: hasCulture ? ['culture'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(doc.id) ?? 'this strategy' },
  });
}
