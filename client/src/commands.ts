// The commands the server's code lens and code actions invoke on the client.
import { commands, QuickPickItemKind, Range, Selection, TextEditorRevealType, Uri, window, type Disposable, type QuickPickItem } from 'vscode';
import type { ModeAtRisk } from '../../server/src/engine/editor/code-lens';
import { SHOW_FAILURE_MODES } from '../../server/src/engine/editor/commands';

interface FindingItem extends QuickPickItem {
  range?: ModeAtRisk['findings'][number]['range'];
}

/** The failure modes at risk in a document, grouped, each finding a jump to its place. */
async function showFailureModes(uri: string, modes: ModeAtRisk[] | undefined): Promise<void> {
  if (!modes || modes.length === 0) {
    void window.showInformationMessage('stratlint: no failure mode is at risk in this strategy.');
    return;
  }
  const items: FindingItem[] = [];
  for (const mode of modes) {
    items.push({ label: `${mode.mode} · ${mode.title}`, kind: QuickPickItemKind.Separator });
    for (const f of mode.findings) {
      items.push({ label: f.message, description: f.ruleId, detail: `line ${f.range.start.line + 1}`, range: f.range });
    }
  }
  const picked = await window.showQuickPick(items, { title: 'Failure modes at risk', placeHolder: 'Jump to a finding', matchOnDescription: true });
  if (!picked?.range) return;
  const { start, end } = picked.range;
  const editor = await window.showTextDocument(Uri.parse(uri));
  const range = new Range(start.line, start.character, end.line, end.character);
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerCommands(): Disposable[] {
  return [commands.registerCommand(SHOW_FAILURE_MODES, showFailureModes)];
}
