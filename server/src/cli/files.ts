// Paths from the command line → the strategy files to lint.
// Files are taken as given; folders are searched for *.strategy.yaml|yml (and whatever else
// `isStrategyFile` accepts); globs are expanded by walking from their static base.
// Symlinked folders are followed once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const STRATEGY_FILE = /\.strategy\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths, deduplicated, sorted by their display path. */
  files: string[];
  /** Arguments that named nothing: no such path, or a glob without matches. */
  missing: string[];
}

/** `isStrategyFile` decides for files met in a folder walk; it may throw (a bad configuration). */
export function discover(
  args: readonly string[],
  cwd: string,
  isStrategyFile: (file: string) => boolean = (file) => STRATEGY_FILE.test(file),
): Discovery {
  const found = new Set<string>();
  const missing: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      walk(absolute, isStrategyFile, found);
    } else if (stat) {
      found.add(absolute);
    } else if (picomatch.scan(arg).isGlob) {
      if (!expandGlob(arg, cwd, found)) missing.push(arg);
    } else {
      missing.push(arg);
    }
  }
  const files = [...found].sort((a, b) => compare(displayPath(a, cwd), displayPath(b, cwd)));
  return { files, missing };
}

/** Relative to the working folder, with forward slashes, as every output format shows it. */
export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function expandGlob(pattern: string, cwd: string, found: Set<string>): boolean {
  const posix = path.posix.normalize(pattern.split(path.sep).join('/'));
  const { base } = picomatch.scan(posix);
  const absolute = path.isAbsolute(posix);
  const matches = picomatch(posix, { dot: false });
  const root = path.resolve(cwd, base || '.');
  if (!statOrUndefined(root)?.isDirectory()) return false;
  let any = false;
  walk(root, (file) => {
    const candidate = absolute ? file.split(path.sep).join('/') : displayPath(file, cwd);
    return matches(candidate);
  }, found, () => { any = true; });
  return any;
}

/**
 * Depth-first walk collecting the files `accept` keeps. A folder is entered once per
 * real path, so a symlink pointing at an ancestor (`ln -s .. loop`) ends the descent.
 */
function walk(folder: string, accept: (file: string) => boolean, found: Set<string>, onMatch?: () => void): void {
  const visited = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // A dangling symlink counts as a file, so that it is reported as unreadable rather than skipped.
      const target = entry.isSymbolicLink() ? statOrUndefined(full) : entry;
      if (target?.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(full);
      } else if ((!target || target.isFile()) && accept(full)) {
        found.add(full);
        onMatch?.();
      }
    }
  };
  visit(folder);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
