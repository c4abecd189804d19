// The configuration loader (server/src/config/config.ts) on real files in a temporary folder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, configFor, findConfigFile, loadConfig } from '../server/src/config/config';

let tmp: string;
let n = 0;

/** A fresh workspace folder holding the given files. */
function workspace(files: Record<string, string>): string {
  const root = path.join(tmp, `ws${n++}`);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** The ConfigError loading `file` throws; fails when it loads. */
function configError(file: string, root?: string): ConfigError {
  try {
    loadConfig(file, { root });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${error}`);
    return error;
  }
  assert.fail(`${file} loaded without error`);
}

/** 1-based line of the error, as the CLI prints it. */
function lineOf(error: ConfigError): number | undefined {
  return error.range && error.range.start.line + 1;
}

before(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stratlint-config-')));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('finding the configuration', () => {
  test('the nearest .stratlintrc.yaml or .yml above the document wins', () => {
    const root = workspace({
      '.stratlintrc.yaml': 'rules:\n  tactic-owner: warning\n',
      'plans/.stratlintrc.yml': 'rules:\n  tactic-owner: info\n',
      'plans/q3/a.strategy.yaml': '',
      'other/b.strategy.yaml': '',
    });
    assert.equal(findConfigFile(path.join(root, 'plans', 'q3')), path.join(root, 'plans', '.stratlintrc.yml'));
    assert.deepEqual(configFor(path.join(root, 'plans', 'q3', 'a.strategy.yaml')).rules, { 'tactic-owner': 'info' });
    assert.deepEqual(configFor(path.join(root, 'other', 'b.strategy.yaml')).rules, { 'tactic-owner': 'warning' });
    assert.deepEqual(configFor(path.join(root, 'a.strategy.yaml')).sources, [path.join(root, '.stratlintrc.yaml')]);
  });

  test('findConfigFile stops at stopAt', () => {
    const root = workspace({ '.stratlintrc.yaml': 'rules: {}\n', 'sub/deeper/x.strategy.yaml': '' });
    assert.equal(findConfigFile(path.join(root, 'sub', 'deeper'), path.join(root, 'sub')), undefined);
    assert.equal(findConfigFile(path.join(root, 'sub', 'deeper'), root), path.join(root, '.stratlintrc.yaml'));
  });

  test('an empty or comment-only configuration is valid and sets nothing', () => {
    const root = workspace({ 'a.yaml': '', 'b.yaml': '# nothing yet\n' });
    for (const name of ['a.yaml', 'b.yaml']) {
      const config = loadConfig(path.join(root, name), { root });
      assert.deepEqual([config.rules, config.files], [{}, []]);
    }
  });

  test('rules keep their [severity, options] form; files are relative to their config folder', () => {
    const root = workspace({
      '.stratlintrc.yaml': 'rules:\n  review-stale: [warning, { staleFactor: 3 }]\n  not-doing: off\nfiles: ["plans/*.yaml"]\n',
    });
    const config = loadConfig(path.join(root, '.stratlintrc.yaml'), { root });
    assert.deepEqual(config.rules, { 'review-stale': ['warning', { staleFactor: 3 }], 'not-doing': 'off' });
    assert.deepEqual(config.files, [{ base: root, pattern: 'plans/*.yaml' }]);
  });
});

describe('extends', () => {
  test('a relative path: the base first, then this file overrides it', () => {
    const root = workspace({
      'base.yaml': 'rules:\n  tactic-owner: warning\n  not-doing: off\nfiles: ["shared/*.yaml"]\n',
      'team/.stratlintrc.yaml': 'extends: ../base.yaml\nrules:\n  tactic-owner: info\nfiles: ["mine/*.yaml"]\n',
    });
    const config = loadConfig(path.join(root, 'team', '.stratlintrc.yaml'), { root });
    assert.deepEqual(config.rules, { 'tactic-owner': 'info', 'not-doing': 'off' });
    assert.deepEqual(config.files, [
      { base: root, pattern: 'shared/*.yaml' },
      { base: path.join(root, 'team'), pattern: 'mine/*.yaml' },
    ]);
    assert.deepEqual(config.sources, [path.join(root, 'team', '.stratlintrc.yaml'), path.join(root, 'base.yaml')]);
  });

  test('a list: merged in order, a later base over an earlier one, this file over both', () => {
    const root = workspace({
      'one.yaml': 'rules:\n  tactic-owner: warning\n  not-doing: warning\n  kpi-source: warning\n',
      'two.yaml': 'extends: ./deep.yaml\nrules:\n  tactic-owner: info\n',
      'deep.yaml': 'rules:\n  kpi-lag: off\n',
      '.stratlintrc.yaml': 'extends: [./one.yaml, ./two.yaml]\nrules:\n  not-doing: error\n',
    });
    const config = loadConfig(path.join(root, '.stratlintrc.yaml'), { root });
    assert.deepEqual(config.rules, { 'tactic-owner': 'info', 'not-doing': 'error', 'kpi-source': 'warning', 'kpi-lag': 'off' });
  });

  test('a cycle is an error that names the cycle, at the extends that closes it', () => {
    const root = workspace({
      'a/.stratlintrc.yaml': 'extends: ../b/.stratlintrc.yaml\n',
      'b/.stratlintrc.yaml': 'rules: {}\nextends: ../a/.stratlintrc.yaml\n',
      'self.yaml': 'extends: ./self.yaml\n',
    });
    const error = configError(path.join(root, 'a', '.stratlintrc.yaml'), root);
    assert.equal(error.file, path.join(root, 'b', '.stratlintrc.yaml'));
    assert.match(error.detail, /cycle: \.stratlintrc\.yaml → \.\.\/b\/\.stratlintrc\.yaml → \.stratlintrc\.yaml/);
    assert.equal(lineOf(error), 2);
    assert.match(configError(path.join(root, 'self.yaml'), root).detail, /cycle: self\.yaml → self\.yaml/);
  });

  test('a cycle through a symlink is still a cycle', () => {
    const root = workspace({ 'real.yaml': 'extends: ./alias.yaml\n' });
    fs.symlinkSync(path.join(root, 'real.yaml'), path.join(root, 'alias.yaml'));
    assert.match(configError(path.join(root, 'real.yaml'), root).detail, /cycle: real\.yaml → alias\.yaml/);
  });

  test('a base listed twice is not a cycle', () => {
    const root = workspace({ 'base.yaml': 'rules:\n  not-doing: off\n', 'mid.yaml': 'extends: ./base.yaml\n', 'top.yaml': 'extends: [./base.yaml, ./mid.yaml]\n' });
    assert.deepEqual(loadConfig(path.join(root, 'top.yaml'), { root }).rules, { 'not-doing': 'off' });
  });

  test('a missing target is an error at the extends entry', () => {
    const root = workspace({ '.stratlintrc.yaml': 'rules: {}\nextends:\n  - ./there.yaml\n  - ./missing.yaml\n', 'there.yaml': '' });
    const error = configError(path.join(root, '.stratlintrc.yaml'), root);
    assert.match(error.detail, /cannot resolve 'extends: \.\/missing\.yaml'/);
    assert.equal(lineOf(error), 4);
  });

  test('a bare name that is no package in node_modules is an error', () => {
    const root = workspace({ '.stratlintrc.yaml': 'extends: base.yaml\n', 'base.yaml': '' });
    assert.match(configError(path.join(root, '.stratlintrc.yaml'), root).detail, /no package of that name in node_modules/);
  });

  test('a file outside the root may not be extended, also not through a symlink', () => {
    const outer = workspace({ 'outside.yaml': 'rules: {}\n', 'ws/.stratlintrc.yaml': 'extends: ../outside.yaml\n', 'ws/link.yaml': 'extends: ./sneaky.yaml\n' });
    const root = path.join(outer, 'ws');
    fs.symlinkSync(path.join(outer, 'outside.yaml'), path.join(root, 'sneaky.yaml'));
    const error = configError(path.join(root, '.stratlintrc.yaml'), root);
    assert.match(error.detail, /points outside the workspace/);
    assert.equal(lineOf(error), 1);
    assert.match(configError(path.join(root, 'link.yaml'), root).detail, /points outside the workspace/);
    // Without a root, nothing is out of bounds.
    assert.deepEqual(loadConfig(path.join(root, '.stratlintrc.yaml')).rules, {});
  });

  test('a package in node_modules may be extended, by name or by a file inside it', () => {
    const outer = workspace({
      'node_modules/@acme/stratlint-config/.stratlintrc.yaml': 'extends: ./strict.yaml\nrules:\n  not-doing: off\n',
      'node_modules/@acme/stratlint-config/strict.yaml': 'rules:\n  tactic-owner: error\n  kpi-source: error\n',
      'ws/.stratlintrc.yaml': 'extends: "@acme/stratlint-config"\nrules:\n  kpi-source: info\n',
      'ws/strict.yaml': 'extends: "@acme/stratlint-config/strict.yaml"\n',
      'ws/escape.yaml': 'extends: "@acme/../../outside.yaml"\n',
      'outside.yaml': 'rules: {}\n',
    });
    // The package sits above the root, as in a monorepo with hoisted dependencies.
    const root = path.join(outer, 'ws');
    assert.deepEqual(loadConfig(path.join(root, '.stratlintrc.yaml'), { root }).rules, { 'tactic-owner': 'error', 'kpi-source': 'info', 'not-doing': 'off' });
    assert.deepEqual(loadConfig(path.join(root, 'strict.yaml'), { root }).rules, { 'tactic-owner': 'error', 'kpi-source': 'error' });
    assert.match(configError(path.join(root, 'escape.yaml'), root).detail, /leaves node_modules/);
  });

  test('an error in a base names the base file', () => {
    const root = workspace({ 'base.yaml': 'rules:\n  no-such-rule: off\n', '.stratlintrc.yaml': 'extends: ./base.yaml\n' });
    const error = configError(path.join(root, '.stratlintrc.yaml'), root);
    assert.equal(error.file, path.join(root, 'base.yaml'));
    assert.equal(lineOf(error), 2);
  });
});

describe('validation', () => {
  /** Loads a one-file configuration and returns its error. */
  function invalid(text: string): ConfigError {
    const root = workspace({ '.stratlintrc.yaml': text });
    return configError(path.join(root, '.stratlintrc.yaml'), root);
  }

  test('an unknown top-level key suggests the right one', () => {
    const error = invalid('# team settings\nrulez:\n  not-doing: off\n');
    assert.match(error.detail, /unknown property 'rulez' \(did you mean 'rules'\?\)/);
    assert.deepEqual(error.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  });

  test('an unknown rule id suggests the closest rule', () => {
    const error = invalid('rules:\n  not-doing: off\n  unknwn-reference: warning\n');
    assert.match(error.detail, /unknown rule 'unknwn-reference' \(did you mean 'unknown-reference'\?\)/);
    assert.deepEqual(error.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 18 } });
  });

  test('a severity must be one of the levels', () => {
    const bad = invalid('rules:\n  tactic-owner: loud\n');
    assert.match(bad.detail, /rule 'tactic-owner': severity must be one of off, hint, info, warning, error, got "loud"/);
    assert.equal(lineOf(bad), 2);
    assert.match(invalid('rules:\n  tactic-owner: [fatal, {}]\n').detail, /severity must be one of/);
    assert.match(invalid('rules:\n  tactic-owner: 5\n').detail, /'rules\.tactic-owner' must be text or a list/);
  });

  test('an unknown option name is an error at the option, with a suggestion', () => {
    const error = invalid('rules:\n  review-stale:\n    - warning\n    - staleFactr: 3\n');
    assert.match(error.detail, /rule 'review-stale' has no option 'staleFactr' \(did you mean 'staleFactor'\?\); options: staleFactor/);
    assert.deepEqual(error.range?.start, { line: 3, character: 6 });
    assert.match(invalid('rules:\n  tactic-owner: [error, { x: 1 }]\n').detail, /has no option 'x'; it takes no options/);
  });

  test('an option of the wrong type is an error', () => {
    const error = invalid('rules:\n  review-stale: [warning, { staleFactor: often }]\n');
    assert.match(error.detail, /rule 'review-stale' option 'staleFactor' must be a number/);
    assert.equal(lineOf(error), 2);
    assert.match(invalid('rules:\n  review-stale: [warning, 3]\n').detail, /'rules\.review-stale\.1' must be a mapping/);
  });

  test('files must be a list of globs; extends text or a list', () => {
    assert.match(invalid('files: plans/*.yaml\n').detail, /'files' must be a list/);
    assert.match(invalid('files: [ok.yaml, 3]\n').detail, /'files\.1' must be text/);
    assert.match(invalid('extends: 3\n').detail, /'extends' must be text or a list/);
  });

  test('a YAML syntax error is a ConfigError with its range', () => {
    const error = invalid('rules:\n  tactic-owner: off\n  not-doing: [off\n');
    assert.ok(error.range, 'a syntax error has a range');
    assert.ok(lineOf(error)! >= 3, `at or after the unclosed flow sequence, got line ${lineOf(error)}`);
    const duplicate = invalid('rules:\n  not-doing: off\nrules:\n  tactic-owner: off\n');
    assert.equal(lineOf(duplicate), 3);
  });

  test('a configuration that is not a mapping says so in configuration terms', () => {
    const error = invalid('- rules\n- files\n');
    assert.match(error.detail, /a configuration must be a mapping/);
    assert.equal(lineOf(error), 1);
  });

  test('the message carries the file and the 1-based position', () => {
    const error = invalid('rules:\n\n  bogus-rule: off\n');
    assert.equal(error.message, `${error.file}:3:3: ${error.detail}`);
  });

  test('a missing configuration file is a ConfigError', () => {
    const root = workspace({});
    assert.match(configError(path.join(root, 'nope.yaml'), root).detail, /cannot read configuration .*: file not found/);
  });
});
