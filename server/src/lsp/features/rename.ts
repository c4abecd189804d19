// textDocument/prepareRename and textDocument/rename: ids only, renamed at their definition and every reference.
import { ErrorCodes, ResponseError, type Connection, type PrepareRenameResult, type WorkspaceEdit } from '../protocol';
import { prepareRename, rename } from '../../engine/editor/navigation';
import { strategyDocument, type FeatureContext } from './context';

export function registerRename(connection: Connection, context: FeatureContext): void {
  connection.onPrepareRename(async (params): Promise<PrepareRenameResult | ResponseError<void> | null> => {
    const doc = await strategyDocument(context, params.textDocument.uri);
    if (!doc) return null;
    const result = prepareRename(doc.text, params.position);
    // The message is shown to the user, who tried to rename something that is not an id.
    return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
  });

  connection.onRenameRequest(async (params): Promise<WorkspaceEdit | ResponseError<void> | null> => {
    const uri = params.textDocument.uri;
    const doc = await strategyDocument(context, uri);
    if (!doc) return null;
    const result = rename(doc.text, params.position, params.newName);
    return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : { changes: { [uri]: result.edits } };
  });
}
