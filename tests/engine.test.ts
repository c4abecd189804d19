import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, detectStyle } from '../server/src/engine/fixes';
import { lint } from '../server/src/engine/lint';
import { LineIndex, toOneBased } from '../server/src/engine/positions';
import type { Rule } from '../server/src/engine/types';

const TODAY = '2027-03-15';
const minimal = (extra = '') => `stratlint: 1\nid: demo\ntitle: Demo strategy\n${extra}`;
const only = (text: string, ruleId: string) => lint(text, { today: TODAY }).findings.filter((f) => f.ruleId === ruleId);

describe('positions', () => {
  it('counts UTF-16 code units and treats CRLF as one line break', () => {
    const text = 'a: 🚀x\r\nb: é\rc: 3\n';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('x')), { line: 0, character: 5 });
    assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 2, character: 0 });
    // Never between \r and \n.
    assert.deepEqual(lines.positionAt(text.indexOf('\n')), { line: 0, character: 6 });
    assert.equal(lines.offsetAt({ line: 2, character: 0 }), text.indexOf('c'));
    assert.deepEqual(toOneBased({ start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }), { line: 1, column: 1, endLine: 2, endColumn: 3 });
  });

  it('gives the same positions for LF and CRLF documents', () => {
    const lf = minimal('owner: hugoo\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = only(lf, 'unknown-reference').map((f) => f.range);
    const b = only(crlf, 'unknown-reference').map((f) => f.range);
    assert.deepEqual(a, b);
    assert.deepEqual(a[0], { start: { line: 3, character: 7 }, end: { line: 3, character: 12 } });
  });
});

describe('schema errors', () => {
  it('puts an unknown key on the key, with a did-you-mean fix', () => {
    const [f] = only(minimal('ownr: hugo\n'), 'schema');
    assert.equal(f.message, "Unknown property 'ownr'. Did you mean 'owner'?");
    assert.deepEqual(f.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    assert.equal(applyFix(minimal('ownr: hugo # me\n'), f.fixes![0]), minimal('owner: hugo # me\n'));
  });

  it('puts a missing required property on the parent key', () => {
    const [f] = only(minimal('objectives:\n  - id: obj-a\n    owner: x\n'), 'schema');
    assert.match(f.message, /Missing required property 'title'/);
    assert.equal(f.range.start.line, 4);
  });

  it('puts a wrong value on the value, with the expected form', () => {
    const [f] = only(minimal('horizon: { start: 2027-13-01 }\n'), 'schema');
    assert.match(f.message, /ISO date/);
    assert.deepEqual(f.range.start, { line: 3, character: 18 });
  });

  it('reports an empty optional value once, through the rule that explains it', () => {
    const text = minimal('objectives:\n  - id: obj-a\n    title: Grow\n    owner:\n');
    assert.deepEqual(only(text, 'schema'), []);
  });
});

describe('hostile input', () => {
  it('answers a billion-laughs alias bomb with one finding, fast', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      rows.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const started = process.hrtime.bigint();
    const { findings, health } = lint(rows.join('\n') + '\n', { today: TODAY });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'yaml-syntax');
    assert.match(findings[0].message, /Aliases expand to too much data/);
    assert.equal(health, null);
    assert.ok(seconds < 5, `took ${seconds}s`);
  });

  it('reports a binary file as such', () => {
    const { findings } = lint('stratlint: 1\u0000\u0001\u0002', {});
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /binary/);
  });

  it('reports broken YAML with a precise range and no other findings', () => {
    const { findings } = lint(minimal('owner: [hugo\nwhy: x\n'), { today: TODAY });
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.ruleId === 'yaml-syntax'));
    assert.ok(findings[0].range.start.line >= 3);
  });

  it('lints a 50,000-line document', () => {
    const rows = [minimal('people:')];
    for (let i = 0; rows.length < 50_000; i++) rows.push(`  - { id: p${i}, name: Person ${i}, level: manager }`);
    const { findings } = lint(rows.join('\n') + '\n', { today: TODAY });
    assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.ruleId !== 'strategy-why' && f.ruleId !== 'review-cadence'), []);
  });

  it('skips a document above the size limit with one informational finding', () => {
    const { findings, health } = lint(minimal('why: ' + 'x'.repeat(1000) + '\n'), { maxFileSize: 500 });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['file-too-large', 'info']]);
    assert.equal(health, null);
  });

  it('rejects a document that is not a mapping', () => {
    const { findings } = lint('- just\n- a list\n', {});
    assert.equal(findings[0].ruleId, 'yaml-syntax');
    assert.match(findings[0].message, /mapping/);
  });
});

describe('rule isolation', () => {
  it('turns a crashing rule into an internal-error finding; the others still report', () => {
    const broken: Rule = {
      meta: { id: 'broken-rule', failureMode: null, severity: 'error', description: 'x', rationale: 'x', countermeasure: 'x', messages: { m: 'm' }, fixable: false },
      check() {
        throw new Error('boom');
      },
    };
    const { findings } = lint(minimal('owner: hugoo\n'), { today: TODAY, plugins: [broken] });
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /Rule 'broken-rule' failed: boom/);
    assert.ok(findings.some((f) => f.ruleId === 'unknown-reference'));
  });
});

describe('configuration of rules', () => {
  it('turns rules off and changes severities', () => {
    const text = minimal('owner: hugoo\n');
    assert.equal(lint(text, { rules: { 'unknown-reference': 'off' } }).findings.filter((f) => f.ruleId === 'unknown-reference').length, 0);
    assert.equal(lint(text, { rules: { 'unknown-reference': 'warning' } }).findings.find((f) => f.ruleId === 'unknown-reference')!.severity, 'warning');
    assert.equal(lint(text, { rules: { 'unknown-reference': ['info'] } }).findings.find((f) => f.ruleId === 'unknown-reference')!.severity, 'info');
  });
});

describe('obstacle chains', () => {
  const text = minimal(
    [
      'people: [{ id: hugo, name: Hugo R., level: frontline }]',
      'objectives:',
      '  - id: obj-a',
      '    title: Improve brand awareness',
      '    owner: hugo',
      '',
    ].join('\n'),
  );

  it('names the chain from its root and links the findings of linked failure modes', () => {
    const { findings } = lint(text, { today: TODAY });
    const chain = findings.filter((f) => f.ruleId === 'obstacle-chain');
    assert.equal(chain.length, 1);
    assert.match(chain[0].message, /^Obstacle chain: FM\d\d [a-z]/);
    const root = /Start with (FM\d\d)\.$/.exec(chain[0].message)![1];
    assert.equal(chain[0].failureMode, root);
    assert.ok((chain[0].related ?? []).length >= 3, 'points at a finding of each failure mode of the chain');
    // FM10 (vague wording) leads to FM08 (no why): each points at the other.
    const vague = findings.find((f) => f.ruleId === 'vague-wording')!;
    assert.ok(vague.related?.some((r) => r.message.startsWith('Leads to FM08')));
    const why = findings.find((f) => f.ruleId === 'strategy-why')!;
    assert.ok(why.related?.some((r) => r.message.startsWith('Caused in part by FM10')));
  });

  it('is not reported when fewer than three linked failure modes fire', () => {
    const { findings } = lint(text, { today: TODAY, rules: { 'review-cadence': 'off', 'objective-kpi': 'off', 'middle-management': 'off', 'external-factors': 'off', 'experiment-loop': 'off', 'strategy-why': 'off', 'objective-why': 'off', 'understanding-check': 'off' } });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'obstacle-chain'), []);
  });
});

describe('more hostile input', () => {
  it('answers 10,000 levels of nested flow collections with one clear finding', () => {
    const { findings } = lint(minimal('why: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'), { today: TODAY });
    assert.ok(findings.length >= 1 && findings.every((f) => f.ruleId === 'yaml-syntax'));
    assert.match(findings[0].message, /nests collections too deeply/);
  });

  it('skips a document of 200,000 short lines with one informational finding', () => {
    const text = minimal('people:\n') + Array.from({ length: 200_000 }, (_, i) => `  - p${i}`).join('\n') + '\n';
    assert.ok(text.length < 5 * 1024 * 1024, 'under the size limit: the line limit is what applies');
    const { findings, health } = lint(text, { today: TODAY });
    assert.deepEqual(findings.map((f) => f.ruleId), ['file-too-large']);
    assert.match(findings[0].message, /200005 lines, above the limit of 100000/);
    assert.equal(health, null);
  });

  it('says a second YAML document is not allowed', () => {
    const { findings } = lint(minimal('---\nother: 1\n'), {});
    assert.match(findings[0].message, /one YAML document/);
  });
});

describe('the file\'s style', () => {
  const block = (width: number, i: number, flat = false) => `k${i}:\n${' '.repeat(flat ? 0 : width)}- a\n${' '.repeat(flat ? 0 : width)}- b\nm${i}:\n${' '.repeat(width)}x: 1\n`;

  it('takes the indentation most blocks use, whether lists are indented, and the line break', () => {
    assert.deepEqual(detectStyle(block(4, 0) + block(4, 1) + block(2, 2)), { eol: '\n', unit: 4, indentSeq: true });
    assert.deepEqual(detectStyle([0, 1, 2].map((i) => block(2, i, true)).join('')), { eol: '\n', unit: 2, indentSeq: false });
    assert.deepEqual(detectStyle(block(3, 0).replace(/\n/g, '\r\n')), { eol: '\r\n', unit: 3, indentSeq: true });
    assert.deepEqual(detectStyle(''), { eol: '\n', unit: 2, indentSeq: true });
  });

  it('stops reading once enough blocks and lists have told it', () => {
    // Two blocks, one of them a list, per `block`: 100 of them are enough; the 4-space blocks after them are not read.
    const text = Array.from({ length: 150 }, (_, i) => block(2, i)).join('') + Array.from({ length: 1000 }, (_, i) => block(4, 150 + i)).join('');
    assert.equal(detectStyle(text).unit, 2);
    // Fewer than that: the whole file counts.
    const short = Array.from({ length: 10 }, (_, i) => block(2, i)).join('') + Array.from({ length: 30 }, (_, i) => block(4, 10 + i)).join('');
    assert.equal(detectStyle(short).unit, 4);
  });
});
