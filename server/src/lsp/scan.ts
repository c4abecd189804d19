// The file-system side of the workspace index: which YAML files a workspace folder holds, their
// URIs spelled as the client spells them, and their text when it is small enough to index.
import * as nodeFs from 'node:fs';
import * as path from 'node:path';

// The promise API of node:fs takes a server start some 10 ms to load; these few calls wrap callbacks.
const promised = <T>(run: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
const fs = {
  realpath: (p: string) => promised<string>((done) => nodeFs.realpath(p, done)),
  readdir: (p: string, _options: { withFileTypes: true }) => promised<nodeFs.Dirent[]>((done) => nodeFs.readdir(p, { withFileTypes: true }, done)),
  stat: (p: string) => promised<nodeFs.Stats>((done) => nodeFs.stat(p, done)),
  readFile: (p: string, _encoding: 'utf8') => promised<string>((done) => nodeFs.readFile(p, 'utf8', done)),
};

/** Folders never searched: dependencies and version-control internals. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const YAML = /\.ya?ml$/i;

export function isYamlName(name: string): boolean {
  return YAML.test(name);
}

/**
 * Every `*.yaml` / `*.yml` file under `root`, following symbolic links but entering each real
 * folder once (so a link to a parent ends there). Folders that cannot be read are reported and
 * skipped.
 */
export async function* yamlFiles(root: string, onSkip: (what: string, why: string) => void): AsyncGenerator<string> {
  const entered = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      const real = await fs.realpath(folder);
      if (entered.has(real)) continue;
      entered.add(real);
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      onSkip(folder, reason(error));
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let kind: 'folder' | 'file' | undefined = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.stat(full);
          kind = target.isDirectory() ? 'folder' : target.isFile() ? 'file' : undefined;
        } catch {
          continue; // a dangling link
        }
      }
      if (kind === 'folder' && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      else if (kind === 'file' && isYamlName(entry.name)) yield full;
    }
  }
}

/**
 * The URI of `file` under a workspace folder, built on the folder's URI as the client sent it and
 * percent-encoded as VS Code encodes paths (everything but letters, digits, `-._~`), so that a
 * scanned file and the same file opened in the editor are one index entry.
 */
export function uriUnder(folderUri: string, folderPath: string, file: string): string {
  const segments = path.relative(folderPath, file).split(path.sep);
  const encoded = segments.map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return `${folderUri.replace(/\/+$/, '')}/${encoded.join('/')}`;
}

export type FileText = { text: string } | { skipped: string };

/** Files read at once: a burst of file events (a branch switch) must not run out of file handles. */
const MAX_READS = 32;
let reading = 0;
const waiting: (() => void)[] = [];

async function limited<T>(run: () => Promise<T>): Promise<T> {
  // A finished read hands its slot to the next one waiting.
  if (reading >= MAX_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  else reading++;
  try {
    return await run();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }
}

/**
 * The text of a file, unless it has more than `maxChars` characters. A UTF-8 byte never holds more
 * than one UTF-16 unit and a unit never takes more than three bytes, so the size on disk rules out
 * the largest files before they are read.
 */
export function readSmallFile(file: string, maxChars: number): Promise<FileText> {
  return limited(() => read(file, maxChars));
}

async function read(file: string, maxChars: number): Promise<FileText> {
  try {
    const { size } = await fs.stat(file);
    if (size > maxChars * 3) return { skipped: `${size} bytes, above stratlint.maxFileSize (${maxChars} characters)` };
    const text = await fs.readFile(file, 'utf8');
    if (text.length > maxChars) return { skipped: `${text.length} characters, above stratlint.maxFileSize (${maxChars})` };
    return { text };
  } catch (error) {
    return { skipped: reason(error) };
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
