/**
 * One call for the server's detect(sheetName): table, column roles, shape, funnel and statuses from a
 * sheet's values (and display strings when the caller has them), as the sidebar's Detection.
 */
import { issue } from '../issues.js';
import type { UiLocale, ValidationIssue } from '../types.js';
import { isBlank, isDate, type CellValue, type Matrix } from '../values.js';
import { detectCurrency } from './currency.js';
import { detectTable, type TableGuess } from './detect-table.js';
import { countStatuses, guessFunnel, guessShape, guessStatusRules, unknownStatuses } from './funnel.js';
import { guessColumns } from './guess-columns.js';
import { LOW_CONFIDENCE, type ColumnRole, type DetectedColumn, type Detection, type TableBinding } from './types.js';

export interface DetectSheetOptions {
  readonly sheetId?: number;
  readonly sheetName?: string;
  readonly locale?: UiLocale;
  /** Data rows in the preview (default 5). */
  readonly previewRows?: number;
  /**
   * The table is known (a warehouse table: row 1 its column names, every other row data), so no header,
   * title or footer is searched for and column i stays column i of the table's schema.
   */
  readonly table?: TableGuess;
}

const SAMPLES_PER_COLUMN = 5;
const MONEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['spend', 'revenue', 'gross_profit']);

/** The notes code carrying the currency found in the sheet; defaultMapping reads it. */
export const CURRENCY_NOTE = 'currency_detected';

export function detectSheet(values: Matrix, display?: readonly (readonly string[])[], options: DetectSheetOptions = {}): Detection {
  const locale = options.locale ?? 'en';
  const table = options.table ?? detectTable(values, display);
  const first = table.firstColumn - 1;
  const width = table.lastColumn - table.firstColumn + 1;
  const rowIndexes: number[] = [];
  for (let r = table.firstDataRow - 1; r <= table.lastDataRow - 1; r++) {
    const row = values[r];
    if (row && row.slice(first, first + width).some((v) => !isBlank(v))) rowIndexes.push(r);
  }
  const rows: CellValue[][] = rowIndexes.map((r) => Array.from({ length: width }, (_, c) => values[r][first + c]));
  const columns: CellValue[][] = Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
  const shown = (r: number, c: number): string => displayOf(values[r]?.[first + c], display?.[r]?.[first + c]);

  const guesses = guessColumns(table.headers, columns);
  const shape = guessShape(guesses, rows);
  const statusGuess = guesses.find((g) => g.role === 'status');
  const statuses = shape === 'crm' && statusGuess ? countStatuses(columns[statusGuess.index]) : [];
  const statusRules = shape === 'crm' ? guessStatusRules(statuses) : [];
  const funnel = guessFunnel(shape, guesses, statuses, locale);

  const detected: DetectedColumn[] = guesses.map((g) => ({
    index: g.index,
    header: g.header,
    role: g.role,
    confidence: g.confidence,
    valueType: g.valueType,
    samples: sampleStrings(rowIndexes, (r) => shown(r, g.index)),
  }));

  const notes: ValidationIssue[] = [...table.notes];
  const excludedBottom = table.notes.some((n) => n.code === 'totals_row_excluded' || n.code === 'footer_rows_excluded');
  const binding: TableBinding = {
    sheetId: options.sheetId ?? 0,
    sheetName: options.sheetName ?? '',
    headerRow: table.headerRow,
    firstDataRow: table.firstDataRow,
    // Open-ended unless something sits under the data, so rows appended later are picked up on refresh.
    lastDataRow: excludedBottom ? table.lastDataRow : null,
    firstColumn: table.firstColumn,
    lastColumn: table.lastColumn,
    columns: guesses.map((g) => ({ index: g.index, header: g.header, role: g.role })),
  };

  const currencyTexts: string[] = [...table.headers.filter((_, i) => MONEY_ROLES.has(guesses[i].role))];
  for (const g of guesses) {
    if (!MONEY_ROLES.has(g.role)) continue;
    for (const r of rowIndexes.slice(0, 200)) currencyTexts.push(shown(r, g.index));
  }
  const currency = detectCurrency(currencyTexts);
  if (currency) {
    notes.push(issue('info', CURRENCY_NOTE, { currency }));
  }
  const unknown = unknownStatuses(statuses);
  if (unknown.length > 0) {
    notes.push(issue('warning', 'unknown_statuses', { count: unknown.length, statuses: unknown.slice(0, 20).join(', ') }));
  }
  const doubtful = guesses.filter((g) => g.role !== 'ignore' && g.confidence < LOW_CONFIDENCE);
  if (doubtful.length > 0) {
    notes.push(issue('info', 'low_confidence', { headers: doubtful.map((g) => g.header).join(', ') }));
  }

  const previewCount = options.previewRows ?? 5;
  const preview: string[][] = [
    [...table.headers],
    ...rowIndexes.slice(0, previewCount).map((r) => Array.from({ length: width }, (_, c) => shown(r, c))),
  ];

  return { shape, table: binding, columns: detected, preview, funnel, statuses, statusRules, notes };
}

function sampleStrings(rowIndexes: readonly number[], read: (r: number) => string): string[] {
  const out: string[] = [];
  for (const r of rowIndexes) {
    const s = read(r);
    if (s !== '' && !out.includes(s)) out.push(s);
    if (out.length >= SAMPLES_PER_COLUMN) break;
  }
  return out;
}

/** What the cell shows: the display string when the caller has it, else a plain rendering. */
export function displayOf(value: CellValue, shown: string | undefined): string {
  if (shown !== undefined) return shown;
  if (isBlank(value)) return '';
  if (isDate(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? '' : new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())).toISOString().slice(0, 10);
  }
  return String(value);
}
