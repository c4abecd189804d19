import type { RuleMeta } from '../engine/types';

// Reported by the engine when it applies suppression comments (server/src/engine/suppressions.ts).
export const meta: RuleMeta = {
  id: 'unused-suppression',
  failureMode: null,
  severity: 'warning',
  description: 'A stratlint-disable comment suppresses nothing.',
  rationale:
    'A suppression that no longer matches a finding hides nothing today but will silently hide the next real problem on that line. ' +
    'Removing stale suppressions keeps each remaining one a deliberate, explained decision.',
  countermeasure: 'Delete the comment, or the rule id it no longer needs.',
  messages: {
    unused: "Unused suppression: no '{{id}}' finding here",
    unusedAll: 'Unused suppression: no finding here',
    unknownRule: "Unknown rule '{{id}}' in suppression comment",
  },
  fixable: false,
};

export function check(): void {}
