/**
 * The BigQuery advanced service, called the way Google's sample does (https://developers.google.com/apps-script/advanced/bigquery):
 * Jobs.query, then Jobs.getQueryResults until the job is complete and while a pageToken says more rows
 * follow. Every failure becomes a coded CodedError (permission, not found, quota, other) whose template
 * the user reads in their language; the raw service text is kept as a parameter.
 */
import { CodedError } from '../../core/issues.js';
import { tableRefText, type BigQueryField, type BigQueryRow, type BigQueryTableRef } from '../../core/warehouse/bigquery.js';
import type { BigQueryService, GasServices } from '../services.js';

/** Rows per result page; the compiled query returns one row per group × period, so one page is typical. */
const PAGE_ROWS = 10_000;
/** Server-side wait per getQueryResults call: long-polling, so no Utilities.sleep loop is needed. */
const WAIT_MS = 20_000;
/** Apps Script stops an execution at 6 minutes; polls beyond this would not finish in time anyway. */
const MAX_POLLS = 15;

export function bigQueryOf(services: GasServices): BigQueryService {
  if (!services.BigQuery) {
    throw new CodedError('warehouse_service_missing');
  }
  return services.BigQuery;
}

/**
 * The error reasons BigQuery documents (https://cloud.google.com/bigquery/docs/error-messages):
 * accessDenied (403), notFound (404), quotaExceeded / rateLimitExceeded (403), billingNotEnabled.
 * Apps Script's advanced services put the API's message in the Error's text ("API call to bigquery.jobs.query
 * failed with error: …"); whether `details` is always attached is not documented, so both are read.
 */
export function translateBigQueryError(error: unknown, what: string): CodedError {
  if (error instanceof CodedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: { code?: unknown; errors?: { reason?: unknown }[] } } | null)?.details;
  const reason = typeof details?.errors?.[0]?.reason === 'string' ? details.errors[0].reason : '';
  const code = typeof details?.code === 'number' ? details.code : 0;
  const text = message.replace(/^.*?failed with error:\s*/u, '').slice(0, 300);
  const params = { table: what, message: text };
  if (reason === 'quotaExceeded' || reason === 'rateLimitExceeded' || /quota exceeded|exceeded rate limits/iu.test(message)) {
    return new CodedError('warehouse_quota', params);
  }
  if (reason === 'notFound' || code === 404 || /not found:/iu.test(message)) {
    return new CodedError('warehouse_not_found', params);
  }
  if (reason === 'accessDenied' || reason === 'billingNotEnabled' || code === 403 || /access denied|permission/iu.test(message)) {
    return new CodedError('warehouse_permission', params);
  }
  return new CodedError('warehouse_failed', params);
}

function call<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw translateBigQueryError(error, what);
  }
}

export interface TableInfo {
  readonly fields: readonly BigQueryField[];
  readonly numRows: number | null;
  readonly numBytes: number | null;
  readonly location: string | undefined;
}

function fieldsOf(schema: GoogleAppsScript.BigQuery.Schema.TableSchema | undefined): BigQueryField[] {
  return (schema?.fields ?? []).map((f) => ({ name: String(f.name ?? ''), type: String(f.type ?? 'STRING'), mode: f.mode }));
}

const count = (v: unknown): number | null => (v === undefined || v === null || v === '' ? null : Number(v));

/** tables.get: the schema and size; no query, no bytes billed. */
export function readTable(bq: BigQueryService, ref: BigQueryTableRef): TableInfo {
  const t = call(tableRefText(ref), () => bq.Tables.get(ref.projectId, ref.datasetId, ref.tableId));
  return { fields: fieldsOf(t.schema), numRows: count(t.numRows), numBytes: count(t.numBytes), location: t.location };
}

/** tabledata.list: the first rows, for the guesser. Reading table data this way runs no query job and bills no bytes. */
export function readSample(bq: BigQueryService, ref: BigQueryTableRef, rows: number): BigQueryRow[] {
  const page = call(tableRefText(ref), () => bq.Tabledata.list(ref.projectId, ref.datasetId, ref.tableId, { maxResults: rows }));
  return (page.rows ?? []) as BigQueryRow[];
}

export interface QueryResult {
  readonly fields: readonly BigQueryField[];
  readonly rows: readonly BigQueryRow[];
  readonly bytesProcessed: number | null;
}

function request(sql: string, dryRun: boolean, location: string | undefined): GoogleAppsScript.BigQuery.Schema.QueryRequest {
  return { query: sql, useLegacySql: false, dryRun, maxResults: PAGE_ROWS, timeoutMs: WAIT_MS, ...(location ? { location } : {}) };
}

/** A dry run: the bytes the query would scan (what on-demand pricing bills), without running it. */
export function estimateBytes(bq: BigQueryService, project: string, sql: string, what: string, location?: string): number | null {
  const r = call(what, () => bq.Jobs.query(request(sql, true, location), project));
  return count(r.totalBytesProcessed);
}

export function runQuery(bq: BigQueryService, project: string, sql: string, what: string, location?: string): QueryResult {
  let page: GoogleAppsScript.BigQuery.Schema.QueryResponse | GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse = call(what, () =>
    bq.Jobs.query(request(sql, false, location), project),
  );
  const jobId = page.jobReference?.jobId;
  const jobLocation = page.jobReference?.location ?? location;
  const more = (args: object) =>
    call(what, () => bq.Jobs.getQueryResults(project, String(jobId), { ...args, ...(jobLocation ? { location: jobLocation } : {}) }));
  for (let polls = 0; !page.jobComplete; polls++) {
    if (!jobId || polls >= MAX_POLLS) {
      throw new CodedError('warehouse_failed', {
        table: what,
        message: 'timeout',
      });
    }
    page = more({ timeoutMs: WAIT_MS, maxResults: PAGE_ROWS });
  }
  const fields = fieldsOf(page.schema);
  const rows: BigQueryRow[] = [...((page.rows ?? []) as BigQueryRow[])];
  const bytesProcessed = count(page.totalBytesProcessed);
  while (page.pageToken) {
    page = more({ pageToken: page.pageToken, maxResults: PAGE_ROWS });
    rows.push(...((page.rows ?? []) as BigQueryRow[]));
  }
  return { fields, rows, bytesProcessed };
}
