import type { RuleMeta } from '../engine/types';

// Reported by the engine after all rules ran (server/src/engine/obstacle-chain.ts).
export const meta: RuleMeta = {
  id: 'obstacle-chain',
  failureMode: null,
  severity: 'warning',
  description: 'Three or more linked failure modes fire together: the document names the chain from its root cause.',
  rationale:
    'Implementation obstacles rarely come alone: a vague strategy makes a shared vision impossible, which leaves units unaligned, which breeds resistance. ' +
    'Fixing the symptoms at the end of such a chain does little while its root remains; the chain shows where to start.',
  countermeasure: 'Start with the first failure mode of the chain; the findings of the others point back to it.',
  messages: { chain: 'Obstacle chain: {{chain}}. Start with {{root}}.' },
  fixable: false,
};

export function check(): void {}
