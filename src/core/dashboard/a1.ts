/** A1 notation for the plan (1-based). */
export function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellA1(row: number, column: number, absolute = false): string {
  return absolute ? `$${letters(column)}$${row}` : `${letters(column)}${row}`;
}

export function rangeA1(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${cellA1(row, column)}:${cellA1(lastRow, lastColumn)}`;
}

/** `'My sheet'!A1:B2` with quotes doubled, as Sheets writes references to other sheets. */
export function sheetRangeA1(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/gu, "''")}'!${range}`;
}
