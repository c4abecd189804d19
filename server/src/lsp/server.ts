// Wires the connection: capabilities, documents, settings and diagnostics.
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SettingsStore } from './settings';
import { Validator } from './validation';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canPullSettings = false;
  let watchesFolders = false;
  let folders: string[] = [];
  const settings = new SettingsStore(connection, () => canPullSettings);
  let validator: Validator | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canPullSettings = workspace?.configuration === true;
    watchesFolders = workspace?.workspaceFolders === true;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const today = (params.initializationOptions as { today?: unknown } | undefined)?.today;
    validator = new Validator(connection, documents, settings, {
      today: typeof today === 'string' && ISO_DATE.test(today) ? today : undefined,
      workspaceFolders: () => folders,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(watchesFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'stratlint' },
    };
  });

  connection.onInitialized(() => {
    if (watchesFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
        validator?.scheduleAll();
      });
    }
  });

  // No dynamic registration for this notification: our client sends it through
  // `synchronize.configurationSection`, and registering as well would double it.
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    validator?.scheduleAll();
  });

  documents.onDidChangeContent((change) => validator?.schedule(change.document.uri));
  documents.onDidClose((event) => {
    settings.forget(event.document.uri);
    validator?.closed(event.document.uri);
  });

  documents.listen(connection);
}
