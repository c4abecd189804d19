// textDocument/codeAction: quick fixes from the fixes a diagnostic carries in its data, suppression
// comments, the rule's documentation, and "fix all" as `source.fixAll.stratlint` (which
// `editor.codeActionsOnSave` runs). Diagnostics are recognised by source and data, never by message.
import { CodeActionKind, LSPErrorCodes, ResponseError, type CodeAction, type Connection, type Diagnostic } from '../protocol';
import { codeActions, fixAllResultAction, type EditorAction, type FindingData } from '../../engine/editor/code-actions';
import { fixAllPasses, type FixAllResult } from '../../engine/fix-all';
import type { LintOptions } from '../../engine/types';
import { inSlices, TimeSlicer, type Unfinished } from '../time-slices';
import { SOURCE, unpackFixes } from '../diagnostics';
import { strategyDocument, type FeatureContext } from './context';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.stratlint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether a client asking for `only` these kinds wants actions of `kind` (kinds are dot-separated hierarchies). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function findingData(diagnostic: Diagnostic): FindingData | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const data = diagnostic.data as Partial<FindingData> | undefined;
  return data && typeof data.ruleId === 'string' ? { ruleId: data.ruleId, ...(Array.isArray(data.fixes) ? { fixes: unpackFixes(data.fixes) } : {}) } : undefined;
}

/**
 * Fix-all a pass at a time (see fixAllPasses), calling `pause` after each pass (the pause yields to
 * the event loop once a slice is used up): in between, the server serves other requests and lints
 * edits. It stops when `unwanted` says the editor cancelled the request (on save, VS Code lets the
 * user cancel a slow one) or the document changed: its edit would be for a text that is gone.
 */
export function fixAllInSlices(text: string, options: LintOptions, pause: () => Promise<void>, unwanted: () => Unfinished | undefined): Promise<FixAllResult | Unfinished> {
  return inSlices(fixAllPasses(text, options), pause, unwanted);
}

/** Fix-all work between two chances for another request or an edit to be served. */
const SLICE_MS = 20;

export function registerCodeActions(connection: Connection, context: FeatureContext): void {
  connection.onCodeAction(async (params, token): Promise<CodeAction[] | ResponseError<void>> => {
    const uri = params.textDocument.uri;
    // Quick fixes work on the text and the diagnostic (the one of a document too large to lint included).
    const doc = await strategyDocument(context, uri, { anySize: true });
    if (!doc) return [];
    const toAction = (a: EditorAction, kind: string, diagnostics?: Diagnostic[]): CodeAction => ({
      title: a.title,
      kind,
      ...(diagnostics ? { diagnostics } : {}),
      ...(a.edits ? { edit: { changes: { [uri]: a.edits } } } : {}),
      ...(a.command ? { command: a.command } : {}),
      ...(a.isPreferred ? { isPreferred: true } : {}),
    });
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix, only)) {
      for (const diagnostic of params.context.diagnostics) {
        const data = findingData(diagnostic);
        if (!data) continue;
        for (const a of codeActions(doc.text, data, diagnostic.range)) actions.push(toAction(a, CodeActionKind.QuickFix, [diagnostic]));
      }
    }
    // Fix-all lints the document once per fix it applies: only when asked for by kind (on save,
    // "Fix all", the source action menu), never for the light bulb, which asks on every cursor move.
    if (only !== undefined && wanted(FIX_ALL_KIND, only)) {
      // Fix-all lints the intermediate texts too; they must not churn the document's parse cache.
      const { parseCache: _cache, ...options } = doc.options;
      const slicer = new TimeSlicer(SLICE_MS);
      const unwanted = (): Unfinished | undefined =>
        token.isCancellationRequested ? 'cancelled' : context.documents.get(uri)?.getText() !== doc.text ? 'modified' : undefined;
      const result = await fixAllInSlices(doc.text, options, () => slicer.pause(), unwanted);
      if (result === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, 'Fix-all was cancelled.');
      if (result === 'modified') return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while its fixes were applied.');
      const fixAll = fixAllResultAction(doc.text, result);
      if (fixAll) actions.push(toAction(fixAll, FIX_ALL_KIND));
    }
    return actions;
  });
}
