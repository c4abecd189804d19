import { KIND_LABEL, modelOf, type Definition } from '../engine/model';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'duplicate-id',
  failureMode: null,
  severity: 'error',
  description: 'Ids are unique within the document.',
  rationale:
    'References such as `owner: hugo` or `depends_on: [t-landing]` only mean something when the id names exactly one thing. ' +
    'With two items under one id, reviews and tools silently pick one and the other disappears from the plan.',
  countermeasure: 'Give each person, unit, objective, KPI, tactic, risk, process, tool and hypothesis its own id.',
  messages: { duplicate: "Duplicate id '{{id}}': already used by the {{firstKind}} at {{first}}" },
  fixable: false,
};

export function check(context: RuleContext): void {
  const seen = new Map<string, Definition>();
  for (const def of modelOf(context.doc).definitions) {
    const first = seen.get(def.id);
    if (!first) {
      seen.set(def.id, def);
      continue;
    }
    context.report({
      path: def.path,
      messageId: 'duplicate',
      data: { id: def.id, firstKind: KIND_LABEL[first.kind], first: first.path.slice(0, -1).join('.') },
      related: [{ path: first.path, message: `First use of '${def.id}'` }],
    });
  }
}
