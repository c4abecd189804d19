// Starts the stratlint language server; every feature lives there. The client adds only what needs
// the editor's UI: the failure-mode quick pick behind the code lens and the configuration status.
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient, LanguageClientOptions, MessageTransports } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { serverEnvironment } from './server-environment';
import { ServerProcesses, startedInDebugMode } from './server-process';
import { createConfigStatus } from './status';

let client: LanguageClient | undefined;
let processes: ServerProcesses | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel = window.createOutputChannel('stratlint', { log: true });
  context.subscriptions.push(outputChannel);

  // The server starts first and boots while the client library loads below.
  processes = new ServerProcesses({
    module: context.asAbsolutePath(path.join('dist', 'server.js')),
    // The server keeps its compiled code in the extension's storage folder (faster later starts).
    env: serverEnvironment(process.env, { STRATLINT_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') }),
    debug: startedInDebugMode(),
    log: { info: (line) => outputChannel.info(line), error: (line) => outputChannel.error(line) },
  });
  const servers = processes;
  // Loaded here, not imported at the top: evaluating the library is most of the extension's load.
  let library: typeof import('vscode-languageclient/node');
  try {
    library = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
  } catch (error) {
    // A broken installation: the early server would wait for a client that never comes.
    servers.reap();
    throw error;
  }
  const { LanguageClient, IPCMessageReader, IPCMessageWriter } = library;
  const serverOptions = async (): Promise<MessageTransports> => {
    const child = await servers.next();
    return { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
  };

  const clientOptions: LanguageClientOptions = {
    // All YAML: the server decides which files are strategy documents (suffix or `stratlint.files`).
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
    synchronize: { configurationSection: 'stratlint' },
  };

  // The id `stratlint` makes the client honour the `stratlint.trace.server` setting.
  client = new LanguageClient('stratlint', 'stratlint', serverOptions, clientOptions);
  context.subscriptions.push(...registerCommands());
  await client.start();
  context.subscriptions.push(createConfigStatus(client));
}

export async function deactivate(): Promise<void> {
  try {
    // Throws when the client never got running, or the server did not answer in time.
    await client?.stop();
  } finally {
    client = undefined;
    processes?.reap();
    processes = undefined;
  }
}
