/**
 * "Nothing silent": a table of which no row could be read is an error, never an all-zero dashboard or
 * report. One rule for the add-on's build and the CLI.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import type { AggregatedData } from './types.js';

/**
 * Skip warnings (rows_skipped_*): each names a reason, a count and the first row numbers; and why dates were not
 * read at all (dates_day_order).
 */
export function skipWarnings(data: Pick<AggregatedData, 'warnings'>): ValidationIssue[] {
  return data.warnings.filter((w) => w.code.startsWith('rows_skipped_') || w.code === 'dates_day_order');
}

/** The error to stop on when no source row was read, or null when at least one was. */
export function nothingReadable(data: AggregatedData): ValidationIssue | null {
  if (data.usedRows > 0) return null;
  if (data.sourceRows === 0) {
    return issue('error', 'no_rows_to_read', {});
  }
  const reasons = skipWarnings(data)
    .map((w) => w.message)
    .join(' ');
  return issue('error', 'nothing_readable', { rows: data.sourceRows, problems: reasons });
}
