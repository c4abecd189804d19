// Language server entry. The transport (--stdio, --node-ipc, --socket=N) comes from argv.
import { createConnection, ProposedFeatures } from './protocol';
import { startServer } from './server';

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
