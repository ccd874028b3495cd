/**
 * BigQuery as the add-on meets it: a table reference the user types (hostile input), the REST shapes of
 * tables.get / tabledata.list / jobs.query (every cell a string, https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/list),
 * and what each becomes for the guesser (a sheet-like Matrix) and for the decoder (ResultRow).
 */
import { instantOf } from '../dates.js';
import { CodedError } from '../issues.js';
import type { BigQueryTableRef } from '../mapping/types.js';
import type { CellValue, Matrix } from '../values.js';
import type { ColumnKind, ResultRow, WarehouseColumn, WarehouseTable } from './types.js';

export type { BigQueryTableRef } from '../mapping/types.js';

/** A field of a table or query schema, as the REST API returns it. */
export interface BigQueryField {
  readonly name: string;
  readonly type: string;
  readonly mode?: string;
}

export interface BigQueryRow {
  readonly f: readonly { readonly v: unknown }[];
}

/**
 * Project ids: 6–30 lower-case letters, digits and hyphens, starting with a letter; older ones carry a
 * domain prefix (`example.com:my-project`). https://cloud.google.com/resource-manager/docs/creating-managing-projects
 */
const PROJECT = /^(?:[a-z][a-z0-9.-]{0,62}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/u;
/** Dataset names: letters, digits and underscores, at most 1,024 characters (https://cloud.google.com/bigquery/docs/datasets#dataset-naming). */
const DATASET = /^[A-Za-z0-9_]{1,1024}$/u;
/** Table names: Unicode letters, marks, digits, connectors, dashes and spaces, at most 1,024 UTF-8 bytes (https://cloud.google.com/bigquery/docs/tables#table_naming). */
const TABLE = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;

function refError(input: string, reason: string): CodedError {
  const shown = input.length > 80 ? `${input.slice(0, 77)}…` : input;
  return new CodedError('warehouse_table_invalid', { input: shown, reason });
}

/**
 * `project.dataset.table` (optionally in backticks, as the BigQuery console copies it) → its three parts,
 * each checked against BigQuery's naming rules. The parts are quoted again when a query is written
 * (dialect.ident), so even a name these rules let through cannot change the SQL.
 */
export function parseTableRef(input: unknown): BigQueryTableRef {
  if (typeof input !== 'string') throw refError(String(input), 'not text');
  let text = input.normalize('NFC').trim();
  if (text.startsWith('`') && text.endsWith('`') && text.length > 1) text = text.slice(1, -1).trim();
  if (text === '') throw refError(input, 'it is empty');
  if (text.length > 2200) throw refError(input, 'it is too long');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (/[`'";\\\u0000-\u001f\u007f]/u.test(text)) throw refError(input, 'it contains quotes, semicolons or control characters');
  const parts = text.split('.');
  // A domain-scoped project holds dots itself (`example.com:proj`): the dataset and table are the last two parts.
  if (parts.length < 3) throw refError(input, 'it needs three parts separated by dots');
  const tableId = parts[parts.length - 1];
  const datasetId = parts[parts.length - 2];
  const projectId = parts.slice(0, -2).join('.');
  if (!PROJECT.test(projectId)) throw refError(input, `“${projectId}” is not a project id`);
  if (!DATASET.test(datasetId)) throw refError(input, `“${datasetId}” is not a dataset name`);
  if (!TABLE.test(tableId) || tableId.trim() !== tableId) throw refError(input, `“${tableId}” is not a table name`);
  return { projectId, datasetId, tableId };
}

/** A billing project typed by the user: a project id or nothing (the table's own project). */
export function parseProjectId(input: unknown, fallback: string): string {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return fallback;
  const text = typeof input === 'string' ? input.trim() : '';
  if (!PROJECT.test(text)) {
    throw new CodedError('warehouse_project_invalid', {
      input: text.slice(0, 80),
    });
  }
  return text;
}

export function tableRefText(ref: BigQueryTableRef): string {
  return `${ref.projectId}.${ref.datasetId}.${ref.tableId}`;
}

/** BigQuery's standard and legacy type names → how the compiler reads the column. */
export function columnKind(type: string): ColumnKind {
  switch (type.toUpperCase()) {
    case 'STRING':
      return 'string';
    case 'INT64':
    case 'INTEGER':
    case 'FLOAT64':
    case 'FLOAT':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return 'number';
    case 'BOOL':
    case 'BOOLEAN':
      return 'bool';
    case 'DATE':
      return 'date';
    case 'DATETIME':
      return 'datetime';
    case 'TIMESTAMP':
      return 'timestamp';
    default:
      return 'other';
  }
}

/** Only flat columns can be mapped: a RECORD or REPEATED field has no one value per row. */
export function warehouseTable(ref: BigQueryTableRef, fields: readonly BigQueryField[]): WarehouseTable {
  const columns: WarehouseColumn[] = fields.map((f) => ({
    name: f.name,
    kind: f.mode === 'REPEATED' || f.type === 'RECORD' || f.type === 'STRUCT' ? 'other' : columnKind(f.type),
  }));
  return { path: [ref.projectId, ref.datasetId, ref.tableId], columns };
}

/** A TIMESTAMP cell: seconds since the epoch as a (possibly exponent-written) decimal, e.g. "1.7040672E9". */
function timestampMs(v: string): number | null {
  const s = Number(v);
  return Number.isFinite(s) ? Math.round(s * 1000) : null;
}

/**
 * One REST cell as the sheet would hold it, for the guesser: numbers as numbers, DATE/DATETIME as the
 * wall-clock day in the spreadsheet's zone (as Sheets hands dates over), TIMESTAMP as that instant.
 */
export function sheetCell(type: string, v: unknown, timeZone: string): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  switch (columnKind(type)) {
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
    case 'bool':
      return v === 'true';
    case 'date':
    case 'datetime': {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2}))?/u.exec(v);
      if (!m) return v;
      const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
      return new Date(instantOf(wall, timeZone));
    }
    case 'timestamp': {
      const ms = timestampMs(v);
      return ms === null ? v : new Date(ms);
    }
    default:
      return v;
  }
}

/** Header row plus sample rows: what detectSheet reads on a sheet. */
export function sampleMatrix(fields: readonly BigQueryField[], rows: readonly BigQueryRow[], timeZone: string): Matrix {
  const header: CellValue[] = fields.map((f) => f.name);
  return [header, ...rows.map((r) => fields.map((f, i) => sheetCell(f.type, r.f[i]?.v, timeZone)))];
}

/** A result row of the compiled query (its schema names every column) → the decoder's ResultRow. */
export function resultRow(fields: readonly BigQueryField[], row: BigQueryRow): ResultRow {
  const out: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v = row.f[i]?.v;
    out[f.name] = v === null || v === undefined ? null : columnKind(f.type) === 'number' ? Number(v) : v;
  });
  return out;
}

/** Bytes in the units BigQuery bills (binary: 1 GB = 2^30 bytes), for the estimate shown before a build. */
export function bytesText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}
