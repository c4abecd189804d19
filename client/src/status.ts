// A language status item saying which .stratlintrc.yaml applies to the strategy document in the
// active editor, asked of the server (`stratlint/configInfo`), which is the one that loads it.
import { languages, LanguageStatusSeverity, Uri, window, workspace, type Disposable, type DocumentSelector, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The answer of `stratlint/configInfo` (server/src/lsp/config-info.ts). */
interface ConfigInfo {
  configFile: string | null;
  sources: string[];
  error?: string;
}

const STRATEGY_DOCUMENTS: DocumentSelector = [{ language: 'yaml', pattern: '**/*.strategy.{yaml,yml}' }];

export function createConfigStatus(client: LanguageClient): Disposable {
  const item = languages.createLanguageStatusItem('stratlint.config', STRATEGY_DOCUMENTS);
  item.name = 'stratlint configuration';
  item.text = 'stratlint';

  const update = async (editor: TextEditor | undefined) => {
    if (!editor || editor.document.languageId !== 'yaml') return;
    let info: ConfigInfo;
    try {
      info = await client.sendRequest<ConfigInfo>('stratlint/configInfo', { uri: editor.document.uri.toString() });
    } catch {
      return; // the server is restarting; the next editor change asks again
    }
    item.severity = info.error ? LanguageStatusSeverity.Error : LanguageStatusSeverity.Information;
    if (info.configFile) {
      const shown = workspace.asRelativePath(info.configFile);
      item.text = info.error ? `stratlint: ${shown} is invalid` : `stratlint: ${shown}`;
      item.detail = info.error ?? (info.sources.length > 1 ? `extends ${info.sources.slice(1).map((s) => workspace.asRelativePath(s)).join(', ')}` : undefined);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [Uri.file(info.configFile)] };
    } else {
      item.text = 'stratlint: default rules';
      item.detail = 'No .stratlintrc.yaml above this file';
      item.command = undefined;
    }
  };

  void update(window.activeTextEditor);
  const subscriptions = [
    window.onDidChangeActiveTextEditor((editor) => void update(editor)),
    // A configuration saved, created or deleted may change what applies.
    workspace.onDidSaveTextDocument((document) => {
      if (/\.stratlintrc\.ya?ml$/.test(document.uri.path)) void update(window.activeTextEditor);
    }),
  ];
  return { dispose: () => [item, ...subscriptions].forEach((d) => d.dispose()) };
}
