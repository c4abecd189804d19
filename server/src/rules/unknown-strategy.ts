import { leadsTo } from '../engine/chains';
import { closest } from '../engine/suggest';
import { summaryOf } from '../engine/summary';
import { otherDocuments } from '../engine/workspace';
import type { RuleContext, RuleMeta } from '../engine/types';

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
  const others = otherDocuments(context, workspace.documents());
  const ids = new Set(others.map((d) => d.summary.id).filter((id): id is string => id !== undefined));
  for (const { ref, path } of summary.related) {
    if (ref === summary.id || ids.has(ref)) continue;
    const suggestion = closest(ref, ids);
    context.report({
      path,
      messageId: suggestion ? 'unknownSuggest' : 'unknown',
      data: { ref, suggestion: suggestion ?? '' },
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, ops: [{ op: 'replace', path, value: suggestion }], preferred: true }] : undefined,
    });
  }
}
