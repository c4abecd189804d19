// Compiles schemas/strategy.schema.json into standalone validation code at build time, so the
// language server does not spend its first lint compiling the schema. Two validators: `objective`
// for one item of `objectives`, and `shell` for the rest of the document (the same schema with
// any objective accepted). Objectives are most of a large document, and an edit changes one of
// them: the engine validates each objective on its own and remembers the answer per objective.
//   node scripts/gen-validator.mjs           write server/src/engine/generated/strategy-validator.js
//   node scripts/gen-validator.mjs --check   exit 1 if the file on disk is out of date (CI)
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'server/src/engine/generated/strategy-validator.js');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/strategy.schema.json'), 'utf8'));

// The same options as the engine's validation (server/src/engine/validate.ts).
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } });
addFormats.default(ajv, ['date']);
ajv.addKeyword('x-expected');
ajv.addSchema(schema);
const shell = structuredClone(schema);
shell.$id = schema.$id.replace(/strategy\.schema\.json$/, 'strategy-shell.schema.json');
if (!shell.properties?.objectives?.items) throw new Error('gen-validator: the schema has no properties.objectives.items');
shell.properties.objectives.items = true;
ajv.addSchema(shell);
const objective = { $id: schema.$id.replace(/strategy\.schema\.json$/, 'objective.schema.json'), $ref: `${schema.$id}#/definitions/objective` };
ajv.addSchema(objective);
// ajv gathers the errors of a list's items with `vErrors = vErrors.concat(item errors)`, a copy of all
// errors so far per item: a list of 40,000 items that all have an error cost 12 s. Appending instead
// keeps it linear (the same errors in the same order).
const CONCAT = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
const generated = standaloneCode.default(ajv, { shell: shell.$id, objective: objective.$id });
if (!CONCAT.test(generated)) throw new Error('gen-validator: ajv no longer merges errors with concat; review the rewrite below');
const code = generated.replace(CONCAT, (_, v) => `if(vErrors === null){vErrors = ${v}.errors;}else {for(const e of ${v}.errors){vErrors.push(e);}}`);
const text = `// Generated from schemas/strategy.schema.json by scripts/gen-validator.mjs — do not edit.\n${code}\n`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('gen-validator: server/src/engine/generated/strategy-validator.js is out of date; run `npm run gen`.');
    process.exit(1);
  }
  console.log('gen-validator: the compiled schema validator is up to date.');
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
