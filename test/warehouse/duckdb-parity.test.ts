/**
 * The compiled SQL on DuckDB equals the in-memory aggregator on the same data: the three samples at every
 * granularity and by campaign, and generated hostile data (see hostile.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/core/mapping/types.js';
import { aggregateOnDuckDb, loadMatrix, openDuckDb, type DuckDbSession } from '../../src/cli/duckdb.js';
import { inlineTable, warehouseMatrix } from '../../src/core/warehouse/inline.js';
import { duckdb } from '../../src/core/warehouse/dialect.js';
import { dataRows, loadSample, mappingFor } from '../support/samples.js';
import { aggregatedMapping } from '../support/mappings.js';
import { bothEngines, expectSame, type analyses } from '../support/warehouse-parity.js';
import { normalizeName } from '../../src/core/aggregate/cells.js';
import { hostileAggregated, hostileCrm } from '../support/warehouse-hostile.js';
import { parseDateValue, type Matrix } from '../../src/core/values.js';
import { isoDay } from '../../src/core/dates.js';
import { columnOf } from '../../src/core/aggregate/rows.js';
import { identityKindOf } from '../../src/core/warehouse/compile.js';
import { reportDayOrder } from '../../src/core/aggregate/index.js';

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

describe('month and week rows dated by their first day reach their period end in both engines (periods.ts RowSpan)', () => {
  it.each([
    ['channel-monthly-zh', undefined, null, '2026-12-31'],
    ['channel-monthly-zh', '2026-12-10', '2026-12', '2026-12-10'],
    // The weekly sample's last Monday row (2026-12-28) holds the week to Sunday 2027-01-03: December is whole.
    ['ad-platform-export-en', undefined, null, '2027-01-03'],
  ] as const)('%s, built on %s: incomplete %s, data to %s', async (name, today, incomplete, asOf) => {
    const sheets = loadSample(name);
    const mapping = mappingFor(sheets, [1], { granularity: 'month' });
    const { memory, sql } = await bothEngines(db.connection, {
      mapping,
      source: dataRows(sheets[0].rows, mapping.source),
      opts: { today },
    });
    expectSame(sql, memory);
    expect([memory.incompletePeriod, memory.asOf]).toEqual([incomplete, asOf]);
  });
});

describe('a date column of compact yyyymmdd days (GA4: numbers from its API, text in its BigQuery export)', () => {
  it.each(['number', 'text'] as const)('as %s: both engines read the same periods as the sample’s own dates', async (as) => {
    const sheets = loadSample('ad-platform-export-en');
    const mapping = mappingFor(sheets, [1], { granularity: 'month' });
    const source = dataRows(sheets[0].rows, mapping.source);
    const col = columnOf(mapping.source, 'date');
    const compact = source.map((row) =>
      row.map((v, c) => {
        if (c !== col) return v;
        const day = isoDay(parseDateValue(v, 'Etc/UTC') ?? Number.NaN).replaceAll('-', '');
        return as === 'number' ? Number(day) : day;
      }),
    );
    const original = await bothEngines(db.connection, { mapping, source });
    const { memory, sql } = await bothEngines(db.connection, { mapping, source: compact });
    expectSame(sql, memory);
    expect(memory.periods).toEqual(original.memory.periods);
    expect([memory.skippedRows, memory.periods.length]).toEqual([original.memory.skippedRows, 12]);
  });
});

describe('a one-month export under a "Month" header is a whole month in both engines (periods.ts namedSpan)', () => {
  it.each([
    ['Month', null, '2026-11-30'],
    ['Date', '2026-11', '2026-11-01'],
  ] as const)('%s: incomplete %s, data to %s', async (header, incomplete, asOf) => {
    const mapping = aggregatedMapping([
      [header, 'date'],
      ['Channel', 'channel'],
      ['Cost', 'spend'],
    ]);
    const source: Matrix = [
      ['2026-11-01', 'Search', 10],
      ['2026-11-01', 'Social', 20],
    ];
    const { memory, sql } = await bothEngines(db.connection, { mapping, source, opts: { today: '2026-12-05' } });
    expectSame(sql, memory);
    expect([memory.incompletePeriod, memory.asOf]).toEqual([incomplete, asOf]);
  });
});

describe('weeks that start on Sunday (US "Week" segments) go to the ISO week holding six of their seven days', () => {
  it('the weekly sample re-dated to Sundays gives the Monday sample’s weeks and figures, in both engines', async () => {
    const sheets = loadSample('ad-platform-export-en');
    const mapping = mappingFor(sheets, [1], { granularity: 'week' });
    const source = dataRows(sheets[0].rows, mapping.source);
    const col = columnOf(mapping.source, 'date');
    const sundays = source.map((row) =>
      row.map((v, c) => (c === col ? isoDay((parseDateValue(v, 'Etc/UTC') ?? Number.NaN) - 86_400_000) : v)),
    );
    const monday = await bothEngines(db.connection, { mapping, source, opts: { today: '2027-06-01' } });
    const sunday = await bothEngines(db.connection, { mapping, source: sundays, opts: { today: '2027-06-01' } });
    expectSame(sunday.sql, sunday.memory);
    expect(sunday.memory.periods).toEqual(monday.memory.periods);
    expect(sunday.memory.rows.map((r) => r.byPeriod)).toEqual(monday.memory.rows.map((r) => r.byPeriod));
    // In a monthly report a week stays in the month of its first day.
    const monthly = { ...mapping, options: { ...mapping.options, granularity: 'month' as const } };
    const { memory } = await bothEngines(db.connection, { mapping: monthly, source: sundays, opts: { today: '2027-06-01' } });
    const months = [...new Set(sundays.map((row) => String(row[col]).slice(0, 7)))].sort();
    expect(memory.periods).toEqual(months);
  });
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

/** The hostile CRM data with its customer column respelled as e-mails or phones: one person, several spellings. */
function respelled(source: Matrix, kind: 'email' | 'phone'): Matrix {
  const spellings: Record<'email' | 'phone', Record<string, string>> = {
    email: {
      C1: ' Ivan1@Mail.RU ',
      c1: 'ivan1@mail.ru',
      ' C1': 'mailto:IVAN1@mail.ru',
      C2: 'ivan2@mail.ru',
      C3: 'not an address',
      C4: 'x@',
      C5: '@y.com',
      Ｃ６: 'ｉｖａｎ６@ｍａｉｌ.ｒｕ',
      '`C2': '`Ivan2@mail.ru',
      "'c3": "'not an address",
    },
    phone: {
      C1: '+7 (912) 000-11-22',
      c1: '8 912 000 11 22',
      ' C1': '0079120001122',
      C2: '+1 415 555 0100',
      C3: '(415) 555-0100',
      C4: '+44 20 7946 0958',
      C5: '8 (912) 000-11-22',
      Ｃ６: '８ ９１２ ０００ １１ ２２',
      '`C2': '`+1 415 555 0100',
      "'c3": "'(415) 555-0100",
    },
  };
  return source.map((row) => row.map((v, c) => (c === 6 && typeof v === 'string' && v !== '' ? (spellings[kind][v] ?? v) : v)));
}

describe('DuckDB rendering equals the in-memory aggregator: multi-touch attribution and e-mail/phone identity', () => {
  const MODELS = ['linear', 'position_based', 'time_decay'] as const;
  for (const attribution of MODELS) {
    it(`crm-leads-ru sample, ${attribution}, both period bases`, async () => {
      const sheets = loadSample('crm-leads-ru');
      for (const periodBasis of ['close', 'created'] as const) {
        const mapping = mappingFor(sheets, [1, 2], { granularity: 'month', byCampaign: periodBasis === 'created' });
        const source = dataRows(sheets[0].rows, mapping.source);
        const costs = mapping.costs && sheets[1] ? dataRows(sheets[1].rows, mapping.costs) : undefined;
        const metrics = { attribution, periodBasis, halfLifeDays: 10 };
        const { memory, sql } = await bothEngines(db.connection, { mapping, source, costs, opts: { metrics } });
        expectSame(sql, memory);
      }
    });
    for (const seed of [1, 2, 3]) {
      it(`hostile CRM, ${attribution}, seed ${seed}`, async () => {
        const { mapping, source, costs } = hostileCrm(seed, 400, seed === 2);
        const granularity = GRANULARITIES[seed - 1];
        const m = { ...mapping, options: { ...mapping.options, granularity, byCampaign: seed === 3 } };
        const metrics = { attribution, periodBasis: seed === 1 ? 'created' : 'close', halfLifeDays: seed * 2.5 } as const;
        const { memory, sql } = await bothEngines(db.connection, {
          mapping: m,
          source,
          costs,
          opts: { timeZone: ZONES[seed - 1], metrics },
        });
        expect(memory.totals.measures.orders).toBeGreaterThan(0);
        expectSame(sql, memory);
      });
    }
  }
  for (const kind of ['email', 'phone'] as const) {
    for (const attribution of ['last_touch', 'first_touch', 'time_decay'] as const) {
      it(`a customer column of ${kind}s, ${attribution}`, async () => {
        const { mapping, source, costs } = hostileCrm(4, 400, false);
        const spelled = respelled(source, kind);
        expect(identityKindOf(mapping, spelled)).toBe(kind);
        const { memory, sql } = await bothEngines(db.connection, { mapping, source: spelled, costs, opts: { metrics: { attribution } } });
        // The spellings of one person are one customer: fewer new customers than won deals.
        expect(memory.totals.measures.customers).toBeLessThan(memory.totals.measures.orders);
        expectSame(sql, memory);
      });
    }
  }
});

describe('DuckDB rendering: the per-customer analyses from SQL sums', () => {
  it('crm-leads-ru: the model comparison and cohort LTV are computed, and equal the in-memory ones', async () => {
    const sheets = loadSample('crm-leads-ru');
    const mapping = mappingFor(sheets, [1, 2], { granularity: 'month', byCampaign: false });
    const source = dataRows(sheets[0].rows, mapping.source);
    const costs = mapping.costs && sheets[1] ? dataRows(sheets[1].rows, mapping.costs) : undefined;
    // bothEngines requires the analyses of both engines to be equal; here they must also exist.
    const { analysed } = await bothEngines(db.connection, { mapping, source, costs });
    expect(analysed.ltvBasis).toBe('cohort');
    expect(analysed.cohort?.rows.length).toBeGreaterThan(1);
    expect(analysed.cohort?.channels.length).toBeGreaterThan(1);
    expect(analysed.comparison?.channels.length).toBeGreaterThan(1);
    // Repeat sales and returns exist in the sample, so the return rule is exercised, not only new customers.
    const credits = Object.values(analysed.comparison?.rows[0] ?? {});
    expect(credits.reduce((s, c) => s + c.repeatSales, 0)).toBeGreaterThan(0);
    expect(credits.reduce((s, c) => s + c.returns, 0)).toBeGreaterThan(0);
  });

  it('hostile CRM, seed 5: first-touch, position-based and time-decay cohorts agree', async () => {
    for (const attribution of ['first_touch', 'position_based', 'time_decay'] as const) {
      const { mapping, source, costs } = hostileCrm(5, 500, false);
      const { analysed } = await bothEngines(db.connection, { mapping, source, costs, opts: { metrics: { attribution } } });
      expect(analysed.cohort).not.toBeNull();
    }
  });
});

describe('same-day leads: one tie-break for both paths, not row order', () => {
  /** The analyses with channel labels folded and channel lists sorted: labels are first-seen spellings. */
  const folded = (a: ReturnType<typeof analyses>) => {
    const fold = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(fold)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v).map(([k, x]) => [k, k === 'channel' && typeof x === 'string' ? normalizeName(x) : fold(x)]),
            )
          : v;
    const byChannel = (x: { channel: string }, y: { channel: string }) => (x.channel < y.channel ? -1 : x.channel > y.channel ? 1 : 0);
    const f = fold({ ...a, findings: [] }) as ReturnType<typeof analyses>;
    return {
      ...f,
      channels: [...(f.channels ?? [])].sort(byChannel),
      comparison: f.comparison && { ...f.comparison, channels: [...f.comparison.channels].sort() },
      cohort: f.cohort && { ...f.cohort, channels: [...f.cohort.channels].sort(byChannel) },
    };
  };

  it('the rows in reverse order credit every model and every cohort alike, in memory and in SQL', async () => {
    const { mapping, source, costs } = hostileCrm(6, 400, false);
    // Several leads of one customer on one day: the case row order used to decide.
    const seen = new Map<string, number>();
    for (const row of source) {
      const key = `${String(row[6])}|${String(row[1])}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.values()].some((n) => n > 1)).toBe(true);
    for (const attribution of ['first_touch', 'position_based', 'time_decay'] as const) {
      const opts = { metrics: { attribution } };
      const forward = await bothEngines(db.connection, { mapping, source, costs, opts });
      const reversed = await bothEngines(db.connection, { mapping, source: [...source].reverse(), costs, opts });
      expectSame(folded(reversed.analysed), folded(forward.analysed));
    }
  });
});

describe('a costs sheet beside a warehouse CRM table: inlined into the query', () => {
  it('gives what the costs table loaded into DuckDB gives, and the in-memory path', async () => {
    const { mapping, source, costs } = hostileCrm(7, 300, true);
    const m = { ...mapping, options: { ...mapping.options, granularity: 'week' as const } };
    const { memory, sql } = await bothEngines(db.connection, { mapping: m, source, costs });
    const width = (t: { firstColumn: number; lastColumn: number }) => t.lastColumn - t.firstColumn + 1;
    const s = warehouseMatrix(source, width(m.source), 'Etc/UTC');
    const src = await loadMatrix(
      db.connection,
      'src_beside_sheet',
      m.source.columns.map((c) => c.header),
      s,
      m.source.firstDataRow,
    );
    const c = warehouseMatrix(costs, width(m.costs!), 'Etc/UTC');
    const sheet = inlineTable(duckdb, c, m.costs!.firstDataRow, 'Costs');
    const inlined = await aggregateOnDuckDb(db.connection, m, src, sheet, {
      notSetLabel: '(none)',
      channelCostsLabel: '(costs)',
      timeZone: 'Etc/UTC',
      identityKind: identityKindOf(m, s.rows),
      dayOrder: reportDayOrder(m, s.rows, c.rows),
    });
    expect(memory.totals.measures.spend).toBeGreaterThan(0);
    expect(memory.notes).toContain('costs_spread_weekly');
    const { customers: _sums, ...sums } = inlined;
    expectSame(sums, sql);
    expectSame(sums, memory);
  });

  it('a sheet too big for the BigQuery query text is refused with a coded error, not sent', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Channel ${i % 9}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, i]);
    expect(() => inlineTable(duckdb, warehouseMatrix(rows, 3, 'Etc/UTC'), 2, 'Расходы')).toThrow(
      expect.objectContaining({ code: 'warehouse_sheet_too_big' }),
    );
  });
});
