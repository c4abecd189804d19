// What a user sees in a real VS Code with the packaged extension installed: activation, diagnostics,
// the failure-mode hover, quick fixes, completion, fix-all on save and settings.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serverNodeFlags } from '../../../client/src/server-process';
import { FAILURE_MODE_TITLES } from '../../../server/src/engine/chains';
import { ruleDocsUrl } from '../../../server/src/engine/docs';
import { meta as objectiveKpi } from '../../../server/src/rules/objective-kpi';
import {
  codeOf,
  copyFixture,
  discard,
  describeDiagnostics,
  diagnosticsWithCode,
  expectations,
  hoverText,
  labelOf,
  open,
  say,
  screenshot,
  stratlintDiagnostics,
  test,
  waitFor,
  workspaceUri,
} from './harness';

const EXTENSION_ID = 'stratlint.stratlint';
/** Two gaps on purpose: tactic t-roadshow has no owner, objective obj-brand has no KPI. */
const FIXTURE = 'launch.strategy.yaml';
const PEOPLE = ['nadia', 'tom', 'ines'];

const whitespace = (s: string) => s.replace(/\s+/g, ' ');
const lineOf = (document: vscode.TextDocument, text: string) => document.getText().split('\n').findIndex((l) => l.includes(text));

test('the extension under test is the one installed from the .vsix, and it activates on a strategy document', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const { extensionsDir } = await expectations();
  if (extensionsDir) {
    const relative = path.relative(extensionsDir, extension.extensionUri.fsPath);
    assert.ok(!relative.startsWith('..') && !path.isAbsolute(relative), `extension runs from ${extension.extensionUri.fsPath}, not from the installed .vsix in ${extensionsDir}`);
  }
  // The client starts dist/server.js from the extension's folder: it must be in the package.
  const main = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'server.js');
  await vscode.workspace.fs.stat(main).then(
    () => undefined,
    () => assert.fail(`the installed extension has no ${main.fsPath}: the language server is missing from the .vsix`),
  );
  await open(workspaceUri(FIXTURE));
  await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
}, { essential: true });

test('diagnostics with the codes tactic-owner and objective-kpi appear on a flawed document', async () => {
  const uri = workspaceUri(FIXTURE);
  const { document } = await open(uri);
  const [owner] = await diagnosticsWithCode(uri, 'tactic-owner');
  const [kpi] = await diagnosticsWithCode(uri, 'objective-kpi');
  assert.equal(owner.message, "Tactic 't-roadshow' has no owner");
  assert.equal(owner.severity, vscode.DiagnosticSeverity.Error);
  assert.equal(owner.range.start.line, lineOf(document, '- id: t-roadshow'), 'tactic-owner sits on the id of t-roadshow');
  assert.equal(kpi.message, "Objective 'obj-brand' lacks a KPI");
  assert.equal(kpi.range.start.line, lineOf(document, '- id: obj-brand'), 'objective-kpi sits on the id of obj-brand');
  const serious = stratlintDiagnostics(uri)
    .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
    .map((d) => codeOf(d))
    .sort();
  assert.deepEqual(serious, ['objective-kpi', 'tactic-owner'], 'the fixture has exactly these two problems, each reported once');
});

test('the hover over a finding explains its failure mode', async () => {
  const uri = workspaceUri(FIXTURE);
  await open(uri);
  const [kpi] = await diagnosticsWithCode(uri, 'objective-kpi');
  let last = '';
  const text = await waitFor(
    'a hover that names the failure mode',
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, kpi.range.start);
      last = hoverText(hovers ?? []);
      return last.includes(FAILURE_MODE_TITLES[objectiveKpi.failureMode!]) ? last : undefined;
    },
    10_000,
    () => JSON.stringify(last),
  );
  assert.ok(whitespace(text).includes(whitespace(objectiveKpi.rationale).slice(0, 60)), `the hover shows the rationale; got:\n${text}`);
  assert.ok(whitespace(text).includes(whitespace(objectiveKpi.countermeasure).slice(0, 30)), `the hover shows the countermeasure; got:\n${text}`);
  assert.ok(text.includes(ruleDocsUrl('objective-kpi')), `the hover links the rule's documentation; got:\n${text}`);
});

// Not an assertion about the extension: a picture of it, with the Problems panel and the hover on a finding.
test('screenshot of the workbench with the Problems panel and a failure-mode hover', async () => {
  const uri = workspaceUri(FIXTURE);
  const editor = await open(uri);
  const [kpi] = await diagnosticsWithCode(uri, 'objective-kpi');
  await diagnosticsWithCode(uri, 'tactic-owner');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const at = kpi.range.start.translate(0, 2);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at.translate(-12), at), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot('problems-hover');
});

test('a quick fix from executeCodeActionProvider, applied with workspace.applyEdit, removes its finding', async () => {
  const uri = await copyFixture(FIXTURE, 'quick-fix.strategy.yaml');
  try {
    await open(uri);
    const [owner] = await diagnosticsWithCode(uri, 'tactic-owner');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, owner.range, vscode.CodeActionKind.QuickFix.value);
    const titles = (actions ?? []).map((a) => a.title);
    const fix = (actions ?? []).find((a) => a.edit && a.title === 'Set owner to Tom B.');
    assert.ok(fix?.edit, `a quick fix "Set owner to Tom B." with an edit; offered: ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    await waitFor('the tactic-owner finding to go', () => (stratlintDiagnostics(uri, 'tactic-owner').length === 0 ? true : undefined), 10_000, describeDiagnostics(uri));
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const tactic = text.slice(text.indexOf('- id: t-roadshow'), text.indexOf('- id: obj-brand'));
    assert.match(tactic, /^ {8}owner: tom$/m, `owner: tom added to t-roadshow at its keys' indentation; got:\n${tactic}`);
    assert.equal(stratlintDiagnostics(uri, 'objective-kpi').length, 1, 'the other finding stays');
  } finally {
    await discard(uri);
  }
});

test("completion after 'owner: ' offers the people ids", async () => {
  const uri = await copyFixture(FIXTURE, 'completion.strategy.yaml');
  try {
    const editor = await open(uri);
    // Type a new `owner: ` line into t-roadshow, as a user would.
    const titleLine = lineOf(editor.document, 'title: Regional roadshow');
    assert.ok(titleLine > 0);
    const typed = '        owner: ';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(titleLine + 1, 0), `${typed}\n`)));
    const position = new vscode.Position(titleLine + 1, typed.length);
    // Word-based suggestions are off in the test workspace, so these come from the language server.
    let offered: string[] = [];
    await waitFor(
      'completion items with every person id',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        offered = (list?.items ?? []).map(labelOf);
        return PEOPLE.every((p) => offered.includes(p)) ? true : undefined;
      },
      10_000,
      () => JSON.stringify(offered),
    );
  } finally {
    await discard(uri);
  }
});

test('fix-all on save applies the safe fixes when editor.codeActionsOnSave enables source.fixAll.stratlint', async () => {
  const editorConfig = vscode.workspace.getConfiguration('editor');
  await editorConfig.update('codeActionsOnSave', { 'source.fixAll.stratlint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
  const uri = await copyFixture(FIXTURE, 'fix-on-save.strategy.yaml');
  try {
    const editor = await open(uri);
    await diagnosticsWithCode(uri, 'objective-kpi');
    // A save only runs its participants when there is something to save.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '# reviewed\n')));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the document to be saved', () => (editor.document.isDirty ? undefined : true), 10_000);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const objective = saved.slice(saved.indexOf('- id: obj-brand')).split('\n').slice(0, 8).join('\n');
    assert.match(objective, /^- id: obj-brand\n(?: {4}.*\n)*? {4}kpis:\n/, `a KPI skeleton was added to obj-brand on save; saved:\n${objective}`);
    await waitFor('the objective-kpi finding to go', () => (stratlintDiagnostics(uri, 'objective-kpi').length === 0 ? true : undefined), 10_000, describeDiagnostics(uri));
    // Which person owns t-roadshow is a choice: fix-all leaves it to the author.
    assert.equal(stratlintDiagnostics(uri, 'tactic-owner').length, 1, 'tactic-owner (a choice between people) is not fixed on save');
    assert.ok(saved.includes('# reviewed'), 'the text the user typed survives');
  } finally {
    await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    await discard(uri);
  }
});

test('changing stratlint.rules in the settings changes the severity of a finding', async () => {
  const uri = workspaceUri(FIXTURE);
  await open(uri);
  const severityOf = () => stratlintDiagnostics(uri, 'objective-kpi')[0]?.severity;
  await waitFor('objective-kpi at its default level, error', () => (severityOf() === vscode.DiagnosticSeverity.Error ? true : undefined), 20_000, describeDiagnostics(uri));
  const config = vscode.workspace.getConfiguration('stratlint');
  try {
    await config.update('rules', { 'objective-kpi': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('objective-kpi to become a warning', () => (severityOf() === vscode.DiagnosticSeverity.Warning ? true : undefined), 10_000, describeDiagnostics(uri));
    await config.update('rules', { 'objective-kpi': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('objective-kpi to be turned off', () => (stratlintDiagnostics(uri, 'objective-kpi').length === 0 ? true : undefined), 10_000, describeDiagnostics(uri));
    assert.equal(stratlintDiagnostics(uri, 'tactic-owner')[0]?.severity, vscode.DiagnosticSeverity.Error, 'other rules keep their level');
  } finally {
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('objective-kpi back to error', () => (severityOf() === vscode.DiagnosticSeverity.Error ? true : undefined), 10_000, describeDiagnostics(uri));
});

/**
 * The language server processes this extension started: children of this extension host (the suite runs
 * in it) whose command line runs the installed extension's dist/server.js. `pgrep` (procps on Linux,
 * built into macOS) filters by parent and by command line, so no other window's or extension's server counts.
 */
function serverPids(): number[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const server = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'server.js').fsPath;
  const pattern = server.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', pattern], { encoding: 'utf8' });
    return out.split(/\s+/).filter(Boolean).map(Number);
  } catch (error) {
    // pgrep exits 1 when nothing matches; anything else (no pgrep, a bad pattern) is a real failure.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('the language server runs with the storage folder for its code cache, its Node flags, and without NODE_EXTRA_CA_CERTS', async () => {
  await open(workspaceUri(FIXTURE));
  await diagnosticsWithCode(workspaceUri(FIXTURE), 'tactic-owner');
  const [pid] = serverPids();
  assert.ok(pid !== undefined, `a stratlint server process is a child of the extension host (pid ${process.pid})`);
  let environ: string;
  try {
    environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return say(`no /proc/${pid}/environ on this system: the server's environment is not checked`);
  }
  const env = new Map(environ.split('\0').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  assert.match(env.get('STRATLINT_CACHE_DIR') ?? '', /code-cache$/, 'the code cache goes to the extension\'s storage folder');
  // The e2e runner sets it for the editor where the machine has a certificate bundle.
  if (process.env.NODE_EXTRA_CA_CERTS) assert.ok(!env.has('NODE_EXTRA_CA_CERTS'), `the extension host has NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS}; the server must not`);
  else say('NODE_EXTRA_CA_CERTS is not set for the editor: only its absence in the server is checked');
  assert.ok(!env.has('NODE_EXTRA_CA_CERTS'));
  // Started by the editor's runtime with the flags client/src/server-process.ts gives it.
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  for (const flag of serverNodeFlags()) assert.ok(argv.includes(flag), `${flag} on the server's command line: ${argv.join(' ')}`);
  if (serverNodeFlags().length === 0) say(`V8 ${process.versions.v8} gets no flag: none is checked`);
});

// Last on purpose: the restarted server serves nothing the earlier tests rely on, but a failure here
// leaves the editor without a language server.
test('the client restarts a language server killed with SIGKILL, and the next edit gets fresh diagnostics', async () => {
  const uri = await copyFixture(FIXTURE, 'restart.strategy.yaml');
  try {
    const { document } = await open(uri);
    await waitFor('the tactic-owner finding on t-roadshow', () => (stratlintDiagnostics(uri, 'tactic-owner').some((d) => d.message.includes("'t-roadshow'")) ? true : undefined), 20_000, describeDiagnostics(uri));
    const [before, ...others] = serverPids();
    assert.ok(before !== undefined && others.length === 0, `exactly one stratlint server process is a child of the extension host (pid ${process.pid}); found ${JSON.stringify(serverPids())}`);

    process.kill(before, 'SIGKILL');
    await waitFor(`server process ${before} to die`, () => (isAlive(before) ? undefined : true), 10_000);

    // Renaming the tactic moves its finding to a name only a server that saw this edit can report.
    const line = lineOf(document, '- id: t-roadshow');
    const at = document.lineAt(line).text.indexOf('t-roadshow');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, at, line, at + 't-roadshow'.length), 't-city-roadshow');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');

    await waitFor(
      "fresh diagnostics for the edit: tactic-owner on 't-city-roadshow', objective-kpi still there",
      () => {
        const owner = stratlintDiagnostics(uri, 'tactic-owner').map((d) => d.message);
        const kpi = stratlintDiagnostics(uri, 'objective-kpi');
        return owner.length === 1 && owner[0] === "Tactic 't-city-roadshow' has no owner" && kpi.length === 1 ? true : undefined;
      },
      20_000,
      () => `${describeDiagnostics(uri)()}; server pids ${JSON.stringify(serverPids())}`,
    );
    const after = await waitFor('one restarted server process', () => {
      const pids = serverPids();
      return pids.length === 1 ? pids[0] : undefined;
    }, 10_000, () => JSON.stringify(serverPids()));
    assert.notEqual(after, before, 'the server answering the edit is a new process');
    say(`  (server pid ${before} killed, restarted as ${after})`);
  } finally {
    await discard(uri);
  }
});
