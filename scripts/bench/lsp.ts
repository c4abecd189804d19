// A minimal LSP client for the benchmark: spawns a server over stdio, answers what servers ask
// of a client (configuration, registrations, progress), records every publishDiagnostics with its
// arrival time, and reads the server's peak memory. Every wait has a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export class Timeout extends Error {}

export function within<T>(promise: Promise<T>, what: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Published extends PublishDiagnosticsParams {
  /** performance.now() when the notification was handed to us. */
  at: number;
}

/** The capabilities of a plain editor client, the same for every server measured. */
const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      dynamicRegistration: false,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
};

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  initializationOptions?: unknown;
  /** The server's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** The answer to a `workspace/configuration` item, by section. */
  configuration: (section: string | undefined) => unknown;
  /** What `workspace/didChangeConfiguration` carries. */
  settings: unknown;
}

export class BenchServer {
  readonly published: Published[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private child!: ChildProcess;
  private connection!: ProtocolConnection;
  private stderr = '';
  /** How many `workspace/configuration` requests were answered. */
  configurationRequests = 0;
  private configurationWaiters: (() => void)[] = [];
  spawnedAt = 0;
  capabilities: InitializeResult['capabilities'] = {};

  constructor(readonly spec: ServerSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the server and sends `initialize`; returns the time from spawn to the initialize result. */
  async start(rootUri: string, timeoutMs: number): Promise<number> {
    this.spawnedAt = performance.now();
    this.child = spawn(this.spec.command, this.spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: this.spec.env });
    this.child.stderr!.on('data', (chunk) => {
      if (this.stderr.length < 20_000) this.stderr += String(chunk);
    });
    this.child.on('error', () => undefined);
    this.child.stdin!.on('error', () => undefined);
    const reader = new StreamMessageReader(this.child.stdout!);
    // A message cut off by a server's exit must not leave a self-renewing timer behind (see tests/lsp-client.ts).
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.child.stdin!));
    this.connection.onError(() => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.push({ ...params, at: performance.now() }));
    this.connection.onNotification(LogMessageNotification.type, () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      const answer = params.items.map((item) => this.spec.configuration(item.section));
      for (const resolve of this.configurationWaiters.splice(0)) setImmediate(resolve);
      return answer;
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onRequest(ShowMessageRequest.type, () => null);
    this.connection.listen();
    const result = await within(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        initializationOptions: this.spec.initializationOptions,
        capabilities: CAPABILITIES,
      }),
      `${this.spec.name}: initialize result`,
      timeoutMs,
    );
    const elapsed = performance.now() - this.spawnedAt;
    this.capabilities = result.capabilities;
    await this.connection.sendNotification(InitializedNotification.type, {});
    return elapsed;
  }

  /** Sends the settings; resolves once the server pulled its configuration (or after `idleMs` if it never asks). */
  async configure(timeoutMs: number): Promise<void> {
    const pulled = new Promise<void>((resolve) => this.configurationWaiters.push(resolve));
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.spec.settings });
    await within(pulled, `${this.spec.name}: workspace/configuration request`, timeoutMs).catch((error: unknown) => {
      // Ours pulls its settings per document, when it lints; that is fine too.
      if (!(error instanceof Timeout)) throw error;
    });
  }

  mark(): number {
    return this.published.length;
  }

  /** The first publication from index `from` on that passes `test`. */
  next(test: (p: Published) => boolean, what: string, timeoutMs: number, from = 0): Promise<Published> {
    for (let i = from; i < this.published.length; i++) if (test(this.published[i])) return Promise.resolve(this.published[i]);
    return within(new Promise<Published>((resolve) => this.waiters.push({ test, resolve })), `${this.spec.name}: ${what}`, timeoutMs);
  }

  private push(p: Published): void {
    this.published.push(p);
    this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, position: { line: number; character: number }, timeoutMs: number) {
    return within(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), `${this.spec.name}: hover`, timeoutMs);
  }

  /** As the editor asks on every cursor move (triggerKind Automatic, no `only`). */
  codeAction(uri: string, range: Range, diagnostics: Diagnostic[], timeoutMs: number) {
    return within(
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, triggerKind: 2 } }),
      `${this.spec.name}: codeAction`,
      timeoutMs,
    );
  }

  /** Peak resident set size of the server process in bytes (VmHWM), or undefined where /proc is missing. */
  peakRss(): number | undefined {
    if (!this.child?.pid) return undefined;
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  get stderrText(): string {
    return this.stderr;
  }

  /** shutdown + exit, then a kill if the process is still there. Never throws. */
  async stop(): Promise<void> {
    if (!this.child) return;
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), `${this.spec.name}: shutdown`, 3000);
      await this.connection.sendNotification(ExitNotification.type);
      await within(exited, `${this.spec.name}: exit`, 2000);
    } catch {
      // fall through to the kill
    }
    this.kill();
    this.connection.dispose();
  }

  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
