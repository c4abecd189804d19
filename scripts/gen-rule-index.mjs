// Writes server/src/rules/index.ts from the rule files in that folder, so adding a rule
// is one new file (plus fixtures and a docs page).
//   node scripts/gen-rule-index.mjs           write the file
//   node scripts/gen-rule-index.mjs --check   exit 1 if the file on disk is out of date (CI)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'server/src/rules');
const target = path.join(dir, 'index.ts');

const ids = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const ident = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

const text = `// Generated from the files of this folder by scripts/gen-rule-index.mjs — do not edit.
// Each rule lives in its own file named after its id.
import type { Rule } from '../engine/types';
${ids.map((id) => `import * as ${ident(id)} from './${id}';`).join('\n')}

export const rules: readonly Rule[] = [
${ids.map((id) => `  ${ident(id)},`).join('\n')}
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('gen-rule-index: server/src/rules/index.ts is out of date; run `npm run gen`.');
    process.exit(1);
  }
  console.log('gen-rule-index: server/src/rules/index.ts is up to date.');
} else {
  fs.writeFileSync(target, text);
}
