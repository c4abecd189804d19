// The rule catalogue. Each rule lives in its own file named after its id.
import type { Rule } from '../engine/types';
import * as dateOrder from './date-order';
import * as dependencyCycle from './dependency-cycle';
import * as duplicateId from './duplicate-id';
import * as fileTooLarge from './file-too-large';
import * as internalError from './internal-error';
import * as schema from './schema';
import * as unknownReference from './unknown-reference';
import * as yamlSyntax from './yaml-syntax';

export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  unknownReference,
  duplicateId,
  dateOrder,
  dependencyCycle,
  internalError,
  fileTooLarge,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
