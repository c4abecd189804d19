// The plain reader against the `yaml` package: for every text the reader accepts, the same nodes
// and value; every text yaml reports an error for refused.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { parsePlain } from '../../server/src/engine/plain-yaml';
import { applyEdit, editedText, strategyText, typing } from './properties';

/** The first difference between two nodes, or null. */
function difference(ours: unknown, theirs: unknown, path: string): string | null {
  if (isPair(ours) || isPair(theirs)) {
    if (!isPair(ours) || !isPair(theirs)) return `${path}: a pair on one side only`;
    return difference(ours.key, theirs.key, `${path}/key`) ?? difference(ours.value, theirs.value, `${path}/value`);
  }
  const a = ours as (Node & Record<string, unknown>) | null;
  const b = theirs as (Node & Record<string, unknown>) | null;
  if (a === null || b === null) return a === b ? null : `${path}: null on one side only`;
  if (a.constructor !== b.constructor) return `${path}: ${a.constructor.name}, not ${b.constructor.name}`;
  if (JSON.stringify(a.range) !== JSON.stringify(b.range)) return `${path}: range ${JSON.stringify(a.range)}, not ${JSON.stringify(b.range)}`;
  if (Boolean(a.flow) !== Boolean(b.flow)) return `${path}: flow ${String(a.flow)}`;
  if (isScalar(a)) {
    for (const key of ['value', 'type', 'source', 'format', 'minFractionDigits']) {
      if (!Object.is(a[key], b[key])) return `${path}: ${key} ${JSON.stringify(a[key])}, not ${JSON.stringify(b[key])}`;
    }
    return null;
  }
  if (!isCollection(a) || !isCollection(b)) return `${path}: not a collection`;
  if (a.items.length !== b.items.length) return `${path}: ${a.items.length} items, not ${b.items.length}`;
  for (let i = 0; i < a.items.length; i++) {
    const d = difference(a.items[i], b.items[i], `${path}/${i}`);
    if (d) return d;
  }
  return null;
}

/** Checks one text; true when the plain reader accepted it. */
export function agrees(text: string): boolean {
  const plain = parsePlain(text);
  if (!plain) return false;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], `accepted a text yaml refuses: ${JSON.stringify(text)}`);
  const d = difference(plain.contents, doc.contents, '');
  assert.equal(d, null, `${d} in ${JSON.stringify(text)}`);
  assert.deepEqual(plain.value, doc.toJS(), JSON.stringify(text));
  return true;
}

/** Strategy documents, edited ones, and every version along a random typing sequence. */
export const plainProperty = fc.property(fc.oneof(strategyText, editedText), typing, (start, sequence) => {
  let text = start;
  for (let i = 0; i <= sequence.length; i++) {
    if (i > 0) text = applyEdit(text, sequence[i - 1]);
    agrees(text);
  }
});
