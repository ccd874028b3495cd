/**
 * DuckDB as the local warehouse: runs the compiled aggregation (core/warehouse) on tables loaded from a
 * sheet-like matrix (tests, bench) or from a CSV/TSV/Parquet file read out of core (CLI --engine duckdb).
 * Node-only; @duckdb/node-api is loaded on demand so the default engine never needs the native binary.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AggregatedData } from '../core/aggregate/index.js';
import type { Mapping } from '../core/mapping/types.js';
import type { Matrix } from '../core/values.js';
import { compileAggregation } from '../core/warehouse/compile.js';
import { decodeAggregation } from '../core/warehouse/decode.js';
import { duckdb } from '../core/warehouse/dialect.js';
import type { ColumnKind, ResultRow, WarehouseOptions, WarehouseTable } from '../core/warehouse/types.js';

export interface DuckDbSession {
  readonly connection: DuckDBConnection;
  close(): void;
}

/** An in-memory database, or one backed by `file` so tables larger than memory spill to disk. */
export async function openDuckDb(file = ':memory:', settings: Readonly<Record<string, string>> = {}): Promise<DuckDbSession> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file, { preserve_insertion_order: 'true', ...settings });
  const connection = await instance.connect();
  // CAST(TIMESTAMPTZ AS DATE) then reads in UTC, as BigQuery's does; zones are always explicit.
  await connection.run("SET TimeZone = 'UTC'");
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function queryRows(connection: DuckDBConnection, sql: string): Promise<ResultRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as ResultRow[];
}

/** The in-memory aggregate(), computed by DuckDB on warehouse tables. */
export async function aggregateOnDuckDb(
  connection: DuckDBConnection,
  mapping: Mapping,
  source: WarehouseTable,
  costs: WarehouseTable | null,
  opts: WarehouseOptions = {},
): Promise<AggregatedData> {
  const compiled = compileAggregation(mapping, source, costs, duckdb, opts);
  const rows = await queryRows(connection, compiled.sql);
  return decodeAggregation(mapping, compiled, rows, costs !== null, opts.today);
}

export { asWarehouseText, inferKinds, warehouseMatrix } from '../core/warehouse/inline.js';

const SQL_TYPE: Record<ColumnKind, string> = {
  string: 'VARCHAR',
  csv: 'VARCHAR',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  timestamp: 'TIMESTAMPTZ',
  bool: 'BOOLEAN',
  other: 'VARCHAR',
};

/** Loads a matrix (already through warehouseMatrix) as table `name` with a 1-based `__row` column from `firstRow`. */
export async function loadMatrix(
  connection: DuckDBConnection,
  name: string,
  headers: readonly string[],
  data: { rows: Matrix; kinds: ColumnKind[] },
  firstRow: number,
): Promise<WarehouseTable> {
  const { timestampTZValue } = await import('@duckdb/node-api');
  const q = (s: string): string => duckdb.ident(s);
  const cols = headers.map((h, i) => `${q(`col${i}`)} ${SQL_TYPE[data.kinds[i]]}`);
  await connection.run(`CREATE OR REPLACE TABLE ${q(name)} (${q('__row')} BIGINT, ${cols.join(', ')})`);
  const appender = await connection.createAppender(name);
  data.rows.forEach((row, r) => {
    appender.appendDouble(firstRow + r);
    headers.forEach((_, c) => {
      const v = row[c];
      if (v === null || v === undefined) appender.appendNull();
      else if (data.kinds[c] === 'number') appender.appendDouble(v as number);
      else if (data.kinds[c] === 'bool') appender.appendBoolean(v as boolean);
      else if (data.kinds[c] === 'timestamp') appender.appendTimestampTZ(timestampTZValue(BigInt((v as Date).getTime()) * 1000n));
      else appender.appendVarchar(String(v));
    });
    appender.endRow();
  });
  appender.closeSync();
  return { path: [name], columns: headers.map((h, i) => ({ name: `col${i}`, kind: data.kinds[i] })), rowNumber: '__row' };
}
