import { leadsTo } from '../engine/chains';
import { eachKpi, label, records, text } from '../engine/model';
import type { Fix, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-source',
  failureMode: 'P5',
  leadsTo: leadsTo('P5'),
  severity: 'info',
  description: 'Every KPI names the tool its values come from.',
  rationale:
    'A KPI that someone has to compile by hand is updated late, then rarely, then not at all. Naming the system the numbers come from ' +
    'makes it clear where to look, lets the update be automated, and avoids two people reporting two different figures for the same indicator.',
  countermeasure: 'Add `source:` with the id of a tool from `tools` (list the tool there first if it is missing).',
  messages: {
    missing: "KPI '{{id}}' has no source",
    unknown: "KPI '{{id}}' names source '{{source}}', which is not one of the tools",
  },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const tools = records(doc.tools)
    .map(([tool]) => ({ id: text(tool.id), name: text(tool.name) }))
    .filter((t): t is { id: string; name: string | undefined } => t.id !== undefined);
  const known = new Set(tools.map((t) => t.id));
  eachKpi(doc, (kpi, path) => {
    const id = label(kpi, path[path.length - 1]);
    const source = text(kpi.source);
    if (source === undefined) {
      const value = kpi.source;
      // `set` fills an empty value but never overwrites one, so a value of the wrong type gets no fix.
      const canFix = value === undefined || value === null || value === '';
      context.report({
        path: [...path, 'id'],
        target: 'key',
        messageId: 'missing',
        data: { id },
        fixes: canFix ? tools.map((t) => setFix(t, { op: 'set', path, key: 'source', value: t.id })) : undefined,
      });
    } else if (!known.has(source)) {
      const at: Path = [...path, 'source'];
      context.report({
        path: at,
        messageId: 'unknown',
        data: { id, source },
        fixes: typeof kpi.source === 'string' ? tools.map((t) => setFix(t, { op: 'replace', path: at, value: t.id })) : undefined,
      });
    }
  });
}

function setFix(tool: { id: string; name: string | undefined }, op: Fix['ops'][number]): Fix {
  return { title: `Set source to ${tool.name ?? tool.id}`, ops: [op] };
}
