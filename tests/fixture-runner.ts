// Fixture-driven rule tests: tests/fixtures/<rule-id>/ holds bad*.yaml files whose offending lines
// carry `# expect: <rule-id>` markers, and good*.yaml files with none. An optional config.json
// ({ "today": "YYYY-MM-DD", "rules": { ... } }) applies to every file of the folder; a first line
// `# config: { ... }` does the same for one file.
// Cross-file rules: a `workspace/` subfolder holds other documents (*.yaml), indexed together with
// each fixture of the folder, which is linted with that index and a file: uri. The option
// `"workspace": "<subfolder>"` picks another subfolder, `"workspace": null` none.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixAll } from '../server/src/engine/fix-all';
import { lint } from '../server/src/engine/lint';
import type { LintOptions } from '../server/src/engine/types';
import { WorkspaceIndex } from '../server/src/engine/workspace';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const DEFAULT_TODAY = '2027-03-15';

export interface FixtureCase {
  ruleId: string;
  file: string;
  kind: 'bad' | 'good';
  text: string;
  options: LintOptions;
}

export function fixtureCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const ruleId of fs.readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, ruleId);
    if (!fs.statSync(dir).isDirectory()) continue;
    const configFile = path.join(dir, 'config.json');
    const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
    const options: LintOptions = { today: DEFAULT_TODAY, ...config };
    for (const file of fs.readdirSync(dir).sort()) {
      const m = /^(bad|good)[\w-]*\.ya?ml$/.exec(file);
      if (!m || file.includes('.fixed.')) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // A first line `# config: {...}` adds options for this file only (thresholds, severities, today).
      const own = /^# config: (\{.*\})(\s+#.*)?\s*$/.exec(text.split(/\r?\n/, 1)[0]);
      const fileOptions = own ? { ...options, ...JSON.parse(own[1]) } : options;
      cases.push({ ruleId, file: path.join(dir, file), kind: m[1] as 'bad' | 'good', text, options: withWorkspace(fileOptions, dir, path.join(dir, file), text) });
    }
  }
  return cases;
}

/** Replaces the `workspace` option (a subfolder name) by an index of that folder's documents plus the fixture. */
function withWorkspace(options: LintOptions, dir: string, file: string, text: string): LintOptions {
  const { workspace, ...rest } = options as Omit<LintOptions, 'workspace'> & { workspace?: unknown };
  const folder = workspace === undefined ? (fs.existsSync(path.join(dir, 'workspace')) ? 'workspace' : null) : workspace;
  if (folder === null) return rest;
  if (typeof folder !== 'string') throw new Error(`${file}: "workspace" names a subfolder of the fixture folder, or is null`);
  const index = new WorkspaceIndex();
  const others = path.join(dir, folder);
  for (const name of fs.readdirSync(others).sort()) {
    if (/\.ya?ml$/.test(name)) index.set(pathToFileURL(path.join(others, name)).href, fs.readFileSync(path.join(others, name), 'utf8'));
  }
  const uri = pathToFileURL(file).href;
  index.set(uri, text);
  return { ...rest, uri, workspace: index };
}

/** `line → rule ids` expected from `# expect:` markers (0-based lines, a rule listed twice is expected twice). */
export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const m = /#\s*expect:\s*([\w\s,-]+)$/.exec(line);
    if (!m) return;
    for (const id of m[1].split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${index + 1}:${id}`);
  });
  return out.sort();
}

/**
 * What the engine reports on the fixture, restricted to the rules the fixture is about:
 * the folder's rule plus any rule named in a marker. Other rules' findings are ignored.
 */
export function actualMarkers(c: FixtureCase): string[] {
  const expectedIds = new Set([c.ruleId, ...expectedMarkers(c.text).map((m) => m.split(':')[1])]);
  return lint(c.text, c.options)
    .findings.filter((f) => expectedIds.has(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.ruleId}`)
    .sort();
}

/** bad.yaml with the first fix of every finding of the folder's rule applied, one after another. */
export function fixedText(c: FixtureCase): string {
  return fixAll(c.text, c.options, (f) => (f.ruleId === c.ruleId ? f.fixes?.[0] : undefined)).text;
}
