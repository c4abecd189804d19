// The CLI over a folder of strategies: cross-file findings (FM11), and the sarif and github formats.
// Runs the built CLI (bin/stratlint.js → dist/cli.js): `npm test` builds first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty } from '../server/src/cli/format-github';
import { ruleDocsUrl } from '../server/src/engine/docs';

const REPO = path.resolve(__dirname, '..');
const BIN = path.join(REPO, 'bin', 'stratlint.js');
const TODAY = '2027-03-15';
/** The SARIF 2.1.0 JSON schema (OASIS, rtm.5 errata), as @microsoft/jest-sarif ships it. */
const SARIF_SCHEMA = path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface Message { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }
interface FileReport { filePath: string; messages: Message[] }

let tmp: string;

function run(args: string[], cwd = tmp) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args, '--today', TODAY], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, `stratlint did not finish: ${r.error?.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(relative: string, text: string): void {
  const file = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** 1-based line and column of the first occurrence of `needle` in a file of the folder. */
function locate(relative: string, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(path.join(tmp, relative), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.notEqual(line, -1, `'${needle}' not in ${relative}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

const GROWTH = 'plans/growth.strategy.yaml';
const WAREHOUSE = 'plans/ops/warehouse.strategy.yaml';
const COSTS = 'plans/costs.strategy.yaml';

before(() => {
  assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-ws-'));
  write(GROWTH, `stratlint: 1
id: b2b-growth-2027
title: Make the e-shop the reorder channel for salons
status: active
people:
  - { id: hugo, name: Hugo R., level: manager }
objectives:
  - id: obj-reorders
    title: Move 30% of salon reorders online
    kpis:
      - { id: kpi-orders, name: B2B orders placed online, baseline: { value: 35 }, target: { value: 180 } }
    tactics:
      - { id: t-landing, title: B2B landing pages, owner: hugo, due: 2027-06-30 }
      - { id: t-ppc, title: PPC test, owner: hugo, due: 2027-09-30 }
related_strategies:
  - { ref: warehose-move-2027, relation: shares-resources }
`);
  write(WAREHOUSE, `stratlint: 1
id: warehouse-move-2027
title: Move the warehouse to Lyon by September
status: draft
people:
  - { id: hugo, name: Hugo Martin, level: manager }
objectives:
  - id: obj-move
    title: Ship from Lyon from September on
    tactics:
      - { id: t-lease, title: Sign the lease, owner: hugo, due: 2027-04-30 }
      - { id: t-movers, title: Choose the movers, owner: hugo, due: 2027-05-31 }
`);
  write(COSTS, `stratlint: 1
id: cost-cutting-2027
title: Cut the cost to serve by 15%
status: active
objectives:
  - id: obj-costs
    title: Cost to serve down 15%
    kpis:
      - { id: kpi-web, name: b2b orders placed ONLINE, baseline: { value: 120 }, target: { value: 60 } }
`);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function crossFile(reports: FileReport[], file: string): string[] {
  const report = reports.find((r) => r.filePath === file);
  assert.ok(report, `${file} reported`);
  return report.messages
    .filter((m) => ['owner-overload', 'person-conflict', 'conflicting-kpi', 'unknown-strategy'].includes(m.ruleId))
    .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}

describe('cross-file rules over a folder', () => {
  test('every file found is the lint set: findings caused by the other documents', () => {
    const { stdout } = run(['plans', '--format', 'json']);
    const reports = JSON.parse(stdout) as FileReport[];
    assert.deepEqual(reports.map((r) => r.filePath), [COSTS, GROWTH, WAREHOUSE]);
    const at = (file: string, needle: string) => {
      const { line, column } = locate(file, needle);
      return `${line}:${column}`;
    };
    assert.deepEqual(crossFile(reports, GROWTH), [
      `${at(GROWTH, 'Hugo R.')} person-conflict Person 'hugo' is 'Hugo R.' here but 'Hugo Martin' in strategy 'warehouse-move-2027'`,
      `${at(GROWTH, 'B2B orders')} conflicting-kpi KPI 'B2B orders placed online' aims up here (35 → 180) but down in strategy 'cost-cutting-2027'`,
      `${locate(GROWTH, 'hugo, due: 2027-06').line}:${locate(GROWTH, 'hugo, due: 2027-06').column} owner-overload Hugo R. ('hugo') owns 4 open tactics across 2 strategies (at most 3)`,
      `${locate(GROWTH, 'hugo, due: 2027-09').line}:${locate(GROWTH, 'hugo, due: 2027-09').column} owner-overload Hugo R. ('hugo') owns 4 open tactics across 2 strategies (at most 3)`,
      `${at(GROWTH, 'warehose')} unknown-strategy Unknown strategy 'warehose-move-2027'. Did you mean 'warehouse-move-2027'?`,
    ]);
    assert.equal(crossFile(reports, WAREHOUSE).filter((m) => m.includes('owner-overload')).length, 2);
    assert.equal(crossFile(reports, WAREHOUSE).filter((m) => m.includes('person-conflict')).length, 1);
    assert.deepEqual(crossFile(reports, COSTS).map((m) => m.split(' ')[1]), ['conflicting-kpi']);
  });

  test('one file alone is its own lint set', () => {
    const { stdout } = run([GROWTH, '--format', 'json']);
    const reports = JSON.parse(stdout) as FileReport[];
    assert.deepEqual(crossFile(reports, GROWTH).map((m) => m.split(' ')[1]), ['unknown-strategy']);
  });
});

describe('--format sarif', () => {
  function sarif() {
    const { stdout } = run(['plans', '--format', 'sarif']);
    return JSON.parse(stdout);
  }

  test('validates against the SARIF 2.1.0 JSON schema', () => {
    const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8'));
    // The schema is draft-04 (`id`, draft-04 $schema), which Ajv 8 does not load: its keywords are
    // otherwise those of draft-07, so the draft markers are dropped. One pattern has a stray `]`
    // that only a non-unicode RegExp accepts, as in the JavaScript the schema was written for.
    assert.match(schema.$schema, /draft-04/);
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const isSarif = (data: unknown): boolean => validate(data);
    const log = sarif();
    assert.ok(isSarif(log), JSON.stringify(validate.errors, null, 2));
    // The validator does reject what is not SARIF.
    log.runs[0].results[0].level = 'fatal';
    assert.equal(isSarif(log), false);
  });

  test('describes the tool and every rule that fired: rationale, docs page, failure-mode tags, level', () => {
    const log = sarif();
    assert.equal(log.version, '2.1.0');
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'stratlint');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    const overload = driver.rules.find((r: { id: string }) => r.id === 'owner-overload');
    assert.ok(overload);
    assert.equal(overload.helpUri, ruleDocsUrl('owner-overload'));
    assert.deepEqual(overload.properties.tags, ['FM11']);
    assert.equal(overload.defaultConfiguration.level, 'warning');
    assert.ok(overload.shortDescription.text.length > 10);
    assert.ok(overload.fullDescription.text.length > overload.shortDescription.text.length);
    const unknown = driver.rules.find((r: { id: string }) => r.id === 'unknown-strategy');
    assert.equal(unknown.defaultConfiguration.level, 'note');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(ids, [...new Set(ids)].sort(), 'each rule once');
  });

  test('one result per finding, with 1-based regions and related locations in the other documents', () => {
    const log = sarif();
    const { results, tool } = log.runs[0];
    const json = JSON.parse(run(['plans', '--format', 'json']).stdout) as FileReport[];
    assert.equal(results.length, json.reduce((n, r) => n + r.messages.length, 0));
    for (const r of results) assert.equal(tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const overload = results.find((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.ruleId === 'owner-overload' && r.locations[0].physicalLocation.artifactLocation.uri === GROWTH);
    assert.equal(overload.level, 'warning');
    const here = locate(GROWTH, 'hugo, due: 2027-06');
    assert.deepEqual(overload.locations[0].physicalLocation.region, { startLine: here.line, startColumn: here.column, endLine: here.line, endColumn: here.column + 4 });
    const elsewhere = overload.relatedLocations.filter((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri === WAREHOUSE);
    assert.equal(elsewhere.length, 2);
    const lease = locate(WAREHOUSE, 'hugo, due: 2027-04');
    assert.deepEqual(elsewhere[0].physicalLocation.region, { startLine: lease.line, startColumn: lease.column, endLine: lease.line, endColumn: lease.column + 4 });
    assert.match(elsewhere[0].message.text, /t-lease.*warehouse-move-2027/);
    assert.equal(results.find((r: { ruleId: string }) => r.ruleId === 'unknown-strategy').level, 'note');
  });
});

describe('--format github', () => {
  test('one workflow command per finding: error, warning, notice', () => {
    const { stdout, status } = run(['plans', '--format', 'github']);
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    const json = JSON.parse(run(['plans', '--format', 'json']).stdout) as FileReport[];
    assert.equal(lines.length, json.reduce((n, r) => n + r.messages.length, 0));
    for (const line of lines) {
      assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,(col=\d+,endLine=\d+,endColumn=\d+|endLine=\d+),title=[a-z0-9-]+::.+$/);
    }
    const here = locate(GROWTH, 'hugo, due: 2027-06');
    assert.ok(lines.includes(
      `::warning file=${GROWTH},line=${here.line},col=${here.column},endLine=${here.line},endColumn=${here.column + 4},title=owner-overload::Hugo R. ('hugo') owns 4 open tactics across 2 strategies (at most 3)`,
    ));
    const ref = locate(GROWTH, 'warehose');
    assert.ok(lines.some((l) => l.startsWith(`::notice file=${GROWTH},line=${ref.line},col=${ref.column},`) && l.includes('title=unknown-strategy::')));
    assert.ok(lines.some((l) => l.startsWith('::error ')), 'errors of the single-document rules');
  });

  test('escapes % CR LF in the message, and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,1/a:b%.yaml'), 'dir%2C1/a%3Ab%25.yaml');
    write('odd/a,b:c.strategy.yaml', 'stratlint: 1\nid: odd\ntitle: Odd\nobjectives:\n  - id: obj-a\n    title: A\n    tactics:\n      - { id: "t-50%\\nx", title: T }\n');
    const { stdout } = run(['odd', '--format', 'github']);
    const line = stdout.split('\n').find((l) => l.includes('title=tactic-owner'));
    assert.ok(line, stdout);
    assert.ok(line.startsWith('::error file=odd/a%2Cb%3Ac.strategy.yaml,line=8,'), line);
    assert.ok(line.endsWith("::Tactic 't-50%25%0Ax' has no owner"), line);
  });

  test('prints nothing when there is nothing to report', () => {
    const { stdout, status } = run(['examples/b2b-growth.strategy.yaml', '--format', 'github', '--quiet'], REPO);
    assert.equal(status, 0);
    assert.equal(stdout, '');
  });
});
