/**
 * Warehouse mode in the add-on: a BigQuery table instead of a sheet. The wizard reads the table's column
 * names and first rows (tables.get + tabledata.list: no query job, no bytes billed) for the same guesser
 * the sheets go through; a build compiles the mapping to BigQuery SQL (core/warehouse), runs it with the
 * advanced service and decodes the small result into the AggregatedData the dashboard planner takes, so
 * the dashboard is planned exactly as from a sheet.
 */
import type { AggregatedData } from '../../core/aggregate/index.js';
import { detectSheet } from '../../core/mapping/detect-sheet.js';
import { CodedError, issue } from '../../core/issues.js';
import type { BigQueryTableRef, Detection, Mapping, TableBinding, WarehouseBinding } from '../../core/mapping/types.js';
import type { Locale, ValidationIssue } from '../../core/types.js';
import {
  bytesText,
  parseProjectId,
  parseTableRef,
  resultRow,
  sampleMatrix,
  tableRefText,
  warehouseTable,
  type BigQueryField,
} from '../../core/warehouse/bigquery.js';
import { compileAggregation, identityKindOf, WarehouseUnsupportedError, type CompiledAggregation } from '../../core/warehouse/compile.js';
import { decodeAggregation } from '../../core/warehouse/decode.js';
import { bigquery } from '../../core/warehouse/dialect.js';
import type { WarehouseOptions, WarehouseTable } from '../../core/warehouse/types.js';
import { inlineTable, warehouseMatrix } from '../../core/warehouse/inline.js';
import { cellText } from '../../core/aggregate/cells.js';
import type { Matrix } from '../../core/values.js';
import type { GasServices } from '../services.js';
import { bigQueryOf, estimateBytes, readSample, readTable, runQuery, type TableInfo } from './bigquery-client.js';

/** Rows the guesser reads (tabledata.list is free, but each row crosses the wire into a cold execution). */
export const SAMPLE_ROWS = 200;

export interface WarehouseDetected {
  readonly table: string;
  readonly billingProject: string;
  readonly detection: Detection;
  readonly rows: number | null;
  readonly bytes: number | null;
}

export function detectWarehouseTable(services: GasServices, tableText: unknown, billingText: unknown, locale: Locale): WarehouseDetected {
  const ref = parseTableRef(tableText);
  const billingProject = parseProjectId(billingText, ref.projectId);
  const bq = bigQueryOf(services);
  const info = readTable(bq, ref);
  const flat = info.fields.filter((f) => f.mode !== 'REPEATED' && f.type !== 'RECORD' && f.type !== 'STRUCT');
  if (flat.length < 2) {
    throw new CodedError('warehouse_no_columns', {
      table: tableRefText(ref),
    });
  }
  const sample = readSample(bq, ref, SAMPLE_ROWS);
  const timeZone = services.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const values = sampleMatrix(info.fields, sample, timeZone);
  const name = tableRefText(ref);
  const headers = info.fields.map((f) => f.name);
  const detection = detectSheet(values, undefined, {
    sheetId: 0,
    sheetName: name,
    locale,
    table: { headerRow: 1, firstDataRow: 2, lastDataRow: values.length, firstColumn: 1, lastColumn: headers.length, headers, notes: [] },
  });
  // Rows beyond the sample are in the table too: the binding is open-ended.
  const table: TableBinding = { ...detection.table, lastDataRow: null };
  return { table: name, billingProject, detection: { ...detection, table }, rows: info.numRows, bytes: info.numBytes };
}

/** Connected Sheets data source sheets of this spreadsheet: their BigQuery tables can be mapped by picking the sheet. */
export interface DataSourceFound {
  readonly name: string;
  /** project.dataset.table, or null for a custom-query data source (not mappable: its SQL is the user's own). */
  readonly table: string | null;
  readonly billingProject: string;
}

/** BigQueryDataSourceSpec's table getters (getTableProjectId, getDatasetId, getTableId) post-date the typings. */
interface TableSpec {
  getProjectId(): string;
  getRawQuery(): string;
  getTableProjectId?(): string;
  getDatasetId?(): string;
  getTableId?(): string;
}

/**
 * https://developers.google.com/apps-script/guides/sheets/connected-sheets: enableBigQueryExecution() must
 * be called before data source objects are used; it needs the bigquery.readonly scope (README: scopes).
 */
export function listDataSources(services: GasServices): DataSourceFound[] {
  services.SpreadsheetApp.enableBigQueryExecution();
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const out: DataSourceFound[] = [];
  // Spreadsheet.getDataSourceSheets() post-dates the typings too.
  const sheets = (ss as unknown as { getDataSourceSheets(): GoogleAppsScript.Spreadsheet.DataSourceSheet[] }).getDataSourceSheets();
  for (const dss of sheets) {
    const spec = dss.getDataSource().getSpec();
    if (String(spec.getType()) !== 'BIGQUERY') continue;
    const bq = spec.asBigQuery() as unknown as TableSpec;
    const tableId = bq.getTableId?.() ?? '';
    const table = tableId
      ? tableRefText({ projectId: bq.getTableProjectId?.() || bq.getProjectId(), datasetId: bq.getDatasetId?.() ?? '', tableId })
      : null;
    out.push({ name: dss.asSheet().getName(), table, billingProject: bq.getProjectId() });
  }
  return out;
}

function tableInfo(services: GasServices, ref: BigQueryTableRef): TableInfo {
  return readTable(bigQueryOf(services), ref);
}

/** The mapped columns are where they were: column i of the binding is still named as it was mapped. */
function columnIssues(binding: TableBinding, fields: readonly BigQueryField[], label: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const c of binding.columns) {
    if (c.role === 'ignore') continue;
    const now = fields[c.index]?.name;
    if (now === c.header) continue;
    issues.push(issue('error', 'warehouse_column_changed', { header: c.header, table: label, position: c.index + 1 }));
  }
  return issues;
}

/**
 * A costs sheet beside a BigQuery CRM table: its data rows, read as the sheet path reads them, go into the
 * query as an inline table (core/warehouse/inline.ts), so costs are joined and spread by the same SQL.
 * The mapped headers must still be where they were.
 */
function costsSheet(services: GasServices, binding: TableBinding, timeZone: string): { table: WarehouseTable; issues: ValidationIssue[] } {
  const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(binding.sheetName);
  if (!sheet) throw new CodedError('sheet_not_found', { sheet: binding.sheetName.slice(0, 100) });
  const width = binding.lastColumn - binding.firstColumn + 1;
  // One read: the header row (when there is one) down to the table's last row (open-ended: the sheet's).
  const top = binding.headerRow >= 1 ? binding.headerRow : binding.firstDataRow;
  const bottom = binding.lastDataRow ?? sheet.getLastRow();
  const block = bottom >= top ? (sheet.getRange(top, binding.firstColumn, bottom - top + 1, width).getValues() as Matrix) : [];
  const header = binding.headerRow >= 1 ? (block[0] ?? []) : [];
  const issues: ValidationIssue[] = [];
  for (const c of binding.columns) {
    if (c.role === 'ignore' || binding.headerRow < 1) continue;
    const now = cellText(header[c.index]);
    if (now !== c.header.trim())
      issues.push(issue('error', 'warehouse_column_changed', { header: c.header, table: binding.sheetName, position: c.index + 1 }));
  }
  const rows = block.slice(binding.firstDataRow - top);
  const table = inlineTable(bigquery, warehouseMatrix(rows, width, timeZone), binding.firstDataRow, binding.sheetName);
  return { table, issues };
}

interface Prepared {
  readonly compiled: CompiledAggregation;
  readonly issues: ValidationIssue[];
  readonly what: string;
  readonly location: string | undefined;
  /** A costs table (in BigQuery or a sheet inlined into the query) is part of the query. */
  readonly costsGiven: boolean;
}

function prepare(services: GasServices, mapping: Mapping, w: WarehouseBinding, opts: WarehouseOptions): Prepared {
  const what = tableRefText(w.source);
  const source = tableInfo(services, w.source);
  const issues = columnIssues(mapping.source, source.fields, what);
  const costsInfo = mapping.shape === 'crm' && mapping.costs && w.costs ? tableInfo(services, w.costs) : null;
  if (costsInfo && mapping.costs && w.costs) issues.push(...columnIssues(mapping.costs, costsInfo.fields, tableRefText(w.costs)));
  const sourceTable = warehouseTable(w.source, source.fields);
  let costsTable = costsInfo && w.costs ? warehouseTable(w.costs, costsInfo.fields) : null;
  if (mapping.shape === 'crm' && mapping.costs && !w.costs) {
    const sheet = costsSheet(services, mapping.costs, opts.timeZone ?? 'Etc/UTC');
    issues.push(...sheet.issues);
    costsTable = sheet.table;
  }
  let identityKind = opts.identityKind;
  if (identityKind === undefined && mapping.shape === 'crm' && mapping.source.columns.some((c) => c.role === 'customer_id')) {
    // What the customer column holds (id, e-mail, phone) is judged on sample rows, as the in-memory path does.
    const tz = opts.timeZone ?? 'Etc/UTC';
    const sample = sampleMatrix(source.fields, readSample(bigQueryOf(services), w.source, 500), tz).slice(1);
    identityKind = identityKindOf(mapping, sample);
  }
  try {
    const compiled = compileAggregation(mapping, sourceTable, costsTable, bigquery, { ...opts, identityKind });
    return { compiled, issues, what, location: source.location, costsGiven: costsTable !== null };
  } catch (error) {
    if (error instanceof WarehouseUnsupportedError) throw new CodedError(error.code);
    throw error;
  }
}

/**
 * Save-time check of a warehouse mapping: the tables answer, the mapped columns are where they were, and
 * a dry run says what a build will scan (the figure on-demand pricing bills).
 */
export function checkWarehouseMapping(services: GasServices, mapping: Mapping, opts: WarehouseOptions): ValidationIssue[] {
  const w = mapping.warehouse;
  if (!w) return [];
  try {
    const p = prepare(services, mapping, w, opts);
    if (p.issues.length > 0) return p.issues;
    const bytes = estimateBytes(bigQueryOf(services), w.billingProject, p.compiled.sql, p.what, p.location);
    if (bytes === null) return [];
    return [issue('info', 'warehouse_bytes_estimate', { bytes: bytesText(bytes), project: w.billingProject })];
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    return [issue('error', error.code, error.params)];
  }
}

export interface WarehouseAggregate {
  readonly data: AggregatedData;
  readonly label: string;
  readonly bytesProcessed: number | null;
}

export function aggregateWarehouse(services: GasServices, mapping: Mapping, opts: WarehouseOptions): WarehouseAggregate {
  const w = mapping.warehouse;
  if (!w) throw new Error('FunnelROI: not a warehouse mapping.');
  const p = prepare(services, mapping, w, opts);
  if (p.issues.length > 0) {
    throw CodedError.from(p.issues[0]);
  }
  const result = runQuery(bigQueryOf(services), w.billingProject, p.compiled.sql, p.what, p.location);
  const rows = result.rows.map((r) => resultRow(result.fields, r));
  const data = decodeAggregation(mapping, p.compiled, rows, p.costsGiven, opts.today);
  return { data, label: p.what, bytesProcessed: result.bytesProcessed };
}
