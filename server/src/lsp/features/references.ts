// textDocument/references: every place naming the id under the cursor (and its definition when asked).
import type { Connection, Location } from '../protocol';
import { references } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

export function registerReferences(connection: Connection, context: FeatureContext): void {
  connection.onReferences(async (params): Promise<Location[]> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return [];
    return references(doc.text, params.position, params.context.includeDeclaration).map((range) => ({ uri, range }));
  });
}
