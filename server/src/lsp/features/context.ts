// What every editor feature handler needs from the server: the open document and the options it
// is linted with. Handlers keep nothing between requests; a code action reads its fixes from the
// diagnostic's data, a hover lints the text it is given.
import type { Location, TextDocuments } from '../protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { tooLargeToLint } from '../../engine/lint';
import type { LintOptions } from '../../engine/types';

export interface FeatureContext {
  documents: TextDocuments<TextDocument>;
  /** The options the document's diagnostics come from, or undefined when it is not a strategy document. */
  lintOptions(uri: string): Promise<(LintOptions & { uri: string }) | undefined>;
  /** Where a strategy id is defined (its `id` value), in the workspace index or open documents, `except` left out. */
  strategyLocations(id: string, except: string): Location[];
}

/** The text and lint options of an open strategy document, or undefined for anything else. */
export async function strategyDocument(
  context: FeatureContext,
  uri: string,
  { anySize = false }: { anySize?: boolean } = {},
): Promise<{ text: string; options: LintOptions & { uri: string } } | undefined> {
  const options = await context.lintOptions(uri);
  const document = context.documents.get(uri);
  if (!options || !document) return undefined;
  const text = document.getText();
  // A document too large to lint has one finding saying so; hovering or completing in it would
  // parse megabytes on every request. (Code actions still answer for that finding.)
  if (!anySize && tooLargeToLint(text, options.maxFileSize)) return undefined;
  return { text, options };
}
