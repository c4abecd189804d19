import { leadsTo } from '../engine/chains';
import { text } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';
import { wordCount } from '../engine/words';

export const meta: RuleMeta = {
  id: 'strategy-why',
  failureMode: 'FM08',
  alsoGuards: ['P1'],
  leadsTo: leadsTo('FM08'),
  severity: 'error',
  description: 'The strategy says, in a sentence, why it is needed.',
  rationale:
    'People who only receive the what of a strategy fill in the why themselves, and each fills it in differently; ' +
    'the shared vision the authors take for granted never forms. A plain-words reason is what lets a manager explain the change ' +
    'to a team and what lets anyone decide, without asking, whether a new idea serves the strategy.',
  countermeasure: 'Add `why:` at the top of the document: the problem or opportunity behind the strategy, in at least a full sentence.',
  messages: {
    missing: "Strategy '{{id}}' does not say why it is needed",
    short: "The why of strategy '{{id}}' has {{count}} word(s); explain in at least {{min}} words why the strategy is needed",
  },
  fixable: true,
  options: {
    minWords: { type: 'number', default: 5, description: 'Fewest words a `why` must have to count as an explanation.' },
  },
};

const PLACEHOLDER = 'TODO: why this strategy is needed, in plain words';

export function check(context: RuleContext): void {
  const doc = context.doc;
  const min = typeof context.options.minWords === 'number' ? context.options.minWords : 5;
  const id = text(doc.id) ?? 'this strategy';
  const why = doc.why;
  if (isEmpty(why)) {
    // An absent `why` is a gap in the whole document; an empty `why:` key is the precise place.
    const path: Path = why === undefined ? ['id'] : ['why'];
    context.report({
      path,
      target: 'key',
      messageId: 'missing',
      data: { id },
      fixes: [{ title: 'Add a why placeholder', ops: [{ op: 'set', path: [], key: 'why', value: PLACEHOLDER }], preferred: true }],
    });
    return;
  }
  const value = text(why);
  if (value === undefined) {
    // A list or a map: the schema reports the type; here it still explains nothing.
    context.report({ path: ['why'], target: 'key', messageId: 'missing', data: { id } });
    return;
  }
  const count = wordCount(value);
  if (count < min) context.report({ path: ['why'], messageId: 'short', data: { id, count, min } });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
