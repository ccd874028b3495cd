/**
 * Reads a mapped table with one getValues (header row through the last data row) and checks that the
 * headers are still where the mapping put them: a moved or deleted column must stop the build with a
 * message naming it, never silently sum the wrong column.
 */
import type { TableBinding } from '../../core/mapping/types.js';
import { columnLetter } from '../../core/mapping/normalize.js';
import { cellText } from '../../core/aggregate/cells.js';
import type { Matrix } from '../../core/values.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The table's sheet, by id first (survives renames), name second; null when it is gone. */
export function lookupSheet(ss: Spreadsheet, table: TableBinding): Sheet | null {
  // getSheetById is one round trip; scanning getSheets() would cost one getSheetId call per sheet.
  return ss.getSheetById(table.sheetId) ?? ss.getSheetByName(table.sheetName);
}

export function findSheet(ss: Spreadsheet, table: TableBinding): Sheet {
  const sheet = lookupSheet(ss, table);
  if (!sheet) throw new Error(`FunnelROI: the sheet "${table.sheetName}" of the saved mapping no longer exists. Open Map columns to choose the data again.`);
  return sheet;
}

export interface TableRead {
  readonly sheet: Sheet;
  readonly sheetName: string;
  readonly rows: Matrix;
  /** `'Sheet'!A1:K732`, for the dashboard header. */
  readonly a1: string;
}

export function readTable(ss: Spreadsheet, table: TableBinding, label: 'source' | 'costs'): TableRead {
  const sheet = findSheet(ss, table);
  const last = Math.max(table.lastDataRow ?? sheet.getLastRow(), table.headerRow);
  const width = table.lastColumn - table.firstColumn + 1;
  const range = sheet.getRange(table.headerRow, table.firstColumn, last - table.headerRow + 1, width);
  const values = range.getValues() as Matrix;
  const sheetName = sheet.getName();
  checkHeaders(values[0] ?? [], table, sheetName, label);
  const a1 = `'${sheetName.replace(/'/gu, "''")}'!${columnLetter(table.firstColumn)}${table.headerRow}:${columnLetter(table.lastColumn)}${last}`;
  return { sheet, sheetName, rows: values.slice(table.firstDataRow - table.headerRow), a1 };
}

function checkHeaders(headers: readonly unknown[], table: TableBinding, sheetName: string, label: string): void {
  for (const col of table.columns) {
    if (col.role === 'ignore') continue;
    const actual = cellText(headers[col.index] as Matrix[number][number]);
    if (norm(actual) === norm(col.header)) continue;
    const letter = columnLetter(table.firstColumn + col.index);
    const found = actual === '' ? 'an empty header' : `"${actual.slice(0, 60)}"`;
    throw new Error(
      `FunnelROI: column "${col.header}" (${col.role}) of the ${label} table is no longer in column ${letter} of "${sheetName}" (found ${found}). ` +
        'It was moved, renamed or deleted; open Map columns to update the mapping.',
    );
  }
}

function norm(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
