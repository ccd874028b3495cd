/**
 * The text-forcing mark of spreadsheet exports: WeChat Pay and Alipay bills write every value as
 * "`4200001234202603011234", "`¥12.00", "`2026-03-01 10:22:33", and CSVs meant for Excel write "'0012" so
 * the id keeps its zeros. The mark is not part of the value. One leading backtick or apostrophe followed by
 * a non-space character is dropped by every reader (numbers, dates, periods, cell text for names and ids),
 * and by the warehouse SQL through the same pattern (warehouse/readers.ts).
 */

/** The mark and the value after it ($1); written without lookaround so RE2 (BigQuery, DuckDB) reads it too. */
export const TEXT_MARK = /^[`']([^\s][\s\S]*)$/u;

/** `text` (already trimmed) without a leading text-forcing mark. */
export function unmarked(text: string): string {
  const c = text.charCodeAt(0);
  // Fast path: most cells start with neither mark.
  return c === 0x60 || c === 0x27 ? text.replace(TEXT_MARK, '$1') : text;
}
