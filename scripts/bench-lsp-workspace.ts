// Scale of the workspace index in the editor (issue 6), measured over the protocol: 200 documents
// of 500 lines written to a temporary workspace folder, the built server (dist/server.js) started
// over stdio on it, then
// - the time from `initialized` to the diagnostics of every document (and to the end of indexing);
// - for single-character edits in one open document: the time to its diagnostics, and how many
//   other documents were linted again because of the edit.
//   npm run build && node --import tsx scripts/bench-lsp-workspace.ts [documents] [lines]
// The documents are those of scripts/bench-workspace.ts (scripts/workspace-docs.ts); the client is
// that of the protocol tests (tests/lsp-client.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER, startServer, withDeadline, type Server } from '../tests/lsp-client';
import { workspaceDocument } from './workspace-docs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const DOCUMENTS = Number(args[0] ?? 200);
const LINES = Number(args[1] ?? 500);
const TODAY = '2027-03-15';
/** After an edit, documents published within this quiet time are counted as re-linted by it. */
const SETTLE_MS = 1500;

/** CPU time (user + system) the server has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return undefined;
  }
}

const DEADLINE_MS = 120_000;
const within = withDeadline(DEADLINE_MS);

/** The range of the `nth` occurrence of `needle` (0-based) shifted by `offset`, `length` characters long. */
function rangeOf(text: string, needle: string, offset: number, length: number) {
  const index = text.indexOf(needle) + offset;
  if (index < offset) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  const start = { line: before.length - 1, character: before.at(-1)!.length };
  return { start, end: { line: start.line, character: start.character + length } };
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-bench-lsp-')));
  const folder = pathToFileURL(dir).href;
  const texts: string[] = [];
  for (let n = 0; n < DOCUMENTS; n++) {
    texts.push(workspaceDocument(n, LINES, DOCUMENTS));
    fs.writeFileSync(path.join(dir, `strategy-${n}.strategy.yaml`), texts[n]);
  }
  const uris = texts.map((_, n) => `${folder}/strategy-${n}.strategy.yaml`);
  console.log(`${DOCUMENTS} documents × ${texts[0].split('\n').length - 1} lines in ${dir}; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const published: { at: number; params: PublishDiagnosticsParams }[] = [];
  let onPublish: (() => void) | undefined;
  const progress: { at: number; kind: string; message?: string; cpu?: number }[] = [];
  const waitFor = (test: () => boolean, what: string) =>
    within(
      new Promise<void>((resolve) => {
        if (test()) return resolve();
        onPublish = () => test() && resolve();
      }),
      what,
    ).finally(() => (onPublish = undefined));

  let server: Server | undefined;
  try {
    server = await startServer({
      folder,
      today: TODAY,
      deadlineMs: DEADLINE_MS,
      execArgv: process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [],
      stderr: 'inherit',
      deferInitialized: true,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      onConnection: (connection, child) => {
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
          published.push({ at: performance.now(), params });
          onPublish?.();
        });
        connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
          connection.onProgress(WorkDoneProgress.type, token, (value) => {
            progress.push({ at: performance.now(), kind: value.kind, cpu: cpuMs(child.pid), ...('message' in value ? { message: value.message } : {}) });
          });
        });
      },
    });
    const { child, connection } = server;
    const t0 = performance.now();
    await server.initialized();
    const seen = new Set<string>();
    const cpuAtStart = cpuMs(child.pid) ?? 0;
    await waitFor(() => {
      for (const p of published) seen.add(p.params.uri);
      return uris.every((u) => seen.has(u));
    }, 'diagnostics of every document');
    const allAt = Math.max(...uris.map((u) => published.find((p) => p.params.uri === u)!.at));
    const cpuAll = cpuMs(child.pid);
    const indexed = progress.find((p) => p.message?.startsWith(`Indexing strategy documents ${DOCUMENTS}/`));
    const findings = uris.reduce((n, u) => n + published.filter((p) => p.params.uri === u).at(-1)!.params.diagnostics.length, 0);
    const cpu = (at: number | undefined) => (at === undefined ? '' : `, server CPU ${(at - cpuAtStart).toFixed(0)} ms`);
    console.log(`initialized → indexed (progress 'Indexing ${DOCUMENTS}/${DOCUMENTS}'): ${indexed ? (indexed.at - t0).toFixed(0) : '?'} ms wall${cpu(indexed?.cpu)}`);
    console.log(`initialized → diagnostics of all ${DOCUMENTS} documents: ${(allAt - t0).toFixed(0)} ms wall${cpu(cpuAll)} (${findings} findings)`);
    await within(new Promise<void>((resolve) => { const check = () => (progress.some((p) => p.kind === 'end') ? resolve() : setTimeout(check, 20)); check(); }), 'progress end');

    // One open document, edited one character at a time.
    const uri = uris[0];
    let text = texts[0];
    let version = 1;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    await waitFor(() => published.some((p) => p.params.uri === uri && p.params.version === version), 'diagnostics of the opened document');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    type Change = Extract<TextDocumentContentChangeEvent, { range: unknown }>;
    const edit = async (label: string, change: Change) => {
      const from = published.length;
      version++;
      const t = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await waitFor(() => published.slice(from).some((p) => p.params.uri === uri && p.params.version === version), `diagnostics of version ${version}`);
      const own = published.slice(from).find((p) => p.params.uri === uri && p.params.version === version)!;
      // Quiet for SETTLE_MS: whatever the edit made the server re-lint has been published.
      for (let last = published.length; ; ) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        if (published.length === last) break;
        last = published.length;
      }
      const others = published.slice(from).filter((p) => p.params.uri !== uri);
      const lastOther = others.length > 0 ? `, the last of them ${(Math.max(...others.map((p) => p.at)) - t).toFixed(0)} ms after the edit` : '';
      console.log(`${label}: own diagnostics ${(own.at - t).toFixed(0)} ms; ${new Set(others.map((p) => p.params.uri)).size} other document(s) re-linted${lastOther}`);
      // Keep the local copy in step (single-line edits only).
      const lines = text.split('\n');
      const { start, end } = change.range;
      const line = lines[start.line];
      const replaced = line.slice(0, start.character) + change.text + line.slice(end.character);
      lines.splice(start.line, 1, ...replaced.split('\n'));
      text = lines.join('\n');
    };
    await edit('a title (no fact other documents see) ', { range: rangeOf(text, 'Move 10% of', 6, 1), text: '1' });
    await edit('a due date of a tactic of a manager   ', { range: rangeOf(text, 'due: 2027-04-28', 14, 1), text: '9' });
    const claireDue = 'owner: claire\n        kind: rollout\n        dimension: operational\n        start: 2027-02-01\n        due: 2027';
    await edit("claire's tactic made past due         ", { range: rangeOf(text, claireDue, claireDue.length - 1, 1), text: '6' });
    await edit('a new line near the top (lines move)  ', { range: rangeOf(text, 'not_doing:', 0, 0), text: '\n' });
    await server.shutdown(10_000);
  } finally {
    server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
