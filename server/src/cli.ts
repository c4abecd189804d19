// The stratlint command: argv → engine → formatter → exit code. DESIGN §6.
import { TextDecoder } from 'node:util';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { lint } from './engine/lint';
import { parseArgs, USAGE } from './cli/args';
import { discover, displayPath } from './cli/files';
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
  const { files, missing } = discover(options.paths, cwd);
  if (missing.length > 0) {
    for (const arg of missing) process.stderr.write(`stratlint: no such file or folder: ${arg}\n`);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    process.stderr.write(`stratlint: no strategy files (*.strategy.yaml, *.strategy.yml) in ${options.paths.join(', ') || 'the current folder'}\n`);
  }

  let unreadable = false;
  const results: FileResult[] = [];
  for (const file of files) {
    const filePath = displayPath(file, cwd);
    let text: string;
    try {
      text = readUtf8(file);
    } catch (error) {
      process.stderr.write(`stratlint: cannot read ${filePath}: ${reason(error)}\n`);
      unreadable = true;
      results.push({ filePath, health: null, findings: [], atRisk: [] });
      continue;
    }
    const { findings, health } = lint(text, { today: options.today, uri: pathToFileURL(file).href });
    results.push({ filePath, health, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings, atRisk: failureModesAtRisk(findings) });
  }

  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = formatters[options.format](results, { color });
  if (output) process.stdout.write(output);

  const counts = countBySeverity(results);
  if (unreadable) return EXIT_USAGE;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    process.stderr.write(`stratlint: too many warnings (${counts.warning}); at most ${options.maxWarnings} allowed with --max-warnings.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** UTF-8 without a byte order mark, as the editor shows the text, so columns agree. */
function readUtf8(file: string): string {
  return new TextDecoder('utf-8').decode(fs.readFileSync(file));
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'the file does not exist (a broken symlink?)';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return e?.message ?? String(error);
  }
}

// exitCode rather than exit(): a piped stdout is flushed before the process ends.
process.exitCode = main(process.argv.slice(2));
