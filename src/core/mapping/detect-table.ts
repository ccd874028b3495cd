/**
 * Finds the table in a sheet's values: the header row, the data rows and the columns. Exports put titles,
 * report periods and notes above the header, totals below the data, and sometimes leave column A empty; a
 * user's own sheet may have none of that. Coordinates returned are 1-based sheet rows and columns.
 */
import type { ValidationIssue } from '../types.js';
import { isBlank, isDate, parseNumberText, type CellValue, type Matrix } from '../values.js';
import { CodedError, issue } from '../issues.js';
import { columnLetters } from '../a1.js';
import { normalizeHeader } from './normalize.js';
import { classifyCell } from './sniff.js';
import { unmarked } from '../text-mark.js';

export interface TableGuess {
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** Last data row, totals and trailing notes excluded. Equals headerRow when there are no data rows. */
  readonly lastDataRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** Header text per column; a blank header is named after its column letter ("Column F"). */
  readonly headers: readonly string[];
  readonly notes: readonly ValidationIssue[];
}

/** Rows scanned for a header: a header below row 50 is not an export layout we should guess at. */
const HEADER_SCAN_ROWS = 50;
/** Rows after a header candidate that must look like data. */
const CONSISTENCY_ROWS = 5;

// "Итого", "Total: Campaigns" (Google Ads), "Итого за март", "合计". Whole-cell only: a lead called
// "Total Solutions LLC" is a record, and dropping it would lose user data.
export const TOTALS_LABEL =
  /^(?:итого|итог|всего|total|totals|grand total|sum|summary|overall|合计|总计|总和|汇总|小计)\s*(?:[:：].*|(?:за|по|for|of)\s.*)?$/iu;

/** Whether a cell's text labels a totals row; a payment bill's text-forcing mark ("`总计") is not part of it. */
export function isTotalsLabel(text: string): boolean {
  return TOTALS_LABEL.test(unmarked(text.normalize('NFKC').trim()));
}

export function detectTable(values: Matrix, display?: readonly (readonly string[])[]): TableGuess {
  const filled = values.map((row) => nonBlankColumns(row));
  if (filled.every((cols) => cols.length === 0)) {
    throw new CodedError('empty_sheet');
  }
  const headerIndex = findHeaderRow(values, filled);
  if (headerIndex < 0) {
    throw new CodedError('no_header_row');
  }
  const span = columnSpan(filled, headerIndex);
  const footer = findFooter(values, filled, headerIndex, span);
  const header = headerNames(values, display?.[headerIndex], headerIndex, span);
  return {
    headerRow: headerIndex + 1,
    firstDataRow: headerIndex + 2,
    lastDataRow: Math.max(footer.end, headerIndex) + 1,
    firstColumn: span.first + 1,
    lastColumn: span.last + 1,
    headers: header.names,
    notes: [...titleNotes(filled, headerIndex), ...footer.notes, ...header.notes, ...noDataNotes(headerIndex, footer.end)],
  };
}

/** 0-based first and last column of the table. */
interface Span {
  readonly first: number;
  readonly last: number;
}

/** The header's span widened by any data column (a data column with a blank header still holds data). */
function columnSpan(filled: readonly number[][], headerIndex: number): Span {
  // A loop, not Math.min(...cols): a spread over a very wide row exceeds the engine's argument limit.
  let first = Infinity;
  let last = -Infinity;
  for (const c of filled[headerIndex]) {
    if (c < first) first = c;
    if (c > last) last = c;
  }
  for (let r = headerIndex + 1; r <= lastFilledRow(filled, headerIndex); r++) {
    const cols = filled[r];
    if (cols.length === 0) continue;
    // Only widen by rows that overlap the header: a side note far to the right is not a column.
    if (cols[cols.length - 1] < first || cols[0] > last + 1) continue;
    first = Math.min(first, cols[0]);
    last = Math.max(last, cols[cols.length - 1]);
  }
  return { first, last };
}

function lastFilledRow(filled: readonly number[][], headerIndex: number): number {
  let r = filled.length - 1;
  while (r > headerIndex && filled[r].length === 0) r--;
  return r;
}

/**
 * The bottom of the data: trailing notes and totals rows come off, repeatedly (a totals row may sit under
 * a note or another total). `end` is the 0-based last data row (headerIndex when there is none).
 */
function findFooter(
  values: Matrix,
  filled: readonly number[][],
  headerIndex: number,
  { first, last }: Span,
): { end: number; notes: ValidationIssue[] } {
  let end = lastFilledRow(filled, headerIndex);
  let notesExcluded = 0;
  const totalsRows: number[] = [];
  for (;;) {
    while (end > headerIndex && countIn(filled[end], first, last) === 0) end--;
    if (end <= headerIndex + 1) break;
    if (isFootnoteRow(values, end, first, last)) notesExcluded++;
    else if (isTotalsRow(values, headerIndex + 1, end, first, last)) totalsRows.push(end + 1);
    else break;
    end--;
  }
  return { end, notes: footerNotes(totalsRows.reverse(), notesExcluded) };
}

function footerNotes(totalsRows: readonly number[], notesExcluded: number): ValidationIssue[] {
  const notes: ValidationIssue[] = [];
  if (totalsRows.length > 0) {
    notes.push(issue('info', 'totals_row_excluded', { rows: totalsRows.join(', '), count: totalsRows.length }));
  }
  if (notesExcluded > 0) {
    notes.push(issue('info', 'footer_rows_excluded', { count: notesExcluded }));
  }
  return notes;
}

/** Header text per column; a blank header is named after its column letter, duplicates are flagged. */
function headerNames(
  values: Matrix,
  shown: readonly string[] | undefined,
  headerIndex: number,
  { first, last }: Span,
): { names: string[]; notes: ValidationIssue[] } {
  const names: string[] = [];
  const seen = new Set<string>();
  const blanks: string[] = [];
  const duplicates = new Set<string>();
  for (let c = first; c <= last; c++) {
    const raw = headerText(values[headerIndex][c], shown?.[c]);
    const name = raw === '' ? `Column ${columnLetters(c + 1)}` : raw;
    if (raw === '') blanks.push(columnLetters(c + 1));
    const key = normalizeHeader(name);
    if (seen.has(key)) duplicates.add(name);
    seen.add(key);
    names.push(name);
  }
  return { names, notes: headerNotes(blanks, [...duplicates]) };
}

function headerNotes(blanks: readonly string[], duplicates: readonly string[]): ValidationIssue[] {
  const notes: ValidationIssue[] = [];
  if (blanks.length > 0) {
    notes.push(issue('warning', 'blank_headers', { columns: blanks.join(', ') }));
  }
  if (duplicates.length > 0) {
    notes.push(issue('warning', 'duplicate_headers', { headers: duplicates.join(', ') }));
  }
  return notes;
}

function titleNotes(filled: readonly number[][], headerIndex: number): ValidationIssue[] {
  const skipped = filled.slice(0, headerIndex).filter((c) => c.length > 0).length;
  if (skipped === 0) return [];
  return [issue('info', 'title_rows_skipped', { count: skipped, headerRow: headerIndex + 1 })];
}

function noDataNotes(headerIndex: number, end: number): ValidationIssue[] {
  if (end > headerIndex) return [];
  return [issue('warning', 'no_data_rows', { headerRow: headerIndex + 1 })];
}

function nonBlankColumns(row: readonly CellValue[] | undefined): number[] {
  const out: number[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) out.push(c);
  return out;
}

function countIn(cols: readonly number[], first: number, last: number): number {
  let n = 0;
  for (const c of cols) if (c >= first && c <= last) n++;
  return n;
}

/** A header cell: text that is not a number or a date (a row of numbers is data, a row of dates is data). */
function isHeaderish(value: CellValue): boolean {
  return typeof value === 'string' && classifyCell(value) === 'text';
}

function findHeaderRow(values: Matrix, filled: readonly number[][]): number {
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const cols = filled[r];
    if (cols.length < 2) continue;
    const texty = cols.filter((c) => isHeaderish(values[r][c])).length;
    if (texty < 2 || texty / cols.length < 0.6) continue;
    if (followedByData(values, filled, r)) return r;
  }
  return -1;
}

/**
 * The rows right under a header candidate must look like records of it: as wide as roughly the header,
 * inside its columns. "Period: | 2026-01-01 – 2026-12-31" above a blank row, or above a 10-column header,
 * fails this.
 */
function followedByData(values: Matrix, filled: readonly number[][], r: number): boolean {
  const header = filled[r];
  const hFirst = header[0];
  const hLast = header[header.length - 1];
  let checked = 0;
  let consistent = 0;
  let nextIsBlank = false;
  for (let k = r + 1; k < values.length && checked < CONSISTENCY_ROWS; k++) {
    const cols = filled[k];
    if (cols.length === 0) {
      if (k === r + 1) nextIsBlank = true;
      continue;
    }
    checked++;
    const inSpan = countIn(cols, hFirst, hLast + 1);
    const widthOk = inSpan >= Math.max(1, Math.ceil(header.length * 0.4)) && header.length >= Math.ceil(cols.length * 0.6);
    if (widthOk) consistent++;
  }
  // The header is the last thing on the sheet: a header-only table.
  if (checked === 0) return true;
  if (nextIsBlank) return false;
  return consistent / checked >= 0.6;
}

function headerText(value: CellValue, shown: string | undefined): string {
  if (shown !== undefined && shown.trim() !== '') return shown.trim();
  if (isBlank(value)) return '';
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * A totals row: labelled "Итого"/"Total"/"合计", or with no label and numbers that equal the sums of the
 * rows above. Indices are 0-based into `values`; also used when a saved table is re-found at build.
 */
export function isTotalsRow(values: Matrix, firstData: number, row: number, first: number, last: number): boolean {
  const cells = values[row];
  let labelled = false;
  let seenFilled = false;
  let otherText = false;
  const numericCols: number[] = [];
  for (let c = first; c <= last; c++) {
    const v = cells[c];
    if (isBlank(v)) continue;
    const kind = classifyCell(v);
    // The label must open the row; text elsewhere (a name, a date) makes it a record.
    if (!seenFilled && kind === 'text' && typeof v === 'string' && isTotalsLabel(v)) labelled = true;
    else if (kind === 'number') numericCols.push(c);
    else otherText = true;
    seenFilled = true;
  }
  if (labelled) return numericCols.length > 0 || !otherText;
  // Sums need at least two rows above: with one, every unlabelled row would "equal" its sum.
  if (otherText || numericCols.length === 0 || row - firstData < 2) return false;
  for (const c of numericCols) {
    let sum = 0;
    let any = false;
    for (let r = firstData; r < row; r++) {
      const n = toNumber(values[r][c]);
      if (n !== undefined) {
        sum += n;
        any = true;
      }
    }
    const total = toNumber(cells[c]);
    if (!any || total === undefined || Math.abs(total - sum) > 1e-6 * Math.max(1, Math.abs(sum))) return false;
  }
  return true;
}

function toNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return typeof v === 'string' ? parseNumberText(v) : undefined;
}

/** A lone text cell under a table at least three columns wide: a footnote ("* VAT included"), not a record. */
export function isFootnoteRow(values: Matrix, row: number, first: number, last: number): boolean {
  if (last - first + 1 < 3) return false;
  const cols = nonBlankColumns(values[row]).filter((c) => c >= first && c <= last);
  return cols.length === 1 && classifyCell(values[row][cols[0]]) === 'text';
}
