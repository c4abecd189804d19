import { leadsTo } from '../engine/chains';
import { isRecord } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'understanding-check',
  failureMode: 'FM08',
  leadsTo: leadsTo('FM08'),
  severity: 'warning',
  description: 'The strategy plans a check that people understood it, not only that it was announced.',
  rationale:
    'Sending a message proves that it left, not that it arrived: leaders often believe the strategy is shared because it was presented, ' +
    'while the teams retell it in their own, diverging words. A planned check — a pulse survey, a short quiz, a round of interviews — ' +
    'shows early where the message was lost and which teams need it explained again.',
  countermeasure:
    'Add `communication.understanding_check` with a `method`, a `target` share of people who can explain the strategy, and a `cadence`.',
  messages: { missing: "Strategy '{{id}}' never checks that people understood it; add communication.understanding_check" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const communication = doc.communication;
  const id = typeof doc.id === 'string' && doc.id.trim() !== '' ? doc.id : 'this strategy';
  if (isRecord(communication) && !isEmpty(communication.understanding_check)) return;

  let path: Path = ['id'];
  if (isRecord(communication)) path = communication.understanding_check === undefined ? ['communication'] : ['communication', 'understanding_check'];
  else if (communication !== undefined) path = ['communication'];

  // Under a `communication` that is a list or a scalar, adding the key would overwrite what the author wrote.
  const fixable = canHold(communication) && (!isRecord(communication) || canHold(communication.understanding_check));
  const fixes: Fix[] = [{
    title: 'Add a quarterly understanding check (pulse survey)',
    ops: [{
      op: 'set',
      path: ['communication'],
      key: 'understanding_check',
      value: { method: 'TODO: pulse survey', target: 0.8, cadence: 'quarterly' },
    }],
    preferred: true,
  }];
  context.report({ path, target: 'key', messageId: 'missing', data: { id }, ...(fixable ? { fixes } : {}) });
}

/** Absent, null, an empty string or a map: a value `set` can fill or merge into without overwriting. */
function canHold(value: unknown): boolean {
  return value === undefined || value === null || value === '' || isRecord(value);
}

/** Absent, null, an empty string or an empty map or list: nothing is planned. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}
