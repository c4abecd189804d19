// textDocument/codeLens: health and failure modes at risk on the first line. Clicking runs the
// client's SHOW_FAILURE_MODES command with the document URI and the modes with their findings.
import type { CodeLens, Connection } from '../protocol';
import { healthLens } from '../../engine/editor/code-lens';
import { SHOW_FAILURE_MODES } from '../../engine/editor/commands';
import { lint } from '../../engine/lint';
import { strategyDocument, type FeatureContext } from './context';

export function registerCodeLens(connection: Connection, context: FeatureContext): void {
  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return [];
    const lens = healthLens(lint(doc.text, doc.options));
    return [{ range: lens.range, command: { title: lens.title, command: SHOW_FAILURE_MODES, arguments: [uri, lens.modes] } }];
  });
}
