/**
 * Small reads the server API needs besides the dashboard's own: the sheet list with dashboards marked
 * and a sheet's full values for detection (a saved table is observed by dashboard/read-table.ts).
 */
import { CodedError } from '../core/issues.js';
import type { SheetSummary } from '../api/contract.js';
import type { Matrix } from '../core/values.js';
import { ownDashboards } from './dashboard/index.js';
import type { GasServices } from './services.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Display strings are only needed for the preview, samples and currency sniffing, all near the top. */
const DISPLAY_ROWS = 300;

export function sheetSummaries(services: GasServices, ss: Spreadsheet): SheetSummary[] {
  const dashboards = new Set(ownDashboards(services, ss).map((d) => d.sheet.getSheetId()));
  return ss.getSheets().map((s) => ({
    sheetId: s.getSheetId(),
    name: s.getName(),
    lastRow: s.getLastRow(),
    lastColumn: s.getLastColumn(),
    isDashboard: dashboards.has(s.getSheetId()),
  }));
}

export interface SheetContent {
  readonly sheet: Sheet;
  readonly values: Matrix;
  /** Display strings of the first rows only (see DISPLAY_ROWS). */
  readonly display: string[][];
}

export function readSheet(ss: Spreadsheet, sheetName: string): SheetContent {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new CodedError('sheet_not_found', { sheet: sheetName.slice(0, 100) });
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows === 0 || cols === 0) throw new CodedError('sheet_empty', { sheet: sheet.getName() });
  const values = sheet.getRange(1, 1, rows, cols).getValues() as Matrix;
  const display = sheet.getRange(1, 1, Math.min(rows, DISPLAY_ROWS), cols).getDisplayValues();
  return { sheet, values, display };
}
