// Which open YAML documents are strategy documents. The client sends every YAML
// document; the server decides, so the rule lives in one place.
import picomatch from 'picomatch';

const STRATEGY_SUFFIX = /\.strategy\.ya?ml$/i;

/** The decoded path of a URI (`file:///c%3A/a b.yaml` → `/c:/a b.yaml`); for `untitled:Untitled-1`, `Untitled-1`. */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The path of `uri` relative to the deepest workspace folder containing it, or undefined. */
export function relativeToFolder(uri: string, folders: readonly string[]): string | undefined {
  const path = uriPath(uri);
  let best: string | undefined;
  for (const folder of folders) {
    const base = uriPath(folder).replace(/\/+$/, '');
    if (path.startsWith(`${base}/`) && (best === undefined || base.length > best.length)) best = base;
  }
  return best === undefined ? undefined : path.slice(best.length + 1);
}

/**
 * `*.strategy.yaml` / `*.strategy.yml` anywhere, or a match of one of the `stratlint.files`
 * globs, which are relative to the workspace folder holding the document.
 */
export function isStrategyDocument(uri: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (STRATEGY_SUFFIX.test(uriPath(uri))) return true;
  if (globs.length === 0) return false;
  const relative = relativeToFolder(uri, folders);
  return relative !== undefined && matcher(globs)(relative);
}

let compiled: { key: string; match: (path: string) => boolean } | undefined;

/** The globs rarely change, and compiling them on every keystroke would be waste. */
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  if (compiled?.key !== key) compiled = { key, match: picomatch([...globs], { dot: true }) };
  return compiled.match;
}
