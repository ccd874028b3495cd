/**
 * A sheet's table inside the query: a costs sheet beside a BigQuery CRM table. Its rows become one SELECT
 * of literals each, UNION ALL'd, every value cast to its column's type, so the compiled SQL reads it with
 * the same readers, joins and spreads as a warehouse table, and skip warnings name the sheet's rows.
 * BigQuery takes at most 1 MB of query text (https://cloud.google.com/bigquery/quotas, "Maximum query
 * length"), so a sheet whose literals would pass INLINE_LIMIT is refused with a coded error.
 */
import { CodedError } from '../issues.js';
import { isBlank, isDate, parseDateValue, type CellValue, type Matrix } from '../values.js';
import type { Dialect } from './dialect.js';
import type { ColumnKind, WarehouseTable } from './types.js';

/** Characters of literals one inlined table may add to the query (the rest of the query is ~100 KB). */
export const INLINE_LIMIT = 600_000;

/**
 * How a warehouse would type each column of a sheet-like matrix: all numbers → number, all dates →
 * timestamp (the instant Apps Script hands over), all TRUE/FALSE → bool, else string.
 */
export function inferKinds(rows: Matrix, width: number): ColumnKind[] {
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    let kind: ColumnKind | null = null;
    for (const row of rows) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      const k: ColumnKind = typeof v === 'number' ? 'number' : isDate(v) ? 'timestamp' : typeof v === 'boolean' ? 'bool' : 'string';
      kind = kind === null || kind === k ? k : 'string';
      if (kind === 'string') break;
    }
    kinds.push(kind ?? 'string');
  }
  return kinds;
}

/**
 * What a string column of a warehouse holds for a cell of another type: numbers in JavaScript spelling
 * (which parseNumberText reads back exactly), booleans as true/false. Dates in a text column become ISO
 * text of their wall clock in the spreadsheet's zone.
 */
export function asWarehouseText(value: CellValue, timeZone: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (isDate(value)) {
    const t = parseDateValue(value, timeZone);
    return t === undefined ? null : new Date(t).toISOString().slice(0, 19).replace('T', ' ');
  }
  return String(value);
}

/** The matrix as a warehouse table would hold it: each column typed by inferKinds, strings as asWarehouseText. */
export function warehouseMatrix(rows: Matrix, width: number, timeZone: string): { rows: Matrix; kinds: ColumnKind[] } {
  const kinds = inferKinds(rows, width);
  const out = rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c];
      if (kinds[c] === 'string') return isBlank(v) && typeof v !== 'string' ? null : asWarehouseText(v, timeZone);
      return v === '' ? null : v;
    }),
  );
  return { rows: out, kinds };
}

function sqlType(d: Dialect, kind: ColumnKind): string {
  const bq = d.name === 'bigquery';
  switch (kind) {
    case 'number':
      return bq ? 'FLOAT64' : 'DOUBLE';
    case 'timestamp':
      return bq ? 'TIMESTAMP' : 'TIMESTAMPTZ';
    case 'bool':
      return bq ? 'BOOL' : 'BOOLEAN';
    default:
      return bq ? 'STRING' : 'VARCHAR';
  }
}

function literal(d: Dialect, kind: ColumnKind, v: CellValue): string {
  const type = sqlType(d, kind);
  if (v === null || v === undefined || v === '') return `CAST(NULL AS ${type})`;
  switch (kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? `CAST(${String(v)} AS ${type})` : `CAST(NULL AS ${type})`;
    case 'timestamp':
      // Whole seconds: the calendar day in the spreadsheet's zone is all a date cell is read for.
      return isDate(v) && Number.isFinite(v.getTime())
        ? d.timestampSeconds(String(Math.floor(v.getTime() / 1000)))
        : `CAST(NULL AS ${type})`;
    case 'bool':
      return v === true ? 'TRUE' : 'FALSE';
    default:
      return d.literal(String(v));
  }
}

/**
 * `rows` (the table's data rows, mapped columns from its first, as warehouseMatrix makes them) as a table
 * inside the query; `firstRow` is the sheet row of the first, for skip warnings. `label` names it in errors.
 */
export function inlineTable(d: Dialect, data: { rows: Matrix; kinds: ColumnKind[] }, firstRow: number, label: string): WarehouseTable {
  const names = data.kinds.map((_, c) => `col${c}`);
  const selects: string[] = [];
  let size = 0;
  data.rows.forEach((row, r) => {
    const cells = [`CAST(${firstRow + r} AS ${d.name === 'bigquery' ? 'INT64' : 'BIGINT'}) AS sheet_row`];
    data.kinds.forEach((kind, c) => cells.push(`${literal(d, kind, row[c])} AS ${d.ident(names[c])}`));
    const select = `SELECT ${cells.join(', ')}`;
    size += select.length + 11;
    if (size > INLINE_LIMIT) throw new CodedError('warehouse_sheet_too_big', { sheet: label, rows: data.rows.length, limit: r });
    selects.push(select);
  });
  // An empty sheet is a table without rows, still typed.
  if (selects.length === 0) {
    selects.push(
      `SELECT ${[`CAST(NULL AS ${d.name === 'bigquery' ? 'INT64' : 'BIGINT'}) AS sheet_row`, ...data.kinds.map((k, c) => `CAST(NULL AS ${sqlType(d, k)}) AS ${d.ident(names[c])}`)].join(', ')} LIMIT 0`,
    );
  }
  return {
    path: [label],
    inline: selects.join(' UNION ALL '),
    columns: data.kinds.map((kind, c) => ({ name: names[c], kind })),
    rowNumber: 'sheet_row',
  };
}
