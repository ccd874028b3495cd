/**
 * The fake BigQuery's DuckDB twin (local/runtime/bigquery/translate.ts) means what the BigQuery text means:
 * the BigQuery rendering, translated and run on DuckDB, equals the DuckDB rendering on the same tables
 * (generated hostile data, every attribution model, id / e-mail / phone customers). Together with the
 * parity of the DuckDB rendering and memory, this ties the SQL the add-on sends to the in-memory figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, queryRows, loadMatrix, warehouseMatrix, type DuckDbSession } from '../../../src/cli/duckdb.js';
import { compileAggregation, identityKindOf } from '../../../src/core/warehouse/compile.js';
import { decodeAggregation } from '../../../src/core/warehouse/decode.js';
import { bigquery, duckdb } from '../../../src/core/warehouse/dialect.js';
import type { WarehouseTable } from '../../../src/core/warehouse/types.js';
import { SETUP, toDuckDb } from '../../../local/runtime/bigquery/translate.js';
import { hostileAggregated, hostileCrm } from '../../support/warehouse-hostile.js';
import { expectSame } from '../../support/warehouse-parity.js';

let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDb();
  for (const sql of SETUP) await db.connection.run(sql);
  await db.connection.run(`ATTACH ':memory:' AS "bq-proj"`);
  await db.connection.run(`CREATE SCHEMA "bq-proj"."ds"`);
});
afterAll(() => db.close());

/** The same table twice: as `name` for the DuckDB rendering and as `bq-proj`.`ds`.`name` for the BigQuery one; no row order. */
async function twin(name: string, t: WarehouseTable): Promise<{ duck: WarehouseTable; bq: WarehouseTable }> {
  await db.connection.run(`CREATE OR REPLACE TABLE "bq-proj"."ds"."${name}" AS SELECT * EXCLUDE ("__row") FROM "${name}"`);
  const columns = t.columns;
  return { duck: { path: [name], columns }, bq: { path: ['bq-proj', 'ds', name], columns } };
}

describe('translate: BigQuery SQL → its DuckDB twin', () => {
  it('refuses a function it does not know, instead of passing it through', () => {
    expect(() => toDuckDb('SELECT ARRAY_AGG(x ORDER BY y LIMIT 1)[OFFSET(0)] FROM t')).toThrow(/does not know the function ARRAY_AGG/u);
    expect(toDuckDb("SELECT `a\\`b`, 'it\\'s\\x01' FROM `p-1`.`d`.`t`")).toBe(`SELECT "a\`b", ('it''s' || chr(1)) FROM "p-1"."d"."t"`);
  });

  it('aggregated hostile data, every granularity', async () => {
    const { mapping, source } = hostileAggregated(7, 300);
    const m = warehouseMatrix(source, mapping.source.lastColumn - mapping.source.firstColumn + 1, 'Etc/UTC');
    const loaded = await loadMatrix(
      db.connection,
      'agg',
      mapping.source.columns.map((c) => c.header),
      m,
      2,
    );
    const { duck, bq } = await twin('agg', loaded);
    for (const granularity of ['week', 'month', 'quarter'] as const) {
      const mm = { ...mapping, options: { ...mapping.options, granularity, byCampaign: granularity === 'week' } };
      const opts = { timeZone: 'Asia/Shanghai' };
      const d = compileAggregation(mm, duck, null, duckdb, opts);
      const b = compileAggregation(mm, bq, null, bigquery, opts);
      const fromDuck = decodeAggregation(mm, d, await queryRows(db.connection, d.sql), false);
      const fromBq = decodeAggregation(mm, b, await queryRows(db.connection, toDuckDb(b.sql)), false);
      expectSame(fromBq, fromDuck);
    }
  });

  for (const attribution of ['last_touch', 'first_touch', 'linear', 'position_based', 'time_decay'] as const) {
    it(`CRM hostile data with weekly-spread costs, ${attribution}`, async () => {
      const { mapping, source, costs } = hostileCrm(8, 400, true);
      const width = (t: { firstColumn: number; lastColumn: number }) => t.lastColumn - t.firstColumn + 1;
      const s = warehouseMatrix(source, width(mapping.source), 'Etc/UTC');
      const c = warehouseMatrix(costs, width(mapping.costs!), 'Etc/UTC');
      const src = await twin(
        'crm',
        await loadMatrix(
          db.connection,
          'crm',
          mapping.source.columns.map((x) => x.header),
          s,
          2,
        ),
      );
      const cst = await twin('costs', await loadMatrix(db.connection, 'costs', ['c0', 'c1', 'c2'], c, 2));
      const mm = { ...mapping, options: { ...mapping.options, granularity: 'week' as const } };
      const opts = { timeZone: 'Europe/Moscow', metrics: { attribution }, identityKind: identityKindOf(mapping, s.rows) };
      const d = compileAggregation(mm, src.duck, cst.duck, duckdb, opts);
      const b = compileAggregation(mm, src.bq, cst.bq, bigquery, opts);
      const fromDuck = decodeAggregation(mm, d, await queryRows(db.connection, d.sql), true);
      const fromBq = decodeAggregation(mm, b, await queryRows(db.connection, toDuckDb(b.sql)), true);
      expect(fromDuck.totals.measures.orders).toBeGreaterThan(0);
      // The per-customer sums (model credits, cohorts) come through the BigQuery text too.
      expect(fromDuck.customers?.cohort?.members.length).toBeGreaterThan(0);
      expectSame(fromBq, fromDuck);
    });
  }
});
