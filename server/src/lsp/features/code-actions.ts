// textDocument/codeAction: quick fixes from the fixes a diagnostic carries in its data, suppression
// comments, the rule's documentation, and "fix all" as `source.fixAll.stratlint` (which
// `editor.codeActionsOnSave` runs). Diagnostics are recognised by source and data, never by message.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic } from '../protocol';
import { codeActions, fixAllAction, type EditorAction, type FindingData } from '../../engine/editor/code-actions';
import { SOURCE } from '../diagnostics';
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
  return data && typeof data.ruleId === 'string' ? { ruleId: data.ruleId, ...(Array.isArray(data.fixes) ? { fixes: data.fixes } : {}) } : undefined;
}

export function registerCodeActions(connection: Connection, context: FeatureContext): void {
  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
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
      const fixAll = fixAllAction(doc.text, options);
      if (fixAll) actions.push(toAction(fixAll, FIX_ALL_KIND));
    }
    return actions;
  });
}
