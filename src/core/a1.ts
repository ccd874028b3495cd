/**
 * Column numbers ↔ letters as Sheets names columns (1-based). The one implementation: the core, the
 * adapter, the sidebar and the local runtime all use it.
 */

/** 1 → A, 26 → Z, 27 → AA. Below 1 or not a number → '?': a broken saved coordinate shows as broken. */
export function columnLetters(column: number): string {
  let n = Math.floor(column);
  if (!Number.isFinite(n) || n < 1) return '?';
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A → 1, AA → 27, case-insensitive; the caller checks the text is letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
