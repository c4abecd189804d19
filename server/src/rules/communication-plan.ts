import { leadsTo } from '../engine/chains';
import { isRecord, records, text } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'communication-plan',
  failureMode: 'P2',
  leadsTo: leadsTo('P2'),
  severity: 'warning',
  description: 'The strategy is communicated through at least two internal channels, at least one of them two-way.',
  rationale:
    'One announcement through one channel reaches the people who happened to read it, once. ' +
    'Repeating the message through several channels reaches more of the organisation, and a channel where people can answer back ' +
    'is where misunderstandings and objections surface while they can still be handled.',
  countermeasure:
    'List at least two `communication.channels`, and mark one where people can ask and push back (a service meeting, a workshop) with `two_way: true`.',
  messages: {
    none: 'The strategy names no communication channel; use at least two, one of them two-way',
    single: "The strategy is communicated only through '{{channel}}'; add a second channel",
    singleOneWay: "The strategy is communicated only through '{{channel}}', which is one-way; add a second, two-way channel",
    noTwoWay: 'None of the {{count}} communication channels is two-way; add one where people can answer back',
  },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const communication = doc.communication;
  const channels = isRecord(communication) ? records(communication.channels) : [];
  const twoWay = channels.some(([c]) => c.two_way === true);
  if (channels.length >= 2 && twoWay) return;

  let messageId: string;
  if (channels.length === 0) messageId = 'none';
  else if (channels.length === 1) messageId = twoWay ? 'single' : 'singleOneWay';
  else messageId = 'noTwoWay';

  let path: Path = ['id'];
  if (isRecord(communication) && 'channels' in communication) path = ['communication', 'channels'];
  else if ('communication' in doc) path = ['communication'];

  // Appending into something that is not a list (or under a `communication` that is not a map) would overwrite it.
  const canFix = isAbsent(communication) || (isRecord(communication) && (isAbsent(communication.channels) || Array.isArray(communication.channels)));
  context.report({
    path,
    target: 'key',
    messageId,
    data: { channel: channels.length > 0 ? text(channels[0][0].channel) ?? 'one channel' : '', count: channels.length },
    fixes: canFix ? fixes(doc, twoWay) : undefined,
  });
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * One fix per possible owner. The missing two-way channel comes first: a biweekly service meeting for everyone.
 * When a two-way channel exists and only the count is short, a second two-way meeting would repeat it,
 * so the complement is a monthly internal blog post instead.
 */
function fixes(doc: Record<string, unknown>, hasTwoWay: boolean): Fix[] {
  const people = records(doc.people)
    .map(([p]) => ({ id: text(p.id), name: text(p.name) }))
    .filter((p): p is { id: string; name: string | undefined } => p.id !== undefined);
  const owners = people.length > 0 ? people : [{ id: 'owner-id', name: 'a placeholder owner' }];
  return owners.map((p) => ({
    title: hasTwoWay
      ? `Add a monthly internal blog post run by ${p.name ?? p.id}`
      : `Add a biweekly two-way service meeting run by ${p.name ?? p.id}`,
    ops: [{
      op: 'append' as const,
      path: ['communication', 'channels'],
      value: hasTwoWay
        ? { channel: 'internal-blog', audience: ['all'], cadence: 'monthly', owner: p.id, two_way: false }
        : { channel: 'service-meeting', audience: ['all'], cadence: 'biweekly', owner: p.id, two_way: true },
    }],
    ...(owners.length === 1 ? { preferred: true } : {}),
  }));
}
