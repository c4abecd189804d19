import type { RuleContext, RuleMeta } from '../engine/types';
import { schemaMessages, validateSchema } from '../engine/validate';

export const meta: RuleMeta = {
  id: 'schema',
  failureMode: null,
  severity: 'error',
  description: 'The document follows the strategy format: known keys, right types, allowed values.',
  rationale:
    'A misspelt key is silently ignored by every reader: an `ownr:` looks like an owner to a person but is no owner to the tools that check the plan. ' +
    'Keeping the shape exact is what lets the other rules trust what they read.',
  countermeasure: 'Use the property names, types and values the format defines; hover a key to see its description.',
  messages: schemaMessages,
  fixable: true,
};

export function check(context: RuleContext): void {
  for (const report of validateSchema(context.doc)) context.report(report);
}
