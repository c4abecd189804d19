// Words in free text (titles, `why`), and an order for ids. Each Unicode property expression
// (`\p{L}` and the like) costs V8 about a quarter of a millisecond the first time it runs in a
// process, and collation data for `localeCompare` some 5 ms: both would land on a server's first
// lint. Text of ASCII characters only, most of it, is read with plain expressions that match the
// same, and ids are compared by code units.

const NON_ASCII = /[^\x00-\x7f]/;

/** Whitespace-separated tokens holding at least one letter or digit (so "—" or ";" do not count). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(hasLetterOrDigit).length;
}

/** Whether `text` holds a letter or a number of any script (`[\p{L}\p{N}]`). */
export function hasLetterOrDigit(text: string): boolean {
  return /[A-Za-z0-9]/.test(text) || (NON_ASCII.test(text) && /[\p{L}\p{N}]/u.test(text));
}

/** Whether `text` holds a decimal digit of any script (`\p{Nd}`). */
export function hasDecimalDigit(text: string): boolean {
  return /[0-9]/.test(text) || (NON_ASCII.test(text) && /\p{Nd}/u.test(text));
}

/** The first run of letters (and the marks that go with them) in `text`. */
export function firstWord(text: string): string | undefined {
  return (NON_ASCII.test(text) ? /[\p{L}\p{M}]+/u.exec(text) : /[A-Za-z]+/.exec(text))?.[0];
}

/** Lower case without accents, so "Améliorer", "ameliorer" and "AMÉLIORER" compare equal. */
export function fold(word: string): string {
  return NON_ASCII.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : word.toLowerCase();
}

/**
 * Code-unit order, for ids: rule ids and failure modes, made of ASCII letters, digits and hyphens,
 * for which it is the order `localeCompare` gives.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
