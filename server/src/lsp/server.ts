// Wires the connection: capabilities, documents, settings, configuration files and diagnostics.
import {
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serveConfigInfo } from './config-info';
import { CONFIG_GLOB, ConfigStore } from './configs';
import { featureCapabilities, registerFeatures } from './features';
import { SettingsStore } from './settings';
import { isConfigFile } from './strategy-files';
import { DEBOUNCE_MS, Validator } from './validation';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canPullSettings = false;
  let watchesFolders = false;
  let canWatchFiles = false;
  let folders: string[] = [];
  const settings = new SettingsStore(connection, () => canPullSettings);
  const configs = new ConfigStore(connection, documents, () => folders);
  let validator: Validator | undefined;

  // Typing in a config file reloads once per pause, then re-lints every open document.
  let reloadTimer: NodeJS.Timeout | undefined;
  const reloadConfigs = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      configs.reload();
      validator?.scheduleAll();
    }, DEBOUNCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canPullSettings = workspace?.configuration === true;
    watchesFolders = workspace?.workspaceFolders === true;
    canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const today = (params.initializationOptions as { today?: unknown } | undefined)?.today;
    validator = new Validator(connection, documents, settings, configs, {
      today: typeof today === 'string' && ISO_DATE.test(today) ? today : undefined,
      workspaceFolders: () => folders,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...featureCapabilities(params.capabilities),
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
        // The root a configuration may extend within depends on the folders.
        reloadConfigs();
      });
    }
    if (canWatchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] })
        .catch((error: unknown) => connection.console.error(`stratlint: could not watch configuration files: ${String(error)}`));
    }
  });

  // No dynamic registration for this notification: our client sends it through
  // `synchronize.configurationSection`, and registering as well would double it.
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    validator?.scheduleAll();
  });

  // Clients without dynamic registration may send events for other files too.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => configs.affects(c.uri))) reloadConfigs();
  });

  documents.onDidChangeContent((change) => {
    const uri = change.document.uri;
    if (configs.affects(uri)) reloadConfigs();
    if (!isConfigFile(uri)) validator?.schedule(uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    settings.forget(uri);
    validator?.closed(uri);
    // The file on disk applies again.
    if (configs.affects(uri)) reloadConfigs();
  });

  serveConfigInfo(connection, configs);
  registerFeatures(connection, { documents, lintOptions: async (uri) => (await validator?.lintOptions(uri))?.options });
  documents.listen(connection);
}
