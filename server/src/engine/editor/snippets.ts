// Snippets for the composite items of a strategy (LSP snippet syntax, as plain strings).
// Templates are written with two-space indentation and re-indented to the file's own width.
// Where the document already lists the candidates (people, units, tools), a placeholder
// becomes a choice among them.
import { records, text, type Rec } from '../model';

export interface SnippetContext {
  doc: Rec;
  /** ISO date used for start and "as of" placeholders. */
  today: string;
  /** ISO date used for due and target placeholders (the horizon's end when there is one). */
  due: string;
}

export interface ItemSnippet {
  /** The list key the item goes into. */
  list: string;
  label: string;
  description: string;
  /** Lines of the item's map, two-space indented, with `$n` tab stops. */
  body(ctx: SnippetContext): string[];
}

function ids(doc: Rec, list: string): string[] {
  return records(doc[list]).map(([item]) => text(item.id)).filter((id): id is string => id !== undefined && /^[A-Za-z0-9-]+$/.test(id));
}

/** `${n|a,b|}` when the document has candidates, else `${n:placeholder}`. */
function choice(n: number, options: string[], placeholder: string): string {
  return options.length > 0 ? `\${${n}|${options.join(',')}|}` : `\${${n}:${placeholder}}`;
}

const person = (ctx: SnippetContext, n: number) => choice(n, ids(ctx.doc, 'people'), 'owner-id');

export const ITEM_SNIPPETS: readonly ItemSnippet[] = [
  {
    list: 'objectives',
    label: 'objective',
    description: 'An objective with an owner, a KPI and a tactic',
    body: (ctx) => [
      'id: ${1:obj-id}',
      'title: ${2:What must be achieved, with a number}',
      'why: ${3:Why it matters, in words anyone involved can repeat}',
      `owner: ${person(ctx, 4)}`,
      'confidence: ${5:0.6}',
      'kpis:',
      '  - id: ${6:kpi-id}',
      '    name: ${7:What is measured}',
      '    type: ${8|leading,lagging|}',
      `    baseline: { value: \${9:0}, as_of: \${10:${ctx.today}} }`,
      `    target: { value: \${11:100}, by: \${12:${ctx.due}} }`,
      `    owner: ${person(ctx, 13)}`,
      '    cadence: ${14|monthly,biweekly,weekly,quarterly|}',
      'tactics:',
      '  - id: ${15:t-id}',
      '    title: ${16:What will be done}',
      `    owner: ${person(ctx, 17)}`,
      `    start: \${18:${ctx.today}}`,
      `    due: \${19:${ctx.due}}`,
    ],
  },
  {
    list: 'kpis',
    label: 'KPI',
    description: 'A KPI with baseline, target, owner, source and cadence',
    body: (ctx) => [
      'id: ${1:kpi-id}',
      'name: ${2:What is measured}',
      'type: ${3|leading,lagging|}',
      'unit: ${4:orders/month}',
      `baseline: { value: \${5:0}, as_of: \${6:${ctx.today}} }`,
      `target: { value: \${7:100}, by: \${8:${ctx.due}} }`,
      `owner: ${person(ctx, 9)}`,
      `source: ${choice(10, ids(ctx.doc, 'tools'), 'tool-id')}`,
      'cadence: ${11|monthly,biweekly,weekly,quarterly|}',
      'expected_lag: ${12:P1M}',
    ],
  },
  {
    list: 'tactics',
    label: 'tactic',
    description: 'A tactic with an owner, dates and a first step',
    body: (ctx) => [
      'id: ${1:t-id}',
      'title: ${2:What will be done}',
      `owner: ${person(ctx, 3)}`,
      'kind: ${4|rollout,experiment|}',
      'dimension: ${5|operational,cultural,capability|}',
      `start: \${6:${ctx.today}}`,
      `due: \${7:${ctx.due}}`,
      'affects: [$8]',
      'steps:',
      '  - title: ${9:First small step}',
      `    owner: ${person(ctx, 10)}`,
      `    due: \${11:${ctx.due}}`,
    ],
  },
  {
    list: 'steps',
    label: 'step',
    description: 'A step with an owner and a due date',
    body: (ctx) => ['title: ${1:A small, concrete piece of work}', `owner: ${person(ctx, 2)}`, `due: \${3:${ctx.due}}`],
  },
  {
    list: 'risks',
    label: 'risk',
    description: 'A risk with mitigation, contingency and owner',
    body: (ctx) => [
      'id: ${1:r-id}',
      'description: ${2:What could make the strategy fail}',
      'source: ${3|internal,external|}',
      'likelihood: ${4|low,medium,high|}',
      'impact: ${5|low,medium,high|}',
      'mitigation: ${6:How the risk is reduced}',
      'contingency: ${7:What happens if it occurs anyway}',
      `owner: ${person(ctx, 8)}`,
    ],
  },
  {
    list: 'people',
    label: 'person',
    description: 'A person with a level and a unit',
    body: (ctx) => [
      'id: ${1:person-id}',
      'name: ${2:Full name}',
      'level: ${3|executive,manager,frontline|}',
      `unit: ${choice(4, ids(ctx.doc, 'units'), 'unit-id')}`,
    ],
  },
  {
    list: 'stakeholders',
    label: 'stakeholder',
    description: 'A stakeholder with stance, influence and an engagement plan',
    body: (ctx) => [
      `who: ${choice(1, [...ids(ctx.doc, 'units'), ...ids(ctx.doc, 'people')], 'unit-or-person-id')}`,
      'stance: ${2|champion,supporter,neutral,skeptic,resistant|}',
      'influence: ${3|low,medium,high|}',
      `engagement: { owner: ${person(ctx, 4)}, action: \${5:What will win them over}, next: \${6:${ctx.today}} }`,
    ],
  },
];

export function snippetFor(list: string): ItemSnippet | undefined {
  return ITEM_SNIPPETS.find((s) => s.list === list);
}

/**
 * Re-indents template lines (written with two spaces per level) to the file's style: `unit`
 * spaces per level, list dashes indented under their key or not, and `extra` columns added to
 * every line but the first (the editor puts the first line's own indentation before the others).
 */
export function indentSnippet(lines: string[], style: { unit: number; indentSeq: boolean }, extra: number): string {
  const stack: { from: number; to: number }[] = [{ from: 0, to: 0 }];
  return lines
    .map((line, i) => {
      const t = line.length - line.trimStart().length;
      const content = line.trimStart();
      while (stack.length > 1 && stack[stack.length - 1].from > t) stack.pop();
      const top = stack[stack.length - 1];
      let out = top.to;
      if (t > top.from) {
        out = top.to + (content.startsWith('- ') && !style.indentSeq ? 0 : style.unit);
        stack.push({ from: t, to: out });
      }
      // The content after a dash starts two columns further, and so do the item's other keys.
      if (content.startsWith('- ')) stack.push({ from: t + 2, to: out + 2 });
      return ' '.repeat(out + (i === 0 ? 0 : extra)) + content;
    })
    .join('\n');
}
