// Wires the connection: capabilities, documents, settings, configuration files, the workspace
// index and diagnostics.
import {
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from './protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { todayIso } from '../engine/lint';
import { serveConfigInfo } from './config-info';
import { CONFIG_GLOB, ConfigStore } from './configs';
import { featureCapabilities, registerFeatures } from './features';
import { SettingsStore } from './settings';
import { isConfigFile } from './strategy-files';
import { DEBOUNCE_MS, Validator } from './validation';
import { WorkspaceFiles } from './workspace';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What the server asks the client to watch to keep the workspace index current (strategy documents can be any YAML, see `stratlint.files`). */
const YAML_GLOB = '**/*.{yaml,yml}';
/** How often the server checks whether the date changed, which changes date-based findings. */
const DATE_CHECK_MS = 60_000;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canPullSettings = false;
  let watchesFolders = false;
  let canWatchFiles = false;
  let folders: string[] = [];
  const settings = new SettingsStore(connection, () => canPullSettings);
  const configs = new ConfigStore(connection, documents, () => folders);
  const workspaceFiles = new WorkspaceFiles(connection, documents, () => folders);
  let validator: Validator | undefined;
  let pinnedToday: string | undefined;

  // Typing in a config file reloads once per pause, then scans the folders again (its `files` may
  // make other files strategy documents) and re-lints every strategy document.
  let reloadTimer: NodeJS.Timeout | undefined;
  const reloadConfigs = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      configs.reload();
      void workspaceFiles.scan();
    }, DEBOUNCE_MS);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    canPullSettings = workspace?.configuration === true;
    watchesFolders = workspace?.workspaceFolders === true;
    canWatchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const today = (params.initializationOptions as { today?: unknown } | undefined)?.today;
    pinnedToday = typeof today === 'string' && ISO_DATE.test(today) ? today : undefined;
    validator = new Validator(connection, documents, settings, configs, {
      today: pinnedToday,
      workspaceFolders: () => folders,
      workspace: workspaceFiles,
    });
    workspaceFiles.attach(validator);
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
        // The root a configuration may extend within depends on the folders; the scan that
        // follows the reload indexes the added folders and drops the removed ones.
        reloadConfigs();
      });
    }
    if (canWatchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: YAML_GLOB }] })
        .catch((error: unknown) => connection.console.error(`stratlint: could not watch configuration files and strategy documents: ${String(error)}`));
    }
    void workspaceFiles.scan();
    // Date-based findings change overnight; a pinned date (tests) never rolls over.
    if (!pinnedToday) {
      let day = todayIso();
      setInterval(() => {
        if (todayIso() === day) return;
        day = todayIso();
        validator?.scheduleAll();
      }, DATE_CHECK_MS).unref();
    }
  });

  // The editor exits the server right after this answer: no lint may start writing meanwhile.
  connection.onShutdown(() => validator?.stop());

  // No dynamic registration for this notification: our client sends it through
  // `synchronize.configurationSection`, and registering as well would double it.
  // The globs of `stratlint.files` may make other files strategy documents: scan the folders again.
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    void workspaceFiles.scan();
  });

  // Clients without dynamic registration may send events for other files too.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => configs.affects(c.uri))) reloadConfigs();
    workspaceFiles.changedOnDisk(params.changes);
  });

  // The documents tell of an open twice: onDidOpen, then onDidChangeContent.
  const opened = new Set<string>();
  documents.onDidOpen((event) => opened.add(event.document.uri));
  documents.onDidChangeContent((change) => {
    const uri = change.document.uri;
    const justOpened = opened.delete(uri);
    if (configs.affects(uri)) reloadConfigs();
    if (!isConfigFile(uri)) validator?.schedule(uri, justOpened);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    settings.forget(uri);
    validator?.closed(uri);
    // A strategy document of the workspace keeps its findings, linted from the file on disk.
    workspaceFiles.closed(uri);
    // The file on disk applies again.
    if (configs.affects(uri)) reloadConfigs();
  });

  serveConfigInfo(connection, configs);
  registerFeatures(connection, {
    documents,
    lintOptions: async (uri) => (await validator?.lintOptions(uri))?.options,
    strategyLocations: (id, except) => workspaceFiles.strategyLocations(id, except),
  });
  documents.listen(connection);
}
