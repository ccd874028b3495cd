/** Reading one cell as a measure, without allocating on the hot path (dates: ../dates.ts DateReader). */
import { isDate, isNoValue, isSheetError, parseNumberText, type CellValue } from '../values.js';
import { unmarked } from '../text-mark.js';

/** NaN = unreadable text, -Infinity marker for an error value; blank or a no-value marker ("N/A", "—") → 0. */
import { ERROR_VALUE } from '../numbers.js';

export { ERROR_VALUE };

export function readMeasure(value: CellValue): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'string') {
    if (isNoValue(value)) return 0;
    if (isSheetError(value)) return ERROR_VALUE;
    const n = parseNumberText(value);
    return n === undefined ? Number.NaN : n;
  }
  return Number.NaN; // a date or TRUE/FALSE in a measure column is a mis-mapped column, not a figure
}

/** An NPS answer: a whole number 0–10, else null (blank, "n/a", "—", 7.5 or 11 is not an answer on the scale). */
export function npsScore(value: CellValue): number | null {
  if (isNoValue(value)) return null;
  const n = readMeasure(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : null;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unmarked(value.trim());
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Channel and status matching: trimmed, case-insensitive, inner whitespace collapsed. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
