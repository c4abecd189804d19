// Generated from the files of this folder by scripts/gen-rule-index.mjs — do not edit.
// Each rule lives in its own file named after its id.
import type { Rule } from '../engine/types';
import * as dateOrder from './date-order';
import * as dependencyCycle from './dependency-cycle';
import * as duplicateId from './duplicate-id';
import * as fileTooLarge from './file-too-large';
import * as internalError from './internal-error';
import * as schema from './schema';
import * as tacticOwner from './tactic-owner';
import * as unknownReference from './unknown-reference';
import * as yamlSyntax from './yaml-syntax';

export const rules: readonly Rule[] = [
  dateOrder,
  dependencyCycle,
  duplicateId,
  fileTooLarge,
  internalError,
  schema,
  tacticOwner,
  unknownReference,
  yamlSyntax,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
