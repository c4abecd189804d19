// .stratlintrc.yaml: found by walking up from each document (nearest wins), `extends` merged
// base-first, validated against schemas/stratlintrc.schema.json and the rule catalogue.
// A bad configuration is an error with a place in the config file, never a silent default.
import type { ValidateFunction } from 'ajv';
import { isMap } from 'yaml';
import * as fs from 'node:fs';
import * as path from 'node:path';
import configSchema from '../../../schemas/stratlintrc.schema.json';
import { parse } from '../engine/parse';
import { offsetsOf } from '../engine/positions';
import { closest } from '../engine/suggest';
import { pointerToPath } from '../engine/validate';
import type { Path, Range, RuleConfig, RuleOptions } from '../engine/types';
import { ruleById } from '../rules';

export const CONFIG_NAMES = ['.stratlintrc.yaml', '.stratlintrc.yml'];
const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];

export interface StratlintConfig {
  rules: Record<string, RuleConfig>;
  /** Extra strategy-file globs, each relative to `base`. */
  files: { base: string; pattern: string }[];
  /** The configuration files that made this one, nearest first. */
  sources: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly range?: Range,
  ) {
    super(`${file}${range ? `:${range.start.line + 1}:${range.start.character + 1}` : ''}: ${detail}`);
  }
}

export interface LoadOptions {
  /** Files outside this folder (other than in a node_modules folder) may not be extended. */
  root?: string;
  /** Reads a file; defaults to fs. Lets the editor read unsaved config buffers. */
  readFile?: (file: string) => string;
}

let shapeValidator: ValidateFunction | undefined;

/**
 * Loaded and compiled on first use: most workspaces have no configuration, and start-up should not
 * pay for it (a required module is initialised where the bundle first requires it).
 */
function validateShape(value: unknown): boolean {
  if (!shapeValidator) {
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    shapeValidator = new Ajv({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true }).compile(configSchema);
  }
  return shapeValidator(value);
}

/** The nearest configuration file at or above `dir`, or undefined. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = path.dirname(current);
    if (parent === current || (stopAt && path.resolve(stopAt) === current)) return undefined;
    current = parent;
  }
}

export const EMPTY_CONFIG: StratlintConfig = { rules: {}, files: [], sources: [] };

/** Loads a configuration file with everything it extends. Throws ConfigError. */
export function loadConfig(file: string, options: LoadOptions = {}): StratlintConfig {
  return load(path.resolve(file), options, []);
}

function load(file: string, options: LoadOptions, chain: string[]): StratlintConfig {
  let text: string;
  try {
    text = (options.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8')))(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ConfigError(chain.length > 0 ? chain[chain.length - 1] : file, `cannot read configuration ${file}: ${reason}`);
  }
  const { value, at } = readYaml(file, text);
  const own = validate(file, value, at);
  const bases = typeof value.extends === 'string' ? [value.extends] : Array.isArray(value.extends) ? (value.extends as string[]) : [];
  let merged: StratlintConfig = { ...EMPTY_CONFIG };
  bases.forEach((ref, i) => {
    const range = at(typeof value.extends === 'string' ? ['extends'] : ['extends', i]);
    const target = resolveExtends(file, ref, options, range);
    const seen = [...chain, file];
    // Compared by real path, so a symlink cannot hide a cycle.
    const first = seen.map(safeRealpath).indexOf(safeRealpath(target));
    if (first !== -1) {
      // Named relative to the first file's folder: every config in a cycle may be called .stratlintrc.yaml.
      const name = (f: string) => path.relative(path.dirname(seen[0]), f).split(path.sep).join('/');
      throw new ConfigError(file, `'extends' cycle: ${[...seen.slice(first), target].map(name).join(' → ')}`, range);
    }
    merged = merge(merged, load(target, options, seen));
  });
  return { ...merge(merged, own), sources: [file, ...merged.sources] };
}

function merge(base: StratlintConfig, over: StratlintConfig): StratlintConfig {
  return { rules: { ...base.rules, ...over.rules }, files: [...base.files, ...over.files], sources: [...over.sources, ...base.sources] };
}

type At = (p: Path) => Range | undefined;

function readYaml(file: string, text: string): { value: Record<string, unknown>; at: At } {
  const parsed = parse(text);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    // parse() words the not-a-mapping problem for strategy documents.
    const message = parsed.doc && parsed.doc.errors.length === 0 && !isMap(parsed.doc.contents) ? 'a configuration must be a mapping (extends:, rules:, files:)' : p.message;
    throw new ConfigError(file, message, parsed.lines.range(p.offsets));
  }
  const at: At = (p) => (parsed.doc ? parsed.lines.range(offsetsOf(parsed.doc, text, p, 'key')) : undefined);
  const atValue: At = (p) => (parsed.doc ? parsed.lines.range(offsetsOf(parsed.doc, text, p)) : undefined);
  return { value: parsed.value ?? {}, at: (p) => (p.length > 0 && typeof p[p.length - 1] === 'number' ? atValue(p) : at(p)) };
}

function validate(file: string, value: Record<string, unknown>, at: At): StratlintConfig {
  if (!validateShape(value)) {
    const error = shapeValidator!.errors![0];
    const p = pointerToPath(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const hint = closest(key, ['extends', 'rules', 'files']);
      throw new ConfigError(file, `unknown property '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: extends, rules, files`, at([...p, key]));
    }
    const message = error.keyword === 'type' ? `must be ${describeTypes((error.params as { type: string | string[] }).type)}` : error.message ?? 'is invalid';
    throw new ConfigError(file, `${p.length > 0 ? `'${p.join('.')}' ` : ''}${message}`, at(p));
  }
  const rules: Record<string, RuleConfig> = {};
  for (const [id, entry] of Object.entries((value.rules as Record<string, unknown>) ?? {})) {
    const rule = ruleById.get(id);
    if (!rule) {
      const hint = closest(id, ruleById.keys());
      throw new ConfigError(file, `unknown rule '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}`, at(['rules', id]));
    }
    const level = Array.isArray(entry) ? entry[0] : entry;
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      throw new ConfigError(file, `rule '${id}': severity must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(level)}`, at(['rules', id]));
    }
    const opts = Array.isArray(entry) && entry.length > 1 ? (entry[1] as RuleOptions) : undefined;
    if (opts) checkOptions(file, id, opts, at);
    rules[id] = opts ? [level as RuleConfig & string, opts] as RuleConfig : (level as RuleConfig);
  }
  const dir = path.dirname(file);
  const files = ((value.files as string[] | undefined) ?? []).map((pattern) => ({ base: dir, pattern }));
  return { rules, files, sources: [] };
}

function describeTypes(type: string | string[]): string {
  const names: Record<string, string> = { string: 'text', array: 'a list', object: 'a mapping', number: 'a number', boolean: 'true or false' };
  return (Array.isArray(type) ? type : [type]).map((t) => names[t] ?? t).join(' or ');
}

function checkOptions(file: string, id: string, opts: RuleOptions, at: At): void {
  const specs = ruleById.get(id)!.meta.options ?? {};
  for (const [name, v] of Object.entries(opts)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      const hint = closest(name, known);
      throw new ConfigError(
        file,
        `rule '${id}' has no option '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}${known.length ? `; options: ${known.join(', ')}` : '; it takes no options'}`,
        at(['rules', id, 1, name]),
      );
    }
    const ok =
      spec.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec.type && (spec.type !== 'number' || Number.isFinite(v));
    if (!ok) throw new ConfigError(file, `rule '${id}' option '${name}' must be ${spec.type === 'string[]' ? 'a list of text' : `a ${spec.type}`}`, at(['rules', id, 1, name]));
  }
}

function resolveExtends(from: string, ref: string, options: LoadOptions, range: Range | undefined): string {
  const dir = path.dirname(from);
  let target: string | undefined;
  if (ref.startsWith('.') || path.isAbsolute(ref)) {
    target = path.resolve(dir, ref);
  } else {
    // A package: node_modules/<ref>/.stratlintrc.yaml (or the file it names), nearest node_modules first.
    for (let d = dir; ; d = path.dirname(d)) {
      const modules = path.join(d, 'node_modules');
      const candidate = path.join(modules, ref);
      if (!inside(candidate, modules)) {
        throw new ConfigError(from, `'extends: ${ref}' is not a package name: it leaves node_modules`, range);
      }
      const file = isDirectory(candidate) ? path.join(candidate, CONFIG_NAMES.find((n) => fs.existsSync(path.join(candidate, n))) ?? CONFIG_NAMES[0]) : candidate;
      if (fs.existsSync(file)) {
        target = file;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    if (!target) throw new ConfigError(from, `cannot resolve 'extends: ${ref}': no such file, and no package of that name in node_modules (a file needs a path starting with ./ or ../)`, range);
  }
  // node_modules is judged on the path as written, so linked packages (whose real path is elsewhere) still count;
  // anything else on its real path, so a symlink cannot lead out of the workspace.
  const inModules = target.split(path.sep).includes('node_modules');
  if (options.root && !inModules && !inside(safeRealpath(target), safeRealpath(options.root))) {
    throw new ConfigError(from, `'extends: ${ref}' points outside the workspace (${target}); only files inside it or in node_modules may be extended`, range);
  }
  if (!fs.existsSync(target)) throw new ConfigError(from, `cannot resolve 'extends: ${ref}': ${target} does not exist`, range);
  return target;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The configuration for a document: the nearest config file above it, or none. Throws ConfigError. */
export function configFor(documentPath: string, options: LoadOptions = {}): StratlintConfig {
  const file = findConfigFile(path.dirname(documentPath));
  return file ? loadConfig(file, options) : EMPTY_CONFIG;
}
