// The stratlint command: argv → configuration → engine → formatter → exit code. DESIGN §6.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { DEFAULT_MAX_FILE_SIZE, lint } from './engine/lint';
import type { LintOptions } from './engine/types';
import { WorkspaceIndex } from './engine/workspace';
import { ConfigError, type StratlintConfig } from './config/config';
import { parseArgs, USAGE } from './cli/args';
import { fixDocument, readDocument, type Problem } from './cli/check-file';
import { ConfigResolver } from './cli/config';
import { discover, displayPath, STRATEGY_FILE } from './cli/files';
import { formatters } from './cli/formatters';
import { failureModesAtRisk } from './engine/health';
import { countBySeverity, type FileResult } from './cli/results';

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

  // The lint set is every file found: all are read and indexed before any is linted, so the
  // cross-file rules (FM11) see the whole set; with --fix, all are fixed before any is linted.
  let failed = false;
  const report = (filePath: string, problem: Problem | undefined) => {
    if (!problem) return;
    process.stderr.write(`stratlint: ${problem.what} ${filePath}: ${problem.why}\n`);
    failed ||= problem.fatal;
  };
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const workspace = new WorkspaceIndex();
  const documents = files.map((file) => {
    const uri = pathToFileURL(file).href;
    const { document, problem } = readDocument(file);
    report(displayPath(file, cwd), problem);
    // A document too large to lint is not indexed either: it is reported once, by file-too-large.
    if (document && document.text.length <= maxFileSize) workspace.set(uri, document.text);
    return { file, uri, document, text: document?.text };
  });
  const lintOptions = (i: number): LintOptions => ({
    today: options.today, rules: fileConfigs[i].rules, uri: documents[i].uri, maxFileSize: options.maxFileSize, workspace,
  });
  if (options.fix) {
    for (const [i, d] of documents.entries()) {
      if (!d.document) continue;
      const filePath = displayPath(d.file, cwd);
      const fixed = fixDocument(d.file, d.document, lintOptions(i));
      report(filePath, fixed.problem);
      if (fixed.fixesApplied === 0) continue;
      d.text = fixed.text;
      if (workspace.has(d.uri)) workspace.set(d.uri, fixed.text);
      if (options.format === 'stylish') {
        const left = fixed.fixesLeft ? ' (it stopped there with fixes left: run --fix again to apply more)' : '';
        process.stderr.write(`${fixed.fixesApplied} ${fixed.fixesApplied === 1 ? 'fix' : 'fixes'} applied to ${filePath}${left}\n`);
      }
    }
  }

  const results: FileResult[] = documents.map((d, i) => {
    const filePath = displayPath(d.file, cwd);
    if (d.text === undefined) return { filePath, health: null, findings: [], atRisk: [] };
    const { findings, health } = lint(d.text, lintOptions(i));
    return { filePath, health, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings, atRisk: failureModesAtRisk(findings) };
  });

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = formatters[options.format](results, { color, cwd });
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
