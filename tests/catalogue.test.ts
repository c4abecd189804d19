// The catalogue checks itself: every rule has a docs page, fixtures, a failure-mode tag,
// messages and a rationale, and is fixable exactly when a fixed fixture shows its fix.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FAILURE_MODE_TITLES, leadsTo } from '../server/src/engine/chains';
import { lint } from '../server/src/engine/lint';
import type { FailureMode } from '../server/src/engine/types';
import { rules } from '../server/src/rules';

const root = path.join(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');

/** Reported only when a rule crashes; covered by tests/engine.test.ts with a throwing plugin rule. */
const NO_FIXTURES = new Set(['internal-error', 'obstacle-chain']);
const ALL_MODES = Object.keys(FAILURE_MODE_TITLES) as FailureMode[];

describe('rule catalogue', () => {
  it('has one file per rule, named after its id', () => {
    const files = fs.readdirSync(path.join(root, 'server/src/rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual([...files].sort(), rules.map((r) => r.meta.id).sort());
  });

  it('covers every failure mode and practice', () => {
    const covered = new Set(rules.flatMap((r) => [r.meta.failureMode, ...(r.meta.alsoGuards ?? [])]));
    assert.deepEqual(ALL_MODES.filter((m) => !covered.has(m)), []);
  });

  for (const { meta } of rules) {
    describe(meta.id, () => {
      it('has complete metadata', () => {
        assert.match(meta.id, /^[a-z]+(-[a-z0-9]+)*$/);
        assert.ok(meta.failureMode === null || ALL_MODES.includes(meta.failureMode));
        assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.severity));
        assert.ok(meta.description.length > 10, 'description');
        const sentences = meta.rationale.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3);
        assert.ok(sentences.length >= 2, 'rationale of at least two sentences');
        assert.ok(meta.countermeasure.length > 10, 'countermeasure');
        assert.ok(Object.keys(meta.messages).length > 0, 'messages');
        for (const [name, spec] of Object.entries(meta.options ?? {})) {
          assert.ok(spec.description.length > 5, `option ${name} description`);
          assert.notEqual(spec.default, undefined, `option ${name} default`);
        }
        if (meta.failureMode?.startsWith('FM')) assert.deepEqual(meta.leadsTo ?? [], leadsTo(meta.failureMode));
      });

      it('has a docs page', () => {
        const page = path.join(root, 'docs/rules', `${meta.id}.md`);
        assert.ok(fs.existsSync(page), `docs/rules/${meta.id}.md`);
        const text = fs.readFileSync(page, 'utf8');
        assert.ok(text.startsWith(`# ${meta.id}\n`), 'page title is the rule id');
        for (const section of ['## Why it matters', '## Suppress']) assert.ok(text.includes(section), section);
      });

      if (!NO_FIXTURES.has(meta.id)) {
        it('has fixtures, and a fixed fixture exactly when fixable', () => {
          const dir = path.join(fixtures, meta.id);
          const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
          assert.ok(files.some((f) => /^bad.*\.ya?ml$/.test(f) && !f.includes('.fixed.')), 'a bad fixture');
          assert.ok(files.some((f) => /^good.*\.ya?ml$/.test(f)), 'a good fixture');
          assert.equal(files.some((f) => f.endsWith('.fixed.yaml')), meta.fixable, 'fixable ⇔ a .fixed.yaml fixture');
        });
      }
    });
  }

  it('finds no warning or error in the design example (info allowed)', () => {
    const text = fs.readFileSync(path.join(root, 'examples/b2b-growth.strategy.yaml'), 'utf8');
    const serious = lint(text, { today: '2027-03-15' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`), []);
  });
});
