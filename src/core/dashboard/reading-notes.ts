/**
 * The dashboard header says what was not read and why: skipped rows (count, reason, first row numbers)
 * and rows the table's bottom excluded or gained, each in the dashboard's language.
 */
import type { ValidationIssue } from '../types.js';
import { issueText } from '../i18n/index.js';

const SHOWN = new Set(['totals_row_excluded', 'footer_rows_excluded', 'table_grew']);

export function readingNotes(locale: 'en' | 'ru' | 'zh', warnings: readonly ValidationIssue[]): string[] {
  return warnings.filter((w) => w.code.startsWith('rows_skipped_') || SHOWN.has(w.code)).map((w) => `⚠ ${issueText(locale, w)}`);
}
