// argv → options. Hand-written rather than util.parseArgs so every usage error
// is one short line that names the offending argument.
import { parseDate } from '../engine/dates';
import { formatNames, type FormatName } from './formatters';

export interface CliOptions {
  paths: string[];
  format: FormatName;
  today: string | undefined;
  maxWarnings: number | undefined;
  /** Characters; larger documents are not linted. */
  maxFileSize: number | undefined;
  /** A configuration file used for every document instead of the nearest .stratlintrc.yaml. */
  config: string | undefined;
  fix: boolean;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `Usage: stratlint [paths…] [options]

Lints strategy documents (*.strategy.yaml, *.strategy.yml).
Paths are files, folders (searched recursively) or globs; none means the current folder.
All the files found form the workspace that the cross-strategy rules (FM11) compare.
In a folder, YAML files named by the 'files' globs of the nearest .stratlintrc.yaml count too.

Options:
  --format NAME           output format: stylish (default), json, sarif (SARIF 2.1.0
                          for code scanning) or github (GitHub Actions annotations)
  --config FILE           use this configuration for every document instead of the
                          nearest .stratlintrc.yaml (or .yml) above each one
  --fix                   apply the safe fixes, write changed files back, report the rest
  --today YYYY-MM-DD      date used by date-based rules (default: today)
  --max-warnings N        exit with 1 when there are more than N warnings
  --max-file-size N       skip documents longer than N characters, with one finding
                          (default: 5242880)
  --quiet                 report errors only
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 no error (and warnings within --max-warnings), 1 findings over that,
2 usage or configuration error.`;

const VALUE_OPTIONS = new Set(['--format', '--today', '--max-warnings', '--max-file-size', '--config']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = {
    paths: [], format: 'stylish', today: undefined, maxWarnings: undefined, maxFileSize: undefined, config: undefined,
    fix: false, quiet: false, help: false, version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUE_OPTIONS.has(name)) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else return { ok: false, error: `option '${name}' needs a value` };
    } else if (eq !== -1) {
      return { ok: false, error: `option '${name}' takes no value` };
    }
    switch (name) {
      case '--format':
        if (!(formatNames as readonly string[]).includes(value!)) {
          return { ok: false, error: `unknown format '${value}' (expected ${formatNames.slice(0, -1).join(', ')} or ${formatNames[formatNames.length - 1]})` };
        }
        options.format = value as FormatName;
        break;
      case '--today':
        if (parseDate(value) === undefined) return { ok: false, error: `--today needs a valid date as YYYY-MM-DD, got '${value}'` };
        options.today = value;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value!)) return { ok: false, error: `--max-warnings needs a whole number ≥ 0, got '${value}'` };
        options.maxWarnings = Number(value);
        break;
      case '--max-file-size':
        if (!/^\d+$/.test(value!)) return { ok: false, error: `--max-file-size needs a whole number of characters ≥ 0, got '${value}'` };
        options.maxFileSize = Number(value);
        break;
      case '--config':
        if (value === '') return { ok: false, error: `option '--config' needs a value` };
        options.config = value;
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      default:
        return { ok: false, error: `unknown option '${name}'` };
    }
  }
  return { ok: true, options };
}
