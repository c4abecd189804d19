import type { RuleMeta } from '../engine/types';

// Reported by the engine when a rule throws; the other rules still report.
export const meta: RuleMeta = {
  id: 'internal-error',
  failureMode: null,
  severity: 'error',
  description: 'A rule failed while checking this document.',
  rationale:
    'A bug in one rule must not silence the others or take the editor down with it. ' +
    'The failure is shown as a finding that names the rule, so the rest of the document is still checked and the problem can be reported.',
  countermeasure: 'Report the message and the document that triggers it; meanwhile the rule can be turned off in .stratlintrc.yaml.',
  messages: { failed: "Rule '{{rule}}' failed: {{error}}" },
  fixable: false,
};

export function check(): void {}
