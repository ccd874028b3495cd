/**
 * `report --engine duckdb`: the same mapping and the same Report as the default engine, but the rows are
 * summed by DuckDB reading the file out of core (CSV/TSV into an on-disk table, Parquet in place), so a
 * multi-GB export is aggregated in bounded memory. Only a head (and tail) sample is parsed in JavaScript,
 * for the detector.
 */
import { CodedError } from '../core/issues.js';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableBinding } from '../core/mapping/types.js';
import type { CellValue, Matrix } from '../core/values.js';
import { duckdb } from '../core/warehouse/dialect.js';
import { identityKindOf } from '../core/warehouse/compile.js';
import { columnOf, headerOf } from '../core/aggregate/rows.js';
import { DateReader, isSlashedDay, type DayOrder } from '../core/dates.js';
import { reportDayOrder } from '../core/aggregate/index.js';
import { parsePeriodText } from '../core/periods.js';
import type { ColumnKind, WarehouseTable } from '../core/warehouse/types.js';
import { parseCsv, sniffDelimiter } from './csv.js';
import { decodeInput } from './decode.js';
import { printable } from './terminal.js';
import { aggregateOnDuckDb, openDuckDb, queryRows } from './duckdb.js';
import { cellsFromCsv, localDay, prepareReport, reportFrom, type Report, type ReportOptions } from './report.js';

/** Files up to this size are sampled whole, so detection is exactly the default engine's. */
const WHOLE_SAMPLE_BYTES = 8 << 20;
const HEAD_BYTES = 2 << 20;
const TAIL_BYTES = 256 << 10;
const PARQUET_SAMPLE_ROWS = 5000;

export interface DuckDbReportOptions extends Omit<ReportOptions, 'costsCsv'> {
  readonly costsFile?: string;
  /** Files up to this size are sampled whole for the detector (default 8 MiB); larger ones by head and tail. */
  readonly wholeSampleBytes?: number;
  /** DuckDB memory_limit (default 1GB): beyond it, DuckDB spills to its temp directory. */
  readonly memoryLimit?: string;
}

/** A loaded file: the detector's sample and a way to expose the mapped table's rows to SQL. */
interface Loaded {
  readonly sample: Matrix;
  table(binding: TableBinding, name: string): Promise<WarehouseTable>;
}

const q = (s: string): string => duckdb.ident(s);
const lit = (s: string): string => duckdb.literal(s);

function readBytes(file: string, start: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, start);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** DuckDB's reader takes UTF-8; other encodings (decode.ts) go to the default engine, which converts them. */
function utf8Head(file: string, bytes: Buffer, whole: boolean): string {
  const cut = whole ? bytes : bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const { text, encoding } = decodeInput(cut, printable(file));
  if (encoding !== 'utf-8') throw new CodedError('cli_duckdb_utf8', { flag: '--engine duckdb', file: printable(file), encoding });
  return text;
}

async function loadCsv(conn: DuckDBConnection, file: string, name: string, wholeSampleBytes: number): Promise<Loaded> {
  const size = statSync(file).size;
  const whole = size <= wholeSampleBytes;
  const head = utf8Head(file, readBytes(file, 0, whole ? size : Math.min(HEAD_BYTES, wholeSampleBytes)), whole);
  const delimiter = sniffDelimiter(head.replace(/^\uFEFF/u, ''));
  let sample = cellsFromCsv(parseCsv(head, delimiter));
  let tail: Matrix = [];
  if (!whole) {
    const tailBytes = Math.min(TAIL_BYTES, wholeSampleBytes);
    const text = readBytes(file, size - tailBytes, tailBytes).toString('utf8');
    tail = cellsFromCsv(parseCsv(text.slice(text.indexOf('\n') + 1), delimiter));
  }
  // A loop, not Math.max(...spread): an 8 MB sample holds 200k+ short rows.
  let width = 1;
  for (const rows of [sample, tail]) for (const r of rows) width = Math.max(width, r.length);
  // Room for ragged rows wider than the sample; a still wider row is an error from DuckDB, never a silent drop.
  const declared = width + 16;
  const columns = Array.from({ length: declared }, (_, i) => `${lit(`c${i}`)}: 'VARCHAR'`).join(', ');
  await conn.run(
    `CREATE TABLE ${q(name)} AS SELECT * FROM read_csv(${lit(file)}, header = false, all_varchar = true, null_padding = true, ` +
      `delim = ${lit(delimiter)}, quote = '"', escape = '"', auto_detect = false, parallel = false, columns = {${columns}})`,
  );
  const total = Number((await queryRows(conn, `SELECT COUNT(*) AS n FROM ${q(name)}`))[0].n);
  if (!whole) sample = [...sample, ...tail];
  return {
    sample,
    table: async (binding, view) => {
      // rowid follows the file's order (preserve_insertion_order). DuckDB skips empty lines, which the
      // detector counted as rows: those above the data shift every row number, so they are added back.
      const emptyAbove = sample.slice(0, binding.firstDataRow - 1).filter(isEmptyLine).length;
      const first = binding.firstDataRow - emptyAbove;
      const cut = binding.lastDataRow === null ? 0 : sample.slice(binding.lastDataRow).filter((r) => !isEmptyLine(r)).length;
      const cols = Array.from(
        { length: binding.lastColumn - binding.firstColumn + 1 },
        (_, i) => `${q(`c${binding.firstColumn - 1 + i}`)} AS ${q(`col${i}`)}`,
      );
      await conn.run(
        `CREATE VIEW ${q(view)} AS SELECT rowid + 1 + ${emptyAbove} AS __row, ${cols.join(', ')} FROM ${q(name)} WHERE rowid + 1 >= ${first}` +
          (binding.lastDataRow === null ? '' : ` AND rowid + 1 <= ${total - cut}`),
      );
      return { path: [view], columns: cols.map((_, i) => ({ name: `col${i}`, kind: 'csv' as ColumnKind })), rowNumber: '__row' };
    },
  };
}

/** A record parsed from an empty line (DuckDB's reader drops these). */
function isEmptyLine(row: readonly CellValue[]): boolean {
  return row.length === 1 && row[0] === '';
}

const PARQUET_KIND: readonly [RegExp, ColumnKind][] = [
  [/^(VARCHAR|STRING|TEXT)/u, 'string'],
  [/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/u, 'number'],
  [/^DATE$/u, 'date'],
  [/^TIMESTAMP WITH TIME ZONE/u, 'timestamp'],
  [/^TIMESTAMP/u, 'datetime'],
  [/^BOOLEAN/u, 'bool'],
];

function jsCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

async function loadParquet(conn: DuckDBConnection, file: string, name: string): Promise<Loaded> {
  await conn.run(`CREATE VIEW ${q(name)} AS SELECT * FROM read_parquet(${lit(file)}, file_row_number = true)`);
  const schema = await queryRows(conn, `DESCRIBE ${q(name)}`);
  const fields = schema
    .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
    .filter((f) => f.name !== 'file_row_number');
  const rows = await queryRows(conn, `SELECT * FROM ${q(name)} ORDER BY file_row_number LIMIT ${PARQUET_SAMPLE_ROWS}`);
  const sample: Matrix = [fields.map((f) => f.name), ...rows.map((r) => fields.map((f) => jsCell(r[f.name])))];
  return {
    sample,
    table: async (binding, view) => {
      const picked = fields.slice(binding.firstColumn - 1, binding.lastColumn);
      // The header is row 1, so the file's first row is row 2, as when the file is opened in Sheets.
      await conn.run(
        `CREATE VIEW ${q(view)} AS SELECT file_row_number + 2 AS __row, * EXCLUDE (file_row_number) FROM ${q(name)} WHERE file_row_number + 2 >= ${binding.firstDataRow}`,
      );
      return {
        path: [view],
        columns: picked.map((f) => ({ name: f.name, kind: PARQUET_KIND.find(([re]) => re.test(f.type))?.[1] ?? 'other' })),
        rowNumber: '__row',
      };
    },
  };
}

async function load(conn: DuckDBConnection, file: string, name: string, wholeSampleBytes = WHOLE_SAMPLE_BYTES): Promise<Loaded> {
  return /\.parquet$/iu.test(file) ? loadParquet(conn, file, name) : loadCsv(conn, file, name, wholeSampleBytes);
}

/**
 * A date column holding period labels (`2026-03`, `Q1 2026`, `янв. 2026`), or dates such as `03/04/2026` whose
 * month/day order the sampled rows do not show, is read by the default engine only.
 * Refused with a clear error rather than summed differently.
 */
function refuseDatesTheSqlCannotRead(sample: Matrix, binding: TableBinding, dayOrder: DayOrder | undefined): void {
  const rows = sample.slice(binding.firstDataRow - 1);
  const dates = new DateReader('Etc/UTC');
  for (const role of ['date', 'close_date'] as const) {
    const col = columnOf(binding, role);
    if (col < 0) continue;
    const values = rows.map((r) => r[binding.firstColumn - 1 + col]);
    const params = (v: CellValue) => ({ flag: '--engine duckdb', example: JSON.stringify(v), column: printable(headerOf(binding, col)) });
    const label = values.find((v) => typeof v === 'string' && dates.read(v) === undefined && parsePeriodText(v) !== undefined);
    if (label !== undefined && role === 'date') throw new CodedError('cli_duckdb_period_labels', params(label));
    // `03/14/2026` whose month/day order the sample does not show: the default engine looks at every row.
    const slashed = dayOrder === undefined ? values.find(isSlashedDay) : undefined;
    if (slashed !== undefined) throw new CodedError('cli_duckdb_slashed_dates', params(slashed));
  }
}

export async function runReportDuckDb(file: string, options: DuckDbReportOptions = {}): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-duckdb-'));
  const db = await openDuckDb(join(dir, 'report.duckdb'), {
    memory_limit: options.memoryLimit ?? '1GB',
    temp_directory: join(dir, 'spill'),
  });
  try {
    const conn = db.connection;
    const source = await load(conn, file, 'source_file', options.wholeSampleBytes);
    const costs = options.costsFile === undefined ? null : await load(conn, options.costsFile, 'costs_file', options.wholeSampleBytes);
    const prepared = prepareReport(source.sample, costs?.sample ?? null, options);
    const { mapping } = prepared;
    const costBinding = mapping.shape === 'crm' ? mapping.costs : null;
    const rows = (sample: Matrix, t: TableBinding): Matrix => sample.slice(t.firstDataRow - 1).map((r) => r.slice(t.firstColumn - 1));
    const sourceRows = rows(source.sample, mapping.source);
    const costRows = costs && costBinding ? rows(costs.sample, costBinding) : undefined;
    const dayOrder = reportDayOrder(mapping, sourceRows, costRows);
    refuseDatesTheSqlCannotRead(source.sample, mapping.source, dayOrder);
    if (costs && costBinding) refuseDatesTheSqlCannotRead(costs.sample, costBinding, dayOrder);
    // The files are loaded in their order (rowid is the CSV line); the query needs no order of its own:
    // a customer's same-day leads go by their cells (definitions/journeys.ts byTie), not by row, so DuckDB
    // may stream and spill without keeping insertion order (its memory guide's first advice for big files).
    await conn.run('SET preserve_insertion_order = false');
    const data = await aggregateOnDuckDb(
      conn,
      mapping,
      await source.table(mapping.source, 'source_rows'),
      costs && costBinding ? await costs.table(costBinding, 'costs_rows') : null,
      { identityKind: identityKindOf(mapping, sourceRows), today: options.today ?? localDay(), dayOrder },
    );
    return reportFrom(prepared, data);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
