// textDocument/documentLink: `related_strategies[].ref` → the strategy document with that `id`,
// in the workspace index (open or not) or among the open documents.
import type { Connection, DocumentLink } from '../protocol';
import { documentLinks } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

export function registerDocumentLinks(connection: Connection, context: FeatureContext): void {
  connection.onDocumentLinks(async (params): Promise<DocumentLink[]> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return [];
    const resolve = (ref: string): string | undefined => context.strategyLocations(ref, uri)[0]?.uri;
    return documentLinks(doc.text, resolve).map((l) => ({ range: l.range, target: l.target, tooltip: `Open strategy ${l.target}` }));
  });
}
