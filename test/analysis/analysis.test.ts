/** Cohort LTV, the B2B block and findings on the hand-worked journeys (see test/support/journeys.ts). */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate/index.js';
import { addMonths, computeInsights, npsByChannel } from '../../src/core/analysis/index.js';
import { percentDecimalsFor } from '../../src/core/dashboard/formats.js';
import { findingText } from '../../src/core/i18n/metrics.js';
import { journeyCosts, journeyMapping, journeyRows } from '../support/journeys.js';

const margin = 0.5;
const data = aggregate(journeyMapping({ grossMargin: margin }), journeyRows, journeyCosts);
const ins = computeInsights(data, margin);

describe('cohort LTV (hand-worked, margin 50%, data until 2026-06-10)', () => {
  const cohort = ins.cohort!;
  it('cohort table: cumulative gross profit per acquired customer by calendar month since acquisition', () => {
    expect(ins.ltvBasis).toBe('cohort');
    const row = (c: string) => cohort.rows.find((r) => r.cohort === c)!;
    // 2026-01: Bob 300 → 150 in month 0; observed through June (k = 5).
    expect(row('2026-01').customers).toBe(1);
    expect(row('2026-01').cumulative.slice(0, 7)).toEqual([150, 150, 150, 150, 150, 150, null]);
    // 2026-02: Ann (1000 → 500; June 500 → 250 at k = 4) and the anonymous seo deal (400 → 200).
    expect(row('2026-02').customers).toBe(2);
    expect(row('2026-02').cumulative.slice(0, 6)).toEqual([350, 350, 350, 350, 475, null]);
    // 2026-03: Cat (2000 → 1000; April 100 → 50 at k = 1).
    expect(row('2026-03').cumulative.slice(0, 5)).toEqual([1000, 1050, 1050, 1050, null]);
  });

  it('LTV per acquisition channel counts only customers observed that long', () => {
    const ch = (name: string) => cohort.channels.find((c) => c.channel === name)!;
    // 3 months: everyone (Cat acquired 03-01 → 06-01 ≤ 06-10); Cat's April purchase is inside.
    expect(ch('google').observed).toEqual([1050, null, null]);
    expect(ch('yandex').observed).toEqual([500, null, null]);
    expect(ch('vk').observed).toEqual([150, null, null]);
    expect(ch('google').observedCustomers).toEqual([1, 0, 0]);
  });

  it('pooled curve and the projection say how they were made', () => {
    // k=1: (150 + 500 + 200 + 1000) / 4; k=2,3: Cat's 50 joins. k=4 would rest on 2 of the 4 customers
    // (Bob, Ann): not a majority of the 4 observed a month (the minimum is min(10, majority)), so the curve stops at 3.
    expect(cohort.pooled).toEqual([462.5, 475, 475]);
    // Slope over the last 2 steps: (475 − 462.5) / 2 = 6.25 a month, for 21 more months.
    expect(cohort.projection).toEqual({ horizonMonths: 24, fromMonth: 3, slopeMonths: 2, value: 475 + 6.25 * 21 });
    // A channel's projection: the pooled projection scaled by its 3-month LTV against the pooled 3-month value.
    expect(cohort.channels.find((c) => c.channel === 'vk')!.projected).toBeCloseTo(((475 + 6.25 * 21) * 150) / 475, 9);
  });

  it('one recent customer on a new channel blanks only that channel, with the reason', () => {
    // Dan arrives through bing a week before the data ends: observed for no month yet. He used to raise the
    // small-history bar to "all 5 customers", so no point of the pooled curve qualified and every channel's
    // projected LTV went blank.
    const rows = [...journeyRows, ['2026-06-02', 'bing', 'won', 700, '2026-06-08', 'D', '', '']];
    const more = computeInsights(aggregate(journeyMapping({ grossMargin: margin }), rows, journeyCosts), margin).cohort!;
    expect(more.pooled).toEqual(cohort.pooled);
    expect(more.projection).toEqual(cohort.projection);
    for (const c of cohort.channels) {
      const after = more.channels.find((x) => x.channel === c.channel)!;
      expect(after.projected).not.toBeNull();
      expect(after.projected).toBeCloseTo(c.projected!, 9);
      expect(after.blank).toBeNull();
    }
    const bing = more.channels.find((x) => x.channel === 'bing')!;
    expect([bing.projected, bing.blank]).toEqual([null, 'too_recent']);
  });

  it('a curve too short to project blanks every channel and says so', () => {
    // Only customers acquired in the last five weeks: the pooled curve has one month, a projection needs two.
    const rows: typeof journeyRows = [
      ['2026-04-20', 'google', 'won', 100, '2026-05-01', 'P', '', ''],
      ['2026-04-25', 'vk', 'won', 200, '2026-05-03', 'Q', '', ''],
      ['2026-06-01', 'vk', 'new', '', '', 'Z', '', ''],
      ['2026-06-02', 'vk', 'won', 50, '2026-06-10', 'Q', '', ''],
    ];
    const short = computeInsights(aggregate(journeyMapping({ grossMargin: margin }), rows, journeyCosts), margin).cohort!;
    expect(short.projection).toBeNull();
    expect(short.channels.map((c) => [c.channel, c.projected, c.blank])).toEqual([
      ['google', null, 'no_projection'],
      ['vk', null, 'no_projection'],
    ]);
  });

  it('addMonths clamps to the month end', () => {
    expect(new Date(addMonths(Date.UTC(2026, 0, 31), 1)).toISOString().slice(0, 10)).toBe('2026-02-28');
  });
});

describe('without customer history there is no LTV', () => {
  const noIds = journeyMapping();
  const stripped = { ...noIds, source: { ...noIds.source, columns: noIds.source.columns.filter((c) => c.role !== 'customer_id') } };
  const d = aggregate(stripped, journeyRows, journeyCosts);
  it('shows revenue per customer, and LTV only from lifespan and frequency given in options', () => {
    const plain = computeInsights(d, margin);
    expect(plain.ltvBasis).toBe('none');
    expect(plain.cohort).toBeNull();
    // Every won deal is its own customer: 6 customers, 4300 revenue.
    expect(plain.revenuePerCustomer).toBeCloseTo(4300 / 6, 9);
    const withInputs = computeInsights(
      aggregate(
        { ...stripped, options: { ...stripped.options, metrics: { lifespanYears: 3, purchasesPerYear: 2 } } },
        journeyRows,
        journeyCosts,
      ),
      margin,
    );
    expect(withInputs.ltvBasis).toBe('formula');
    // AOV 4300 / 6 × 2 per year × 3 years × 0.5.
    expect(withInputs.ltvFormula!.value).toBeCloseTo((4300 / 6) * 2 * 3 * 0.5, 9);
  });
});

describe('B2B block (hand-worked)', () => {
  const b2b = ins.b2b!;
  it('deal cycle per the deal’s own channel: median, mean, count', () => {
    const y = b2b.cycles.find((c) => c.channel === 'yandex')!;
    // 01-21 → 02-05 = 15 days; 06-01 → 06-10 = 9 days.
    expect(y).toEqual({ channel: 'yandex', count: 2, medianDays: 12, meanDays: 12 });
    // All: 15 (vk), 15, 18 (google), 5 (seo), 12 (telegram), 9.
    expect(b2b.cycleTotal.count).toBe(6);
    expect(b2b.cycleTotal.medianDays).toBe(13.5);
    expect(b2b.cycleTotal.meanDays).toBeCloseTo(74 / 6, 12);
  });

  it('repeat share, returns, profit, ДРР and CPO (last touch)', () => {
    expect(b2b.returnedCustomers).toBe(1);
    expect(b2b.customers).toBe(4);
    expect(b2b.moneyTotal.repeatShare).toBeCloseTo(600 / 4300, 12);
    const y = b2b.money.find((m) => m.channel === 'yandex')!;
    // yandex: revenue 1500, spend 300, gross profit 750.
    expect(y.profit).toBe(450);
    expect(y.drr).toBeCloseTo(0.2, 12);
    expect(y.cpo).toBe(150);
    expect(y.repeatShare).toBeCloseTo(500 / 1500, 12);
    expect(y.returns).toBe(1);
  });

  it('NPS per channel and period with answer counts', () => {
    const rows = [
      ['2026-01-05', 'vk', 'won', 300, '2026-01-20', 'B', 10],
      ['2026-01-06', 'vk', 'won', 100, '2026-02-03', 'C', 6],
      ['2026-01-07', 'vk', 'new', '', '', 'D', 'n/a'],
      ['2026-01-08', 'vk', 'won', 200, '2026-02-10', 'E', 8],
    ];
    const m = journeyMapping();
    const cols = [...m.source.columns.slice(0, 6), { index: 6, header: 'NPS', role: 'nps' as const }];
    const d = aggregate({ ...m, source: { ...m.source, lastColumn: 7, columns: cols } }, rows, journeyCosts);
    const b = computeInsights(d, margin).b2b!;
    const all = b.nps.find((n) => n.channel === 'vk' && n.period === null)!;
    // 3 answers: one promoter (10), one detractor (6), one passive (8) → 0.
    expect([all.answers, all.promoters, all.detractors, all.nps]).toEqual([3, 1, 1, 0]);
    const feb = b.nps.find((n) => n.period === '2026-02')!;
    expect([feb.answers, feb.nps]).toEqual([2, -50]);
  });
});

describe('findings', () => {
  const text = ins.findings.map((f) => findingText('en', f));
  it('name losing channels, the CAC range, model flips and the incomplete period', () => {
    // Last touch: vk 150 − 900, telegram 50 − 800 lose money.
    expect(text).toContain('2 channels lose money over the whole period: vk, telegram (together 1500.00).');
    // CAC: yandex 300/1 is cheapest, vk 900/1 dearest (telegram has no new customer, seo no spend).
    expect(text).toContain('Cheapest customer: yandex (CAC 300.00); dearest: vk (CAC 900.00), 3× more.');
    expect(text.some((t) => t.startsWith('telegram makes money under First touch'))).toBe(true);
    expect(text.some((t) => t.startsWith('yandex makes money under Last touch'))).toBe(true);
    expect(text).toContain('The period 2026-06 is incomplete (data until 2026-06-10): do not read its drop as a collapse.');
  });
  it('count losing channels with the plural form of each language (1, 2, 5, 21)', () => {
    const losing = (locale: 'en' | 'ru' | 'zh', count: number): string =>
      findingText(locale, { key: 'finding.losing', params: { count, channels: 'vk', loss: '10' } }).split(/[:：]/u)[0];
    expect([1, 2, 5, 21].map((n) => losing('en', n))).toEqual([
      '1 channel loses money over the whole period',
      '2 channels lose money over the whole period',
      '5 channels lose money over the whole period',
      '21 channels lose money over the whole period',
    ]);
    expect([1, 2, 5, 21, 11, 22].map((n) => losing('ru', n))).toEqual([
      '1 канал убыточен за весь период',
      '2 канала убыточны за весь период',
      '5 каналов убыточны за весь период',
      '21 канал убыточен за весь период',
      '11 каналов убыточны за весь период',
      '22 канала убыточны за весь период',
    ]);
    expect([1, 2, 5, 21].map((n) => losing('zh', n))).toEqual([
      '1 个渠道在整个期间亏损',
      '2 个渠道在整个期间亏损',
      '5 个渠道在整个期间亏损',
      '21 个渠道在整个期间亏损',
    ]);
  });
  it('are written in Russian and Chinese too', () => {
    const flip = ins.findings.find((f) => f.key === 'finding.modelFlip')!;
    expect(findingText('ru', flip)).toMatch(/Первое касание|Последнее касание/u);
    expect(findingText('zh', flip)).toMatch(/首次触点|末次触点/u);
  });
});

describe('inputs longer than V8 can spread into one call', () => {
  it('NPS from a 200k-answer survey sheet', () => {
    const survey = Array.from({ length: 200_000 }, (_, i) => ({ channel: i % 2 ? 'Ads' : 'SEO', time: null, score: i % 2 ? 10 : 0 }));
    const { total, rows } = npsByChannel([], null, survey);
    expect(total).toMatchObject({ answers: 200_000, nps: 0 });
    expect(rows.map((r) => [r.channel, r.nps])).toEqual([
      ['SEO', -100],
      ['Ads', 100],
    ]);
  });

  it('percent places for 300k channel rates', () => {
    const rates = Array.from({ length: 300_000 }, (_, i) => (i === 299_999 ? 0.00002 : 0.5));
    expect(percentDecimalsFor(rates)).toBe(3);
  });
});
