// textDocument/documentLink: `related_strategies[].ref` → the open strategy document with that `id`.
import type { Connection, DocumentLink } from 'vscode-languageserver/node';
import { documentLinks } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

/** The strategy id of a document, read from its top-level `id:` line without a full parse. */
const STRATEGY_ID = /^id:[ \t]*["']?([A-Za-z0-9-]+)["']?[ \t]*(?:#.*)?$/m;

export function registerDocumentLinks(connection: Connection, context: FeatureContext): void {
  connection.onDocumentLinks(async (params): Promise<DocumentLink[]> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return [];
    const resolve = (ref: string): string | undefined =>
      context.documents.all().find((d) => d.uri !== uri && STRATEGY_ID.exec(d.getText())?.[1] === ref)?.uri;
    return documentLinks(doc.text, resolve).map((l) => ({ range: l.range, target: l.target, tooltip: `Open strategy ${l.target}` }));
  });
}
