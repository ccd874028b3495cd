/**
 * Worked examples for DRR, CPO, PROFIT, ATTRIBUTION and COHORT_LTV, computed by hand in the comments; the
 * table functions are also checked against the dashboard's own aggregation of the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS } from '../../src/core/definitions/index.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import { col, err, fn } from './helpers.js';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('DRR, CPO, PROFIT', () => {
  it('DRR = spend / revenue', () => {
    expect(fn('DRR')(120000, 1000000)).toBeCloseTo(0.12, 12);
    expect(fn('DRR')(col(100, '', 50), col(1000, '', 0))).toEqual([[0.1], [''], ['']]);
    expect(err(() => fn('DRR')(100, 0))).toMatch(/^DRR: revenue/u);
  });
  it('CPO = cost / orders', () => {
    expect(fn('CPO')(9000, 45)).toBe(200);
    expect(err(() => fn('CPO')(-1, 3))).toMatch(/^CPO: cost must not be negative/u);
  });
  it('PROFIT = revenue × margin − cost', () => {
    expect(fn('PROFIT')(10000, 3000)).toBe(7000);
    expect(fn('PROFIT')(10000, 3000, 0.25)).toBe(-500); // 2500 − 3000
    expect(fn('PROFIT')(col(10000, 2000), col(3000, 1000), 0.5)).toEqual([[2000], [0]]);
    expect(err(() => fn('PROFIT')(1, 1, 2))).toMatch(/^PROFIT: gross_margin must be between 0 and 1/u);
  });
});

// Ann: google 01-01 → vk 01-11 → yandex 01-21 buys 1000; Bob: vk 01-05 buys 300 (ids in different case,
// e-mail ids normalised).
const ids = col('ann@x.ru', 'bob@x.ru', ' ANN@x.ru', 'ann@x.ru', 'Bob@X.ru');
const dates = col(d('2026-01-01'), d('2026-01-05'), d('2026-01-11'), d('2026-01-21'), d('2026-03-10'));
const channels = col('google', 'vk', 'vk', 'yandex', 'email');
const revenue = col('', 300, '', 1000, 200);

describe('ATTRIBUTION', () => {
  it('last touch: the purchase row’s channel (hand-worked)', () => {
    expect(fn('ATTRIBUTION')(ids, dates, channels, revenue)).toEqual([
      ['channel', 'revenue', 'customers', 'purchases'],
      ['google', 0, 0, 0],
      ['vk', 300, 1, 1],
      ['yandex', 1000, 1, 1],
      ['email', 200, 0, 1], // Bob's second purchase: a repeat sale, no new customer
    ]);
  });
  it("writes its header row (and a blank channel) in the spreadsheet's language, asking for it once", () => {
    const f = CUSTOM_FUNCTIONS.find((x) => x.name === 'ATTRIBUTION')!;
    let asked = 0;
    const ru = { timeZone: () => 'Etc/UTC', locale: () => (asked++, 'ru' as const) };
    const t = f.run(ru, [ids, dates, col('google', '', 'vk', 'yandex', 'email'), revenue]) as (string | number)[][];
    expect(t[0]).toEqual(['канал', 'выручка', 'клиенты', 'покупки']);
    expect(t.map((r) => r[0])).toContain('(не указан)');
    expect(asked).toBe(1);
    const cohort = CUSTOM_FUNCTIONS.find((x) => x.name === 'COHORT_LTV')!;
    const zh = { timeZone: () => 'Etc/UTC', locale: () => 'zh' as const };
    expect((cohort.run(zh, [ids, dates, revenue, 2]) as (string | number)[][])[0]).toEqual([
      '同期群',
      '客户',
      '第 0 月',
      '第 1 月',
      '第 2 月',
    ]);
  });

  it('linear and position-based split the journey', () => {
    const lin = fn('ATTRIBUTION')(ids, dates, channels, revenue, 'linear') as (string | number)[][];
    // Ann's 1000 over google, vk, yandex; Bob's 200 over vk (01-05) and email (03-10).
    const row = (t: (string | number)[][], ch: string) => t.find((r) => r[0] === ch)!;
    expect(row(lin, 'google')[1]).toBeCloseTo(1000 / 3, 9);
    expect(row(lin, 'vk')[1]).toBeCloseTo(300 + 1000 / 3 + 100, 9);
    expect(row(lin, 'vk')[2]).toBeCloseTo(1 + 1 / 3, 12);
    const pos = fn('ATTRIBUTION')(ids, dates, channels, revenue, 'position_based') as (string | number)[][];
    expect(row(pos, 'google')[1]).toBeCloseTo(400, 9);
    expect(row(pos, 'vk')[1]).toBeCloseTo(300 + 200 + 100, 9);
  });
  it('credits add up to the revenue and the customers under every model', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c', ''),
            day: fc.integer({ min: 1, max: 300 }),
            ch: fc.constantFrom('x', 'y', 'z'),
            rev: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: '' as const }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.constantFrom(...ATTRIBUTION_MODELS),
        (rows, model) => {
          if (rows.every((r) => r.rev === '')) return;
          const t = fn('ATTRIBUTION')(
            rows.map((r) => [r.id]),
            rows.map((r) => [new Date(Date.UTC(2026, 0, r.day))]),
            rows.map((r) => [r.ch]),
            rows.map((r) => [r.rev]),
            model,
          ) as (string | number)[][];
          const body = t.slice(1);
          const revenueTotal = rows.reduce((s, r) => s + (r.rev === '' ? 0 : r.rev), 0);
          // Distinct customers among buyers: named ids once each, every anonymous purchase its own.
          const buyers = rows.filter((r) => r.rev !== '');
          const customers = new Set(buyers.filter((r) => r.id !== '').map((r) => r.id)).size + buyers.filter((r) => r.id === '').length;
          expect(body.reduce((s, r) => s + (r[1] as number), 0)).toBeCloseTo(revenueTotal, 6);
          expect(body.reduce((s, r) => s + (r[2] as number), 0)).toBeCloseTo(customers, 9);
          expect(body.reduce((s, r) => s + (r[3] as number), 0)).toBeCloseTo(buyers.length, 9);
        },
      ),
    );
  });
  it('names the argument and row of bad input', () => {
    expect(
      err(() => fn('ATTRIBUTION')(ids, col(d('2026-01-01'), '', d('2026-01-03'), d('2026-01-04'), d('2026-01-05')), channels, revenue)),
    ).toBe('ATTRIBUTION: dates is blank on a row with data; every touch and purchase needs its date (row 2 of the range)');
    expect(err(() => fn('ATTRIBUTION')(ids, dates, channels, revenue, 'shapley'))).toMatch(
      /^ATTRIBUTION: model must be one of "last_touch"/u,
    );
    expect(err(() => fn('ATTRIBUTION')(ids, dates, channels, col('', '', '', '', '')))).toBe(
      'ATTRIBUTION: revenue has no purchases (all blank)',
    );
    expect(err(() => fn('ATTRIBUTION')(ids, dates.slice(0, 2), channels, revenue))).toMatch(/customer_ids is 5×1 but dates is 2×1/u);
  });
});

describe('COHORT_LTV', () => {
  it('cumulative gross profit per customer by months since the first purchase (hand-worked)', () => {
    // Orders: a 01-10 100, b 01-20 300, a 02-05 50, c 02-14 80, a 04-01 10. Data ends 04-01.
    const t = fn('COHORT_LTV')(
      col('a', 'b', 'a', 'c', 'A'),
      col(d('2026-01-10'), d('2026-01-20'), d('2026-02-05'), d('2026-02-14'), d('2026-04-01')),
      col(100, 300, 50, 80, 10),
      4,
      0.5,
    );
    expect(t).toEqual([
      ['cohort', 'customers', 'month 0', 'month 1', 'month 2', 'month 3', 'month 4'],
      // January: a and b; (100 + 300)/2 × .5 = 100; + a's 50 in Feb → 112.5; + a's 10 in April (k = 3) → 115.
      ['2026-01', 2, 100, 112.5, 112.5, 115, ''],
      // February: c alone, 80 × .5 = 40; months after April are blank, not zero.
      ['2026-02', 1, 40, 40, 40, '', ''],
    ]);
  });
  it('takes an order list longer than V8 can spread into one call (250k rows)', () => {
    const n = 250_000;
    const ids = Array.from({ length: n }, (_, i) => [`c${i % 5000}`]);
    // 50k orders a month, January to May: every customer's first order is in January.
    const dates = Array.from({ length: n }, (_, i) => [d(`2026-0${1 + Math.floor(i / 50_000)}-15`)]);
    const revenue = Array.from({ length: n }, () => [10]);
    const t = fn('COHORT_LTV')(ids, dates, revenue, 2, 1) as unknown[][];
    expect(t[1]).toEqual(['2026-01', 5000, 100, 200, 300]); // 50k × 10 / 5000 customers a month
  });
  it('refuses a months value it cannot show', () => {
    expect(err(() => fn('COHORT_LTV')(col('a'), col(d('2026-01-01')), col(1), 0))).toMatch(
      /^COHORT_LTV: months must be a whole number 1–60/u,
    );
  });
});
