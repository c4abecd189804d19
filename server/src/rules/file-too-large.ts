import type { RuleMeta } from '../engine/types';

// Reported by the engine before parsing; the check has nothing left to do.
export const meta: RuleMeta = {
  id: 'file-too-large',
  failureMode: null,
  severity: 'info',
  description: 'Documents above the size limit are not linted.',
  rationale:
    'A strategy document of several megabytes is almost always generated data or a mistake; linting it on every keystroke would freeze the editor. ' +
    'It is skipped and said so, rather than silently ignored.',
  countermeasure: 'Split the strategy into several documents, or raise the limit (setting stratlint.maxFileSize, CLI --max-file-size).',
  messages: {
    tooLarge: 'The document has {{size}} characters, above the limit of {{limit}}; it was not linted.',
    tooManyLines: 'The document has {{lines}} lines, above the limit of {{limit}}; it was not linted.',
  },
  fixable: false,
};

export function check(): void {}
