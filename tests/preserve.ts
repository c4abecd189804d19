// What a fix must never lose: every comment and every scalar the author wrote.
import { isScalar, parseDocument, visit } from 'yaml';

export function authoredContent(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /(^|\s)(#.*)$/.exec(line);
    if (m) out.push(m[2].trimEnd());
  }
  const doc = parseDocument(text);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && node.range && node.value !== null && node.value !== '') out.push(text.slice(node.range[0], node.range[1]));
    },
  });
  return out;
}

/** The authored pieces of `before` that `after` no longer contains. */
export function lostContent(before: string, after: string): string[] {
  return authoredContent(before).filter((piece) => !after.includes(piece));
}
