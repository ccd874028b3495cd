/**
 * Column-level number reading. A text number like `2.000` or `12.345` means two different things under a
 * decimal point and under a decimal comma, and one cell cannot tell which: the column can. Each text-number
 * column's convention is inferred from all its cells — cells that only fit one convention (`1.234,56`,
 * `999,90`, `1,234.56`, `0.5`) decide it; failing that, a column of whole numbers decides for grouping
 * (`12.345` impressions among integers is 12 345); failing that, the spreadsheet's locale breaks the tie
 * and every cell that would read differently is reported, never silently misread.
 */
import { bodyUnder, finish, isNoValue, isSheetError, numberParts, type CellValue } from './values.js';

export type Decimal = '.' | ',';

/** A measure cell holding an error value (`#N/A`): not a number, not unreadable text either. */
export const ERROR_VALUE = Number.NEGATIVE_INFINITY;

// Languages whose spreadsheets write a decimal comma (CLDR); the rest (en, zh, ja, ko, he, th…) a point.
const DECIMAL_COMMA = new Set(
  'ru uk be kk uz az ka hy de fr es it pt nl pl cs sk sl hr sr bs mk bg ro hu tr id vi da nb nn no sv fi et lv lt el sq is ca gl eu af'.split(
    ' ',
  ),
);

/** The decimal mark of a spreadsheet locale (`ru_RU` → `,`, `en_US` and `zh_CN` → `.`). */
export function localeDecimal(locale: string | undefined): Decimal {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/u)[0];
  return DECIMAL_COMMA.has(language) ? ',' : '.';
}

/** How a text reads under each convention (undefined: does not fit it). */
interface Readings {
  readonly point: number | undefined;
  readonly comma: number | undefined;
}

function readingsOf(text: string): Readings | undefined {
  const parts = numberParts(text);
  if (!parts) return undefined;
  const point = bodyUnder(parts.body, '.');
  const comma = bodyUnder(parts.body, ',');
  return {
    point: point === undefined ? undefined : finish(point, parts),
    comma: comma === undefined ? undefined : finish(comma, parts),
  };
}

const ambiguous = (r: Readings): boolean => r.point !== undefined && r.comma !== undefined && r.point !== r.comma;

/** What decided a column's convention. */
export type DecidedBy = 'cells' | 'whole-numbers' | 'locale';

export interface ColumnNumberOptions {
  /**
   * The spreadsheet locale's decimal mark, used only when the column itself does not say. A function is
   * called only then: asking Sheets for the locale is a round trip most builds never need.
   */
  readonly fallback: Decimal | (() => Decimal);
  /** The column counts things (impressions, leads): its values are whole numbers. */
  readonly counts?: boolean;
}

/** Evidence gathered from a column's cells, one pass. */
class ColumnScan {
  readonly readings = new Map<string, Readings | undefined>();
  readonly unclear: Readings[] = [];
  pointOnly = 0;
  commaOnly = 0;
  whole = 0;
  fractional = 0;

  add(v: CellValue): void {
    if (typeof v === 'number') {
      if (Number.isInteger(v)) this.whole++;
      else if (Number.isFinite(v)) this.fractional++;
      return;
    }
    if (typeof v !== 'string' || isNoValue(v)) return;
    let r = this.readings.get(v);
    if (!this.readings.has(v)) {
      r = readingsOf(v);
      this.readings.set(v, r);
      if (r && ambiguous(r)) this.unclear.push(r);
    }
    if (!r) return;
    if (r.point !== undefined && r.comma === undefined) this.pointOnly++;
    else if (r.comma !== undefined && r.point === undefined) this.commaOnly++;
    else if (r.point === r.comma && r.point !== undefined) {
      if (Number.isInteger(r.point)) this.whole++;
      else this.fractional++;
    }
  }
}

/** A reader for `cells` (one column), by the convention inferred from all of them. */
export function columnNumbers(cells: Iterable<CellValue>, options: ColumnNumberOptions): ColumnNumbers {
  const scan = new ColumnScan();
  for (const v of cells) scan.add(v);
  return new ColumnNumbers(scan, options);
}

/** columnNumbers for column `col` of a matrix, without copying a million-row column. */
export function columnNumbersOf(
  rows: readonly (readonly CellValue[] | undefined)[],
  col: number,
  options: ColumnNumberOptions,
): ColumnNumbers {
  const scan = new ColumnScan();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row) scan.add(row[col]);
  }
  return new ColumnNumbers(scan, options);
}

/** Reads the cells of one column by the convention inferred from all of them (columnNumbers, columnNumbersOf). */
export class ColumnNumbers {
  readonly decimal: Decimal;
  readonly decidedBy: DecidedBy;
  private readonly readings: Map<string, Readings | undefined>;

  constructor(scan: ColumnScan, options: ColumnNumberOptions) {
    this.readings = scan.readings;
    if (scan.pointOnly !== scan.commaOnly) {
      this.decimal = scan.pointOnly > scan.commaOnly ? '.' : ',';
      this.decidedBy = 'cells';
      return;
    }
    // No cell decides. Among whole numbers (or in a count column), the reading that keeps every unclear cell
    // whole is the grouping one: `12.345` next to `1 200` and `850` is 12 345.
    const unclear = scan.unclear;
    const wholeColumn = options.counts === true || (scan.whole > 0 && scan.fractional === 0);
    const wholeUnder = (d: Decimal): boolean => unclear.every((r) => Number.isInteger(d === '.' ? r.point : r.comma));
    if (wholeColumn && unclear.length > 0 && wholeUnder('.') !== wholeUnder(',')) {
      this.decimal = wholeUnder('.') ? '.' : ',';
      this.decidedBy = 'whole-numbers';
      return;
    }
    this.decimal = typeof options.fallback === 'function' ? options.fallback() : options.fallback;
    this.decidedBy = 'locale';
  }

  /** A measure: the number; 0 for blank or a no-value marker; NaN for unreadable text, dates and booleans; ERROR_VALUE for `#N/A`. */
  read(value: CellValue): number {
    if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
    if (value === null || value === undefined || value === '') return 0;
    if (typeof value !== 'string') return Number.NaN;
    if (isNoValue(value)) return 0;
    if (isSheetError(value)) return ERROR_VALUE;
    let r = this.readings.get(value);
    if (r === undefined && !this.readings.has(value)) {
      r = readingsOf(value);
      this.readings.set(value, r);
    }
    if (!r) return Number.NaN;
    // The column's convention first; a cell that only fits the other one is unambiguous and read by it.
    const n = this.decimal === '.' ? (r.point ?? r.comma) : (r.comma ?? r.point);
    return n ?? Number.NaN;
  }

  /** True when this cell was read by the locale's tie-break and would read differently the other way. */
  isAmbiguous(value: CellValue): boolean {
    if (this.decidedBy !== 'locale' || typeof value !== 'string') return false;
    const r = this.readings.get(value);
    return r !== undefined && ambiguous(r);
  }
}
