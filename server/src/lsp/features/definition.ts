// textDocument/definition: from an id reference to the item that defines it, in the same document.
import type { Connection, Location } from 'vscode-languageserver/node';
import { definition } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

export function registerDefinition(connection: Connection, context: FeatureContext): void {
  connection.onDefinition(async (params): Promise<Location | null> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    const range = doc ? definition(doc.text, params.position) : null;
    return range ? { uri, range } : null;
  });
}
