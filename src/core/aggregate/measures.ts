/**
 * Measure columns read as columns: one ColumnNumbers per mapped column (its decimal convention inferred from
 * all its cells, ../numbers.ts), and the cells only the spreadsheet locale could decide, reported with their
 * row numbers instead of being silently read one way.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import type { MeasureRole, TableBinding } from '../mapping/types.js';
import { columnNumbersOf, localeDecimal, type ColumnNumbers, type Decimal } from '../numbers.js';
import type { CellValue, Matrix } from '../values.js';

const SHOWN_ROWS = 5;

/** The spreadsheet locale, or how to ask for it: asked only when a column of text numbers does not say. */
export type LocaleSource = string | (() => string) | undefined;
const COUNT_ROLES: ReadonlySet<string> = new Set<MeasureRole | 'stage'>(['impressions', 'clicks', 'leads', 'customers', 'orders', 'stage']);

interface Unclear {
  count: number;
  rows: number[];
  example: string;
}

export class MeasureReaders {
  private readonly readers = new Map<number, ColumnNumbers>();
  private readonly unclear = new Map<number, Unclear>();
  private readonly fallback: () => Decimal;

  constructor(
    private readonly table: TableBinding,
    private readonly rows: Matrix,
    locale: LocaleSource,
  ) {
    let decimal: Decimal | undefined;
    this.fallback = () => (decimal ??= localeDecimal(typeof locale === 'function' ? locale() : locale));
  }

  /** The reader of column `col` (0-based in the table), built from every cell of it on first use. */
  column(col: number): ColumnNumbers {
    let r = this.readers.get(col);
    if (!r) {
      const role = this.table.columns.find((c) => c.index === col)?.role ?? '';
      r = columnNumbersOf(this.rows, col, { fallback: this.fallback, counts: COUNT_ROLES.has(role) });
      this.readers.set(col, r);
    }
    return r;
  }

  /** Reads a measure cell (ColumnNumbers.read), noting it when only the locale decided how. */
  read(col: number, value: CellValue, rowNumber: number): number {
    // Real numbers (most cells of most sheets) need no column and no lookup.
    if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
    return this.readWith(this.column(col), col, value, rowNumber);
  }

  /** read() with the column's reader already at hand (hot loops keep an array of them). */
  readWith(reader: ColumnNumbers, col: number, value: CellValue, rowNumber: number): number {
    if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
    const n = reader.read(value);
    if (typeof value === 'string' && reader.isAmbiguous(value)) {
      let u = this.unclear.get(col);
      if (!u) {
        u = { count: 0, rows: [], example: value.trim().slice(0, 40) };
        this.unclear.set(col, u);
      }
      u.count++;
      if (u.rows.length < SHOWN_ROWS) u.rows.push(rowNumber);
    }
    return n;
  }

  /** One warning per column whose cells the locale had to decide (`numbers_ambiguous`). */
  issues(label: string): ValidationIssue[] {
    const out: ValidationIssue[] = [];
    for (const [col, u] of this.unclear) {
      const column = this.table.columns.find((c) => c.index === col)?.header ?? `#${col + 1}`;
      const rows = u.rows.join(', ') + (u.count > u.rows.length ? ', …' : '');
      const decimal = this.column(col).decimal;
      out.push(issue('warning', 'numbers_ambiguous', { count: u.count, rows, column, example: u.example, decimal, table: label }));
    }
    return out;
  }
}
