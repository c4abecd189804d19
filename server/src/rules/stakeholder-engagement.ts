import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { isBlank, isRecord, MAX_PERSON_FIXES, personFixes, records, text } from '../engine/model';
import type { Fix, FixOp, Path, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'stakeholder-engagement',
  failureMode: 'FM14',
  leadsTo: leadsTo('FM14'),
  severity: 'warning',
  description: 'Every skeptic or resistant stakeholder has an engagement plan with an owner, an action and a next date.',
  rationale:
    'Knowing that a unit is skeptical changes nothing by itself: objections left alone harden into quiet resistance, ' +
    'and the strategy stalls in the very place whose cooperation it needs. ' +
    'A named person, a concrete action and a date turn "they will come round" into work someone can be asked about.',
  countermeasure: 'Add `engagement: { owner, action, next }` to the stakeholder: who engages them, what addresses their concern, and when the next step happens.',
  messages: {
    missing: "{{stance}} stakeholder '{{who}}' has no engagement plan",
    incomplete: "The engagement plan for {{stance}} stakeholder '{{who}}' lacks {{missing}}",
  },
  fixable: true,
};

const OPPOSED = new Set(['skeptic', 'resistant']);
const PARTS = ['owner', 'action', 'next'] as const;

export function check(context: RuleContext): void {
  const doc = context.doc;
  for (const [stakeholder, i] of records(doc.stakeholders)) {
    const stance = text(stakeholder.stance);
    if (stance === undefined || !OPPOSED.has(stance)) continue;
    const base: Path = ['stakeholders', i];
    const who = text(stakeholder.who) ?? `#${i + 1}`;
    const whoPath: Path = text(stakeholder.who) !== undefined ? [...base, 'who'] : base;
    const related = [{ path: [...base, 'stance'], message: `Stance: ${stance}` }];
    const engagement = stakeholder.engagement;

    if (isRecord(engagement)) {
      // A part of the wrong type is there, in the wrong shape: the schema rule reports it.
      const missing = PARTS.filter((part) => isBlank(engagement[part]));
      if (missing.length === 0) continue;
      context.report({
        path: [...base, 'engagement'],
        target: 'key',
        messageId: 'incomplete',
        data: { stance, who, missing: listWords(missing) },
        fixes: partFixes(context, [...base, 'engagement'], engagement, missing),
        related,
      });
      continue;
    }
    // Something other than a plan (a note, a list) stays: a fix must not overwrite it.
    const canFix = engagement === undefined || engagement === null;
    context.report({
      path: whoPath,
      target: 'key',
      messageId: 'missing',
      data: { stance: stance[0].toUpperCase() + stance.slice(1), who },
      fixes: canFix ? planFixes(context, base) : undefined,
      related,
    });
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}


/** Fills an empty key: `set` adds it, or fills `key:` / `key: ""`; a blank-but-not-empty string is replaced. */
function fillOp(path: Path, key: string, current: unknown, value: string): FixOp {
  return typeof current === 'string' && current !== '' ? { op: 'replace', path: [...path, key], value } : { op: 'set', path, key, value };
}

function nextDate(context: RuleContext): string {
  const today = parseDate(context.today);
  return today === undefined ? context.today : formatDate(today + 14);
}

/** A whole plan, one fix per person who could own it (the first MAX_PERSON_FIXES of them, as for owners). */
function planFixes(context: RuleContext, base: Path): Fix[] {
  const action = 'TODO: how we win them over';
  const next = nextDate(context);
  const people: { id: string; name: string | undefined }[] = [];
  for (const [p] of records(context.doc.people)) {
    const id = text(p.id);
    if (id !== undefined) people.push({ id, name: text(p.name) });
    if (people.length === MAX_PERSON_FIXES) break;
  }
  if (people.length === 0) {
    return [{
      title: 'Add an engagement plan (placeholder owner)',
      ops: [{ op: 'set', path: base, key: 'engagement', value: { owner: 'owner-id', action, next } }],
    }];
  }
  return people.map((p) => ({
    title: `Add an engagement plan owned by ${p.name ?? p.id}`,
    ops: [{ op: 'set', path: base, key: 'engagement', value: { owner: p.id, action, next } }],
  }));
}

/** Only the missing parts of an existing plan; what the author wrote is left alone. */
function partFixes(context: RuleContext, path: Path, engagement: Record<string, unknown>, missing: readonly string[]): Fix[] {
  const others: FixOp[] = [];
  if (missing.includes('action')) others.push(fillOp(path, 'action', engagement.action, 'TODO: how we win them over'));
  if (missing.includes('next')) others.push(fillOp(path, 'next', engagement.next, nextDate(context)));
  const titleRest = listWords(missing.filter((m) => m !== 'owner'));
  if (!missing.includes('owner')) {
    return [{ title: `Add ${titleRest} to the engagement plan`, ops: others, preferred: true }];
  }
  return personFixes(context.doc, path).map((fix) => ({
    title: others.length > 0 ? `${fix.title} and add ${titleRest}` : fix.title,
    ops: [...fix.ops.map((op) => (op.op === 'set' ? fillOp(path, 'owner', engagement.owner, String(op.value)) : op)), ...others],
  }));
}
