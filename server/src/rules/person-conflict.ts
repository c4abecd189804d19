import { leadsTo } from '../engine/chains';
import { personNameKey, summaryOf } from '../engine/summary';
import { documentLabel, otherDocuments } from '../engine/workspace';
import type { RelatedInfo, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'person-conflict',
  failureMode: 'FM11',
  leadsTo: leadsTo('FM11'),
  severity: 'warning',
  description: 'A person id names the same person in every strategy of the workspace.',
  rationale:
    'Cross-strategy checks such as owner overload count people by their id. ' +
    'When `hugo` is Hugo R. in one document and Hugo Martin in another, either two people share an id and one of them is counted for the other\'s work, ' +
    'or one person is spelled two ways and nobody can tell. Either way the workload picture across strategies is wrong.',
  countermeasure: 'Use the same name for the same id everywhere, or give the second person an id of their own (for example `hugo-m`).',
  messages: {
    conflict: "Person '{{id}}' is '{{name}}' here but {{others}}",
  },
  fixable: false,
  crossFile: true,
};

export function check(context: RuleContext): void {
  // A conflict needs another document; without the workspace there is none.
  const workspace = context.workspace;
  if (!workspace) return;
  for (const person of summaryOf(context.doc).people) {
    if (person.name === undefined) continue;
    const key = personNameKey(person.name);
    const related: RelatedInfo[] = [];
    const names: string[] = [];
    const others = otherDocuments(context, workspace.byPersonId(person.id)).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const doc of others) {
      for (const other of doc.summary.people) {
        if (other.id !== person.id || other.name === undefined || personNameKey(other.name) === key) continue;
        const label = documentLabel(doc);
        names.push(`'${other.name}' in strategy '${label}'`);
        related.push({ uri: doc.uri, range: doc.rangeOf([...other.path, 'name']), message: `'${person.id}' is '${other.name}' in strategy '${label}'` });
      }
    }
    if (related.length === 0) continue;
    context.report({
      path: [...person.path, 'name'],
      messageId: 'conflict',
      data: { id: person.id, name: person.name, others: names.join(', ') },
      relatedElsewhere: related,
    });
  }
}
