// Which open YAML documents are strategy documents. The client sends every YAML
// document; the server decides, so the rule lives in one place.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { CONFIG_NAMES } from '../config/config';

const STRATEGY_SUFFIX = /\.strategy\.ya?ml$/i;

/** A `files` glob of a configuration file, relative to `base`, the folder of that file. */
export interface BasedGlob {
  base: string;
  pattern: string;
}

/** The decoded path of a URI (`file:///c%3A/a b.yaml` → `/c:/a b.yaml`); for `untitled:Untitled-1`, `Untitled-1`. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The file-system path of a `file:` URI, or undefined for other schemes. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether the URI names a configuration file (`.stratlintrc.yaml` / `.yml`). */
export function isConfigFile(uri: string): boolean {
  return CONFIG_NAMES.includes(uriPath(uri).split('/').pop() ?? '');
}

/** The deepest workspace folder (as given) containing `uri`, or undefined. */
export function folderOf(uri: string, folders: readonly string[]): string | undefined {
  const path = uriPath(uri);
  let best: { folder: string; base: string } | undefined;
  for (const folder of folders) {
    const base = uriPath(folder).replace(/\/+$/, '');
    if (path.startsWith(`${base}/`) && (best === undefined || base.length > best.base.length)) best = { folder, base };
  }
  return best?.folder;
}

/** The path of `uri` relative to the deepest workspace folder containing it, or undefined. */
export function relativeToFolder(uri: string, folders: readonly string[]): string | undefined {
  const folder = folderOf(uri, folders);
  return folder === undefined ? undefined : uriPath(uri).slice(uriPath(folder).replace(/\/+$/, '').length + 1);
}

/**
 * `*.strategy.yaml` / `*.strategy.yml` anywhere, a match of one of the `stratlint.files`
 * globs (relative to the workspace folder holding the document), or a match of one of the
 * configuration's `files` globs (relative to the folder of the config file that lists it).
 * A configuration file never is: its diagnostics come from the configuration loader.
 */
export function isStrategyDocument(
  uri: string,
  globs: readonly string[],
  folders: readonly string[],
  configGlobs: readonly BasedGlob[] = [],
): boolean {
  if (isConfigFile(uri)) return false;
  if (STRATEGY_SUFFIX.test(uriPath(uri))) return true;
  if (globs.length > 0) {
    const relative = relativeToFolder(uri, folders);
    if (relative !== undefined && matcher(globs)(relative)) return true;
  }
  const file = configGlobs.length > 0 ? filePath(uri) : undefined;
  return file !== undefined && configGlobs.some((glob) => matchesBased(glob, file));
}

function matchesBased(glob: BasedGlob, file: string): boolean {
  const relative = path.relative(glob.base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return matcher([glob.pattern])(relative.split(path.sep).join('/'));
}

/** Globs rarely change, and compiling them on every keystroke would be waste. */
const compiled = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let match = compiled.get(key);
  if (!match) {
    // Patterns typed one character at a time in a config would otherwise pile up.
    if (compiled.size > 64) compiled.clear();
    match = picomatch([...globs], { dot: true });
    compiled.set(key, match);
  }
  return match;
}
