/** Runs one mapping through the in-memory aggregator and through the compiled SQL on DuckDB, on identical data. */
import { expect } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { aggregate, reportDayOrder, type AggregatedData } from '../../src/core/aggregate/index.js';
import type { Mapping, TableBinding } from '../../src/core/mapping/types.js';
import type { Matrix } from '../../src/core/values.js';
import { aggregateOnDuckDb, loadMatrix, warehouseMatrix } from '../../src/cli/duckdb.js';
import type { WarehouseOptions } from '../../src/core/warehouse/types.js';
import { identityKindOf } from '../../src/core/warehouse/compile.js';
import { computeInsights } from '../../src/core/analysis/index.js';

export interface Case {
  readonly mapping: Mapping;
  readonly source: Matrix;
  readonly costs?: Matrix;
  readonly opts?: WarehouseOptions;
}

function width(t: TableBinding): number {
  return t.lastColumn - t.firstColumn + 1;
}

export async function bothEngines(
  conn: DuckDBConnection,
  c: Case,
): Promise<{ memory: AggregatedData; sql: AggregatedData; analysed: ReturnType<typeof analyses> }> {
  const opts = { notSetLabel: '(none)', channelCostsLabel: '(costs)', timeZone: 'Etc/UTC', ...c.opts };
  const src = warehouseMatrix(c.source, width(c.mapping.source), opts.timeZone);
  const costTable = c.mapping.shape === 'crm' ? c.mapping.costs : null;
  const costs = costTable && c.costs ? warehouseMatrix(c.costs, width(costTable), opts.timeZone) : null;
  const memory = aggregate(c.mapping, src.rows, costs?.rows, {
    ...opts,
    metrics: c.opts?.metrics,
    firstRowNumber: c.mapping.source.firstDataRow,
    costsFirstRowNumber: costTable?.firstDataRow,
  });
  const srcTable = await loadMatrix(
    conn,
    'src',
    c.mapping.source.columns.map((col) => col.header),
    src,
    c.mapping.source.firstDataRow,
  );
  const costsTable =
    costTable && costs
      ? await loadMatrix(
          conn,
          'costs',
          Array.from({ length: width(costTable) }, (_, i) => `c${i}`),
          costs,
          costTable.firstDataRow,
        )
      : null;
  const sql = await aggregateOnDuckDb(conn, c.mapping, fixColumns(srcTable, width(c.mapping.source)), costsTable, {
    ...opts,
    identityKind: identityKindOf(c.mapping, src.rows),
    dayOrder: reportDayOrder(c.mapping, src.rows, costs?.rows),
  });
  // Per-deal records stay in the warehouse: the SQL path returns the sums, and per-customer sums for the
  // analyses, which must give the same model comparison, cohort LTV and findings as the records do.
  expect(sql.detail).toBeNull();
  expect(sql.customers !== undefined).toBe(c.mapping.shape === 'crm');
  const margin = 0.35;
  const analysed = analyses(sql, margin);
  expectSame(analysed, analyses(memory, margin));
  const { customers: _sums, ...sums } = sql;
  return { memory: { ...memory, detail: null }, sql: sums, analysed };
}

/** What the dashboard shows from per-customer data, as plain values (Maps become objects). */
export function analyses(data: AggregatedData, margin: number) {
  // Money in findings is text; it is written in full and read back, so a sum that differs in the last
  // bit (the engines add in different orders) cannot round to another cent and fail the comparison.
  const ins = computeInsights(data, margin, {}, (x) => `#${x}`);
  const c = ins.comparison;
  const findings = ins.findings.map((f) => ({
    ...f,
    params: Object.fromEntries(
      Object.entries(f.params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('#') ? Number(v.slice(1)) : v]),
    ),
  }));
  return {
    options: ins.options,
    ltvBasis: ins.ltvBasis,
    channels: ins.channels,
    comparison: c && { models: c.models, channels: c.channels, rows: c.models.map((m) => Object.fromEntries(c.rows[m])) },
    cohort: ins.cohort,
    findings,
  };
}

/** loadMatrix names columns by header; the mapping indexes them by position. */
function fixColumns<T extends { columns: readonly { name: string }[] }>(t: T, n: number): T {
  expect(t.columns.length).toBe(n);
  return t;
}

/** Numbers equal to 1e-9 relative (the engines add in different orders); everything else exactly. */
export function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = 1e-9 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${path}: not an array`);
    if (actual.length !== expected.length)
      throw new Error(
        `${path}: length ${actual.length} ≠ ${expected.length}\n${JSON.stringify(actual).slice(0, 2000)}\n${JSON.stringify(expected).slice(0, 2000)}`,
      );
    expected.forEach((e, i) => expectSame(actual[i], e, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') throw new Error(`${path}: not an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) expectSame((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}
