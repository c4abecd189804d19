// Hover text, as Markdown: on a finding, the failure mode behind it and what to do; on a key,
// what the schema says it means; on an id, the item it names (for a person, what they own).
import { ruleById } from '../../rules';
import { FAILURE_MODE_TITLES, LEADS_TO } from '../chains';
import { ruleDocsUrl } from '../docs';
import { isRecord, KIND_LABEL, KIND_LIST, modelOf, text, type Definition, type DocumentModel, type Rec } from '../model';
import { describeChain, findChains } from '../obstacle-chain';
import type { FailureMode, Finding, Path, Position, Range } from '../types';
import { offsetOf, parsedOf, rangeOf, valueAt, valueOf } from './document';
import { locate } from './locate';
import { idAt, referenceField } from './references';
import { expectedForm, schemaAt } from './schema-nav';

export interface Hover {
  markdown: string;
  range: Range;
}

/** Hover at a position; `findings` are the document's lint findings (what its diagnostics show). */
export function hover(source: string, position: Position, findings: readonly Finding[] = []): Hover | null {
  const parsed = parsedOf(source);
  const offset = offsetOf(parsed, position);
  const sections: string[] = [];
  let range: Range | undefined;

  const here = findings.filter((f) => f.offsets.start <= offset && offset <= f.offsets.end);
  for (const finding of here) {
    sections.push(findingHover(finding, findings));
    range ??= finding.range;
  }

  const loc = locate(parsed, offset);
  if (loc.node && loc.on !== 'none') {
    const value = valueOf(parsed);
    const part = loc.on === 'key' ? keyHover(loc.path) : idHover(modelOf(value), value, loc.path);
    if (part) {
      sections.push(part);
      range = rangeOf(parsed, loc.node);
    }
  }
  if (sections.length === 0 || !range) return null;
  return { markdown: sections.join('\n\n---\n\n'), range };
}

function modeLabel(mode: FailureMode): string {
  return `${mode} (${FAILURE_MODE_TITLES[mode].toLowerCase()})`;
}

/** The failure mode behind a finding, the rule's rationale and countermeasure, its obstacle chain and its docs. */
export function findingHover(finding: Finding, all: readonly Finding[]): string {
  const meta = ruleById.get(finding.ruleId)?.meta;
  const mode = finding.failureMode;
  const lines: string[] = [];
  const heading = mode ? `**${mode} · ${FAILURE_MODE_TITLES[mode]}** — \`${finding.ruleId}\`` : `**\`${finding.ruleId}\`**${meta ? ` — ${meta.description}` : ''}`;
  lines.push(heading);
  if (meta?.alsoGuards && meta.alsoGuards.length > 0) lines.push(`Also guards ${meta.alsoGuards.map(modeLabel).join(', ')}.`);
  if (meta) {
    lines.push(meta.rationale);
    lines.push(`**Countermeasure:** ${meta.countermeasure}`);
  }
  if (mode && finding.ruleId !== 'obstacle-chain') {
    const chain = chainText(mode, all);
    if (chain) lines.push(chain);
  }
  lines.push(`[Documentation for ${finding.ruleId}](${ruleDocsUrl(finding.ruleId)})`);
  return lines.join('\n\n');
}

/** Where a failure mode sits in the chain of obstacles, and the chain this document shows, if any. */
function chainText(mode: FailureMode, all: readonly Finding[]): string | undefined {
  const leads = LEADS_TO[mode] ?? [];
  const from = (Object.keys(LEADS_TO) as FailureMode[]).filter((m) => (LEADS_TO[m] ?? []).includes(mode));
  const parts: string[] = [];
  if (leads.length > 0) parts.push(`tends to lead to ${leads.map(modeLabel).join(', ')}`);
  if (from.length > 0) parts.push(`often follows ${from.map(modeLabel).join(', ')}`);
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`**Obstacle chain:** ${mode} ${parts.join('; ')}.`);
  const chain = findChains(all).find((c) => c.modes.includes(mode));
  if (chain) {
    const reported = all.some((f) => f.ruleId === 'obstacle-chain' && f.failureMode === chain.root);
    lines.push(`${reported ? 'This document shows the chain' : 'Linked here'}: ${describeChain(chain)}. Start with ${chain.root}.`);
  }
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}

/** The schema's description of a key, with the form its value takes. */
export function keyHover(path: Path): string | undefined {
  const node = schemaAt(path);
  if (!node || !node.description) return undefined;
  const key = String(path[path.length - 1]);
  const lines = [`**${key}**${node.title ? ` · *${node.title}*` : ''}`, node.description];
  const ref = referenceField(path);
  if (ref) {
    const kinds = ref.kinds.map((k) => `a ${KIND_LABEL[k]} id from \`${listKey(k)}\``).join(' or ');
    lines.push(`Refers to ${kinds}${ref.allow.length > 0 ? ` (or ${ref.allow.map((a) => `\`${a}\``).join(', ')})` : ''}${ref.list ? ', as a list' : ''}.`);
  } else {
    const expected = expectedForm(node);
    if (expected) lines.push(`Expected: ${expected}.`);
  }
  return lines.join('\n\n');
}

function listKey(kind: Definition['kind']): string {
  return KIND_LIST[kind] === 'KPIs' ? 'kpis' : KIND_LIST[kind];
}

/** The item an id names: on a reference or on the definition itself. */
function idHover(model: DocumentModel, doc: Rec, path: Path): string | undefined {
  const found = idAt(model, path);
  if (!found) return undefined;
  if (!found.definition) {
    const ref = found.reference!;
    return `Unknown ${ref.kinds.map((k) => KIND_LABEL[k]).join(' or ')} \`${ref.id}\`: no such id in ${ref.kinds.map((k) => `\`${listKey(k)}\``).join(' or ')}.`;
  }
  const d = found.definition;
  const uses = model.referencesTo(d.id).filter((r) => r.kinds.includes(d.kind)).length;
  const where = `Defined in \`${pathText(d.path.slice(0, -1))}\`${uses > 0 ? `; named ${uses} time${uses > 1 ? 's' : ''} in this document` : ''}.`;
  if (d.kind === 'person') return personHover(model, doc, d, where);
  const name = text(d.item.title) ?? text(d.item.name) ?? text(d.item.statement) ?? text(d.item.description);
  const lines = [`**${name ?? d.id}** — ${KIND_LABEL[d.kind]} \`${d.id}\``];
  const owner = text(d.item.owner);
  if (owner) lines.push(`Owner: ${personName(model, owner)}`);
  lines.push(where);
  return lines.join('\n\n');
}

function personName(model: DocumentModel, id: string): string {
  const person = model.byKind('person').get(id);
  const name = person ? text(person.item.name) : undefined;
  return name ? `${name} (\`${id}\`)` : `\`${id}\``;
}

function personHover(model: DocumentModel, doc: Rec, d: Definition, where: string): string {
  const p = d.item;
  const lines = [`**${text(p.name) ?? d.id}** — person \`${d.id}\``];
  const facts: string[] = [];
  const level = text(p.level);
  if (level) facts.push(`Level: ${level}`);
  const unitId = text(p.unit);
  if (unitId) {
    const unit = model.byKind('unit').get(unitId);
    facts.push(`Unit: ${unit && text(unit.item.name) ? `${text(unit.item.name)} (\`${unitId}\`)` : `\`${unitId}\``}`);
  }
  if (facts.length > 0) lines.push(facts.join(' · '));
  const owns: string[] = [];
  const contributes: string[] = [];
  for (const ref of model.referencesTo(d.id)) {
    if (!ref.kinds.includes('person')) continue;
    const field = ref.path[ref.path.length - 1];
    const listField = typeof field === 'number' ? ref.path[ref.path.length - 2] : field;
    const itemPath = ref.path.slice(0, typeof field === 'number' ? -2 : -1);
    const described = describeItem(doc, itemPath);
    if (listField === 'contributors') contributes.push(described);
    else if (listField === 'owner') owns.push(itemPath[itemPath.length - 1] === 'engagement' ? `engagement of stakeholder ${describeItem(doc, itemPath.slice(0, -1))}` : described);
    else if (listField === 'who') owns.push(`stakeholder entry ${described}`);
  }
  if (owns.length > 0) lines.push(`Owns:\n${owns.map((o) => `- ${o}`).join('\n')}`);
  else lines.push('Owns nothing in this document.');
  if (contributes.length > 0) lines.push(`Contributes to:\n${contributes.map((o) => `- ${o}`).join('\n')}`);
  lines.push(where);
  return lines.join('\n\n');
}

const ITEM_KIND: Record<string, string> = {
  objectives: 'objective', kpis: 'KPI', tactics: 'tactic', steps: 'step', processes: 'process', risks: 'risk',
  stakeholders: 'stakeholder', channels: 'communication channel', people: 'person', units: 'unit', hypotheses: 'hypothesis', tools: 'tool',
};

/** "tactic `t-landing` — B2B landing pages", "step “Keyword map” of tactic `t-landing`", "the reviews", "the strategy". */
function describeItem(doc: Rec, path: Path): string {
  if (path.length === 0) return 'the strategy';
  const last = path[path.length - 1];
  if (typeof last !== 'number') return `the ${String(last)}`;
  const list = String(path[path.length - 2]);
  const item = valueAt(doc, path);
  const kind = ITEM_KIND[list] ?? list;
  if (!isRecord(item)) return kind;
  const id = text(item.id);
  const name = text(item.title) ?? text(item.name) ?? text(item.who) ?? text(item.channel);
  if (list === 'steps') return `step “${name ?? `#${last + 1}`}” of ${describeItem(doc, path.slice(0, -2))}`;
  if (id) return `${kind} \`${id}\`${name ? ` — ${name}` : ''}`;
  return `${kind}${name ? ` “${name}”` : ` #${last + 1}`}`;
}

function pathText(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
