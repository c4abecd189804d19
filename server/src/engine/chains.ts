// The chain of obstacles: failure modes that tend to lead to one another
// (after Cândido & Santos 2019). Rule metadata takes its `leadsTo` from here.
import type { FailureMode } from './types';

export const LEADS_TO: Readonly<Partial<Record<FailureMode, readonly FailureMode[]>>> = {
  FM02: ['FM05'],
  FM03: ['FM07'],
  FM04: ['FM08', 'FM09'],
  FM05: ['FM03'],
  FM06: ['FM14'],
  FM07: ['FM10'],
  FM08: ['FM09'],
  FM09: ['FM14'],
  FM10: ['FM08'],
  FM11: ['FM13', 'FM15'],
  FM12: ['FM03'],
  FM14: ['FM13'],
};

export function leadsTo(mode: FailureMode | null): FailureMode[] {
  return mode ? [...(LEADS_TO[mode] ?? [])] : [];
}

export const FAILURE_MODE_TITLES: Readonly<Record<FailureMode, string>> = {
  FM01: 'Expecting implementation to be easy',
  FM02: 'Expecting every strategy to succeed',
  FM03: 'Expecting execution to follow the plan',
  FM04: 'Treating implementation as execution only',
  FM05: 'Treating implementation as linear',
  FM06: 'Seeing only the operational side',
  FM07: 'Believing a sound strategy guarantees the result',
  FM08: 'Assuming a shared vision',
  FM09: 'Communicating without aligning',
  FM10: 'Blaming execution for a vague strategy',
  FM11: 'Ignoring the other strategies',
  FM12: 'Not tracking progress',
  FM13: 'Impatience',
  FM14: 'Expecting automatic buy-in',
  FM15: 'Ignoring the contagion on normal operations',
  P1: 'Clarify why, and what it means for each person',
  P2: 'Communicate through several channels, at least one two-way',
  P3: 'Cascade strategy into tactics and small steps',
  P4: 'Achievable objectives, every step assigned, room for questions',
  P5: 'Technology that connects the pieces',
};
