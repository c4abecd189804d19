// Starts language server processes for the client. The first one starts as soon as the extension
// activates, before the client library has loaded (about 30 ms of a start on a 2-core machine): the
// server boots meanwhile. Later ones (the client restarts a server that died) start on demand.
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServerLaunch {
  /** dist/server.js of the installed extension. */
  module: string;
  env: NodeJS.ProcessEnv;
  /** With the inspector on port 6009, as when the extension host itself is being debugged. */
  debug: boolean;
  /** Where the server's output goes, line by line: stdout as information, stderr and what befalls the process as errors. */
  log: ServerLog;
}

/** The output channel's two levels the server's output goes to. */
export interface ServerLog {
  info(line: string): void;
  error(line: string): void;
}

/**
 * Node's flags for the server process, for its first lint, what a user waits for after opening a
 * document. That lint runs code that has never run before, in one burst, and allocates several
 * megabytes, more the larger the document. V8 starts the young generation at 1 MB a half and
 * collects it again and again while it grows; starting it at its usual maximum, 16 MB a half,
 * leaves none of that to do. First diagnostics of a 1,000-line document 47 → 44 ms (medians of 50
 * fresh servers), starts no slower; large documents grow it to the maximum anyway, so their peak
 * memory stays the same. Sizes and figures are Node 20's: Electron's V8 compresses pointers, which
 * halves the young generation's sizes, and was not measured. (`--no-lazy-feedback-allocation` was
 * tried too: no faster first lint, and starts 10 ms slower. For the other setting for the first
 * lint, see server/src/lsp/boot.ts.)
 *
 * On V8 11 (Node 20), Sparkplug, the compiler that first turns hot functions into machine code,
 * also compiles on a second thread, as V8 13 (Node 24) does by default: the lint goes on running
 * while its functions are compiled. First diagnostics of a 1,000-line document 21.1 → 18.9 ms
 * (medians of 25 fresh servers each, in turns). It must be on the command line: set once the
 * process runs, the server hung before answering `initialize`.
 *
 * A flag the runtime does not know stops the process before it runs a line, so each flag is given
 * only to the V8 versions known to have it: 11 (Node 20), 12 and 13 (the Electron of VS Code 1.96
 * and the releases after it; Node 24, which runs code-server's extension host). A later V8 gets no
 * flag until it is checked: its first lints are only slower.
 */
export function serverNodeFlags(v8Version: string = process.versions.v8): string[] {
  const major = Number(v8Version.split('.')[0]);
  if (major === 11) return ['--min-semi-space-size=16', '--concurrent-sparkplug'];
  return major >= 12 && major <= 13 ? ['--min-semi-space-size=16'] : [];
}

/** Node's flags that mean the extension host runs under a debugger (as the client library tells). */
export function startedInDebugMode(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((arg) => /^--(?:inspect|debug)(?:-brk)?(?:=|$)/.test(arg));
}

/**
 * One server process over Node IPC, started as the client library starts a `module` server with
 * `TransportKind.ipc`: forked from the editor's runtime (run as Node), told the editor's process id
 * so that it exits with it, its output piped to the output channel.
 */
export function launchServer(launch: ServerLaunch): ChildProcess {
  const child = fork(launch.module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    env: { ...launch.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
    execArgv: [...serverNodeFlags(), ...(launch.debug ? ['--nolazy', '--inspect=6009'] : [])],
    silent: true,
  });
  // As the client library does with the processes it starts: line by line, stderr as errors. A
  // line that arrives after the output channel was closed (a process reaped after the extension
  // stopped) is dropped.
  const safely = (write: (line: string) => void) => (line: string) => {
    try {
      write(line);
    } catch {
      // The channel is closed.
    }
  };
  const info = safely((line) => launch.log.info(line));
  const error = safely((line) => launch.log.error(line));
  if (child.stdout) createInterface({ input: child.stdout, crlfDelay: Infinity, terminal: false }).on('line', info);
  if (child.stderr) createInterface({ input: child.stderr, crlfDelay: Infinity, terminal: false }).on('line', error);
  // Until the client's reader listens, a failed spawn must not be an uncaught error in the editor.
  child.on('error', (failure) => error(`stratlint: the language server process failed: ${failure.message}`));
  child.on('exit', (code, signal) => {
    if (signal !== null) error(`stratlint: the language server process ended with signal ${signal}`);
    else if (code !== 0) error(`stratlint: the language server process exited with code ${code}`);
  });
  return child;
}

/** A server still running 2 s after its client let it go (sent `shutdown` and `exit`, or restarted) is killed. */
function reapLater(child: ChildProcess): void {
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }, 2000).unref();
}

/** Hands the client the process started early, then a new one each time it asks. */
export class ServerProcesses {
  private early: ChildProcess | undefined;
  private current: ChildProcess | undefined;
  private reaped = false;

  constructor(private readonly launch: ServerLaunch) {
    this.early = launchServer(launch);
  }

  /**
   * The process for a new connection; the one before it, if any, is done with. The early one only
   * while it runs: writing to one that has already ended (a broken installation) fails with a broken
   * pipe, where a fresh one lets the client report a server that does not start as it always did.
   * One turn of the event loop first, so that an exit that has happened is known.
   */
  async next(): Promise<ChildProcess> {
    if (this.current) reapLater(this.current);
    const early = this.early;
    this.early = undefined;
    this.current = early;
    if (early) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (early.exitCode === null && early.signalCode === null) return early;
    }
    if (this.reaped) throw new Error('stratlint: the extension is stopping; no language server is started');
    const child = launchServer(this.launch);
    this.current = child;
    return child;
  }

  /** After the client stopped, as the client library does with the processes it starts itself. */
  reap(): void {
    this.reaped = true;
    for (const child of [this.early, this.current]) if (child) reapLater(child);
    this.early = this.current = undefined;
  }
}
