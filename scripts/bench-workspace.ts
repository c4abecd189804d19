// Scale of the workspace index (issue 6): 200 documents of 500 lines each, written to a temporary
// folder, indexed, then one document edited and only the affected documents linted again.
//   node --import tsx scripts/bench-workspace.ts [documents] [lines] [--keep]   (--keep leaves the folder)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../server/src/engine/lint';
import { WorkspaceIndex } from '../server/src/engine/workspace';
import { workspaceDocument } from './workspace-docs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const KEEP = process.argv.includes('--keep');
const DOCUMENTS = Number(args[0] ?? 200);
const LINES = Number(args[1] ?? 500);
const TODAY = '2027-03-15';

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`;
}

/** Wall time, and this process's CPU time (which other processes on a busy machine do not inflate). */
function timed(label: string, run: () => void): void {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  console.log(`${label} ${ms(start)} wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-bench-'));
try {
  const files: string[] = [];
  for (let n = 0; n < DOCUMENTS; n++) {
    const file = path.join(dir, `strategy-${n}.strategy.yaml`);
    fs.writeFileSync(file, workspaceDocument(n, LINES, DOCUMENTS));
    files.push(file);
  }
  const lineCount = fs.readFileSync(files[0], 'utf8').split('\n').length - 1;
  console.log(`${DOCUMENTS} documents × ${lineCount} lines in ${dir}`);

  let texts: string[] = [];
  timed('read:                   ', () => (texts = files.map((f) => fs.readFileSync(f, 'utf8'))));

  const index = new WorkspaceIndex();
  timed(`index (set × ${DOCUMENTS}):   `, () => files.forEach((f, i) => index.set(pathToFileURL(f).href, texts[i])));
  timed('lint all with the index:', () => {
    for (const [i, f] of files.entries()) lint(texts[i], { today: TODAY, uri: pathToFileURL(f).href, workspace: index });
  });

  const relint = (label: string, text: string) => {
    const uri = pathToFileURL(files[0]).href;
    index.set(uri, texts[0]);
    const t0 = process.hrtime.bigint();
    const change = index.set(uri, text);
    const affected = index.affectedBy(change, { today: TODAY, maxTactics: 3 });
    const t1 = process.hrtime.bigint();
    lint(text, { today: TODAY, uri, workspace: index });
    for (const other of affected) lint(index.get(other)!.text, { today: TODAY, uri: other, workspace: index });
    console.log(`${label}: re-index ${((Number(t1 - t0)) / 1e6).toFixed(1)} ms, ${affected.length} other document(s) affected, re-lint of those + the edited one ${ms(t1)}`);
  };
  const original = texts[0];
  relint('edit a title (same lines)      ', original.replace('Move 10% of', 'Move 11% of'));
  relint('edit a tactic due date          ', original.replace(/due: 2027-04-28/, 'due: 2027-05-28'));
  relint('edit a due date of claire       ', original.replace(/(owner: claire\n(?:.*\n){3}\s*due: )2027-\d\d-28/, '$12027-12-01'));
  relint('insert a line near the top      ', original.replace('not_doing:', '# a new comment\nnot_doing:'));
  relint('rename the strategy id          ', original.replace('id: strategy-0', 'id: strategy-zero'));
} finally {
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
}
