import type { RuleMeta } from '../engine/types';

// Reported by the engine from the parser; the check has nothing left to do.
export const meta: RuleMeta = {
  id: 'yaml-syntax',
  failureMode: null,
  severity: 'error',
  description: 'The file must be well-formed YAML holding one mapping.',
  rationale:
    'A strategy file that does not parse cannot be read by anyone\'s tools, and every other check is blind until it does. ' +
    'Syntax errors also hide alias bombs and binary files that would otherwise stall an editor.',
  countermeasure: 'Fix the YAML at the marked place: indentation, an unclosed bracket or quote, a duplicated key.',
  messages: { syntax: '{{message}}' },
  fixable: false,
};

export function check(): void {}
