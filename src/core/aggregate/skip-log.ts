/** Rows that could not be read are skipped, never silently: counted per reason with the first row numbers. */
import type { TableBinding } from '../mapping/types.js';
import { isIssueCode, issue, type IssueCode } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { ERROR_VALUE } from './cells.js';
import { headerOf } from './rows.js';

const SHOWN_ROWS = 5;

/** Why a row was skipped: the issue codes `rows_skipped_*` of the catalogue. */
export type SkipReason = Extract<IssueCode, `rows_skipped_${string}`>;

export function isSkipReason(code: string): code is SkipReason {
  return code.startsWith('rows_skipped_') && isIssueCode(code);
}

interface Entry {
  count: number;
  rows: number[];
  detail: string;
}

export class SkipLog {
  private readonly entries = new Map<SkipReason, Entry>();
  total = 0;

  /** `reason` is the issue code; `detail` names the column (first one seen for that reason). */
  skip(reason: SkipReason, rowNumber: number, detail: string): void {
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
  record(reason: SkipReason, count: number, rows: readonly number[], detail: string): void {
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
      out.push(issue('warning', code, { count: e.count, rows, column: e.detail, table }));
    }
    return out;
  }
}
