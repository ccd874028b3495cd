import type { DayOrder } from '../dates.js';
import type { IdentifierKind, MetricsOptions } from '../definitions/index.js';
/** A table in a warehouse (BigQuery, DuckDB) as the SQL compiler sees it. */

/** How the warehouse types a column; it decides how a cell is read (text goes through the same rules as the sheet). */
export type ColumnKind =
  | 'string'
  | 'number'
  | 'date'
  | 'datetime'
  | 'timestamp'
  | 'bool'
  | 'other'
  /** Text from a CSV, where a plain decimal (`-12.5`) is a number, as Sheets and the CLI open it. */
  | 'csv';

export interface WarehouseColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

export interface WarehouseTable {
  /** ['project', 'dataset', 'table'] in BigQuery; ['table'] or ['schema', 'table'] in DuckDB. */
  readonly path: readonly string[];
  /** Aligned with the mapping's ColumnBinding.index: column i of the mapped table is columns[i]. */
  readonly columns: readonly WarehouseColumn[];
  /**
   * A column holding each row's 1-based row number in the export (a CSV line, a sheet row). With it,
   * skip warnings name rows and "first spelling seen" and "first won deal" follow the export's order,
   * exactly as the in-memory path does. Warehouse tables have no row order: without it labels take the
   * smallest spelling and the first won deal is the earliest by date (README: warehouse mode).
   */
  readonly rowNumber?: string;
  /** A table written into the query itself (inline.ts: a costs sheet beside a BigQuery table); `path` then only names it. */
  readonly inline?: string;
}

export interface WarehouseOptions {
  readonly notSetLabel?: string;
  readonly channelCostsLabel?: string;
  /** IANA zone of the spreadsheet: TIMESTAMP columns are read as calendar days there. */
  readonly timeZone?: string;
  /** The build day (`yyyy-mm-dd`), as aggregate()'s option: a month or week row still running then is incomplete. */
  readonly today?: string;
  /** Attribution model and period basis (defaults: definitions/rules.ts, then the mapping's own). */
  readonly metrics?: Partial<MetricsOptions>;
  /** What the customer-id column holds (definitions identifierKind on a sample); only 'id' is compiled. */
  readonly identityKind?: IdentifierKind;
  /** How `03/14/2026` text dates are ordered (aggregate's reportDayOrder on a sample); without it they are not read. */
  readonly dayOrder?: DayOrder;
}

/** One row of the compiled query's result (values as the driver hands them: numbers, bigints or text). */
export type ResultRow = Readonly<Record<string, unknown>>;
