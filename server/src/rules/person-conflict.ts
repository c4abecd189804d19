import { leadsTo } from '../engine/chains';
import { personNameKey, summaryOf, type PersonSummary } from '../engine/summary';
import { documentLabel, gather, perRevision, sightingsOf, strategiesNamed, type Sighting } from '../engine/workspace';
import type { RuleContext, RuleMeta, WorkspaceView } from '../engine/types';

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
    const names = namesOf(workspace, person.id);
    // Most people have one name everywhere: then there is nothing to list.
    if (names.size === 0 || (names.size === 1 && names.has(key))) continue;
    const others = sightingsOf(names, (name) => name !== key, context.uri);
    if (others.length === 0) continue;
    context.report({
      path: [...person.path, 'name'],
      messageId: 'conflict',
      data: { id: person.id, name: person.name, others: namesElsewhere(others) },
      relatedElsewhere: others.map(({ doc, item }) => ({
        uri: doc.uri,
        range: doc.rangeOf([...item.path, 'name']),
        message: `'${person.id}' is '${item.name}' in strategy '${documentLabel(doc)}'`,
      })),
    });
  }
}

/** Every name the workspace's documents give the person id, grouped by name; once per revision of the workspace. */
function namesOf(workspace: WorkspaceView, id: string): Map<string, Sighting<PersonSummary>[]> {
  return perRevision(workspace, `person-conflict\u0000${id}`, () =>
    gather(
      workspace.byPersonId(id),
      (doc) => doc.summary.people.filter((p) => p.id === id),
      (p) => (p.name === undefined ? undefined : personNameKey(p.name)),
    ),
  );
}

/** Other names a message spells out before it only counts the rest. */
const NAMED = 5;

/**
 * "'Hugo Martin' in strategy 'b', 'H. Martin' in strategies 'c', 'd'": each other name once, with
 * the strategies that use it; past five names, "and 3 other names".
 */
function namesElsewhere(others: readonly Sighting<PersonSummary>[]): string {
  const byName = new Map<string, Set<string>>();
  for (const { doc, item } of others) {
    const labels = byName.get(item.name!) ?? new Set<string>();
    labels.add(documentLabel(doc));
    byName.set(item.name!, labels);
  }
  const named = Array.from(byName, ([name, labels]) => `'${name}' in ${strategiesNamed([...labels])}`);
  const more = named.length - NAMED;
  return named.slice(0, NAMED).join(', ') + (more > 0 ? ` and ${more} other name${more === 1 ? '' : 's'}` : '');
}
