#!/usr/bin/env node
// Generates server/src/engine/strategy-types.ts from schemas/strategy.schema.json.
//
//   node scripts/gen-types.mjs           write the file
//   node scripts/gen-types.mjs --check   exit 1 if the file on disk is out of date (CI)
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = resolve(root, 'schemas/strategy.schema.json');
const outPath = resolve(root, 'server/src/engine/strategy-types.ts');

const BANNER = `/* eslint-disable */
// Generated from schemas/strategy.schema.json by scripts/gen-types.mjs — do not edit.
// Change the schema, then run \`npm run gen\`.`;

/**
 * A property such as `owner: { $ref: '#/definitions/id', description: '…' }` carries its own
 * description next to the `$ref` (editors show it on hover). json-schema-to-typescript would
 * turn every such "extended" reference into a fresh copy of the type (Id1, Id2, Measure1 …).
 * Rewriting it as `{ description, allOf: [{ $ref }] }` keeps one named type per definition and
 * puts the description on the property instead. Only the copy handed to the compiler changes.
 */
function prepare(node) {
  if (Array.isArray(node)) return node.map(prepare);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Custom keyword used for error messages; it has no meaning for the types.
    if (key === 'x-expected') continue;
    out[key] = prepare(value);
  }
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

export async function generate() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  const ts = await compile(prepare(schema), 'Strategy', {
    bannerComment: BANNER,
    cwd: dirname(schemaPath),
    $refOptions: { resolve: { http: false } },
    additionalProperties: false,
    strictIndexSignatures: false,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    enableConstEnums: false,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
  return ts.endsWith('\n') ? ts : ts + '\n';
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`gen-types: unknown argument(s) ${unknown.join(' ')}. Usage: node scripts/gen-types.mjs [--check]`);
    process.exit(2);
  }
  const check = args.includes('--check');
  const generated = await generate();
  const rel = relative(process.cwd(), outPath) || outPath;

  if (check) {
    let onDisk = null;
    try {
      onDisk = await readFile(outPath, 'utf8');
    } catch {
      // missing file: reported below
    }
    if (onDisk === generated) {
      console.log(`gen-types: ${rel} is up to date.`);
      return;
    }
    console.error(
      onDisk === null
        ? `gen-types: ${rel} is missing. Run \`npm run gen\` (node scripts/gen-types.mjs) and commit the result.`
        : `gen-types: ${rel} is out of date with schemas/strategy.schema.json. Run \`npm run gen\` (node scripts/gen-types.mjs) and commit the result.`,
    );
    process.exit(1);
  }

  await writeFile(outPath, generated);
  console.log(`gen-types: wrote ${rel}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`gen-types: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  });
}
