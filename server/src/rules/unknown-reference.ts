import { KIND_LABEL, KIND_LIST, modelOf } from '../engine/model';
import { Suggester, SuggestionBudget } from '../engine/suggest';
import type { RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'unknown-reference',
  failureMode: null,
  severity: 'error',
  description: 'Every owner, unit, tool, hypothesis, KPI, tactic and process named in the document is defined in it.',
  rationale:
    'An owner who is not in `people` or a KPI source that is not in `tools` is usually a typo or a departed colleague. ' +
    'Either way the responsibility the document seems to assign lands on nobody.',
  countermeasure: 'Use an id defined in the matching list (people, units, tools, hypotheses, KPIs, tactics, processes), or add the missing item there.',
  messages: {
    unknown: "Unknown {{kind}} '{{id}}': no such id in {{list}}",
    unknownSuggest: "Unknown {{kind}} '{{id}}'. Did you mean '{{suggestion}}'?",
  },
  fixable: true,
};

/**
 * Comparisons with a candidate allowed per lint for unknown ids with nothing within one edit (about
 * half a second). Past it, such ids are reported without a suggestion: 8,000 made-up owners against
 * 2,700 people took 12 s. Ids one edit from a candidate, the usual typo, are always suggested.
 */
export const SUGGESTION_BUDGET = 1_000_000;

export function check(context: RuleContext): void {
  const model = modelOf(context.doc);
  const suggesters = new Map<string, Suggester>();
  const budget = new SuggestionBudget(SUGGESTION_BUDGET);
  for (const ref of model.references) {
    if (ref.allow?.includes(ref.id)) continue;
    if (ref.kinds.some((kind) => model.byKind(kind).has(ref.id))) continue;
    // One candidate list per kind of reference, not per reference.
    const scope = `${ref.kinds.join('|')}:${(ref.allow ?? []).join('|')}`;
    let suggester = suggesters.get(scope);
    if (!suggester) {
      const candidates = ref.kinds.flatMap((kind) => [...model.byKind(kind).keys()]).concat(ref.allow ?? []);
      suggester = Suggester.for(`unknown-reference:${scope}`, candidates);
      suggesters.set(scope, suggester);
    }
    let suggestion = suggester.closest(ref.id, undefined, budget);
    // A tactic cannot depend on itself: never suggest its own id.
    if (suggestion !== undefined && suggestion === ref.self) suggestion = undefined;
    const kind = ref.kinds.map((k) => KIND_LABEL[k]).join(' or ');
    const list = ref.kinds.map((k) => `'${KIND_LIST[k] === 'KPIs' ? 'kpis' : KIND_LIST[k]}'`).join(' or ');
    context.report({
      path: ref.path,
      messageId: suggestion ? 'unknownSuggest' : 'unknown',
      data: { kind, id: ref.id, list, suggestion: suggestion ?? '' },
      fixes: suggestion
        ? [{ title: `Change to '${suggestion}'`, ops: [{ op: 'replace', path: ref.path, value: suggestion }], preferred: true }]
        : undefined,
    });
  }
}
