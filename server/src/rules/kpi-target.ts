import { leadsTo } from '../engine/chains';
import { formatDate, parseDate } from '../engine/dates';
import { eachKpi, isRecord, itemPath, label, text } from '../engine/model';
import type { Fix, FixOp, RuleContext, RuleMeta } from '../engine/types';

export const meta: RuleMeta = {
  id: 'kpi-target',
  failureMode: 'FM10',
  leadsTo: leadsTo('FM10'),
  severity: 'error',
  description: 'Every KPI has a numeric baseline, a numeric target and a date by which the target is due.',
  rationale:
    'An indicator without a starting point and a goal cannot say whether the strategy works: any movement can be read as progress, ' +
    'and when results disappoint the blame lands on execution rather than on an objective that never said what success was. ' +
    'A baseline, a target value and a date turn the objective into something the team can check and argue about.',
  countermeasure: 'Give the KPI `baseline: { value, as_of }` and `target: { value, by }` with numbers and ISO dates.',
  messages: { incomplete: "KPI '{{id}}' lacks {{missing}}" },
  fixable: true,
};

export function check(context: RuleContext): void {
  const doc = context.doc;
  const today = parseDate(context.today);
  const horizonEnd = isRecord(doc.horizon) ? text(doc.horizon.end) : undefined;
  const by = horizonEnd !== undefined && parseDate(horizonEnd) !== undefined
    ? horizonEnd
    : today !== undefined ? formatDate(today + 365) : context.today;

  eachKpi(doc, (kpi, path) => {
    const missing: string[] = [];
    const ops: FixOp[] = [];
    let fixable = true;

    const baseline = kpi.baseline;
    if (!(isRecord(baseline) && typeof baseline.value === 'number')) {
      missing.push('a numeric baseline value');
      if (isBlank(baseline)) ops.push({ op: 'set', path, key: 'baseline', value: { value: 0, as_of: context.today } });
      else if (isRecord(baseline) && isBlank(baseline.value)) {
        ops.push({ op: 'set', path: [...path, 'baseline'], key: 'value', value: 0 });
        if (isBlank(baseline.as_of)) ops.push({ op: 'set', path: [...path, 'baseline'], key: 'as_of', value: context.today });
      } else fixable = false;
    }

    const target = kpi.target;
    const hasTargetValue = isRecord(target) && typeof target.value === 'number';
    const hasBy = isRecord(target) && text(target.by) !== undefined;
    if (!hasTargetValue) missing.push('a numeric target value');
    if (!hasBy) missing.push('a target date (target.by)');
    if (!hasTargetValue || !hasBy) {
      if (isBlank(target)) ops.push({ op: 'set', path, key: 'target', value: { value: 0, by } });
      else if (isRecord(target)) {
        if (!hasTargetValue) {
          if (isBlank(target.value)) ops.push({ op: 'set', path: [...path, 'target'], key: 'value', value: 0 });
          else fixable = false; // "180 orders": the author's words stay; the schema rule explains the type
        }
        if (!hasBy) {
          if (isBlank(target.by)) ops.push({ op: 'set', path: [...path, 'target'], key: 'by', value: by });
          else fixable = false;
        }
      } else fixable = false;
    }

    if (missing.length === 0) return;
    const fixes: Fix[] = fixable && ops.length > 0 ? [{ title: fixTitle(ops), ops, preferred: true }] : [];
    context.report({
      path: itemPath(kpi, path),
      target: 'key',
      messageId: 'incomplete',
      data: { id: label(kpi, path[path.length - 1]), missing: list(missing) },
      ...(fixes.length > 0 ? { fixes } : {}),
    });
  });
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function list(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function fixTitle(ops: FixOp[]): string {
  const added = ops.map((op) => {
    if (op.op !== 'set') return '';
    const parent = op.path[op.path.length - 1];
    return typeof parent === 'string' && (parent === 'target' || parent === 'baseline') ? `${parent}.${op.key}` : op.key;
  });
  return added.length > 1 ? `Add ${list(added)} placeholders` : `Add a ${added[0]} placeholder`;
}

