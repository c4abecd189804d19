// A few helpers for tests that run inside VS Code: a runner with per-test deadlines, polling
// instead of sleeping, and fixture documents copied inside the (temporary) test workspace.
import * as vscode from 'vscode';

export interface Test {
  name: string;
  fn: () => Promise<void>;
  /** When this test fails the others cannot mean anything (no extension, no server): skip them. */
  essential?: boolean;
}

const tests: Test[] = [];

export function test(name: string, fn: () => Promise<void>, options: { essential?: boolean } = {}): void {
  tests.push({ name, fn, ...options });
}

/** What the launcher tells the suite, through a file it writes into the test workspace. */
export interface Expectations {
  /** The installed extension must live below this folder (the server's extensions dir), proving the .vsix is what runs. */
  extensionsDir?: string;
  /** The launcher takes screenshots when the suite asks for them (see `screenshot`). */
  screenshots?: boolean;
}

export const EXPECTATIONS_FILE = '.stratlint-e2e.json';

export async function expectations(): Promise<Expectations> {
  try {
    const bytes = await vscode.workspace.fs.readFile(workspaceUri(EXPECTATIONS_FILE));
    return JSON.parse(new TextDecoder().decode(bytes)) as Expectations;
  } catch {
    return {};
  }
}

export const TEST_TIMEOUT_MS = 45_000;

/** Suite output carries a marker so a launcher can tell it from the rest of the extension host's log. */
export const MARKER = '[stratlint-e2e]';
export const say = (line: string): void => console.log(line.replace(/^/gm, `${MARKER} `));

/** Runs every registered test in order; a failing test does not stop the others, unless it is essential. */
export async function runAll(log: (line: string) => void = say): Promise<{ passed: number; failed: string[]; skipped: string[] }> {
  const failed: string[] = [];
  const skipped: string[] = [];
  let passed = 0;
  for (const [index, t] of tests.entries()) {
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        t.fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
        }),
      ]);
      passed++;
      log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed.push(t.name);
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`  ✖ ${t.name} (${Date.now() - started} ms)\n${detail.replace(/^/gm, '      ')}`);
      if (t.essential) {
        for (const rest of tests.slice(index + 1)) {
          skipped.push(rest.name);
          log(`  - ${rest.name} (skipped: an essential test failed)`);
        }
        break;
      }
    } finally {
      clearTimeout(timer);
    }
  }
  return { passed, failed, skipped };
}

/**
 * Polls `probe` until it returns something other than undefined, or throws after the deadline with
 * the last observation — the language server answers asynchronously, so no fixed sleeps.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = describe ? `; last seen: ${describe()}` : '';
      const error = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}${error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace has no folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Copies a fixture of the workspace to a new name, so each test edits its own document. */
export async function copyFixture(from: string, to: string, transform: (text: string) => string = (t) => t): Promise<vscode.Uri> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(from)));
  const target = workspaceUri(to);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(transform(text)));
  return target;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The diagnostic code as a string, whether or not it carries a docs link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function stratlintDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stratlint' && (code === undefined || codeOf(d) === code));
}

export function describeDiagnostics(uri: vscode.Uri): () => string {
  return () =>
    JSON.stringify(
      vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)}`),
    );
}

/** Waits until the document has at least one stratlint diagnostic with `code`, and returns them. */
export function diagnosticsWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`a '${code}' diagnostic on ${uri.path}`, () => {
    const found = stratlintDiagnostics(uri, code);
    return found.length > 0 ? found : undefined;
  }, 20_000, describeDiagnostics(uri));
}

/** Plain text of hover contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else parts.push(content.value);
    }
  }
  return parts.join('\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * Asks the launcher for a screenshot of the workbench as it is now and waits until it is taken.
 * The launcher watches the log for the marker and answers by writing a file into the workspace.
 */
export async function screenshot(name: string): Promise<void> {
  if (!(await expectations()).screenshots) return;
  const done = workspaceUri(`.screenshot-${name}.done`);
  say(`screenshot ${name}`);
  await waitFor(`the launcher to take screenshot '${name}'`, async () => {
    try {
      await vscode.workspace.fs.stat(done);
      return true;
    } catch {
      return undefined;
    }
  }, 20_000);
}

/** Reverts and closes a test's own copy of a fixture and deletes it, so it leaves no findings behind. */
export async function discard(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(uri, { useTrash: false });
}
