// What the engine remembers between lints, found again by object identity: unchanged parts of a
// document keep their objects across edits (incremental parsing).

/** Whether two lists hold the same elements (===) in the same order. */
export function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What was built for each object, with the position it was built at (see rememberFor). */
export type Remembered<T> = WeakMap<object, { at: unknown; value: T }>;

/**
 * `build()` for `item`, remembered per item object. `at` (an index or a cached path array, compared
 * with ===) must match too when the result names where the item is; `undefined` when it does not.
 */
export function rememberFor<T>(cache: Remembered<T>, item: object, at: unknown, build: () => T): T {
  const known = cache.get(item);
  if (known && known.at === at) return known.value;
  const value = build();
  cache.set(item, { at, value });
  return value;
}
