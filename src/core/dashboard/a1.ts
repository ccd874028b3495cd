/** A1 notation for the plan (1-based). */
import { columnLetters } from '../a1.js';

export function cellA1(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetters(column)}$${row}` : `${columnLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${cellA1(row, column)}:${cellA1(lastRow, lastColumn)}`;
}

/** `'My sheet'!A1:B2` with quotes doubled, as Sheets writes references to other sheets. */
export function sheetRangeA1(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/gu, "''")}'!${range}`;
}
