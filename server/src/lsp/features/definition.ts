// textDocument/definition: from an id reference to the item that defines it, in the same document;
// from `related_strategies[].ref` to the document that defines that strategy, open or not.
import type { Connection, Location, Position, Range } from '../protocol';
import { definition, documentLinks } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

export function registerDefinition(connection: Connection, context: FeatureContext): void {
  connection.onDefinition(async (params): Promise<Location | Location[] | null> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return null;
    const range = definition(doc.text, params.position);
    if (range) return { uri, range };
    // The links of the refs, each resolved to the ref itself, tell which ref is under the cursor.
    const ref = documentLinks(doc.text, (id) => id).find((link) => contains(link.range, params.position))?.target;
    const targets = ref === undefined ? [] : context.strategyLocations(ref, uri);
    return targets.length === 0 ? null : targets.length === 1 ? targets[0] : targets;
  });
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
