// Language server entry. The transport (--stdio, --node-ipc, --socket=N) comes from argv.
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Every edit of a large document leaves a few megabytes behind (above all the document's text),
// and V8 lets a small heap grow up to fourfold before it collects them: editing a 50,000-line
// document peaked near 500 MB for some 170 MB in use. Growing by 150 % at most peaks near 350 MB;
// smaller steps save more memory but collect so often that edits wait (`npm run bench`).
setFlagsFromString('--heap-growing-percent=150');

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one document its diagnostics, not every document the server.
function report(kind: string, error: unknown): void {
  const text = `stratlint: ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  try {
    connection.console.error(text);
  } catch {
    // The connection itself may be what failed; stderr is the last resort.
    process.stderr.write(`${text}\n`);
  }
}
process.on('uncaughtException', (error) => report('uncaught exception', error));
process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));

startServer(connection);
connection.listen();
