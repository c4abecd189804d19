// Runs the built CLI (bin/stratlint.js → dist/cli.js) as a user would: `npm test` builds first.
// Rules are added over time, so assertions name rule ids and never count all findings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'stratlint.js');
const TODAY = '2027-03-15';
const GOOD = 'examples/b2b-growth.strategy.yaml';
const FLAWED = 'examples/flawed/launch.strategy.yaml';
const BROKEN = 'examples/flawed/broken.strategy.yaml';

interface Message {
  ruleId: string; failureMode: string | null; severity: string; message: string;
  line: number; column: number; endLine: number; endColumn: number; fixable: boolean;
}
interface FileReport { filePath: string; health: number | null; messages: Message[] }

function run(args: string[], cwd = REPO) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, `stratlint did not finish: ${r.error?.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(args: string[], cwd = REPO) {
  const r = run([...args, '--format', 'json', '--today', TODAY], cwd);
  return { ...r, reports: JSON.parse(r.stdout) as FileReport[] };
}

/** 1-based line and UTF-16 column of the first occurrence of `needle` in `text`. */
function locate(text: string, needle: string): { line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.findIndex((l) => l.includes(needle));
  assert.notEqual(line, -1, `'${needle}' not found`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

let tmp: string;
function write(relative: string, text: string): string {
  const file = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const goodText = fs.readFileSync(path.join(REPO, GOOD), 'utf8');
const flawedText = fs.readFileSync(path.join(REPO, FLAWED), 'utf8');

before(() => {
  assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('--format json', () => {
  test('prints one array, one object per file, in the shape of DESIGN §6', () => {
    const { status, reports } = runJson([FLAWED]);
    assert.equal(status, 1);
    assert.equal(reports.length, 1);
    const [report] = reports;
    assert.deepEqual(Object.keys(report), ['filePath', 'health', 'messages']);
    assert.equal(report.filePath, FLAWED);
    assert.ok(report.health === null || (typeof report.health === 'number' && report.health >= 0 && report.health <= 1));
    assert.ok(report.messages.length > 0);
    for (const m of report.messages) {
      assert.deepEqual(Object.keys(m), ['ruleId', 'failureMode', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
      assert.match(m.ruleId, /^[a-z][a-z0-9-]*$/);
      assert.ok(m.failureMode === null || /^(FM(0[1-9]|1[0-5])|P[1-5])$/.test(m.failureMode), `failureMode ${m.failureMode}`);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
      assert.equal(typeof m.message, 'string');
      for (const n of [m.line, m.column, m.endLine, m.endColumn]) assert.ok(Number.isInteger(n) && n >= 1, `1-based integer, got ${n}`);
      assert.ok(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column));
      assert.equal(typeof m.fixable, 'boolean');
    }
  });

  test('positions are 1-based and point at the offending text', () => {
    const { reports } = runJson([FLAWED]);
    const unknown = reports[0].messages.find((m) => m.ruleId === 'unknown-reference' && m.message.includes("'tomas'"));
    assert.ok(unknown, 'unknown owner tomas is reported');
    const at = locate(flawedText, 'owner: tomas');
    assert.deepEqual(
      { line: unknown.line, column: unknown.column, endLine: unknown.endLine, endColumn: unknown.endColumn },
      { line: at.line, column: at.column + 'owner: '.length, endLine: at.line, endColumn: at.column + 'owner: tomas'.length },
    );
    assert.equal(unknown.failureMode, null);
    assert.equal(unknown.severity, 'error');
    for (const id of ['dependency-cycle', 'date-order']) {
      assert.ok(reports[0].messages.some((m) => m.ruleId === id), `${id} is reported`);
    }
  });

  test('a file with a syntax error has health null and a yaml-syntax message', () => {
    const { status, reports } = runJson([BROKEN]);
    assert.equal(status, 1);
    assert.equal(reports[0].health, null);
    assert.ok(reports[0].messages.some((m) => m.ruleId === 'yaml-syntax' && m.severity === 'error'));
  });

  test('clean files are listed with their health and no error', () => {
    const { status, reports } = runJson([GOOD]);
    assert.equal(status, 0);
    assert.equal(reports[0].filePath, GOOD);
    assert.equal(typeof reports[0].health, 'number');
    assert.deepEqual(reports[0].messages.filter((m) => m.severity === 'error'), []);
  });
});

describe('exit codes and usage errors', () => {
  test('0 for a clean file, 1 for a flawed one', () => {
    assert.equal(run([GOOD, '--today', TODAY]).status, 0);
    assert.equal(run([FLAWED, '--today', TODAY]).status, 1);
  });

  const usage: [string, string[], RegExp][] = [
    ['unknown flag', ['--frobnicate', GOOD], /^stratlint: unknown option '--frobnicate'\n/],
    ['bad --format', ['--format', 'xml', GOOD], /^stratlint: unknown format 'xml'/],
    ['--format without a value', [GOOD, '--format'], /^stratlint: option '--format' needs a value/],
    ['bad --today (not a date)', ['--today', 'tomorrow', GOOD], /^stratlint: --today needs a valid date/],
    ['bad --today (no such day)', ['--today=2027-02-30', GOOD], /^stratlint: --today needs a valid date/],
    ['bad --max-warnings', ['--max-warnings', 'many', GOOD], /^stratlint: --max-warnings needs a whole number/],
  ];
  for (const [name, args, message] of usage) {
    test(`2 for ${name}, with a hint to --help`, () => {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /--help/);
      assert.equal(r.stdout, '');
    });
  }

  test('2 for a path that does not exist, with a one-line error', () => {
    const r = run([GOOD, 'no/such.strategy.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stratlint: no such file or folder: no/such.strategy.yaml\n');
    assert.equal(r.stdout, '');
  });

  test('--help and --version exit 0', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: stratlint/);
    for (const flag of ['--format', '--today', '--max-warnings', '--quiet']) assert.ok(help.stdout.includes(flag));
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('file discovery', () => {
  let project: string;
  before(() => {
    project = path.join(tmp, 'project');
    write('project/plans/one.strategy.yaml', goodText);
    write('project/plans/deep/two.strategy.yml', goodText);
    write('project/plans/notes.yaml', 'not: a strategy\n');
    write('project/node_modules/pkg/dep.strategy.yaml', goodText);
    write('project/.git/x.strategy.yaml', goodText);
    write('project/folder.strategy.yaml/three.strategy.yaml', goodText);
    fs.symlinkSync('..', path.join(project, 'plans', 'deep', 'loop'), 'dir');
  });

  test('walks folders for strategy files, sorted, skipping node_modules, .git and symlink loops', () => {
    const { status, reports } = runJson([], project);
    assert.equal(status, 0);
    assert.deepEqual(reports.map((r) => r.filePath), [
      'folder.strategy.yaml/three.strategy.yaml',
      'plans/deep/two.strategy.yml',
      'plans/one.strategy.yaml',
    ]);
  });

  test('an explicit file is linted whatever its name; duplicates are listed once', () => {
    const { reports } = runJson(['plans/notes.yaml', 'plans', 'plans/one.strategy.yaml'], project);
    assert.deepEqual(reports.map((r) => r.filePath), ['plans/deep/two.strategy.yml', 'plans/notes.yaml', 'plans/one.strategy.yaml']);
  });

  test('globs are expanded from their static base', () => {
    const { status, reports } = runJson(['plans/**/*.strategy.y*ml'], project);
    assert.equal(status, 0);
    assert.deepEqual(reports.map((r) => r.filePath), ['plans/deep/two.strategy.yml', 'plans/one.strategy.yaml']);
    assert.deepEqual(runJson(['./plans/*.yaml'], project).reports.map((r) => r.filePath), ['plans/notes.yaml', 'plans/one.strategy.yaml']);
  });

  test('a glob that matches nothing is an error', () => {
    const r = run(['plans/**/*.strategy.json'], project);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stratlint: no such file or folder: plans/**/*.strategy.json\n');
  });

  test('an unreadable file is reported on stderr, the others are still linted, exit 2', () => {
    const dir = path.join(tmp, 'unreadable');
    write('unreadable/ok.strategy.yaml', goodText);
    fs.symlinkSync('missing-target.yaml', path.join(dir, 'gone.strategy.yaml'));
    const { status, stderr, reports } = runJson([], dir);
    assert.equal(status, 2);
    assert.match(stderr, /^stratlint: cannot read gone\.strategy\.yaml: /);
    assert.deepEqual(reports, [
      { filePath: 'gone.strategy.yaml', health: null, messages: [] },
      ...runJson(['ok.strategy.yaml'], dir).reports,
    ]);
  });
});

describe('--quiet and --max-warnings', () => {
  // The example without risks and stakeholders: no error, but warnings once the FM01/FM14 rules exist.
  let warnOnly: string;
  before(() => {
    const text = goodText.replace(/^risks:\n(?: .*\n)+/m, '').replace(/^stakeholders:\n(?: .*\n)+/m, '');
    assert.ok(!/^(risks|stakeholders):/m.test(text));
    warnOnly = write('warn-only.strategy.yaml', text);
  });

  test('--quiet reports errors only and keeps every error', () => {
    const all = runJson([FLAWED, warnOnly]).reports;
    const quiet = runJson([FLAWED, warnOnly, '--quiet']).reports;
    assert.deepEqual(quiet.map((r) => r.filePath), all.map((r) => r.filePath));
    for (const [i, r] of quiet.entries()) {
      assert.deepEqual(r.messages, all[i].messages.filter((m) => m.severity === 'error'));
      assert.equal(r.health, all[i].health);
    }
  });

  test('--max-warnings N fails only above N warnings', (t) => {
    const { status, reports } = runJson([warnOnly]);
    assert.equal(status, 0);
    assert.deepEqual(reports[0].messages.filter((m) => m.severity === 'error'), []);
    const warnings = reports[0].messages.filter((m) => m.severity === 'warning').length;
    assert.equal(run([warnOnly, '--today', TODAY, '--max-warnings', String(warnings)]).status, 0);
    if (warnings === 0) {
      t.skip('no warning-level rule fires yet');
      return;
    }
    const over = run([warnOnly, '--today', TODAY, '--max-warnings', String(warnings - 1)]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /too many warnings/);
    assert.equal(run([warnOnly, '--today', TODAY, '--quiet']).stdout, '');
  });
});

describe('--format stylish', () => {
  test('is the default: path header, aligned line:col rows with rule ids, health, total', () => {
    const r = run([FLAWED, '--today', TODAY]);
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(FLAWED));
    const at = locate(flawedText, 'tomas');
    const row = lines.find((l) => l.includes("'tomas'"));
    assert.ok(row);
    assert.match(row, new RegExp(`^  ${at.line}:${at.column}\\s+error\\s+Unknown person 'tomas'.*\\s{2}unknown-reference$`));
    const rows = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
    const severityColumn = (l: string) => /^ {2}\d+:\d+\s+/.exec(l)![0].length;
    assert.equal(new Set(rows.map(severityColumn)).size, 1, 'severity column aligned');
    assert.ok(lines.some((l) => /^ {2}health \d+% — /.test(l)), 'health line');
    assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?/);
  });

  test('prints nothing when there is nothing to report', () => {
    const clean = path.join(tmp, 'project', 'plans', 'one.strategy.yaml');
    const quiet = run([clean, '--today', TODAY, '--quiet']);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
    // Without --quiet, informational rules may have something to say about the example.
    if (runJson([clean]).reports[0].messages.length === 0) assert.equal(run([clean, '--today', TODAY]).stdout, '');
  });
});

describe('positions', () => {
  test('a CRLF file gives the same lines and columns as its LF version', () => {
    const lf = write('eol/lf.strategy.yaml', flawedText);
    const crlf = write('eol/crlf.strategy.yaml', flawedText.replace(/\n/g, '\r\n'));
    const strip = (r: FileReport) => r.messages.map(({ ruleId, message, line, column, endLine, endColumn }) => ({ ruleId, message, line, column, endLine, endColumn }));
    const [a, b] = [runJson([lf]).reports[0], runJson([crlf]).reports[0]];
    assert.ok(a.messages.length > 0);
    assert.deepEqual(strip(b), strip(a));
  });

  test('columns count UTF-16 code units: an emoji outside the BMP counts 2', () => {
    const text = [
      'stratlint: 1',
      'id: rocket-2027',
      'title: Rocket launch',
      'people:',
      '  - { id: ana, name: Ana P. }',
      'objectives:',
      '  - id: obj-rocket',
      '    title: Launch the rocket',
      '    tactics:',
      '      - { id: t-rocket, title: 🚀🚀 x, owner: ghost }',
      '',
    ].join('\n');
    const file = write('emoji/rocket.strategy.yaml', text);
    const m = runJson([file]).reports[0].messages.find((x) => x.ruleId === 'unknown-reference' && x.message.includes("'ghost'"));
    assert.ok(m, 'unknown owner ghost is reported');
    const line = text.split('\n')[9];
    const utf16 = line.indexOf('ghost') + 1;
    assert.equal(Array.from(line.slice(0, utf16 - 1)).length + 1 + 2, utf16, 'two emoji: two extra code units');
    assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [10, utf16, 10, utf16 + 'ghost'.length]);

    // A byte order mark is not text: it moves no column.
    const bom = write('emoji/bom.strategy.yaml', '\uFEFF' + text);
    const withBom = runJson([bom]).reports[0].messages.find((x) => x.ruleId === 'unknown-reference');
    assert.deepEqual([withBom?.line, withBom?.column], [10, utf16]);
  });
});

describe('configuration', () => {
  // The example with one unknown owner: its only error-level finding is that reference.
  const oneUnknown = goodText.replace('        owner: hugo\n', '        owner: ghost\n');
  const ids = (r: FileReport) => r.messages.map((m) => `${m.ruleId}:${m.severity}`);

  before(() => {
    assert.notEqual(oneUnknown, goodText);
    write('cfg/plain/doc.strategy.yaml', oneUnknown);
    write('cfg/off/.stratlintrc.yaml', '# the team tracks people elsewhere\nrules:\n  unknown-reference: off\n');
    write('cfg/off/doc.strategy.yaml', oneUnknown);
    write('cfg/warn/.stratlintrc.yml', 'rules:\n  unknown-reference: warning\n');
    write('cfg/warn/doc.strategy.yaml', oneUnknown);
    write('cfg/nested/.stratlintrc.yaml', 'rules:\n  unknown-reference: off\n');
    write('cfg/nested/top.strategy.yaml', oneUnknown);
    write('cfg/nested/team/.stratlintrc.yaml', 'rules:\n  unknown-reference: warning\n');
    write('cfg/nested/team/deep/doc.strategy.yaml', oneUnknown);
  });

  test('without a configuration the unknown owner is an error', () => {
    const { status, reports } = runJson(['cfg/plain'], tmp);
    assert.equal(status, 1);
    assert.ok(ids(reports[0]).includes('unknown-reference:error'));
  });

  test('a rule turned off in .stratlintrc.yaml is not reported', () => {
    const { status, reports } = runJson(['cfg/off'], tmp);
    assert.equal(status, 0);
    assert.deepEqual(reports.map((r) => r.filePath), ['cfg/off/doc.strategy.yaml']);
    assert.ok(!ids(reports[0]).some((id) => id.startsWith('unknown-reference:')));
  });

  test('an error lowered to a warning changes the exit code from 1 to 0', () => {
    const { status, reports } = runJson(['cfg/warn/doc.strategy.yaml'], tmp);
    assert.equal(status, 0);
    assert.ok(ids(reports[0]).includes('unknown-reference:warning'));
    assert.equal(run(['cfg/warn', '--today', TODAY, '--max-warnings', '0'], tmp).status, 1);
  });

  test('the nearest configuration wins', () => {
    const { reports } = runJson(['cfg/nested'], tmp);
    assert.deepEqual(reports.map((r) => r.filePath), ['cfg/nested/team/deep/doc.strategy.yaml', 'cfg/nested/top.strategy.yaml']);
    assert.ok(ids(reports[0]).includes('unknown-reference:warning'));
    assert.ok(!ids(reports[1]).some((id) => id.startsWith('unknown-reference:')));
  });

  test('--config FILE replaces the lookup for every document', () => {
    write('cfg/strict.yaml', 'rules:\n  unknown-reference: error\n');
    const { status, reports } = runJson(['cfg/off', 'cfg/warn', '--config', 'cfg/strict.yaml'], tmp);
    assert.equal(status, 1);
    for (const r of reports) assert.ok(ids(r).includes('unknown-reference:error'), r.filePath);
    assert.equal(runJson([`--config=${path.join(tmp, 'cfg', 'off', '.stratlintrc.yaml')}`, 'cfg/plain'], tmp).status, 0);
  });

  test('--config naming a missing file is a usage error', () => {
    const r = run(['cfg/plain', '--config', 'cfg/nope.yaml'], tmp);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stratlint: no such configuration file: cfg/nope.yaml\n');
    assert.equal(r.stdout, '');
  });

  test('a bad configuration: exit 2, one line naming file, line and column, no lint output', () => {
    write('cfg/bad/.stratlintrc.yaml', 'rules:\n  not-doing: off\n  unknwn-reference: warning\n');
    write('cfg/bad/doc.strategy.yaml', oneUnknown);
    for (const format of ['stylish', 'json']) {
      const r = run(['cfg', '--format', format, '--today', TODAY], tmp);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "stratlint: invalid configuration cfg/bad/.stratlintrc.yaml:3:3: unknown rule 'unknwn-reference' (did you mean 'unknown-reference'?)\n");
    }
  });

  test('a bad base configuration and a YAML syntax error are reported the same way', () => {
    write('cfg/badbase/base.yaml', 'rules:\n  tactic-owner: loud\n');
    write('cfg/badbase/.stratlintrc.yaml', 'extends: ./base.yaml\n');
    write('cfg/badbase/doc.strategy.yaml', oneUnknown);
    const r = run(['cfg/badbase/doc.strategy.yaml'], tmp);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^stratlint: invalid configuration cfg\/badbase\/base\.yaml:2:3: rule 'tactic-owner': severity must be one of .*\n$/);
    write('cfg/syntax/.stratlintrc.yaml', 'rules:\n  not-doing: [off\n');
    write('cfg/syntax/doc.strategy.yaml', oneUnknown);
    const s = run(['cfg/syntax'], tmp);
    assert.equal(s.status, 2);
    assert.match(s.stderr, /^stratlint: invalid configuration cfg\/syntax\/\.stratlintrc\.yaml:\d+:\d+: [^\n]+\n$/);
  });

  test("'files' globs add YAML files met in a folder walk, relative to the config's folder", () => {
    write('globs/.stratlintrc.yaml', 'files: ["plans/*.yaml"]\n');
    write('globs/plans/q3.yaml', goodText);
    write('globs/plans/notes.txt', goodText);
    write('globs/plans/deeper/q4.yaml', goodText);
    write('globs/elsewhere/q1.yaml', goodText);
    write('globs/plans/named.strategy.yml', goodText);
    const { status, reports } = runJson(['globs'], tmp);
    assert.equal(status, 0);
    assert.deepEqual(reports.map((r) => r.filePath), ['globs/plans/named.strategy.yml', 'globs/plans/q3.yaml']);
    assert.deepEqual(runJson(['plans'], path.join(tmp, 'globs')).reports.map((r) => r.filePath), ['plans/named.strategy.yml', 'plans/q3.yaml']);
  });
});

describe('--fix', () => {
  const comments = (text: string) => text.split(/\r?\n/).filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));

  test('applies the safe fixes, keeps every comment, writes the file, reports what is left', () => {
    // Two typos with one obvious correction each: a misspelt key and a misspelt person id.
    const flawed = goodText.replace(/^title: /m, 'titel: ').replace('        owner: hugo\n', '        owner: hugoo\n');
    const file = write('fix/typos.strategy.yaml', flawed);
    const before = runJson([file]);
    assert.equal(before.status, 1);
    const r = run(['fix/typos.strategy.yaml', '--fix', '--today', TODAY], tmp);
    assert.match(r.stderr, /^\d+ fix(es)? applied to fix\/typos\.strategy\.yaml\n$/);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.match(fixed, /^title: Make the e-shop/m);
    assert.match(fixed, /^ {8}owner: hugo\n/m);
    assert.deepEqual(comments(fixed), comments(flawed));
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(runJson([file]).reports[0].messages.filter((m) => m.severity === 'error'), []);
  });

  test('the exit code and the report reflect the findings that remain', () => {
    const flawed = flawedText.replace('owner: nadia\nstatus', 'owner: nadiaa\nstatus');
    assert.notEqual(flawed, flawedText);
    const file = write('fix/launch.strategy.yaml', flawed);
    const r = runJson(['fix/launch.strategy.yaml', '--fix'], tmp);
    assert.equal(r.stderr, '', 'nothing extra in json format');
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notEqual(fixed, flawed);
    assert.match(fixed, /^owner: nadia\n/m);
    assert.deepEqual(comments(fixed), comments(flawed));
    // What --fix reports is the lint of the file as written.
    assert.deepEqual(r.reports, runJson(['fix/launch.strategy.yaml'], tmp).reports);
    const errors = r.reports[0].messages.filter((m) => m.severity === 'error');
    assert.ok(errors.some((m) => m.ruleId === 'unknown-reference' && m.message.includes("'tomas'")), 'no obvious fix for tomas');
    assert.equal(r.status, errors.length > 0 ? 1 : 0);
    // A second run has nothing safe left to apply.
    const again = run(['fix/launch.strategy.yaml', '--fix', '--today', TODAY], tmp);
    assert.equal(again.stderr, '');
    assert.equal(fs.readFileSync(file, 'utf8'), fixed);
  });

  test('says when it stopped with fixes left (more than 200), and a second run applies them', () => {
    const objectives = Array.from({ length: 205 }, (_, i) => [`  - id: o-${i}`, `    title: Objective ${i}`, '    owner: hugo', '    why: Because']).flat();
    const text = ['stratlint: 1', 'id: many', 'title: Many objectives', 'owner: hugo', 'why: Because', 'people:', '  - id: hugo', '    name: Hugo', 'objectives:', ...objectives, ''].join('\n');
    const file = write('fix/many.strategy.yaml', text);
    const first = run(['fix/many.strategy.yaml', '--fix', '--today', TODAY], tmp);
    assert.match(first.stderr, /^200 fixes applied to fix\/many\.strategy\.yaml \(it stopped there with fixes left: run --fix again to apply more\)\n$/);
    const second = run(['fix/many.strategy.yaml', '--fix', '--today', TODAY], tmp);
    assert.match(second.stderr, /^\d+ fix(es)? applied to fix\/many\.strategy\.yaml\n$/);
    assert.equal(runJson([file]).reports[0].messages.filter((m) => m.ruleId === 'objective-kpi').length, 0, 'every objective got its KPI skeleton');
  });

  test('keeps a byte order mark and CRLF line endings', () => {
    const flawed = '\uFEFF' + goodText.replace('        owner: hugo\n', '        owner: hugoo\n').replace(/\n/g, '\r\n');
    const file = write('fix/bom-crlf.strategy.yaml', flawed);
    assert.equal(run([file, '--fix', '--today', TODAY]).status, 0);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.ok(fixed.startsWith('\uFEFF'), 'the BOM is kept');
    assert.ok(!/[^\r]\n/.test(fixed), 'every line ends in CRLF');
    assert.equal(fixed, '\uFEFF' + goodText.replace(/\n/g, '\r\n'));
  });

  test('leaves a clean file byte-identical', (t) => {
    const before = runJson([GOOD]).reports[0];
    if (before.messages.some((m) => m.fixable)) {
      t.skip('the example has fixable findings now');
      return;
    }
    const file = write('fix/clean.strategy.yaml', goodText);
    const r = run([file, '--fix', '--today', TODAY]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.ok(fs.readFileSync(file).equals(Buffer.from(goodText, 'utf8')));
  });

  test('does not rewrite a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(goodText.replace('        owner: hugo\n', '        owner: hugoo\n')), Buffer.from('# caf\xe9\n', 'latin1')]);
    const file = path.join(tmp, 'fix', 'latin1.strategy.yaml');
    fs.writeFileSync(file, bytes);
    const r = run([file, '--fix', '--today', TODAY]);
    assert.match(r.stderr, /not fixing .*latin1\.strategy\.yaml: it is not valid UTF-8/);
    assert.ok(fs.readFileSync(file).equals(bytes));
  });
});

describe('--max-file-size', () => {
  test('a larger document is not linted; one file-too-large finding says so', () => {
    const { reports } = runJson([FLAWED, '--max-file-size', '100']);
    assert.deepEqual(reports[0].messages.map((m) => m.ruleId), ['file-too-large']);
    assert.equal(reports[0].health, null);
    const large = runJson([FLAWED, '--max-file-size', String(flawedText.length)]).reports[0];
    assert.ok(large.messages.some((m) => m.ruleId === 'unknown-reference'));
  });

  test('needs a whole number and is in --help', () => {
    const r = run(['--max-file-size', '1e3', GOOD]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^stratlint: --max-file-size needs a whole number/);
    const help = run(['--help']).stdout;
    for (const flag of ['--max-file-size', '--config', '--fix']) assert.ok(help.includes(flag), flag);
  });
});
