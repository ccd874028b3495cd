/**
 * The compiled SQL on DuckDB equals the in-memory aggregator on the same data: the three samples at every
 * granularity and by campaign, and generated hostile data (see hostile.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/core/mapping/types.js';
import { openDuckDb, type DuckDbSession } from '../../src/cli/duckdb.js';
import { dataRows, loadSample, mappingFor } from '../support/samples.js';
import { bothEngines, expectSame } from './parity.js';
import { hostileAggregated, hostileCrm } from './hostile.js';

let db: DuckDbSession;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(() => db.close());

const SAMPLES = ['ad-platform-export-en', 'channel-monthly-zh', 'crm-leads-ru'];
const GRANULARITIES: Granularity[] = ['week', 'month', 'quarter'];

describe('DuckDB rendering equals the in-memory aggregator on the samples', () => {
  for (const name of SAMPLES) {
    for (const granularity of GRANULARITIES) {
      for (const byCampaign of [false, true]) {
        it(`${name}, ${granularity}${byCampaign ? ', by campaign' : ''}`, async () => {
          const sheets = loadSample(name);
          const mapping = mappingFor(sheets, [1, 2], { granularity, byCampaign });
          const source = dataRows(sheets[0].rows, mapping.source);
          const costs = mapping.costs && sheets[1] ? dataRows(sheets[1].rows, mapping.costs) : undefined;
          const { memory, sql } = await bothEngines(db.connection, { mapping, source, costs });
          expectSame(sql, memory);
        });
      }
    }
  }
});

const ZONES = ['Europe/Moscow', 'America/New_York', 'Asia/Shanghai'];

describe('DuckDB rendering equals the in-memory aggregator on generated hostile data', () => {
  for (const seed of [1, 2, 3]) {
    const timeZone = ZONES[seed - 1];
    it(`date cells (instants) read in the spreadsheet's zone, ${timeZone}`, async () => {
      const { mapping, source } = hostileAggregated(seed, 300, true);
      for (const granularity of GRANULARITIES) {
        const m = { ...mapping, options: { ...mapping.options, granularity } };
        const { memory, sql } = await bothEngines(db.connection, { mapping: m, source, opts: { timeZone } });
        expectSame(sql, memory);
      }
    });
    for (const granularity of GRANULARITIES) {
      it(`aggregated shape, seed ${seed}, ${granularity}, by campaign`, async () => {
        const { mapping, source } = hostileAggregated(seed, 400);
        const m = { ...mapping, options: { ...mapping.options, granularity, byCampaign: seed !== 2 } };
        const { memory, sql } = await bothEngines(db.connection, { mapping: m, source, opts: { timeZone } });
        expect(memory.skippedRows).toBeGreaterThan(0);
        expect(memory.warnings.map((w) => w.code)).toContain('rows_skipped_totals');
        expectSame(sql, memory);
      });
    }
    for (const [granularity, monthly] of [
      ['week', true],
      ['week', false],
      ['month', true],
      ['quarter', false],
    ] as const) {
      it(`CRM shape with ${monthly ? 'monthly' : 'daily'} costs, seed ${seed}, ${granularity}`, async () => {
        const { mapping, source, costs } = hostileCrm(seed, 400, monthly);
        const m = { ...mapping, options: { ...mapping.options, granularity, byCampaign: seed === 3 } };
        const { memory, sql } = await bothEngines(db.connection, { mapping: m, source, costs, opts: { timeZone } });
        expect(memory.warnings.map((w) => w.code)).toContain('unknown_statuses');
        if (monthly && granularity === 'week') expect(memory.notes).toContain('costs_spread_weekly');
        expectSame(sql, memory);
      });
      it(`CRM shape, first touch and the created basis, seed ${seed}, ${granularity}${monthly ? '' : ', by campaign'}`, async () => {
        const { mapping, source, costs } = hostileCrm(seed, 400, monthly);
        const m = { ...mapping, options: { ...mapping.options, granularity, byCampaign: !monthly } };
        const metrics = { attribution: 'first_touch', periodBasis: seed === 2 ? 'close' : 'created' } as const;
        const { memory, sql } = await bothEngines(db.connection, { mapping: m, source, costs, opts: { timeZone, metrics } });
        expectSame(sql, memory);
      });
    }
  }
});
