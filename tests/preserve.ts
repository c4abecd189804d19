// What a fix must never lose: every comment and every scalar the author wrote — except the
// typo a did-you-mean fix replaces (a `replace` value or a `renameKey` key), which is the point.
import { isScalar, parseDocument, visit, type Node } from 'yaml';
import { walk } from '../server/src/engine/positions';
import type { Fix } from '../server/src/engine/types';

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

/** The authored pieces of `before` that `after` no longer contains, besides those `replaced` allows to go. */
export function lostContent(before: string, after: string, replaced: readonly string[] = []): string[] {
  return authoredContent(before).filter((piece) => !after.includes(piece) && !replaced.includes(piece));
}

/** The source text of the scalars the fixes' `replace` and `renameKey` operations overwrite. */
export function replacedScalars(text: string, fixes: readonly Fix[]): string[] {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const out: string[] = [];
  for (const fix of fixes) {
    for (const op of fix.ops) {
      if (op.op !== 'replace' && op.op !== 'renameKey') continue;
      const { node, pair, complete } = walk(doc, op.path);
      const target = (op.op === 'renameKey' ? pair?.key : node) as Node | null | undefined;
      if (complete && target?.range) out.push(text.slice(target.range[0], target.range[1]));
    }
  }
  return out;
}
