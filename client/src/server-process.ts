// Starts language server processes for the client. The first one starts as soon as the extension
// activates, before the client library has loaded (some 40 ms of a start on a 2-core machine): the
// server boots meanwhile. Later ones (the client restarts a server that died) start on demand.
import { fork, type ChildProcess } from 'node:child_process';

export interface ServerLaunch {
  /** dist/server.js of the installed extension. */
  module: string;
  env: NodeJS.ProcessEnv;
  /** With the inspector on port 6009, as when the extension host itself is being debugged. */
  debug: boolean;
  /** Where the server's stdout and stderr go (the output channel). */
  output: (text: string) => void;
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
    execArgv: launch.debug ? ['--nolazy', '--inspect=6009'] : [],
    silent: true,
  });
  const forward = (data: Buffer | string) => launch.output(typeof data === 'string' ? data : data.toString('utf8'));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  // Until the client's reader listens, a failed spawn must not be an uncaught error in the editor.
  child.on('error', (error) => launch.output(`stratlint: the language server process failed: ${error.message}\n`));
  child.on('exit', (code, signal) => {
    if (signal !== null) launch.output(`stratlint: the language server process ended with signal ${signal}\n`);
    else if (code !== 0) launch.output(`stratlint: the language server process exited with code ${code}\n`);
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

  constructor(private readonly launch: ServerLaunch) {
    this.early = launchServer(launch);
  }

  /** The process for a new connection; the one before it, if any, is done with. */
  next(): ChildProcess {
    if (this.current) reapLater(this.current);
    const child = this.early ?? launchServer(this.launch);
    this.early = undefined;
    this.current = child;
    return child;
  }

  /** After the client stopped, as the client library does with the processes it starts itself. */
  reap(): void {
    for (const child of [this.early, this.current]) if (child) reapLater(child);
    this.early = this.current = undefined;
  }
}
