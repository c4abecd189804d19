// Every process the e2e scripts start goes through here: each runs in its own process group
// (`detached` = setsid), and all groups are stopped on exit, error, Ctrl+C or SIGTERM — the VS Code
// server's extension hosts would otherwise live on for hours.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const log = (line) => console.log(`[e2e] ${line}`);

/** Process groups we started (each child is a group leader: `detached` = setsid). */
const groups = new Set();
const cleanups = [];
const finalizers = [];
let cleaningUp;

/**
 * Registers an async cleanup: by default it runs before the process groups are killed (close the
 * browser, …); with `afterStop` once they are gone (remove their folders, …).
 */
export function onCleanup(fn, { afterStop = false } = {}) {
  (afterStop ? finalizers : cleanups).push(fn);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

const alive = (pid) => killGroup(pid, 0);

/** True once cleanup has begun: processes ending now are ending because we stop them. */
export const stopping = () => cleaningUp !== undefined;

/** Stops everything started here: cleanups first, then SIGTERM to each process group, SIGKILL after 3 s, then finalizers. */
export function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      await Promise.race([Promise.resolve().then(fn).catch(() => {}), delay(5_000)]);
    }
    for (const pid of groups) killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 3_000;
    while ([...groups].some(alive) && Date.now() < deadline) await delay(100);
    for (const pid of groups) killGroup(pid, 'SIGKILL');
    groups.clear();
    for (const fn of finalizers) {
      try {
        await fn();
      } catch (error) {
        console.error(`[e2e] cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaningUp;
}

let handlersInstalled = false;
/** Ctrl+C, SIGTERM, an uncaught error or a plain exit: nothing we started outlives us. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      log(`${signal}: stopping`);
      cleanup().finally(() => process.exit(code));
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    cleanup().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    cleanup().finally(() => process.exit(1));
  });
  // Last resort, synchronous: `exit` handlers cannot wait.
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
}

/** Starts a process in its own process group and remembers it. Resolves nothing: use `exited`. */
export function start(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) groups.add(child.pid);
  child.exited = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: null, error }));
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return child;
}

/** Runs a command to completion with a timeout; captures its output, shows it on failure. */
export async function runToEnd(command, args, { timeoutMs, ...options }) {
  const child = start(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
  const { code, signal, error } = await child.exited;
  clearTimeout(timer);
  groups.delete(child.pid);
  if (error || code !== 0) {
    const why = error ? error.message : signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit code ${code ?? signal}`;
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${why}):\n${output.trim()}`);
  }
  return output;
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

