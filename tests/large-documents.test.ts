// Findings whose size would grow with the document: related places, fixes per finding, cycles.
// A finding keeps a bounded number of each, so a large document costs the engine and the editor
// work in proportion to its size, not to its square.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll, safeFix } from '../server/src/engine/fix-all';
import { applyEdits, applyFix, type TextEdit } from '../server/src/engine/fixes';
import { parseChunked, ParseCache } from '../server/src/engine/chunks';
import { lint } from '../server/src/engine/lint';
import { MAX_PERSON_FIXES } from '../server/src/engine/model';
import { SUGGESTION_BUDGET } from '../server/src/rules/unknown-reference';
import { MAX_RELATED, type Finding } from '../server/src/engine/types';

const TODAY = '2027-03-15';

function strategy(parts: { people: number; tactics?: string[]; stakeholders?: string[] }): string {
  const lines = ['stratlint: 1', 'id: large', 'title: Grow', 'owner: p-0', 'why: Because', 'people:'];
  for (let i = 0; i < parts.people; i++) lines.push(`  - id: p-${i}`, `    name: Person ${i}`, '    level: manager');
  if (parts.stakeholders) lines.push('stakeholders:', ...parts.stakeholders);
  if (parts.tactics) {
    lines.push('objectives:', '  - id: o-1', '    title: Win', '    owner: p-0', '    kpis:', '      - id: k-1', '        name: Wins', '        target: 10', '    tactics:', ...parts.tactics);
  }
  return lines.join('\n') + '\n';
}

function tactic(id: string, owner: string, dependsOn: string[] = []): string[] {
  return [`      - id: ${id}`, `        title: Tactic ${id}`, `        owner: ${owner}`, '        start: 2027-04-01', '        due: 2027-06-30', ...(dependsOn.length > 0 ? [`        depends_on: [${dependsOn.join(', ')}]`] : [])];
}

function of(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

describe('findings on large documents', () => {
  it('gives a person owning 300 tactics 300 findings with at most MAX_RELATED related places each', () => {
    const text = strategy({ people: 2, tactics: Array.from({ length: 300 }, (_, i) => tactic(`t-${i}`, 'p-1')).flat() });
    const overload = of(lint(text, { today: TODAY }).findings, 'owner-overload');
    assert.equal(overload.length, 300);
    for (const f of overload) {
      assert.equal(f.related?.length, MAX_RELATED);
      assert.match(f.message, /300/);
    }
    // The related places are other tactics of the same person, never the finding's own.
    const first = overload[0];
    assert.ok(first.related!.every((r) => r.range.start.line !== first.range.start.line));
  });

  it('reports at most 100 of many overlapping dependency cycles, a long one shortened', () => {
    const n = 400;
    const tactics = Array.from({ length: n }, (_, i) => tactic(`t-${i}`, 'p-0', i + 1 < n ? [`t-${i + 1}`, 't-0'] : ['t-0'])).flat();
    const cycles = of(lint(strategy({ people: 1, tactics }), { today: TODAY }).findings, 'dependency-cycle');
    assert.equal(cycles.length, 100);
    const long = cycles.find((f) => /more\) …/.test(f.message));
    assert.ok(long, 'a long cycle is shortened');
    assert.ok(long.message.length < 300, long.message);
    assert.ok(cycles.every((f) => (f.related?.length ?? 0) <= MAX_RELATED));
    // A short cycle is spelled out in full.
    const short = lint(strategy({ people: 1, tactics: [...tactic('a', 'p-0', ['b']), ...tactic('b', 'p-0', ['c']), ...tactic('c', 'p-0', ['a'])] }), { today: TODAY });
    assert.deepEqual(of(short.findings, 'dependency-cycle').map((f) => f.message), ['Dependency cycle: a → b → c → a']);
  });

  it('suggests for unknown ids far from every person while its budget lasts, and for typos always', () => {
    const people = 1200;
    // Two edits from p-100 … p-1099 and from nothing nearer: each is compared with every person.
    const far = Array.from({ length: 1000 }, (_, i) => tactic(`t-${i}`, `p-${100 + i}xx`)).flat();
    // One edit from p-1150, after the budget is spent.
    const text = strategy({ people, tactics: [...far, ...tactic('t-typo', 'p-1150z')] });
    const suggested = (findings: Finding[]) => of(findings, 'unknown-reference').map((f) => /Did you mean '([^']+)'/.exec(f.message)?.[1]);
    const first = suggested(lint(text, { today: TODAY }).findings);
    assert.equal(first.length, 1001);
    const allowed = Math.ceil(SUGGESTION_BUDGET / people);
    assert.ok(allowed < 1000);
    assert.deepEqual(first.slice(0, 3), ['p-100', 'p-101', 'p-102']);
    assert.equal(first.slice(0, 1000).filter((s) => s !== undefined).length, allowed);
    assert.equal(first[1000], 'p-1150');
    // Linting again answers from memory, and the same.
    assert.deepEqual(suggested(lint(text, { today: TODAY }).findings), first);
  });

  it('offers an engagement plan for each of at most MAX_PERSON_FIXES people', () => {
    const stakeholders = Array.from({ length: 50 }, (_, i) => [`  - who: p-${i}`, '    stance: skeptic', '    influence: high']).flat();
    const missing = of(lint(strategy({ people: 50, stakeholders }), { today: TODAY }).findings, 'stakeholder-engagement');
    assert.ok(missing.length >= 50, `${missing.length} findings`);
    for (const f of missing) assert.ok((f.fixes?.length ?? 0) >= 1 && f.fixes!.length <= MAX_PERSON_FIXES, `${f.fixes?.length} fixes`);
  });

  it('applies 300 directives stacked above one line, and one directive above each of 2,000 keys', () => {
    const stacked = strategy({ people: 1 }).replace('why: Because\n', `${'# stratlint-disable-next-line schema\n'.repeat(300)}bogus: 1\nwhy: Because\n`);
    const one = lint(stacked, { today: TODAY }).findings;
    assert.deepEqual(of(one, 'schema'), []);
    assert.deepEqual(of(one, 'unused-suppression'), []);

    const keys = Array.from({ length: 2000 }, (_, i) => `# stratlint-disable-next-line schema -- kept on purpose\nextra-${i}: x`).join('\n');
    const each = lint(`${strategy({ people: 1 })}${keys}\nlast-key: y\n`, { today: TODAY }).findings;
    assert.deepEqual(of(each, 'schema').map((f) => f.message.match(/'([^']+)'/)?.[1]), ['last-key']);
    assert.deepEqual(of(each, 'unused-suppression'), []);
  });

  it('fixes tactics without dates one by one, linting again after each fix', () => {
    const bare = (n: number) => strategy({ people: 3, tactics: Array.from({ length: n }, (_, i) => tactic(`t-${i}`, `p-${i % 3}`).filter((l) => !/start:|due:/.test(l))).flat() });
    // A fix's values may depend on what an earlier fix wrote (a step's due date on its tactic's start),
    // so each is placed against the text after the one before.
    const oneByOne = (text: string) => {
      for (;;) {
        const fix = lint(text, { today: TODAY }).findings.map(safeFix).find((f) => f !== undefined && applyFix(text, f) !== text);
        if (!fix) return text;
        text = applyFix(text, fix)!;
      }
    };
    const small = bare(12);
    assert.equal(fixAll(small, { today: TODAY }).text, oneByOne(small));
  });

  it('re-parses only the pieces a fix changed, pass after pass', () => {
    // 60 objectives without a KPI: one objective-kpi fix each, in an objective of its own.
    const objectives = Array.from({ length: 60 }, (_, i) => [`  - id: o-${i}`, `    title: Objective ${i}`, '    owner: p-0', '    why: Because']).flat();
    const text = [...strategy({ people: 2 }).trimEnd().split('\n'), 'objectives:', ...objectives, ''].join('\n');
    const fixed = fixAll(text, { today: TODAY });
    assert.ok(fixed.applied >= 60, `applied ${fixed.applied}`);
    assert.deepEqual(of(lint(fixed.text, { today: TODAY }).findings, 'objective-kpi'), []);
    // The first pass reads the document whole; each fix after it changes one objective, and only its
    // piece and those around it are parsed again, not the document's pieces (one per objective at least).
    const cache = new ParseCache();
    parseChunked(text, cache);
    const whole = cache.lastParsed;
    assert.ok(whole > 60, `a parse in pieces makes a piece per objective at least (${whole})`);
    assert.ok(fixed.parsedPieces >= fixed.applied && fixed.parsedPieces <= 3 * fixed.applied, `parsed ${fixed.parsedPieces} pieces for ${fixed.applied} fixes (${whole} in one parse in pieces)`);
  });

  it('says when its passes ran out with fixes left, and only then', () => {
    const text = strategy({ people: 3, tactics: Array.from({ length: 6 }, (_, i) => tactic(`t-${i}`, `p-${i % 3}`).filter((l) => !/start:|due:/.test(l))).flat() });
    const all = fixAll(text, { today: TODAY });
    assert.ok(all.applied > 3 && !all.stoppedEarly);
    const exact = fixAll(text, { today: TODAY }, safeFix, all.applied);
    assert.equal(exact.text, all.text);
    assert.equal(exact.stoppedEarly, false, 'as many passes as fixes: nothing was left');
    const short = fixAll(text, { today: TODAY }, safeFix, 3);
    assert.equal(short.applied, 3);
    assert.equal(short.stoppedEarly, true);
    // Running it again on what it left goes on from there.
    assert.equal(fixAll(short.text, { today: TODAY }).text, all.text);
  });

  it('fixes a tactic and its steps so that the steps fall after the tactic starts', () => {
    const text = [
      'stratlint: 1', 'id: s', 'title: T', 'owner: hugo', 'horizon:', '  start: 2027-06-01', '  end: 2028-06-01',
      'people:', '  - id: hugo', '    name: Hugo', 'objectives:', '  - id: o1', '    title: O', '    owner: hugo', '    tactics:',
      '      - id: t1', '        title: Tac', '        owner: hugo', '        steps:',
      '          - title: First', '            owner: hugo', '          - title: Second', '            owner: hugo', '          - title: Third', '            owner: hugo', '',
    ].join('\n');
    const fixed = fixAll(text, { today: TODAY }).text;
    assert.deepEqual(of(lint(fixed, { today: TODAY }).findings, 'date-order'), []);
    assert.match(fixed, /start: 2027-06-01/);
  });

  it('fix-all skips a fix that would leave a duplicate key after an earlier fix', () => {
    // review-cadence adds `cadence`; the schema fix would then rename the misspelt `cadance` onto it.
    const text = readFileSync('tests/fixtures/schema/bad-did-you-mean.yaml', 'utf8');
    const fixed = fixAll(text, { today: TODAY });
    assert.ok(fixed.applied > 0);
    assert.deepEqual(of(lint(fixed.text, { today: TODAY }).findings, 'yaml-syntax'), []);
  });

  it('applies many edits at once as applying them one by one from the end does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 8 }), (text, raw) => {
        // Non-overlapping edits, some at the same offset, in any order.
        const edits: TextEdit[] = [];
        for (const [at, length, newText] of raw) {
          const start = text.length === 0 ? 0 : at % (text.length + 1);
          const end = Math.min(text.length, start + length);
          if (edits.some((e) => start < e.end && e.start < end)) continue;
          edits.push({ start, end: edits.some((e) => e.start === start) ? start : end, newText });
        }
        const sorted = [...edits].sort((a, b) => b.start - a.start);
        let expected = text;
        for (const e of sorted) expected = expected.slice(0, e.start) + e.newText + expected.slice(e.end);
        assert.equal(applyEdits(text, edits), expected);
      }),
      { seed: 4, numRuns: 2000 },
    );
  });
});

