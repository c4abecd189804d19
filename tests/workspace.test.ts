// The workspace index (engine/workspace.ts) and the cross-file rules that read it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../server/src/engine/lint';
import type { Finding, WorkspaceView } from '../server/src/engine/types';
import { WorkspaceIndex } from '../server/src/engine/workspace';

const TODAY = '2027-03-15';

/** A strategy document with tactics `owner:due`, KPIs `name:baseline:target` and people `id:name`. */
function doc(id: string, o: { status?: string; tactics?: string[]; kpis?: string[]; people?: string[]; refs?: string[]; lead?: string } = {}): string {
  const lines = [`stratlint: 1`, `id: ${id}`, `title: Strategy ${id}`];
  if (o.lead) lines.push(o.lead);
  if (o.status) lines.push(`status: ${o.status}`);
  if (o.people) {
    lines.push('people:');
    for (const p of o.people) {
      const [pid, name] = p.split(':');
      lines.push(`  - { id: ${pid}, name: ${name} }`);
    }
  }
  lines.push('objectives:', '  - id: obj-a', '    title: Objective A');
  if (o.kpis) {
    lines.push('    kpis:');
    o.kpis.forEach((k, i) => {
      const [name, baseline, target] = k.split(':');
      lines.push(`      - { id: k-${i}, name: ${name}, baseline: { value: ${baseline} }, target: { value: ${target} } }`);
    });
  }
  if (o.tactics) {
    lines.push('    tactics:');
    o.tactics.forEach((t, i) => {
      const [owner, due] = t.split(':');
      lines.push(`      - { id: t-${i}, title: Tactic ${i}, owner: ${owner}, due: ${due} }`);
    });
  }
  if (o.refs) {
    lines.push('related_strategies:');
    for (const r of o.refs) lines.push(`  - { ref: ${r}, relation: supports }`);
  }
  return lines.join('\n') + '\n';
}

const uri = (name: string) => `file:///ws/${name}.strategy.yaml`;

function lintIn(index: WorkspaceIndex, name: string, text?: string, rules?: Record<string, 'off'>): Finding[] {
  return lint(text ?? index.get(uri(name))!.text, { today: TODAY, uri: uri(name), workspace: index, rules }).findings;
}

const only = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('WorkspaceIndex', () => {
  it('summarises each document: id, status, people, units, tactics, KPIs, related refs', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { status: 'draft', people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30'], kpis: ['Orders:10:20'], refs: ['b'] }) + 'units:\n  - { id: sales, name: Sales }\n');
    const { summary } = index.get(uri('a'))!;
    assert.equal(summary.id, 'a');
    assert.equal(summary.title, 'Strategy a');
    assert.equal(summary.status, 'draft');
    assert.deepEqual(summary.people, [{ id: 'hugo', name: 'Hugo R.', path: ['people', 0] }]);
    assert.deepEqual(summary.units, [{ id: 'sales', name: 'Sales', path: ['units', 0] }]);
    assert.deepEqual(summary.tactics, [{ id: 't-0', owner: 'hugo', due: '2027-06-30', path: ['objectives', 0, 'tactics', 0] }]);
    assert.deepEqual(summary.kpis, [{ id: 'k-0', name: 'Orders', baseline: 10, target: 20, path: ['objectives', 0, 'kpis', 0] }]);
    assert.deepEqual(summary.related, [{ ref: 'b', relation: 'supports', path: ['related_strategies', 0, 'ref'] }]);
  });

  it('looks documents up by strategy id, tactic owner, KPI name, person id and reference', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30'], kpis: ['Web Orders:10:20'] }));
    index.set(uri('b'), doc('b', { tactics: ['sara:2027-06-30'], kpis: ['  web   orders :5:1'], refs: ['a'] }));
    const uris = (list: { uri: string }[]) => list.map((d) => d.uri).sort();
    assert.deepEqual(uris(index.byStrategyId('a')), [uri('a')]);
    assert.deepEqual(uris(index.byTacticOwner('hugo')), [uri('a')]);
    assert.deepEqual(uris(index.byKpiName('WEB ORDERS')), [uri('a'), uri('b')]);
    assert.deepEqual(uris(index.byPersonId('hugo')), [uri('a')]);
    assert.deepEqual(uris(index.referencing('a')), [uri('b')]);
    assert.equal(index.size, 2);
  });

  it('replaces a document on set and forgets it on delete', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { tactics: ['hugo:2027-06-30'] }));
    const change = index.set(uri('a'), doc('a2', { tactics: ['sara:2027-06-30'] }));
    assert.equal(change.before?.summary.id, 'a');
    assert.equal(change.after?.summary.id, 'a2');
    assert.deepEqual(index.byStrategyId('a'), []);
    assert.deepEqual(index.byTacticOwner('hugo'), []);
    assert.equal(index.byTacticOwner('sara').length, 1);
    const removed = index.delete(uri('a'));
    assert.equal(removed.after, undefined);
    assert.equal(index.size, 0);
    assert.deepEqual(index.byTacticOwner('sara'), []);
    assert.deepEqual(index.delete(uri('a')), { uri: uri('a'), before: undefined, after: undefined });
  });

  it('keeps the entry when the text did not change, and re-summarises only the edited document', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a'));
    index.set(uri('b'), doc('b'));
    const b = index.get(uri('b'));
    const same = index.set(uri('a'), doc('a'));
    assert.equal(same.before, same.after);
    index.set(uri('a'), doc('a', { status: 'paused' }));
    assert.equal(index.get(uri('b')), b, 'the other document keeps its entry');
  });

  it('indexes a document it cannot read as empty, and resolves ranges lazily', () => {
    const index = new WorkspaceIndex();
    index.set(uri('bad'), 'id: [unclosed\n');
    assert.deepEqual(index.get(uri('bad'))!.summary.tactics, []);
    assert.deepEqual(index.get(uri('bad'))!.rangeOf(['id']), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    index.set(uri('a'), doc('a', { tactics: ['hugo:2027-06-30'] }));
    const a = index.get(uri('a'))!;
    // An anchor taken while indexing, and a path resolved by parsing again.
    const line = a.text.split('\n')[7];
    assert.deepEqual(a.rangeOf(['objectives', 0, 'tactics', 0, 'owner']).start, { line: 7, character: line.indexOf('hugo') });
    assert.deepEqual(a.rangeOf(['objectives', 0, 'title']), { start: { line: 5, character: 11 }, end: { line: 5, character: 22 } });
    assert.deepEqual(a.rangeOf(['objectives', 0, 'title'], 'key').start, { line: 5, character: 4 });
  });

  describe('affectedBy', () => {
    function workspace() {
      const index = new WorkspaceIndex();
      index.set(uri('x'), doc('x', { status: 'active', people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30'], kpis: ['Orders:10:20'] }));
      index.set(uri('owner'), doc('owner', { tactics: ['hugo:2027-06-30'] }));
      index.set(uri('kpi'), doc('kpi', { kpis: ['orders:50:20'] }));
      index.set(uri('person'), doc('person', { people: ['hugo:Hugo M.'] }));
      index.set(uri('refs'), doc('refs', { refs: ['x'] }));
      index.set(uri('typo'), doc('typo', { refs: ['xx-unknown'] }));
      index.set(uri('unrelated'), doc('unrelated', { people: ['sara:Sara T.'], tactics: ['sara:2027-06-30'], kpis: ['Sessions:1:2'] }));
      return index;
    }
    const edit = (index: WorkspaceIndex, text: string) => index.affectedBy(index.set(uri('x'), text));

    it('lists nobody when only private parts change', () => {
      const index = workspace();
      const text = index.get(uri('x'))!.text;
      assert.deepEqual(edit(index, text.replace('title: Objective A', 'title: Objective B')), []);
      assert.deepEqual(edit(index, text + 'why: because salons reorder by phone every month\n'), []);
      assert.deepEqual(edit(index, text + 'related_strategies: [{ ref: owner }]\n'), [], 'its own references concern only itself');
    });

    it('lists documents sharing a tactic owner when that owner\'s tactics change', () => {
      const index = workspace();
      assert.deepEqual(edit(index, index.get(uri('x'))!.text.replace('due: 2027-06-30', 'due: 2027-01-31')), [uri('owner')]);
    });

    it('lists them when the strategy status changes', () => {
      const index = workspace();
      assert.deepEqual(edit(index, index.get(uri('x'))!.text.replace('status: active', 'status: done')), [uri('owner')]);
    });

    it('lists documents sharing a KPI name when the KPI changes', () => {
      const index = workspace();
      assert.deepEqual(edit(index, index.get(uri('x'))!.text.replace('value: 20', 'value: 5')), [uri('kpi')]);
    });

    it('lists documents sharing a person id when the name changes', () => {
      const index = workspace();
      assert.deepEqual(edit(index, index.get(uri('x'))!.text.replace('Hugo R.', 'Hugo M.')), [uri('person')]);
    });

    it('lists the documents pointed at when lines move, since their related information points here', () => {
      const index = workspace();
      const text = index.get(uri('x'))!.text;
      assert.deepEqual(edit(index, text.replace('title: Strategy x\n', 'title: Strategy x\nwhy: one more line above\n')), [uri('kpi'), uri('owner'), uri('person')]);
    });

    it('lists only documents whose findings involve the edited one, given today and the maximum', () => {
      const index = new WorkspaceIndex();
      index.set(uri('x'), doc('x', { people: ['hugo:Hugo R.', 'sara:Sara T.'], tactics: ['hugo:2027-06-30', 'sara:2027-06-30'], kpis: ['Orders:10:20'] }));
      index.set(uri('same'), doc('same', { people: ['hugo:hugo  r.'], kpis: ['orders:1:40'] }));
      index.set(uri('busy'), doc('busy', { tactics: ['sara:2027-06-30', 'sara:2027-06-30', 'sara:2027-06-30'] }));
      index.set(uri('light'), doc('light', { tactics: ['hugo:2027-06-30', 'hugo:2027-07-01', 'hugo:2027-01-01'] }));
      index.set(uri('paused'), doc('paused', { status: 'paused', tactics: ['sara:2027-06-30'] }));
      const moved = index.get(uri('x'))!.text.replace('title: Strategy x\n', 'title: Strategy x\nwhy: one more line above\n');
      const options = { today: TODAY, maxTactics: 3 };
      // hugo has 3 open tactics (at most 3): nobody's owner-overload involves x; sara has 4: busy's does.
      assert.deepEqual(index.affectedBy(index.set(uri('x'), moved), options), [uri('busy')]);
      // Text after the last anchor moves nothing.
      assert.deepEqual(index.affectedBy(index.set(uri('x'), moved + '# a comment at the end\n')), []);
      // Without the date and the maximum, every document where a shared owner owns tactics is listed.
      const back = index.get(uri('x'))!.text.replace('why: one more line above\n', '');
      assert.deepEqual(index.affectedBy(index.set(uri('x'), back)), [uri('busy'), uri('light')]);
      // A second hugo tactic in x makes 4 open with light's 2: light is listed (busy too: sara's tactic moved a line).
      const more = back.replace('    tactics:\n', '    tactics:\n      - { id: t-9, title: More, owner: hugo, due: 2027-09-30 }\n');
      assert.deepEqual(index.affectedBy(index.set(uri('x'), more), options), [uri('busy'), uri('light')]);
    });

    it('lists referencing documents and unresolved references when the strategy id changes', () => {
      const index = workspace();
      assert.deepEqual(edit(index, index.get(uri('x'))!.text.replace('id: x', 'id: x2')), [uri('kpi'), uri('owner'), uri('person'), uri('refs'), uri('typo')]);
    });

    it('lists the sharing documents when a document is deleted or added', () => {
      const index = workspace();
      const text = index.get(uri('x'))!.text;
      assert.deepEqual(index.affectedBy(index.delete(uri('x'))), [uri('kpi'), uri('owner'), uri('person'), uri('refs'), uri('typo')]);
      assert.deepEqual(index.affectedBy(index.set(uri('x'), text)), [uri('kpi'), uri('owner'), uri('person'), uri('refs'), uri('typo')]);
    });
  });
});

describe('cross-file rules over the index', () => {
  it('owner-overload points at the other documents\' tactics', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30', 'hugo:2027-07-30'] }));
    index.set(uri('b'), doc('b', { tactics: ['hugo:2027-06-30', 'hugo:2027-03-14'] }));
    index.set(uri('c'), doc('c', { tactics: ['hugo:2027-04-01'] }));
    const findings = only(lintIn(index, 'a'), 'owner-overload');
    assert.equal(findings.length, 2);
    const [first] = findings;
    assert.equal(first.message, "Hugo R. ('hugo') owns 4 open tactics across 3 strategies (at most 3)");
    assert.equal(first.severity, 'warning');
    assert.equal(first.failureMode, 'FM11');
    assert.deepEqual(
      first.related?.filter((r) => r.message.startsWith('Also owned')).map((r) => [r.uri, r.message, r.range.start.line]),
      [
        [undefined, "Also owned: tactic 't-1', due 2027-07-30", 10],
        [uri('b'), "Also owned: tactic 't-0', due 2027-06-30 of strategy 'b'", 7],
        [uri('c'), "Also owned: tactic 't-0', due 2027-04-01 of strategy 'c'", 7],
      ],
    );
    const owner = index.get(uri('b'))!.text.split('\n')[7].indexOf('owner: hugo') + 'owner: '.length;
    assert.deepEqual(first.related!.find((r) => r.uri === uri('b'))!.range, { start: { line: 7, character: owner }, end: { line: 7, character: owner + 4 } });
    // Each document sees the same total from its side.
    assert.equal(only(lintIn(index, 'b'), 'owner-overload').length, 1);
    assert.equal(only(lintIn(index, 'c'), 'owner-overload').length, 1);
  });

  it('reads the document being linted from its text, not from the index\'s older copy', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { tactics: ['hugo:2027-06-30', 'hugo:2027-06-30', 'hugo:2027-06-30'] }));
    index.set(uri('b'), doc('b', { tactics: ['hugo:2027-06-30'] }));
    assert.equal(only(lintIn(index, 'a'), 'owner-overload').length, 3);
    // The editor lints a newer version before the index has it: the old tactics must not count twice.
    const edited = doc('a', { tactics: ['hugo:2027-06-30', 'sara:2027-06-30', 'sara:2027-06-30'] });
    assert.deepEqual(only(lintIn(index, 'a', edited), 'owner-overload'), []);
    // And the stale copy's id does not make its own references known.
    assert.equal(only(lintIn(index, 'a', doc('renamed', { refs: ['a'] })), 'unknown-strategy').length, 1);
  });

  it('conflicting-kpi and person-conflict need another document, and the workspace', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { people: ['hugo:Hugo R.'], kpis: ['Web orders:10:20'] }));
    index.set(uri('b'), doc('b', { people: ['hugo:Hugo Martin'], kpis: ['web orders:10:5'] }));
    const findings = lintIn(index, 'a');
    const [kpi] = only(findings, 'conflicting-kpi');
    assert.equal(kpi.message, "KPI 'Web orders' aims up here (10 → 20) but down in strategy 'b'");
    assert.deepEqual(kpi.related?.map((r) => [r.uri, r.message]), [[uri('b'), "KPI 'web orders' of strategy 'b' aims down: 10 → 5"]]);
    const [person] = only(findings, 'person-conflict');
    assert.equal(person.message, "Person 'hugo' is 'Hugo R.' here but 'Hugo Martin' in strategy 'b'");
    assert.equal(person.related?.[0].uri, uri('b'));
    const alone = lint(index.get(uri('a'))!.text, { today: TODAY, uri: uri('a') }).findings;
    assert.deepEqual(alone.filter((f) => ['conflicting-kpi', 'person-conflict', 'unknown-strategy'].includes(f.ruleId)), []);
  });

  it('the cross-file findings follow every change of the index, and are the same as over a view without revisions', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30', 'hugo:2027-07-30'], kpis: ['Orders:10:20'], refs: ['strat-bee'] }));
    index.set(uri('b'), doc('b', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30', 'hugo:2027-08-30'], kpis: ['Orders:10:30'] }));
    index.set(uri('c'), doc('strat-cee', { tactics: ['sara:2027-06-30'] }));
    // The same index without `revision`: every lint gathers afresh.
    const fresh: WorkspaceView = { documents: () => index.documents(), get: (u) => index.get(u), byStrategyId: (id) => index.byStrategyId(id), byTacticOwner: (p) => index.byTacticOwner(p), byKpiName: (n) => index.byKpiName(n), byPersonId: (p) => index.byPersonId(p) };
    const crossFile = (view: WorkspaceView) =>
      lint(index.get(uri('a'))!.text, { today: TODAY, uri: uri('a'), workspace: view }).findings
        .filter((f) => ['owner-overload', 'person-conflict', 'conflicting-kpi', 'unknown-strategy'].includes(f.ruleId))
        .map((f) => `${f.ruleId}: ${f.message}`);
    const steps: [string, string][] = [
      ['b', doc('b', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30', 'hugo:2027-08-30'], kpis: ['Orders:10:30'] })],
      ['b', doc('b', { people: ['hugo:Hugo Martin'], tactics: ['hugo:2027-06-30'], kpis: ['Orders:10:5'] })],
      ['c', doc('strat-bee', { tactics: ['hugo:2027-09-30', 'hugo:2027-10-30'] })],
      ['b', doc('b', { people: ['hugo:Hugo R.'], kpis: ['Orders:10:40'] })],
    ];
    const seen: string[][] = [];
    for (const [name, text] of steps) {
      index.set(uri(name), text);
      const memoised = crossFile(index);
      assert.deepEqual(crossFile(index), memoised, 'a second lint at the same revision');
      assert.deepEqual(memoised, crossFile(fresh));
      seen.push(memoised);
    }
    const overload = (count: number, strategies: number) => `owner-overload: Hugo R. ('hugo') owns ${count} open tactics across ${strategies} strategies (at most 3)`;
    assert.deepEqual(seen, [
      [overload(4, 2), overload(4, 2), "unknown-strategy: Unknown strategy 'strat-bee'. Did you mean 'strat-cee'?"],
      ["person-conflict: Person 'hugo' is 'Hugo R.' here but 'Hugo Martin' in strategy 'b'", "conflicting-kpi: KPI 'Orders' aims up here (10 → 20) but down in strategy 'b'", "unknown-strategy: Unknown strategy 'strat-bee'. Did you mean 'strat-cee'?"],
      ["person-conflict: Person 'hugo' is 'Hugo R.' here but 'Hugo Martin' in strategy 'b'", "conflicting-kpi: KPI 'Orders' aims up here (10 → 20) but down in strategy 'b'", overload(5, 3), overload(5, 3)],
      [overload(4, 2), overload(4, 2)],
    ]);
  });

  it('reads what all documents say of a person, a KPI name or the strategy ids once per revision, not once per document linted', () => {
    const index = new WorkspaceIndex();
    const names = Array.from({ length: 30 }, (_, n) => `s${n}`);
    for (const name of names) index.set(uri(name), doc(name, { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30'], kpis: ['Orders:10:20'], refs: ['s-unknown'] }));
    const reads = new Map<string, number>();
    const count = <T>(what: string, value: T): T => (reads.set(what, (reads.get(what) ?? 0) + 1), value);
    const view: WorkspaceView = {
      get revision() {
        return index.revision;
      },
      documents: () => count('documents', index.documents()),
      get: (u) => index.get(u),
      byStrategyId: (id) => index.byStrategyId(id),
      byTacticOwner: (p) => count('byTacticOwner', index.byTacticOwner(p)),
      byKpiName: (n) => count('byKpiName', index.byKpiName(n)),
      byPersonId: (p) => count('byPersonId', index.byPersonId(p)),
    };
    const lintAll = () => {
      for (const name of names) {
        const findings = lint(index.get(uri(name))!.text, { today: TODAY, uri: uri(name), workspace: view }).findings;
        assert.ok(only(findings, 'owner-overload').length > 0);
        assert.equal(only(findings, 'unknown-strategy').length, 1);
      }
    };
    lintAll();
    assert.deepEqual(Object.fromEntries(reads), { byTacticOwner: 1, byPersonId: 1, byKpiName: 1, documents: 1 });
    // A change to one document: everything is gathered again, once.
    index.set(uri('s0'), doc('s0', { people: ['hugo:Hugo R.'], tactics: ['hugo:2027-06-30', 'hugo:2027-07-30'], kpis: ['Orders:10:20'], refs: ['s-unknown'] }));
    reads.clear();
    lintAll();
    assert.deepEqual(Object.fromEntries(reads), { byTacticOwner: 1, byPersonId: 1, byKpiName: 1, documents: 1 });
  });

  it('does not suggest the older indexed id of the document being linted, but the next closest strategy', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('alpha-one'));
    index.set(uri('c'), doc('alpha-two'));
    const [finding] = only(lintIn(index, 'a', doc('beta', { refs: ['alpha-onx'] })), 'unknown-strategy');
    assert.equal(finding.message, "Unknown strategy 'alpha-onx'. Did you mean 'alpha-two'?");
    // When another document has that id too, it is another strategy's.
    index.set(uri('d'), doc('alpha-one'));
    assert.equal(only(lintIn(index, 'a', doc('beta', { refs: ['alpha-onx'] })), 'unknown-strategy')[0].message, "Unknown strategy 'alpha-onx'. Did you mean 'alpha-one'?");
    assert.deepEqual(only(lintIn(index, 'a', doc('beta', { refs: ['alpha-one'] })), 'unknown-strategy'), []);
  });

  it('names each other spelling once, with at most five strategies, and counts the rest', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { people: ['hugo:Hugo R.'], kpis: ['Orders:10:20'] }));
    for (let n = 1; n <= 8; n++) index.set(uri(`m${n}`), doc(`m${n}`, { people: ['hugo:Hugo Martin'], kpis: ['Orders:10:5'] }));
    index.set(uri('h'), doc('h', { people: ['hugo:H. Martin'] }));
    const findings = lintIn(index, 'a');
    assert.equal(
      only(findings, 'person-conflict')[0].message,
      "Person 'hugo' is 'Hugo R.' here but 'H. Martin' in strategy 'h', 'Hugo Martin' in strategies 'm1', 'm2', 'm3', 'm4', 'm5' and 3 more",
    );
    const [kpi] = only(findings, 'conflicting-kpi');
    assert.equal(kpi.message, "KPI 'Orders' aims up here (10 → 20) but down in strategies 'm1', 'm2', 'm3', 'm4', 'm5' and 3 more");
    assert.equal(kpi.related?.length, 8);
    for (let n = 1; n <= 6; n++) index.set(uri(`x${n}`), doc(`x${n}`, { people: [`hugo:Hugo ${n}`] }));
    assert.match(only(lintIn(index, 'a'), 'person-conflict')[0].message, /^Person 'hugo' is 'Hugo R\.' here but 'H\. Martin' in strategy 'h', 'Hugo Martin' in strategies 'm1', .* and 3 more, 'Hugo 1' in strategy 'x1', 'Hugo 2' in strategy 'x2', 'Hugo 3' in strategy 'x3' and 3 other names$/);
  });

  it('a lint result kept for one index is not reused for another index at the same revision', () => {
    const text = doc('a', { refs: ['b'] });
    const one = new WorkspaceIndex();
    one.set(uri('b'), doc('b'));
    const two = new WorkspaceIndex();
    two.set(uri('c'), doc('c'));
    assert.equal(one.revision, two.revision);
    const unknown = (index: WorkspaceIndex) => only(lint(text, { today: TODAY, uri: uri('a'), workspace: index }).findings, 'unknown-strategy').map((f) => f.message);
    assert.deepEqual(unknown(one), []);
    assert.deepEqual(unknown(two), ["Unknown strategy 'b'. Did you mean 'c'?"]);
    assert.deepEqual(unknown(one), []);
  });

  it('names a document without a strategy id by its file name', () => {
    const index = new WorkspaceIndex();
    index.set(uri('a'), doc('a', { kpis: ['Web orders:10:20'] }));
    index.set('file:///ws/no%20id.strategy.yaml', doc('b', { kpis: ['Web orders:10:5'] }).replace('id: b\n', ''));
    assert.match(only(lintIn(index, 'a'), 'conflicting-kpi')[0].message, /in strategy 'no id\.strategy\.yaml'$/);
  });
});
