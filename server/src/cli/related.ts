// Related information of a finding may point into another document, by file: URL; the output
// formats show it as a path relative to the working folder, like the document's own.
import { fileURLToPath } from 'node:url';
import { displayPath } from './files';

export function relatedPath(uri: string, cwd: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return displayPath(fileURLToPath(uri), cwd);
  } catch {
    return uri;
  }
}
