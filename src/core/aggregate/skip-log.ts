/** Rows that could not be read are skipped, never silently: counted per reason with the first row numbers. */
import type { TableBinding } from '../mapping/types.js';
import type { ValidationIssue } from '../types.js';
import { ERROR_VALUE } from './cells.js';
import { headerOf } from './rows.js';

const SHOWN_ROWS = 5;

interface Entry {
  count: number;
  rows: number[];
  detail: string;
}

export class SkipLog {
  private readonly entries = new Map<string, Entry>();
  total = 0;

  /** `reason` is the issue code; `detail` names the column (first one seen for that reason). */
  skip(reason: string, rowNumber: number, detail: string): void {
    this.total++;
    let e = this.entries.get(reason);
    if (!e) {
      e = { count: 0, rows: [], detail };
      this.entries.set(reason, e);
    }
    e.count++;
    if (e.rows.length < SHOWN_ROWS) e.rows.push(rowNumber);
  }

  /** Rows counted elsewhere (a warehouse query): `rows` are row numbers in ascending order, any count. */
  record(reason: string, count: number, rows: readonly number[], detail: string): void {
    this.total += count;
    let e = this.entries.get(reason);
    if (!e) {
      e = { count: 0, rows: [], detail };
      this.entries.set(reason, e);
    }
    e.count += count;
    e.rows = [...e.rows, ...rows].sort((a, b) => a - b).slice(0, SHOWN_ROWS);
  }

  /**
   * Skips the row when a measure read as NaN (text that is not a number) or as an error value; true when
   * it did. The column's header is looked up only then, so the happy path costs one comparison.
   */
  skipUnreadable(value: number, rowNumber: number, table: TableBinding, column: number): boolean {
    if (!Number.isNaN(value) && value !== ERROR_VALUE) return false;
    this.skip(value === ERROR_VALUE ? 'rows_skipped_error' : 'rows_skipped_number', rowNumber, headerOf(table, column));
    return true;
  }

  issues(table: string): ValidationIssue[] {
    const out: ValidationIssue[] = [];
    for (const [code, e] of this.entries) {
      const rows = e.rows.join(', ') + (e.count > e.rows.length ? ', …' : '');
      out.push({
        severity: 'warning',
        code,
        message: `${e.count} ${table} row(s) skipped: ${MESSAGES[code] ?? code} (${e.detail}); rows ${rows}.`,
        params: { count: e.count, rows, column: e.detail, table },
      });
    }
    return out;
  }
}

const MESSAGES: Record<string, string> = {
  rows_skipped_date: 'the date cannot be read',
  rows_skipped_period: 'the period label spans more than one report period (e.g. a month in a weekly report); choose a longer period',
  rows_skipped_number: 'a number cannot be read',
  rows_skipped_error: 'a cell holds an error value',
  rows_skipped_totals: 'a totals line would double the sums',
};
