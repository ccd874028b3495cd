/**
 * Reading a mapped table as the sheet is now. The header row is read as display text (the mapping stored
 * headers as display text, so a date or number header compares equal), coordinates are checked against
 * the sheet's size before any getRange (a coded error, not Apps Script's raw "coordinates are outside the
 * dimensions"), and at build the data is read from row 1 to the sheet's last row so the table's bottom is
 * found again (core/mapping/refind-table.ts) and a header that moved can be named.
 */
import { issue } from '../../core/issues.js';
import type { ValidationIssue } from '../../api/contract.js';
import { columnLetters } from '../../core/a1.js';
import { findMovedHeader, refindTable, type RefoundTable } from '../../core/mapping/refind-table.js';
import type { TableBinding } from '../../core/mapping/types.js';
import type { Matrix } from '../../core/values.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type TableLabel = 'source' | 'costs' | 'survey';

/** The table's sheet, by id first (survives renames), name second; null when it is gone. */
export function lookupSheet(ss: Spreadsheet, table: TableBinding): Sheet | null {
  // getSheetById is one round trip; scanning getSheets() would cost one getSheetId call per sheet.
  return ss.getSheetById(table.sheetId) ?? ss.getSheetByName(table.sheetName);
}

/** What one mapped table looks like now: its sheet and header display texts, or why it cannot be read. */
export type TableObservation =
  | {
      readonly kind: 'ok';
      readonly sheet: Sheet;
      /** The sheet's name now: asked once, and only when something shows it (a round trip). */
      readonly sheetName: () => string;
      readonly headers: readonly string[];
      readonly block: Matrix | null;
    }
  | { readonly kind: 'problem'; readonly issue: ValidationIssue };

/**
 * Observes a table. With data (the build): one getDataRange().getValues(), cut to the mapped columns from
 * row 1 to the sheet's last row with content; the header row's display text is fetched only when a raw header cell differs
 * from the saved text (a date or number header). Without data (Save, the sidebar's checks): one
 * getDisplayValues of the header row. Coordinates are checked against the sheet's size only when
 * getRange refuses them, so a healthy build spends no round trips on it.
 */
export function observeTable(ss: Spreadsheet, table: TableBinding, label: TableLabel, withData: boolean): TableObservation {
  const sheet = lookupSheet(ss, table);
  if (!sheet) {
    return {
      kind: 'problem',
      issue: issue('error', 'sheet_missing', { sheet: table.sheetName, table: label }),
    };
  }
  const sheetName = once(() => sheet.getName());
  const coordinatesOk =
    [table.headerRow, table.firstColumn, table.lastColumn].every((n) => Number.isInteger(n) && n >= 1) &&
    table.firstColumn <= table.lastColumn;
  const width = table.lastColumn - table.firstColumn + 1;
  const headerRange = (): GoogleAppsScript.Spreadsheet.Range => sheet.getRange(table.headerRow, table.firstColumn, 1, width);
  try {
    if (!coordinatesOk) throw new RangeError('table coordinates');
    if (!withData) return { kind: 'ok', sheet, sheetName, headers: headerRange().getDisplayValues()[0] ?? [], block: null };
    // getDataRange + getValues: two round trips where getLastRow + getRange + getValues would be three.
    const all = sheet.getDataRange().getValues() as Matrix;
    if (table.headerRow > all.length || table.lastColumn > (all[0]?.length ?? 0)) {
      // Beyond the content: outside the sheet (a coded error below) or only blank cells (padded here).
      const outside = outsideSheet(sheet, sheetName, table, label, coordinatesOk);
      if (outside) return { kind: 'problem', issue: outside };
    }
    const block = mappedColumns(all, table, width);
    const raw = block[table.headerRow - 1] ?? [];
    const headers = rawHeadersMatch(table, raw)
      ? raw.map((v) => (typeof v === 'string' ? v : ''))
      : (headerRange().getDisplayValues()[0] ?? []);
    return { kind: 'ok', sheet, sheetName, headers, block };
  } catch (error) {
    const outside = outsideSheet(sheet, sheetName, table, label, coordinatesOk);
    if (outside) return { kind: 'problem', issue: outside };
    throw error;
  }
}

/** The table's columns of every row from row 1, down to the header row at least; missing cells are blank. */
function mappedColumns(all: Matrix, table: TableBinding, width: number): Matrix {
  const out: Matrix = [];
  const rows = Math.max(all.length, table.headerRow);
  for (let r = 0; r < rows; r++) {
    const row = all[r] ?? [];
    const cells = row.slice(table.firstColumn - 1, table.lastColumn);
    while (cells.length < width) cells.push('');
    out.push(cells);
  }
  return out;
}

/** Every mapped header cell holds the saved text itself (the common case), so display text need not be read. */
function rawHeadersMatch(table: TableBinding, raw: readonly unknown[]): boolean {
  const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return table.columns.every(
    (c) =>
      c.role === 'ignore' || (typeof raw[c.index] === 'string' && raw[c.index] !== '' && norm(raw[c.index] as string) === norm(c.header)),
  );
}

/** The coded issue for a table that lies (partly) outside its sheet, or null when it does not. */
function outsideSheet(
  sheet: Sheet,
  sheetName: () => string,
  table: TableBinding,
  label: TableLabel,
  coordinatesOk: boolean,
): ValidationIssue | null {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (coordinatesOk && table.headerRow <= maxRows && table.lastColumn <= maxColumns) return null;
  const columns = coordinatesOk ? `${columnLetters(table.firstColumn)}–${columnLetters(Math.min(table.lastColumn, 18278))}` : '?';
  return issue('error', 'table_outside_sheet', {
    table: label,
    sheet: sheetName(),
    headerRow: String(table.headerRow),
    columns,
    maxRows,
    maxColumns,
  });
}

/** A changed table shape beyond single columns: the whole header row moved (rows inserted or deleted above). */
export function movedHeaderIssue(table: TableBinding, block: Matrix, label: TableLabel): ValidationIssue | null {
  const now = findMovedHeader(table, block);
  if (now === null) return null;
  return issue('error', 'header_row_moved', { table: label, from: table.headerRow, to: now });
}

export interface TableRead extends RefoundTable {
  readonly sheet: Sheet;
  readonly sheetName: () => string;
  /** `'Sheet'!A1:K732`, for the dashboard header: the rows actually read this time. */
  readonly a1: () => string;
}

/** The data of an observed table, its bottom found again. */
export function tableData(
  seen: { readonly sheet: Sheet; readonly sheetName: () => string },
  table: TableBinding,
  block: Matrix,
  label: TableLabel,
): TableRead {
  const found = refindTable(table, block, label);
  const a1 = (): string =>
    `'${seen.sheetName().replace(/'/gu, "''")}'!${columnLetters(table.firstColumn)}${table.headerRow}:${columnLetters(table.lastColumn)}${found.lastDataRow}`;
  return { ...found, sheet: seen.sheet, sheetName: seen.sheetName, a1 };
}

function once<T>(get: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: get() }).v;
}
