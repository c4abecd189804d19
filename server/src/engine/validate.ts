// JSON Schema validation with ajv; each error is mapped to the most precise node:
// the offending value, the parent's key for a missing property, the key itself for an unknown one.
// The schema is compiled at build time (scripts/gen-validator.mjs), so no lint pays for compiling it:
// one validator for an objective, one for the rest of the document.
import type { ErrorObject } from 'ajv';
import strategySchema from '../../../schemas/strategy.schema.json';
import { objective as validateObjective, shell as validateShell } from './generated/strategy-validator.js';
import { rememberFor, type Remembered } from './memo';
import { closest } from './suggest';
import type { Fix, Path, Report } from './types';

/**
 * Schema errors of each objective, as if it stood alone: an edit leaves the other objectives'
 * objects as they were (incremental parsing), so their answers are found here again.
 */
const objectiveErrors: Remembered<readonly ErrorObject[]> = new WeakMap();

function errorsOfObjective(item: unknown): readonly ErrorObject[] {
  const validate = () => (validateObjective(item) ? [] : [...(validateObjective.errors ?? [])]);
  return typeof item === 'object' && item !== null ? rememberFor(objectiveErrors, item, undefined, validate) : validate();
}

/** ajv's errors for the whole document: the shell's, then each objective's under its path. */
export function schemaErrors(value: unknown): ErrorObject[] {
  const errors = validateShell(value) ? [] : [...(validateShell.errors ?? [])];
  const objectives = typeof value === 'object' && value !== null ? (value as { objectives?: unknown }).objectives : undefined;
  if (Array.isArray(objectives)) {
    objectives.forEach((item, i) => {
      for (const error of errorsOfObjective(item)) errors.push({ ...error, instancePath: `/objectives/${i}${error.instancePath}` });
    });
  }
  return errors;
}

let required: Set<string> | undefined;

/** Every property name some object of the schema requires. */
function requiredNames(): Set<string> {
  if (!required) {
    required = new Set();
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const r = (node as { required?: unknown }).required;
        if (Array.isArray(r)) r.forEach((name) => required!.add(String(name)));
        Object.values(node).forEach(visit);
      }
    };
    visit(strategySchema);
  }
  return required;
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Schema problems as reports of the `schema` rule, at most one per path. */
export function validateSchema(value: unknown): Report[] {
  const seen = new Set<string>();
  const reports: Report[] = [];
  for (const error of schemaErrors(value)) {
    const report = toReport(error);
    if (!report) continue;
    const key = JSON.stringify(report.path) + report.target;
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(report);
  }
  return reports;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  return String(value);
}

function toReport(error: ErrorObject): Report | null {
  const path = pointerToPath(error.instancePath);
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { path, target: 'key', messageId: 'required', data: { property: missing, where: where(path) } };
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((parent?.properties as Record<string, unknown>) ?? {});
      const suggestion = closest(key, allowed);
      const fixes: Fix[] | undefined = suggestion
        ? [{ title: `Rename '${key}' to '${suggestion}'`, ops: [{ op: 'renameKey', path: [...path, key], to: suggestion }], preferred: true }]
        : undefined;
      return {
        path: [...path, key],
        target: 'key',
        messageId: suggestion ? 'unknownKeySuggest' : 'unknownKey',
        data: { key, suggestion: suggestion ?? '', allowed: allowed.join(', ') },
        fixes,
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        path,
        messageId: suggestion ? 'enumSuggest' : 'enum',
        data: { value: describe(error.data), allowed: allowed.join(' | '), suggestion: suggestion ?? '' },
        fixes: suggestion
          ? [{ title: `Change to '${suggestion}'`, ops: [{ op: 'replace', path, value: suggestion }], preferred: true }]
          : undefined,
      };
    }
    case 'const':
      return { path, messageId: 'const', data: { value: describe(error.data), expected: JSON.stringify((error.params as { allowedValue: unknown }).allowedValue) } };
    case 'type':
      // An empty value (`owner:`) of an optional field is a missing field: the rule that explains it reports it once.
      if (error.data === null && !requiredNames().has(String(path[path.length - 1]))) return null;
      return { path, messageId: 'type', data: { value: describe(error.data), expected: typeName((error.params as { type: string | string[] }).type) } };
    case 'pattern':
    case 'format': {
      const expected = (parent?.['x-expected'] as string | undefined) ?? (error.keyword === 'format' ? `a valid ${(error.params as { format: string }).format}` : 'a value of the expected form');
      return { path, messageId: 'format', data: { value: describe(error.data), expected } };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const p = error.params as { comparison: string; limit: number };
      return { path, messageId: 'range', data: { value: describe(error.data), comparison: p.comparison, limit: p.limit } };
    }
    case 'minItems':
    case 'minLength':
      return { path, messageId: 'empty', data: { where: where(path) } };
    default:
      return { path, messageId: 'other', data: { detail: error.message ?? error.keyword } };
  }
}

function typeName(type: string | string[]): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'nothing' };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[t] ?? t).join(' or ');
}

function where(path: Path): string {
  return path.length === 0 ? 'the document' : `'${path.join('.')}'`;
}

export const schemaMessages: Record<string, string> = {
  required: "Missing required property '{{property}}' in {{where}}",
  unknownKey: "Unknown property '{{key}}'. Allowed here: {{allowed}}",
  unknownKeySuggest: "Unknown property '{{key}}'. Did you mean '{{suggestion}}'?",
  enum: 'Value {{value}} is not allowed. Expected one of: {{allowed}}',
  enumSuggest: "Value {{value}} is not allowed. Did you mean '{{suggestion}}'? Expected one of: {{allowed}}",
  const: 'Value {{value}} is not allowed here; expected {{expected}}',
  type: 'Expected {{expected}}, found {{value}}',
  format: 'Expected {{expected}}, found {{value}}',
  range: 'Value {{value}} must be {{comparison}} {{limit}}',
  empty: '{{where}} must not be empty',
  other: 'Schema: {{detail}}',
};
