// The output formats, by name. A new format is one module plus one line here.
import { formatJson } from './format-json';
import { formatStylish } from './format-stylish';
import type { Formatter } from './results';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
