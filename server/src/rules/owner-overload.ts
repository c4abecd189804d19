import { leadsTo } from '../engine/chains';
import { parseDate } from '../engine/dates';
import { countsAsCurrent, isOpenTactic, summaryOf, type TacticSummary } from '../engine/summary';
import { documentLabel, otherDocuments } from '../engine/workspace';
import { MAX_RELATED, type IndexedDocument, type Path, type RelatedInfo, type RuleContext, type RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'owner-overload',
  failureMode: 'FM11',
  leadsTo: leadsTo('FM11'),
  severity: 'warning',
  description: 'Nobody owns more open tactics than the maximum, counted across every active or draft strategy of the workspace.',
  rationale:
    'Each strategy on its own looks reasonable; the overload appears only when the plans are laid side by side and the same manager owns tactics in four of them. ' +
    'An overloaded owner cannot move all their tactics, so the strategies compete for their time in silence and the least visible one stalls. ' +
    'Capping open tactics per person forces the trade-off to be made in the open.',
  countermeasure: 'Give some of the tactics to another person, reschedule them after the current ones are due, or pause one of the strategies (`status: paused`).',
  messages: {
    overload: '{{person}} owns {{count}} open tactics across {{strategies}} strategies (at most {{max}})',
    overloadHere: '{{person}} owns {{count}} open tactics in this strategy (at most {{max}})',
  },
  fixable: false,
  crossFile: true,
  options: {
    max: { type: 'number', default: 3, description: 'Most open tactics (due today or later, or without a due date) one person may own across the active and draft strategies.' },
  },
};

interface Elsewhere { tactic: TacticSummary; doc: IndexedDocument }

export function check(context: RuleContext): void {
  const today = parseDate(context.today);
  const summary = summaryOf(context.doc);
  if (today === undefined || !countsAsCurrent(summary)) return;
  const isOpen = (t: TacticSummary) => isOpenTactic(t, today);
  const max = Number(context.options.max);
  const mine = new Map<string, TacticSummary[]>();
  for (const t of summary.tactics.filter(isOpen)) {
    const list = mine.get(t.owner!) ?? [];
    list.push(t);
    mine.set(t.owner!, list);
  }
  for (const [person, tactics] of mine) {
    const elsewhere: Elsewhere[] = [];
    const others = context.workspace ? otherDocuments(context, context.workspace.byTacticOwner(person)) : [];
    for (const doc of others.sort((a, b) => compare(a.uri, b.uri))) {
      if (!countsAsCurrent(doc.summary)) continue;
      for (const tactic of doc.summary.tactics) if (tactic.owner === person && isOpen(tactic)) elsewhere.push({ tactic, doc });
    }
    const count = tactics.length + elsewhere.length;
    if (count <= max) continue;
    const strategies = 1 + new Set(elsewhere.map((o) => o.doc.uri)).size;
    const name = summary.people.find((p) => p.id === person)?.name;
    const data = { person: name ? `${name} ('${person}')` : `'${person}'`, count, max, strategies };
    const relatedElsewhere: RelatedInfo[] = elsewhere.slice(0, MAX_RELATED).map(({ tactic, doc }) => ({
      uri: doc.uri,
      range: doc.rangeOf([...tactic.path, 'owner']),
      message: `Also owned: ${describe(tactic)} of strategy '${documentLabel(doc)}'`,
    }));
    for (const tactic of tactics) {
      context.report({
        path: [...tactic.path, 'owner'],
        messageId: strategies > 1 ? 'overload' : 'overloadHere',
        data,
        related: alsoOwned(tactics, tactic),
        relatedElsewhere,
      });
    }
  }
}

/** The person's other tactics in this document, as many as a finding keeps. */
function alsoOwned(tactics: TacticSummary[], tactic: TacticSummary): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  for (let i = 0; i < tactics.length && out.length < MAX_RELATED; i++) {
    const t = tactics[i];
    if (t !== tactic) out.push({ path: [...t.path, 'owner'], message: `Also owned: ${describe(t)}` });
  }
  return out;
}

function describe(t: TacticSummary): string {
  return `tactic '${t.id ?? '?'}'${t.due ? `, due ${t.due}` : ', no due date'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
