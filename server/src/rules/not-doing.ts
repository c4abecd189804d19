import { leadsTo } from '../engine/chains';
import { text } from '../engine/model';
import type { Fix, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'not-doing',
  failureMode: 'FM10',
  leadsTo: leadsTo('FM10'),
  severity: 'info',
  description: 'The strategy names what it deliberately will not do.',
  rationale:
    'A strategy is as much a list of refusals as of goals. Without explicit non-goals every tempting idea looks compatible with it, ' +
    'resources spread thin over side projects, and teams cannot tell a distraction from a priority. ' +
    'Writing the refusals down makes the choice visible and gives people a reason to say no.',
  countermeasure: 'Add `not_doing:` with the options you considered and rejected (channels, markets, products).',
  messages: {
    missing: "Strategy '{{id}}' does not say what it will not do",
    empty: "Strategy '{{id}}' has an empty not_doing list; name what it deliberately will not do",
  },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const value = doc.not_doing;
  const id = text(doc.id) ?? 'this strategy';
  const fixes: Fix[] = [{
    title: 'Add a not_doing placeholder',
    ops: [{ op: 'append', path: ['not_doing'], value: 'TODO: what we deliberately will not do' }],
    preferred: true,
  }];
  if (value === undefined) {
    context.report({ path: ['id'], target: 'key', messageId: 'missing', data: { id }, fixes });
  } else if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    context.report({ path: ['not_doing'], target: 'key', messageId: 'empty', data: { id }, fixes });
  }
  // Any other value declares something; a wrong type is the schema rule's to report.
}
