import { leadsTo } from '../engine/chains';
import { Suggester } from '../engine/suggest';
import { summaryOf } from '../engine/summary';
import { perRevision } from '../engine/workspace';
import type { RuleContext, RuleMeta, WorkspaceView } from '../engine/types';

export const meta: RuleMeta = {
  id: 'unknown-strategy',
  failureMode: 'FM11',
  leadsTo: leadsTo('FM11'),
  severity: 'info',
  description: 'Every `related_strategies[].ref` is the id of a strategy document in the workspace (the files given to the CLI, or the editor\'s workspace folders).',
  rationale:
    'A related strategy that cannot be found is a link nobody can follow: the strategy was renamed, abandoned, or never written down. ' +
    'The declared dependency then protects nothing, because no one can check what the other plan asks of the same people and budget.',
  countermeasure: 'Use the `id` of an existing strategy document, add the missing document to the workspace, or remove the stale entry.',
  messages: {
    unknown: "Unknown strategy '{{ref}}': no strategy document in the workspace has this id",
    unknownSuggest: "Unknown strategy '{{ref}}'. Did you mean '{{suggestion}}'?",
  },
  fixable: true,
  crossFile: true,
};

export function check(context: RuleContext): void {
  // Without the other documents every reference would look unknown: stay silent.
  const workspace = context.workspace;
  if (!workspace) return;
  const summary = summaryOf(context.doc);
  if (summary.related.length === 0) return;
  const ids = strategyIds(workspace);
  // The index may hold this document in an older version: its id is not another strategy's.
  const mine = context.uri === undefined ? undefined : workspace.get(context.uri)?.summary.id;
  const known = (ref: string) => (ids.counts.get(ref) ?? 0) > (ref === mine ? 1 : 0);
  for (const { ref, path } of summary.related) {
    if (ref === summary.id || known(ref)) continue;
    let suggestion = ids.suggester.closest(ref);
    if (suggestion !== undefined && !known(suggestion)) suggestion = ids.suggester.closest(ref, suggestion);
    context.report({
      path,
      messageId: suggestion ? 'unknownSuggest' : 'unknown',
      data: { ref, suggestion: suggestion ?? '' },
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, ops: [{ op: 'replace', path, value: suggestion }], preferred: true }] : undefined,
    });
  }
}

/** The strategy ids of the workspace's documents, with how many documents have each; once per revision. */
function strategyIds(workspace: WorkspaceView): { counts: Map<string, number>; suggester: Suggester } {
  return perRevision(workspace, 'unknown-strategy', () => {
    const counts = new Map<string, number>();
    for (const { summary } of workspace.documents()) if (summary.id !== undefined) counts.set(summary.id, (counts.get(summary.id) ?? 0) + 1);
    return { counts, suggester: Suggester.for('unknown-strategy', [...counts.keys()]) };
  });
}
