/**
 * The dashboard header says what was not read and why: skipped rows (count, reason, first row numbers)
 * and rows the table's bottom excluded or gained, each in the dashboard's language.
 */
import type { ValidationIssue } from '../types.js';
import { issueText } from '../i18n/index.js';

const SHOWN = new Set(['totals_row_excluded', 'footer_rows_excluded', 'table_grew', 'dates_after_build']);
/** Shown with ⚠: something in the data a person should look at. */
const WARNS = (code: string): boolean => code.startsWith('rows_skipped_') || code === 'dates_after_build';

export interface ReadingNote {
  readonly text: string;
  /** A skipped row is a warning (marked ⚠); a totals row left out or rows added are information. */
  readonly warning: boolean;
}

export function readingNotes(locale: 'en' | 'ru' | 'zh', warnings: readonly ValidationIssue[]): ReadingNote[] {
  return warnings
    .filter((w) => w.code.startsWith('rows_skipped_') || SHOWN.has(w.code))
    .map((w) => {
      const warning = WARNS(w.code);
      return { text: `${warning ? '⚠ ' : ''}${issueText(locale, w)}`, warning };
    });
}
