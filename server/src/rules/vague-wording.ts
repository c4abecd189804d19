import { leadsTo } from '../engine/chains';
import { sameElements } from '../engine/memo';
import { eachObjective, label, records } from '../engine/model';
import type { Path, RuleContext, RuleMeta } from '../engine/types';
import { firstWord, fold, hasDecimalDigit } from '../engine/words';

export const DEFAULT_WORDS = ['improve', 'optimise', 'optimize', 'leverage', 'enhance', 'boost', 'strengthen', 'améliorer', 'optimiser', 'renforcer', 'développer'];
/**
 * DEFAULT_WORDS folded, written out (a test checks them): folding the accented ones would cost
 * every server's first lint a Unicode expression (see engine/words.ts).
 */
export const DEFAULT_FOLDED = ['improve', 'optimise', 'optimize', 'leverage', 'enhance', 'boost', 'strengthen', 'ameliorer', 'optimiser', 'renforcer', 'developper'];
let defaultVague: Set<string> | undefined;

export const meta: RuleMeta = {
  id: 'vague-wording',
  failureMode: 'FM10',
  leadsTo: leadsTo('FM10'),
  severity: 'warning',
  description: 'Objective and tactic titles say what changes and by how much, not just "improve" or "boost".',
  rationale:
    'A title such as "Improve customer experience" can be agreed by everyone precisely because it commits no one to anything; ' +
    'each team reads its own priority into it, and at the review nobody can say whether it was achieved. ' +
    'Naming the result and a number makes disagreement visible while the plan can still change, instead of after the fact, when execution takes the blame.',
  countermeasure: 'Reword the title around the result and a number ("Move 30% of salon reorders online"), not around a vague verb.',
  messages: {
    vague: "The title of {{kind}} '{{id}}' starts with '{{word}}' and names no number; say what changes and by how much",
  },
  fixable: false,
  options: {
    words: {
      type: 'string[]',
      default: DEFAULT_WORDS,
      description: 'Vague verbs that may not open a title without a number (compared without case or accents; -s, -d, -ed and -ing forms included).',
    },
  },
};

export function check(context: RuleContext): void {
  const words = Array.isArray(context.options.words) ? context.options.words : DEFAULT_WORDS;
  const vague = sameElements(words, DEFAULT_WORDS)
    ? (defaultVague ??= new Set(DEFAULT_FOLDED.flatMap(inflections)))
    : new Set(words.flatMap((w) => (typeof w === 'string' ? inflections(fold(w.trim())) : [])));
  if (vague.size === 0) return;

  const visit = (kind: string, item: Record<string, unknown>, path: Path) => {
    const title = item.title;
    if (typeof title !== 'string' || hasDecimalDigit(title)) return;
    // The title has no digit, so its first run of letters is its first word, whatever punctuation opens it.
    const first = firstWord(title);
    if (first === undefined || !vague.has(fold(first))) return;
    context.report({
      path: [...path, 'title'],
      messageId: 'vague',
      data: { kind, id: label(item, path[path.length - 1]), word: first },
    });
  };
  eachObjective(context.doc, (objective, path) =>
    context.memo(objective, [path], () => {
      visit('objective', objective, path);
      for (const [tactic, j] of records(objective.tactics)) visit('tactic', tactic, [...path, 'tactics', j]);
    }),
  );
}

/** The word and its common English forms: improve → improves, improved, improving. */
function inflections(word: string): string[] {
  if (word === '') return [];
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${word}d`, `${word}ed`, `${word}ing`, `${stem}ing`, `${stem}ed`];
}

