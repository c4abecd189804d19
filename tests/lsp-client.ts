// The client of the protocol tests (tests/lsp*.test.ts) and of scripts/bench-lsp-workspace.ts: the
// built server (dist/server.js, `npm run build`) started over stdio, a JSON-RPC connection to it,
// initialized with one workspace folder, and waits that each have a deadline. Not a test file itself.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverNodeFlags } from '../client/src/server-process';
import {
  ConfigurationRequest,
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.join(__dirname, '..', 'dist', 'server.js');

/** A new folder in the system's temporary folder (its real path, as the server sees it), and its file: URI. */
export function tempFolder(prefix: string): { dir: string; uri: string } {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  return { dir, uri: pathToFileURL(dir).href };
}

/** `within(promise, what)`: settles as `promise` does, or rejects with `no ${what} within ${ms} ms`. */
export type Within = <T>(promise: Promise<T>, what: string, ms?: number) => Promise<T>;

/** A `within` whose deadline is `defaultMs` unless a call gives another. */
export function withDeadline(defaultMs: number): Within {
  return <T>(promise: Promise<T>, what: string, ms = defaultMs): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  };
}

/** Every publishDiagnostics the server sent, in order, with a way to wait for the next matching one. */
export class Inbox {
  readonly received: PublishDiagnosticsParams[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly within: Within;

  /** `deadlineMs`: how long `next` waits. */
  constructor(deadlineMs: number) {
    this.within = withDeadline(deadlineMs);
  }

  push(params: PublishDiagnosticsParams): void {
    this.received.push(params);
    this.waiters = this.waiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
  }

  /** Index to pass to `next`/`of` to look only at what arrives from now on. */
  mark(): number {
    return this.received.length;
  }

  next(test: (p: PublishDiagnosticsParams) => boolean, what: string, from = 0): Promise<PublishDiagnosticsParams> {
    const found = this.received.slice(from).find(test);
    if (found) return Promise.resolve(found);
    return this.within(new Promise((resolve) => this.waiters.push({ test, resolve })), what);
  }

  of(uri: string, from = 0): PublishDiagnosticsParams[] {
    return this.received.slice(from).filter((p) => p.uri === uri);
  }
}

export const withCode = (params: PublishDiagnosticsParams, code: string): Diagnostic[] => params.diagnostics.filter((d) => d.code === code);

export interface ServerOptions {
  /** The one workspace folder (a file: URI), also the root URI. */
  folder: string;
  capabilities: ClientCapabilities;
  /** The deadline of the initialize and shutdown responses and of the exit. */
  deadlineMs: number;
  /** `initializationOptions.today`, the date the rules take as today. */
  today?: string;
  /** The answer to each item of `workspace/configuration`; `{}` by default. */
  settings?: () => unknown;
  /** Where the publishDiagnostics notifications go. */
  inbox?: Inbox;
  /** More handlers, set before the connection listens; one for a method above replaces it. */
  onConnection?: (connection: ProtocolConnection, child: ChildProcess) => void;
  /** Node options before the server script (default: those the extension starts it with). */
  execArgv?: string[];
  /** `inherit`: the server's stderr goes to ours rather than into `stderr`. */
  stderr?: 'pipe' | 'inherit';
  /** Environment variables added to ours. */
  env?: Record<string, string>;
  /** Do not send `initialized`: the caller does, with `initialized()` (e.g. to time what follows it). */
  deferInitialized?: boolean;
}

export interface Server {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** The initialize result. */
  result: InitializeResult;
  /** What the server registered with `client/registerCapability`. */
  registrations: Registration[];
  /** What the server wrote to stderr so far (with `stderr: 'pipe'`). */
  readonly stderr: string;
  initialized(): Promise<void>;
  /** Shutdown request, exit notification; the exit code. */
  shutdown(ms?: number): Promise<number | null>;
  /** `shutdown`, asserting exit code 0, then the connection disposed. */
  stop(): Promise<void>;
  /** The connection disposed and the server killed unless it has exited. */
  kill(): void;
}

/** The built server over stdio, initialized with one workspace folder (and `initialized` sent unless deferred). */
export async function startServer(options: ServerOptions): Promise<Server> {
  const { folder, capabilities, deadlineMs, today = '2027-03-15', settings = () => ({}), inbox, onConnection, execArgv = serverNodeFlags(), deferInitialized = false } = options;
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first`);
  const within = withDeadline(deadlineMs);
  const child = spawn(process.execPath, [...execArgv, SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', options.stderr ?? 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const reader = new StreamMessageReader(child.stdout!);
  // A message cut off by the server's exit would otherwise arm a timer that re-arms itself every 10 s
  // and outlives the disposed connection, keeping the test process alive; the deadlines cover waiting.
  reader.partialMessageTimeout = 0;
  const connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
  const registrations: Registration[] = [];
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings()));
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  if (inbox) connection.onNotification(PublishDiagnosticsNotification.type, (params) => inbox.push(params));
  onConnection?.(connection, child);
  connection.listen();

  const kill = () => {
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  const initialized = () => connection.sendNotification(InitializedNotification.type, {});
  const shutdown = async (ms = deadlineMs) => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await within(connection.sendRequest(ShutdownRequest.type), 'shutdown response', ms);
    await connection.sendNotification(ExitNotification.type);
    return within(exited, 'server exit', ms);
  };
  let result: InitializeResult;
  try {
    result = await within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'ws' }],
        initializationOptions: { today },
        capabilities,
      }),
      'initialize result',
    );
    if (!deferInitialized) await initialized();
  } catch (error) {
    kill();
    throw error;
  }
  return {
    child,
    connection,
    result,
    registrations,
    get stderr() {
      return stderr;
    },
    initialized,
    shutdown,
    stop: async () => {
      assert.equal(await shutdown(), 0, `stderr:\n${stderr}`);
      connection.dispose();
    },
    kill,
  };
}
