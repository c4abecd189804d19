import { leadsTo } from '../engine/chains';
import { isRecord, text } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'questions-channel',
  failureMode: 'P4',
  leadsTo: leadsTo('P4'),
  severity: 'info',
  description: 'The strategy says where people can ask questions about it.',
  rationale:
    'People who do not understand what a strategy asks of them rarely say so in a town hall; they guess, or they wait. ' +
    'A known place for questions — a chat channel, a mailbox, an office hour — lets doubts come out early and shows the authors where the message is unclear.',
  countermeasure: 'Add `communication.questions:` naming the channel or mailbox where anyone can ask about the strategy.',
  messages: { missing: "Strategy '{{id}}' does not say where people can ask questions" },
  fixable: true,
};

const PLACEHOLDER = 'TODO: where people can ask questions (channel, mailbox)';

export function check(context: RuleContext): void {
  const doc = context.doc;
  const communication = doc.communication;
  const questions = isRecord(communication) ? communication.questions : undefined;
  // A value of the wrong type (a list of places) still says where to ask; the schema rule reports its shape.
  if (!(questions === undefined || questions === null || (typeof questions === 'string' && questions.trim() === ''))) return;
  const present = communication !== undefined && communication !== null;
  // A `communication` that is not a map stays as written: setting a key under it would overwrite it.
  const canFix = !present || isRecord(communication);
  context.report({
    path: 'communication' in doc ? ['communication'] : ['id'],
    target: 'key',
    messageId: 'missing',
    data: { id: text(doc.id) ?? 'this strategy' },
    fixes: canFix
      ? [{
          title: 'Add a placeholder for where people can ask questions',
          ops: [
            typeof questions === 'string' && questions !== ''
              ? { op: 'replace', path: ['communication', 'questions'], value: PLACEHOLDER }
              : { op: 'set', path: ['communication'], key: 'questions', value: PLACEHOLDER },
          ],
          preferred: true,
        }]
      : undefined,
  });
}
