/** Reading one cell as a measure or a date, without allocating on the hot path. */
import { isBlank, isDate, isSheetError, parseDateValue, parseNumberText, type CellValue } from '../values.js';

/** NaN = unreadable text, -Infinity marker for an error value; blank → 0. */
export const ERROR_VALUE = Number.NEGATIVE_INFINITY;

export function readMeasure(value: CellValue): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'string') {
    if (isBlank(value)) return 0;
    if (isSheetError(value)) return ERROR_VALUE;
    const n = parseNumberText(value);
    return n === undefined ? Number.NaN : n;
  }
  return Number.NaN; // a date or TRUE/FALSE in a measure column is a mis-mapped column, not a figure
}

/** Caches parsed dates: exports repeat the same few hundred dates across a million rows. */
export class DateReader {
  private readonly text = new Map<string, number | undefined>();
  private readonly serial = new Map<number, number | undefined>();

  read(value: CellValue): number | undefined {
    if (typeof value === 'string') {
      let t = this.text.get(value);
      if (t === undefined && !this.text.has(value)) {
        t = parseDateValue(value);
        this.text.set(value, t);
      }
      return t;
    }
    if (typeof value === 'number') {
      let t = this.serial.get(value);
      if (t === undefined && !this.serial.has(value)) {
        t = parseDateValue(value);
        this.serial.set(value, t);
      }
      return t;
    }
    if (isDate(value)) return parseDateValue(value);
    return undefined;
  }
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Channel and status matching: trimmed, case-insensitive, inner whitespace collapsed. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
