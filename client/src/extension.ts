// Starts the stratlint language server; every feature lives there. The client adds only what needs
// the editor's UI: the failure-mode quick pick behind the code lens and the configuration status.
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { serverEnvironment } from './server-environment';
import { createConfigStatus } from './status';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps its compiled code in the extension's storage folder (faster later starts).
  const env = serverEnvironment(process.env, { STRATLINT_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'code-cache') });
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const outputChannel = window.createOutputChannel('stratlint', { log: true });
  context.subscriptions.push(outputChannel);

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
  await client?.stop();
  client = undefined;
}
