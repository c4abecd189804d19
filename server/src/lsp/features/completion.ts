// textDocument/completion: keys, item snippets, enum values and ids (see engine/editor/completion.ts).
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Connection,
} from '../protocol';
import { complete, type CompletionKind } from '../../engine/editor/completion';
import { strategyDocument, type FeatureContext } from './context';

/** `:` and space open a value's suggestions, `-` a new list item's. */
export const COMPLETION_TRIGGERS = [':', ' ', '-'];

const KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion(connection: Connection, context: FeatureContext): void {
  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const doc = await strategyDocument(context, params.textDocument.uri);
    if (!doc) return [];
    // The date the rules run with (pinned in tests) also fills date placeholders.
    return complete(doc.text, params.position, doc.options.today ? { today: doc.options.today } : {}).map((c) => ({
      label: c.label,
      kind: KIND[c.kind],
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
      ...(c.sortText ? { sortText: c.sortText } : {}),
      textEdit: { range: c.range, newText: c.insertText },
      insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Multi-line snippets are written relative to their first line; the editor adds that line's indentation.
      insertTextMode: InsertTextMode.adjustIndentation,
      ...(c.retrigger ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
    }));
  });
}
