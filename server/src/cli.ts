// The stratlint command: argv → configuration → engine → formatter → exit code. DESIGN §6.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { ConfigError, type StratlintConfig } from './config/config';
import { parseArgs, USAGE } from './cli/args';
import { checkFile } from './cli/check-file';
import { ConfigResolver } from './cli/config';
import { discover, displayPath, STRATEGY_FILE } from './cli/files';
import { formatters } from './cli/formatters';
import { countBySeverity, failureModesAtRisk, type FileResult } from './cli/results';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`stratlint: ${parsed.error}\nRun 'stratlint --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return EXIT_OK;
  }
  if (options.version) {
    process.stdout.write(version + '\n');
    return EXIT_OK;
  }

  const cwd = process.cwd();
  const explicitConfig = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  if (explicitConfig !== undefined && !isFile(explicitConfig)) {
    process.stderr.write(`stratlint: no such configuration file: ${options.config}\n`);
    return EXIT_USAGE;
  }
  const configs = new ConfigResolver(cwd, explicitConfig);

  // Every configuration is loaded before anything is linted: a bad one stops the run with no lint output.
  let files: string[];
  let fileConfigs: StratlintConfig[];
  try {
    const discovery = discover(options.paths, cwd, (file) => STRATEGY_FILE.test(file) || configs.listsFile(file));
    if (discovery.missing.length > 0) {
      for (const arg of discovery.missing) process.stderr.write(`stratlint: no such file or folder: ${arg}\n`);
      return EXIT_USAGE;
    }
    files = discovery.files;
    fileConfigs = files.map((file) => configs.forDocument(file));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const at = error.range ? `:${error.range.start.line + 1}:${error.range.start.character + 1}` : '';
    process.stderr.write(`stratlint: invalid configuration ${displayPath(error.file, cwd)}${at}: ${oneLine(error.detail)}\n`);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    process.stderr.write(`stratlint: no strategy files (*.strategy.yaml, *.strategy.yml) in ${options.paths.join(', ') || 'the current folder'}\n`);
  }

  let failed = false;
  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    const filePath = displayPath(file, cwd);
    const lintOptions = { today: options.today, rules: fileConfigs[i].rules, uri: pathToFileURL(file).href, maxFileSize: options.maxFileSize };
    const { result, fixesApplied, problem } = checkFile(file, lintOptions, options.fix);
    if (problem) {
      process.stderr.write(`stratlint: ${problem.what} ${filePath}: ${problem.why}\n`);
      failed ||= problem.fatal;
    }
    if (fixesApplied > 0 && options.format === 'stylish') {
      process.stderr.write(`${fixesApplied} ${fixesApplied === 1 ? 'fix' : 'fixes'} applied to ${filePath}\n`);
    }
    if (!result) {
      results.push({ filePath, health: null, findings: [], atRisk: [] });
      continue;
    }
    const { findings, health } = result;
    results.push({ filePath, health, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings, atRisk: failureModesAtRisk(findings) });
  }

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = formatters[options.format](results, { color });
  if (output) process.stdout.write(output);

  const counts = countBySeverity(results);
  if (failed) return EXIT_USAGE;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    process.stderr.write(`stratlint: too many warnings (${counts.warning}); at most ${options.maxWarnings} allowed with --max-warnings.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A configuration error is one line on stderr, whatever the YAML parser's message holds. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

// exitCode rather than exit(): a piped stdout is flushed before the process ends.
process.exitCode = main(process.argv.slice(2));
