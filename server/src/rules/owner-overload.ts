import { leadsTo } from '../engine/chains';
import { parseDate } from '../engine/dates';
import { countsAsCurrent, isOpenTactic, summaryOf, type TacticSummary } from '../engine/summary';
import { byUri, documentLabel, perRevision } from '../engine/workspace';
import { MAX_RELATED, type IndexedDocument, type Path, type RelatedInfo, type RuleContext, type RuleMeta, type WorkspaceView } from '../engine/types';

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

/** One document's open tactics owned by a person. */
interface Owned { doc: IndexedDocument; tactics: TacticSummary[] }

/** Where a person owns open tactics across the workspace: the documents in uri order, and the count per uri. */
interface Ownership { owned: Owned[]; total: number; counts: Map<string, number> }

const NOBODY: Ownership = { owned: [], total: 0, counts: new Map() };

export function check(context: RuleContext): void {
  const today = parseDate(context.today);
  const summary = summaryOf(context.doc);
  if (today === undefined || !countsAsCurrent(summary)) return;
  const max = Number(context.options.max);
  const mine = new Map<string, TacticSummary[]>();
  for (const t of summary.tactics) {
    if (!isOpenTactic(t, today)) continue;
    const list = mine.get(t.owner!) ?? [];
    list.push(t);
    mine.set(t.owner!, list);
  }
  const here = context.uri;
  for (const [person, tactics] of mine) {
    // The index may hold this document in an older version: its entry is left out of every count.
    const across = context.workspace ? ownership(context.workspace, person, context.today, today) : NOBODY;
    const indexedHere = here === undefined ? undefined : across.counts.get(here);
    const count = tactics.length + across.total - (indexedHere ?? 0);
    if (count <= max) continue;
    const strategies = 1 + across.owned.length - (indexedHere === undefined ? 0 : 1);
    const name = summary.people.find((p) => p.id === person)?.name;
    const data = { person: name ? `${name} ('${person}')` : `'${person}'`, count, max, strategies };
    const relatedElsewhere = ownedElsewhere(across, here);
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

/** The current documents where `person` owns open tactics on `today`, gathered once per revision of the workspace. */
function ownership(workspace: WorkspaceView, person: string, todayIso: string, today: number): Ownership {
  return perRevision(workspace, `owner-overload\u0000${todayIso}\u0000${person}`, () => {
    const owned: Owned[] = [];
    const counts = new Map<string, number>();
    let total = 0;
    for (const doc of byUri(workspace.byTacticOwner(person))) {
      if (!countsAsCurrent(doc.summary)) continue;
      const tactics = doc.summary.tactics.filter((t) => t.owner === person && isOpenTactic(t, today));
      if (tactics.length === 0) continue;
      owned.push({ doc, tactics });
      counts.set(doc.uri, tactics.length);
      total += tactics.length;
    }
    return { owned, total, counts };
  });
}

/** The person's tactics in the other documents, as many as a finding keeps. */
function ownedElsewhere(across: Ownership, here: string | undefined): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const { doc, tactics } of across.owned) {
    if (doc.uri === here) continue;
    for (const tactic of tactics) {
      if (out.length === MAX_RELATED) return out;
      out.push({ uri: doc.uri, range: doc.rangeOf([...tactic.path, 'owner']), message: `Also owned: ${describe(tactic)} of strategy '${documentLabel(doc)}'` });
    }
  }
  return out;
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
