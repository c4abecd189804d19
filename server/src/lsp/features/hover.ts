// textDocument/hover: the failure mode behind a finding, a key's description, the item an id names.
import { MarkupKind, type Connection, type Hover } from '../protocol';
import { hover } from '../../engine/editor/hover';
import { lint } from '../../engine/lint';
import { strategyDocument, type FeatureContext } from './context';

export function registerHover(connection: Connection, context: FeatureContext): void {
  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = await strategyDocument(context, params.textDocument.uri);
    if (!doc) return null;
    const result = hover(doc.text, params.position, lint(doc.text, doc.options).findings);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
  });
}
