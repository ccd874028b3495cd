/**
 * The BigQuery advanced service at its boundary, backed by DuckDB: tables.get, tabledata.list, jobs.query
 * and jobs.getQueryResults with the REST shapes (every cell a string, TIMESTAMP as epoch seconds, results
 * in pages behind pageToken, a job that may still be running), IAM as two grant lists (bigquery.jobUser
 * per project, bigquery.dataViewer per dataset) and injectable quota errors. The SQL the bundle sends is
 * run as its DuckDB twin (translate.ts), so the Apps Script side is tested on the query it really writes.
 *
 * Errors look as the advanced service throws them: "API call to bigquery.<method> failed with error: <text>"
 * with the API's error in `details` (code, errors[].reason); reasons and texts from
 * https://cloud.google.com/bigquery/docs/error-messages. What a real error carries beyond that is not
 * known here (README: warehouse mode, what is not proven).
 */
import type { BigQueryField } from '../../../src/core/warehouse/bigquery.js';
import { duckdb } from '../../../src/core/warehouse/dialect.js';
import { DuckDbError, SyncDuckDb } from './sync-duckdb.js';
import { SETUP, toDuckDb } from './translate.js';

export interface FakeTableRef {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
}

export type FakeFailure = 'quota' | 'rateLimit' | 'backend';

export interface FakeBigQueryOptions {
  /** Projects where the user holds bigquery.jobUser (may run query jobs); default: every project. */
  readonly jobProjects?: readonly string[];
  /** `project.dataset` where the user holds bigquery.dataViewer; default: every dataset. */
  readonly viewableDatasets?: readonly string[];
  /** Rows per result page the fake returns at most (BigQuery decides page sizes itself). */
  readonly pageRows?: number;
  /** getQueryResults calls during which a job still reports jobComplete: false. */
  readonly pendingPolls?: number;
}

type Method = 'tables.get' | 'tabledata.list' | 'jobs.query' | 'jobs.getQueryResults';

interface StoredTable {
  readonly ref: FakeTableRef;
  readonly fields: readonly BigQueryField[];
  readonly rows: number;
  /** Bytes per column as BigQuery counts them (STRING: 2 + UTF-8 length; INT64/FLOAT64/DATE/TIMESTAMP: 8; BOOL: 1). */
  readonly columnBytes: readonly number[];
}

interface Job {
  readonly id: string;
  readonly projectId: string;
  readonly fields: BigQueryField[];
  readonly rows: { f: { v: string | null }[] }[];
  readonly bytes: number;
  polls: number;
}

const DUCK_TYPE: Readonly<Record<string, string>> = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  INTEGER: 'BIGINT',
  FLOAT64: 'DOUBLE',
  FLOAT: 'DOUBLE',
  NUMERIC: 'DOUBLE',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP: 'TIMESTAMPTZ',
};

function bigQueryType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR') return 'STRING';
  if (/^(BIGINT|INTEGER|HUGEINT|SMALLINT|TINYINT|UBIGINT|UINTEGER)$/u.test(t)) return 'INT64';
  if (/^(DOUBLE|FLOAT|DECIMAL)/u.test(t)) return 'FLOAT64';
  if (t === 'BOOLEAN') return 'BOOL';
  if (t === 'DATE') return 'DATE';
  if (t.startsWith('TIMESTAMP WITH')) return 'TIMESTAMP';
  if (t.startsWith('TIMESTAMP')) return 'DATETIME';
  return 'STRING';
}

/** The advanced service's exception for an API error. */
export class BigQueryApiError extends Error {
  readonly details: { code: number; message: string; errors: { reason: string; message: string; domain: string }[] };

  constructor(method: Method, code: number, reason: string, text: string) {
    super(`API call to bigquery.${method} failed with error: ${text}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message: text, errors: [{ reason, message: text, domain: 'global' }] };
  }
}

const refText = (r: FakeTableRef): string => `${r.projectId}:${r.datasetId}.${r.tableId}`;
const key = (r: FakeTableRef): string => `${r.projectId}.${r.datasetId}.${r.tableId}`;

function sqlValue(type: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return 'NULL';
  const t = type.toUpperCase();
  if (t === 'STRING') return duckdb.literal(String(v));
  if (t === 'BOOL' || t === 'BOOLEAN') return v === true || v === 'true' ? 'TRUE' : 'FALSE';
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const iso = (v as Date).toISOString();
    if (t === 'DATE') return `DATE '${iso.slice(0, 10)}'`;
    if (t === 'DATETIME') return `TIMESTAMP '${iso.slice(0, 19).replace('T', ' ')}'`;
    return `TIMESTAMPTZ '${iso}'`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `CAST('${String(v).toLowerCase()}' AS DOUBLE)`;
  return `CAST(${duckdb.literal(String(v))} AS ${DUCK_TYPE[t] ?? 'VARCHAR'})`;
}

function valueBytes(type: string, v: unknown): number {
  if (v === null || v === undefined || v === '') return 0;
  const t = type.toUpperCase();
  if (t === 'STRING') return 2 + Buffer.byteLength(String(v), 'utf8');
  if (t === 'BOOL' || t === 'BOOLEAN') return 1;
  return 8;
}

export class FakeBigQuery {
  private readonly db = new SyncDuckDb();
  private readonly tables = new Map<string, StoredTable>();
  private readonly attached = new Set<string>();
  private readonly jobs = new Map<string, Job>();
  private readonly failures: { method: Method; failure: FakeFailure }[] = [];
  private jobCount = 0;
  /** Every call made, in order ("jobs.query dryRun", "tabledata.list" …), for tests. */
  readonly log: string[] = [];
  /** The BigQuery SQL of every query job (dry runs included). */
  readonly queries: string[] = [];

  constructor(private readonly options: FakeBigQueryOptions = {}) {
    this.db.run(...SETUP);
  }

  close(): void {
    this.db.close();
  }

  /** Loads a table; `rows` hold JS values (numbers, strings, booleans, Dates, null) per field. */
  addTable(ref: FakeTableRef, fields: readonly BigQueryField[], rows: readonly (readonly unknown[])[]): void {
    const catalog = duckdb.ident(ref.projectId);
    const schema = `${catalog}.${duckdb.ident(ref.datasetId)}`;
    const table = `${schema}.${duckdb.ident(ref.tableId)}`;
    const statements: string[] = [];
    if (!this.attached.has(ref.projectId)) {
      statements.push(`ATTACH ':memory:' AS ${catalog}`);
      this.attached.add(ref.projectId);
    }
    statements.push(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    statements.push(
      `CREATE OR REPLACE TABLE ${table} (${fields.map((f) => `${duckdb.ident(f.name)} ${DUCK_TYPE[f.type] ?? 'VARCHAR'}`).join(', ')})`,
    );
    for (let at = 0; at < rows.length; at += 500) {
      const chunk = rows.slice(at, at + 500).map((r) => `(${fields.map((f, i) => sqlValue(f.type, r[i])).join(', ')})`);
      statements.push(`INSERT INTO ${table} VALUES ${chunk.join(', ')}`);
    }
    this.db.run(...statements);
    const columnBytes = fields.map((f, i) => rows.reduce((n, r) => n + valueBytes(f.type, r[i]), 0));
    this.tables.set(key(ref), { ref, fields, rows: rows.length, columnBytes });
  }

  /** The next call of `method` fails with a quota, rate-limit or backend error. */
  failNext(method: Method, failure: FakeFailure): void {
    this.failures.push({ method, failure });
  }

  private enter(method: Method, note = ''): void {
    this.log.push(note ? `${method} ${note}` : method);
    const at = this.failures.findIndex((f) => f.method === method);
    if (at < 0) return;
    const [{ failure }] = this.failures.splice(at, 1);
    if (failure === 'quota')
      throw new BigQueryApiError(method, 403, 'quotaExceeded', 'Quota exceeded: Your project exceeded quota for free query bytes scanned.');
    if (failure === 'rateLimit')
      throw new BigQueryApiError(
        method,
        403,
        'rateLimitExceeded',
        'Exceeded rate limits: too many concurrent queries for this project_and_region.',
      );
    throw new BigQueryApiError(method, 500, 'backendError', 'Backend error. Job aborted.');
  }

  private table(method: Method, projectId: string, datasetId: string, tableId: string): StoredTable {
    const ref = { projectId, datasetId, tableId };
    const viewable = this.options.viewableDatasets;
    if (viewable && !viewable.includes(`${projectId}.${datasetId}`)) {
      throw new BigQueryApiError(
        method,
        403,
        'accessDenied',
        `Access Denied: Table ${refText(ref)}: User does not have permission to query table ${refText(ref)}, or perhaps it does not exist.`,
      );
    }
    const t = this.tables.get(key(ref));
    if (!t) throw new BigQueryApiError(method, 404, 'notFound', `Not found: Table ${refText(ref)} was not found in location US`);
    return t;
  }

  private readonly tablesApi = {
    get: (projectId: string, datasetId: string, tableId: string) => {
      this.enter('tables.get');
      const t = this.table('tables.get', projectId, datasetId, tableId);
      return {
        kind: 'bigquery#table',
        tableReference: { projectId, datasetId, tableId },
        schema: { fields: t.fields.map((f) => ({ name: f.name, type: f.type, mode: f.mode ?? 'NULLABLE' })) },
        numRows: String(t.rows),
        numBytes: String(t.columnBytes.reduce((a, b) => a + b, 0)),
        location: 'US',
      };
    },
  };

  private readonly tabledataApi = {
    list: (projectId: string, datasetId: string, tableId: string, args: { maxResults?: number } = {}) => {
      this.enter('tabledata.list');
      const t = this.table('tabledata.list', projectId, datasetId, tableId);
      const limit = Math.max(0, Math.min(args.maxResults ?? 100_000, 100_000));
      const cols = t.fields.map((f) => this.restColumn(f));
      const r = this.db.run(`SELECT ${cols.join(', ')} FROM ${duckdb.table([projectId, datasetId, tableId])} LIMIT ${limit}`);
      return {
        kind: 'bigquery#tableDataList',
        totalRows: String(t.rows),
        rows: r.rows.map((row) => ({ f: row.map((v) => ({ v: restValue(v) })) })),
      };
    },
  };

  /** A column as the REST API writes its cells: TIMESTAMP as epoch seconds, DATE/DATETIME as ISO text. */
  private restColumn(f: BigQueryField): string {
    const c = duckdb.ident(f.name);
    const t = f.type.toUpperCase();
    if (t === 'TIMESTAMP') return `CAST(epoch(${c}) AS VARCHAR)`;
    if (t === 'DATE') return `CAST(${c} AS VARCHAR)`;
    if (t === 'DATETIME') return `strftime(${c}, '%Y-%m-%dT%H:%M:%S')`;
    return c;
  }

  /** Bytes a query scans: every column of every table it names, in full (on-demand pricing's rule). */
  private bytesOf(sql: string): number {
    let bytes = 0;
    for (const t of this.tables.values()) {
      const path = [t.ref.projectId, t.ref.datasetId, t.ref.tableId].map((p) => '`' + p + '`').join('.');
      if (!sql.includes(path)) continue;
      t.fields.forEach((f, i) => {
        if (sql.includes('`' + f.name + '`')) bytes += t.columnBytes[i];
      });
    }
    return bytes;
  }

  private readonly jobsApi = {
    query: (request: { query?: string; useLegacySql?: boolean; dryRun?: boolean; maxResults?: number }, projectId: string) => {
      this.enter('jobs.query', request.dryRun ? 'dryRun' : '');
      const sql = String(request.query ?? '');
      this.queries.push(sql);
      if (request.useLegacySql !== false)
        throw new BigQueryApiError('jobs.query', 400, 'invalidQuery', 'Legacy SQL is not what FunnelROI writes.');
      if (this.options.jobProjects && !this.options.jobProjects.includes(projectId)) {
        throw new BigQueryApiError(
          'jobs.query',
          403,
          'accessDenied',
          `Access Denied: Project ${projectId}: User does not have bigquery.jobs.create permission in project ${projectId}.`,
        );
      }
      // Every table the query names must exist and be readable, as BigQuery checks before it runs anything.
      for (const m of sql.matchAll(/`([^`]+)`\.`([^`]+)`\.`([^`]+)`/gu)) this.table('jobs.query', m[1], m[2], m[3]);
      const bytes = this.bytesOf(sql);
      if (request.dryRun) return { kind: 'bigquery#queryResponse', jobComplete: true, totalBytesProcessed: String(bytes), cacheHit: false };
      let result;
      try {
        result = this.db.run(toDuckDb(sql));
      } catch (error) {
        const text = error instanceof DuckDbError ? error.message.split('\n')[0] : String(error);
        throw new BigQueryApiError('jobs.query', 400, 'invalidQuery', `Syntax error or invalid query (DuckDB twin: ${text})`);
      }
      const id = `job_${++this.jobCount}`;
      const job: Job = {
        id,
        projectId,
        fields: result.columns.map((name, i) => ({ name, type: bigQueryType(result.types[i]), mode: 'NULLABLE' })),
        rows: result.rows.map((row) => ({ f: row.map((v) => ({ v: restValue(v) })) })),
        bytes,
        polls: 0,
      };
      this.jobs.set(id, job);
      return this.page(job, 0, request.maxResults, 'bigquery#queryResponse');
    },
    getQueryResults: (projectId: string, jobId: string, args: { pageToken?: string; maxResults?: number } = {}) => {
      this.enter('jobs.getQueryResults', args.pageToken ? 'page' : '');
      const job = this.jobs.get(jobId);
      if (!job || job.projectId !== projectId)
        throw new BigQueryApiError('jobs.getQueryResults', 404, 'notFound', `Not found: Job ${projectId}:${jobId}`);
      job.polls++;
      const start = args.pageToken ? Number(args.pageToken.replace(/^p/u, '')) : 0;
      return this.page(job, start, args.maxResults, 'bigquery#getQueryResultsResponse');
    },
  };

  private page(job: Job, start: number, maxResults: number | undefined, kind: string) {
    const jobReference = { projectId: job.projectId, jobId: job.id, location: 'US' };
    if (job.polls < (this.options.pendingPolls ?? 0)) return { kind, jobReference, jobComplete: false };
    const size = Math.min(maxResults ?? Infinity, this.options.pageRows ?? 10_000);
    const rows = job.rows.slice(start, start + size);
    const end = start + rows.length;
    return {
      kind,
      jobReference,
      jobComplete: true,
      schema: { fields: job.fields },
      rows,
      totalRows: String(job.rows.length),
      totalBytesProcessed: String(job.bytes),
      ...(end < job.rows.length ? { pageToken: `p${end}` } : {}),
    };
  }

  /** The advanced service object the bundle sees as the global `BigQuery`. */
  readonly service = { Tables: this.tablesApi, Tabledata: this.tabledataApi, Jobs: this.jobsApi };
}

function restValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
      ? String(v)
      : JSON.stringify(v);
}
