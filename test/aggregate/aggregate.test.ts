import { describe, expect, it } from 'vitest';
import { aggregate, isoWeekKey, periodKey } from '../../src/core/aggregate/index.js';
import { computeInsights } from '../../src/core/analysis/index.js';
import type { ColumnRole, Mapping, StatusRule, TableBinding } from '../../src/core/mapping/types.js';
import type { Matrix } from '../../src/core/values.js';
import { tableBinding } from '../support/table-binding.js';

function table(roles: ColumnRole[], sheetId = 1): TableBinding {
  return tableBinding(roles, sheetId, (_, index) => `H${index}`);
}

function aggregatedMapping(roles: ColumnRole[], extra: Partial<Mapping> = {}, options: Partial<Mapping['options']> = {}): Mapping {
  return {
    schemaVersion: 2,
    shape: 'aggregated',
    source: table(roles),
    costs: null,
    funnel: [],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 1, currency: 'USD', dashboardName: 'D', byCampaign: false, ...options },
    ...extra,
  };
}

const row = (agg: ReturnType<typeof aggregate>, channel: string, campaign: string | null = null) => {
  const r = agg.rows.find((x) => x.channel === channel && x.campaign === campaign);
  if (!r) throw new Error(`no row ${channel}/${campaign}; have ${agg.rows.map((x) => x.channel).join(',')}`);
  return r;
};

describe('period keys', () => {
  it('uses ISO weeks (Jan 1 2027 is a Friday, so it belongs to 2026-W53)', () => {
    expect(isoWeekKey(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeekKey(Date.UTC(2026, 0, 1))).toBe('2026-W01'); // Thursday
    expect(isoWeekKey(Date.UTC(2026, 0, 12))).toBe('2026-W03'); // Monday of week 3
    expect(periodKey(Date.UTC(2026, 2, 31), 'month')).toBe('2026-03');
    expect(periodKey(Date.UTC(2026, 3, 1), 'quarter')).toBe('2026-Q2');
  });
});

describe('aggregate: aggregated shape', () => {
  const roles: ColumnRole[] = ['date', 'channel', 'spend', 'leads', 'customers', 'revenue'];
  const source: Matrix = [
    ['2026-01-05', 'Google Ads', '1 234,50 ₽', 10, 1, '$1,000.00'],
    ['05.01.2026', ' google ads ', 765.5, '5', '', 500],
    ['2026-02-10', 'Meta', 100, 4, 0, 0],
    ['2026-02-11', '', 50, 1, 0, 0],
    ['not a date', 'Meta', 1, 1, 1, 1],
    ['2026-02-12', 'Meta', 'abc', 1, 1, 1],
    ['2026-02-13', 'Meta', '#N/A', 1, 1, 1],
    ['', '', '', '', '', ''],
  ];
  const agg = aggregate(aggregatedMapping(roles), source, undefined, { notSetLabel: '(none)' });

  it('sums text numbers, matches channels case-insensitively and keeps the first spelling', () => {
    const g = row(agg, 'Google Ads');
    expect(g.total.measures.spend).toBeCloseTo(1234.5 + 765.5, 9);
    expect(g.total.measures.leads).toBe(15);
    expect(g.total.measures.customers).toBe(1);
    expect(g.total.measures.revenue).toBe(1500);
    expect(agg.periods).toEqual(['2026-01', '2026-02']);
    expect(g.byPeriod[1].measures.spend).toBe(0);
  });

  it('labels blank channels and keeps totals equal to the sum of rows', () => {
    expect(row(agg, '(none)').total.measures.spend).toBe(50);
    expect(agg.totals.measures.spend).toBeCloseTo(2000 + 100 + 50, 9);
    expect(agg.measures).toEqual(['spend', 'leads', 'customers', 'revenue']);
  });

  it('skips unreadable rows and says which, never silently', () => {
    expect(agg.sourceRows).toBe(7);
    expect(agg.usedRows).toBe(4);
    expect(agg.skippedRows).toBe(3);
    const codes = agg.warnings.map((w) => w.code).sort();
    expect(codes).toEqual(['rows_skipped_date', 'rows_skipped_error', 'rows_skipped_number']);
    const dateWarning = agg.warnings.find((w) => w.code === 'rows_skipped_date');
    expect(dateWarning?.params?.rows).toBe('6'); // sheet row: data starts at row 2, fifth data row
    expect(agg.warnings.find((w) => w.code === 'rows_skipped_number')?.message).toContain('H2');
  });

  it('without a date column puts everything in one period', () => {
    const m = aggregatedMapping(['channel', 'spend']);
    const a = aggregate(m, [
      ['A', 1],
      ['a', 2],
    ]);
    expect(a.periods).toEqual(['all']);
    expect(a.granularity).toBeNull();
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0].total.measures.spend).toBe(3);
  });

  it('breaks down by campaign when asked, and sums funnel stage columns', () => {
    const m = aggregatedMapping(
      ['date', 'channel', 'campaign', 'spend', 'stage'],
      { funnel: [{ id: 'mql', label: 'MQL', column: 4 }] },
      { byCampaign: true, granularity: 'quarter' },
    );
    const a = aggregate(m, [
      ['2026-01-01', 'G', 'brand', 1, 2],
      ['2026-05-01', 'G', 'Brand', 2, 3],
      ['2026-05-01', 'G', 'generic', 4, 5],
    ]);
    expect(a.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(row(a, 'G', 'brand').total.stages).toEqual([5]);
    expect(row(a, 'G', 'generic').total.measures.spend).toBe(4);
  });

  it('skips a Total line at the bottom of an export', () => {
    const m = aggregatedMapping(['date', 'channel', 'spend']);
    const a = aggregate(m, [
      ['2026-01-01', 'A', 5],
      ['', 'Итого', 5],
    ]);
    expect(a.totals.measures.spend).toBe(5);
    expect(a.warnings.map((w) => w.code)).toContain('rows_skipped_totals');
  });

  it('skips a Total line whose label carries a payment bill text mark ("`总计"), not doubling the sums', () => {
    const m = aggregatedMapping(['date', 'channel', 'spend']);
    const a = aggregate(m, [
      ['`2026-01-01', '`微信支付', '`5.00'],
      ['`2026-01-02', '`支付宝', '`7.00'],
      ['', '`总计', '`12.00'],
    ]);
    expect(a.totals.measures.spend).toBe(12);
    expect(a.warnings.map((w) => w.code)).toContain('rows_skipped_totals');
  });
});

describe('aggregate: a no-figure marker is a blank, not an unreadable row', () => {
  it('keeps an organic row whose cost is "N/A" or "—", with its leads and revenue', () => {
    const roles: ColumnRole[] = ['date', 'channel', 'spend', 'leads', 'revenue'];
    const source: Matrix = [
      ['2026-03-02', 'googleadwords_int', 1530, 612, 1284.5],
      ['2026-03-02', 'Organic', 'N/A', 1470, 3120.4],
      ['2026-03-03', 'Organic', '—', '-', '暂无'],
      ['2026-03-03', 'Organic', 'n/a?', 5, 5],
    ];
    const agg = aggregate(aggregatedMapping(roles), source);
    const organic = row(agg, 'Organic');
    expect(organic.total.measures.leads).toBe(1470);
    expect(organic.total.measures.revenue).toBeCloseTo(3120.4, 9);
    expect(organic.total.measures.spend).toBe(0);
    // Text that is neither a figure nor a marker is still unreadable, and said so.
    expect(agg.skippedRows).toBe(1);
    expect(agg.warnings.map((w) => w.code)).toEqual(['rows_skipped_number']);
  });

  it('a gross profit of "—" is unknown, like a blank one, not a profit of 0', () => {
    const rules: StatusRule[] = [{ status: 'Won', kind: 'won' }];
    const mapping: Mapping = {
      ...aggregatedMapping([]),
      shape: 'crm',
      source: table(['date', 'channel', 'status', 'revenue', 'gross_profit']),
      funnel: [{ id: 'won', label: 'Won' }],
      statusRules: rules,
      options: { granularity: 'month', grossMargin: 0.5, currency: 'RUB', dashboardName: 'D', byCampaign: false },
    };
    const profitOf = (cell: string | number): number | null | undefined =>
      aggregate(mapping, [['2026-01-05', 'seo', 'Won', 1000, cell]]).detail?.deals[0]?.lead.grossProfit;
    expect(profitOf('—')).toBeNull();
    expect(profitOf('N/A')).toBeNull();
    expect(profitOf('')).toBeNull();
    expect(profitOf(0)).toBe(0);
  });
});

describe('aggregate: CRM shape', () => {
  const funnel = [
    { id: 'leads', label: 'Leads' },
    { id: 'qualified', label: 'Qualified' },
    { id: 'proposal', label: 'Proposal' },
    { id: 'won', label: 'Won' },
  ];
  const rules: StatusRule[] = [
    { status: 'New', kind: 'stage', stageId: 'leads' },
    { status: 'Qualified', kind: 'stage', stageId: 'qualified' },
    { status: 'Proposal sent', kind: 'stage', stageId: 'proposal' },
    { status: 'Won', kind: 'won' },
    { status: 'Lost', kind: 'lost', stageId: 'qualified' },
    { status: 'Lost early', kind: 'lost' },
    { status: 'Spam', kind: 'junk' },
  ];
  const source: Matrix = [
    // date, channel, status, revenue, customer
    ['2026-01-03', 'yandex', 'New', '', 'c1'],
    ['2026-01-04', 'Yandex', 'proposal sent', 999, 'c2'], // revenue ignored: not won
    ['2026-01-05', 'yandex', 'Won', '10 000', 'c3'],
    ['2026-02-01', 'yandex', 'Won', 5000, 'c3'], // repeat customer: an order, not a new customer
    ['2026-01-06', 'vk', 'Lost', '', 'c4'],
    ['2026-01-07', 'vk', 'Lost early', '', 'c5'],
    ['2026-01-08', 'vk', 'Spam', '', 'c6'],
    ['2026-01-09', 'vk', 'Mystery', '', 'c7'],
    ['2026-01-10', 'seo', 'Won', 700, 'c8'],
  ];
  const costs: Matrix = [
    ['2026-01-01', 'YANDEX', '3 000'],
    ['2026-02-01', 'yandex', 1000],
    ['2026-01-01', 'vk', 600],
    ['2026-01-01', 'telegram', 400], // spend with no leads: must still appear
  ];
  const mapping: Mapping = {
    schemaVersion: 2,
    shape: 'crm',
    source: table(['date', 'channel', 'status', 'revenue', 'customer_id']),
    costs: table(['date', 'channel', 'spend'], 2),
    funnel,
    statusRules: rules,
    options: { granularity: 'month', grossMargin: 0.5, currency: 'RUB', dashboardName: 'D', byCampaign: false },
  };
  const agg = aggregate(mapping, source, costs);

  it('counts a status at stage k in every earlier stage; won in all stages', () => {
    const y = row(agg, 'yandex');
    // New → [1,0,0,0]; Proposal → [1,1,1,0]; Won ×2 → [1,1,1,1] each
    expect(y.total.stages).toEqual([4, 3, 3, 2]);
    expect(y.total.measures.leads).toBe(4);
    expect(y.total.measures.orders).toBe(2);
    expect(y.total.measures.customers).toBe(1);
    expect(y.total.measures.revenue).toBe(15000);
  });

  it('lost counts up to its stage (default the first), junk is apart, unknown is a lead with a warning', () => {
    const v = row(agg, 'vk');
    // Lost@qualified → [1,1,0,0]; Lost early → [1,0,0,0]; Mystery → [1,0,0,0]; Spam → junk
    expect(v.total.stages).toEqual([3, 1, 0, 0]);
    expect(v.total.measures.leads).toBe(3);
    expect(v.total.junk).toBe(1);
    const w = agg.warnings.find((x) => x.code === 'unknown_statuses');
    expect(w?.message).toContain('Mystery (1)');
  });

  it('joins costs by normalised channel and period; cost-only channels appear; uncosted channels warn', () => {
    const y = row(agg, 'yandex');
    expect(agg.periods).toEqual(['2026-01', '2026-02']);
    expect(y.byPeriod.map((f) => f.measures.spend)).toEqual([3000, 1000]);
    const t = row(agg, 'telegram');
    expect(t.total.measures.spend).toBe(400);
    expect(t.total.measures.leads).toBe(0);
    expect(agg.warnings.find((x) => x.code === 'channels_without_costs')?.message).toContain('seo');
    expect(agg.measures).toContain('spend');
    expect(agg.notes).toContain('crm_cohort');
  });

  it('spreads monthly costs over ISO weeks by days when the granularity is week', () => {
    const weekly = aggregate({ ...mapping, options: { ...mapping.options, granularity: 'week' } }, source, [['2026-02-01', 'vk', 2800]]);
    const v = row(weekly, 'vk');
    const spend = new Map(weekly.periods.map((p, i) => [p, v.byPeriod[i].measures.spend]));
    // Feb 2026: 28 days; Feb 1 is a Sunday (W05: 1 day), W06–W08 have 7 days, W09 has Feb 23–28 (6 days).
    expect(spend.get('2026-W05')).toBeCloseTo(100, 9);
    expect(spend.get('2026-W06')).toBeCloseTo(700, 9);
    expect(spend.get('2026-W09')).toBeCloseTo(600, 9);
    expect(v.total.measures.spend).toBeCloseTo(2800, 9);
    expect(weekly.notes).toContain('costs_spread_weekly');
  });
});

describe('aggregate: CRM rows created in a period label (issue 9)', () => {
  const funnel = [
    { id: 'leads', label: 'Leads' },
    { id: 'won', label: 'Won' },
  ];
  const rules: StatusRule[] = [
    { status: 'New', kind: 'stage', stageId: 'leads' },
    { status: 'Won', kind: 'won' },
  ];
  const mapping = (granularity: 'week' | 'month' | 'quarter' = 'month'): Mapping => ({
    schemaVersion: 2,
    shape: 'crm',
    source: table(['date', 'channel', 'status', 'revenue', 'close_date', 'customer_id']),
    costs: null,
    funnel,
    statusRules: rules,
    options: { granularity, grossMargin: 1, currency: 'RUB', dashboardName: 'D', byCampaign: false },
  });
  // date (a day or a label in en/ru/zh spellings), channel, status, revenue, close date, customer
  const source: Matrix = [
    ['2026-01', 'yandex', 'Won', 1000, '2026-01-20', 'c1'],
    ['Январь 2026', 'yandex', 'New', '', '', 'c2'],
    ['2026年2月', 'vk', 'Won', 500, '2026-02-10', 'c3'],
    ['Feb 2026', 'vk', 'Won', 300, '', 'c4'],
    ['2026-02-03', 'vk', 'Won', 700, '2026-02-13', 'c5'],
    ['someday', 'vk', 'New', '', '', 'c6'],
  ];

  it('reads every labelled row into its period instead of skipping it', () => {
    const agg = aggregate(mapping(), source);
    expect(agg.periods).toEqual(['2026-01', '2026-02']);
    expect(agg.usedRows).toBe(5);
    expect(agg.skippedRows).toBe(1);
    const y = row(agg, 'yandex');
    expect(y.byPeriod.map((f) => f.measures.leads)).toEqual([2, 0]);
    expect(y.total.measures.revenue).toBe(1000);
    const v = row(agg, 'vk');
    expect(v.byPeriod.map((f) => f.measures.leads)).toEqual([0, 3]);
    expect(v.byPeriod.map((f) => f.measures.revenue)).toEqual([0, 1500]);
    // A labelled month counts to its last day in the date range.
    expect(agg.dateRange).toEqual({ from: '2026-01-01', to: '2026-02-28', last: '2026-02-13' });
    const skipped = agg.warnings.find((w) => w.code === 'rows_skipped_date');
    expect(skipped?.params).toMatchObject({ count: 1, rows: '7' });
  });

  it('reports the labelled rows and leaves their deals out of the deal cycle (a cycle needs a creation day)', () => {
    const agg = aggregate(mapping(), source);
    const w = agg.warnings.find((x) => x.code === 'created_period_labels');
    // Won deals with a close date but a labelled creation: 2026-01 (yandex) and 2026年2月 (vk).
    expect(w?.params).toMatchObject({ count: 4, column: 'H0', example: '2026-01', deals: 2 });
    const b2b = computeInsights(agg, 1).b2b;
    // Only the day-dated deal has a cycle: 2026-02-03 → 2026-02-13.
    expect(b2b?.cycleTotal).toMatchObject({ count: 1, medianDays: 10 });
    expect(b2b?.cycles.map((c) => [c.channel, c.count])).toEqual([['vk', 1]]);
  });

  it('a day-dated export gets no such warning and every won deal has a cycle', () => {
    const days = source.slice(0, 5).map((r, i) => [`2026-0${i < 2 ? 1 : 2}-0${i + 1}`, ...r.slice(1)]);
    const agg = aggregate(mapping(), days);
    expect(agg.warnings.map((w) => w.code)).not.toContain('created_period_labels');
    expect(computeInsights(agg, 1).b2b?.cycleTotal.count).toBe(3);
  });

  it('built while the labelled month runs, the data reaches the build day and that month is incomplete', () => {
    // The last row's February started before 14 February and ends after it: February so far, not a whole month.
    const running = aggregate(mapping(), source, undefined, { today: '2026-02-14' });
    expect([running.incompletePeriod, running.asOf, running.dateRange?.to]).toEqual(['2026-02', '2026-02-14', '2026-02-14']);
    // Built in March, February is whole.
    expect(aggregate(mapping(), source, undefined, { today: '2026-03-02' })).toMatchObject({ incompletePeriod: null, asOf: '2026-02-28' });
  });

  it('a label longer than the report period is skipped as such, never split: a month in a weekly report', () => {
    const agg = aggregate(mapping('week'), source);
    expect(agg.usedRows).toBe(1);
    expect(agg.warnings.find((w) => w.code === 'rows_skipped_period')?.params).toMatchObject({ count: 4, rows: '2, 3, 4, 5' });
    const quarterly = aggregate(mapping('quarter'), source);
    expect(quarterly.periods).toEqual(['2026-Q1']);
    expect(quarterly.usedRows).toBe(5);
  });

  it('a return gap in days is not measured from a labelled creation', () => {
    const repeat: Matrix = [
      ['2026-01', 'yandex', 'Won', 100, '', 'same'],
      ['2026-05', 'yandex', 'Won', 100, '', 'same'],
      ['2026-01-05', 'vk', 'Won', 100, '', 'other'],
      ['2026-05-05', 'vk', 'Won', 100, '', 'other'],
    ];
    const deals = aggregate(mapping(), repeat).detail?.deals ?? [];
    expect(deals.map((d) => [d.lead.channel, d.kind, d.returned])).toEqual([
      ['yandex', 'new', false],
      ['yandex', 'repeat', false],
      ['vk', 'new', false],
      ['vk', 'repeat', true],
    ]);
  });
});

describe('aggregate: skipped rows open no channel', () => {
  it('a totals line, an undated row and an unreadable row add no empty channel and set no spelling', () => {
    const roles: ColumnRole[] = ['date', 'channel', 'spend'];
    const source: Matrix = [
      ['not a date', 'Ghost Dated', 1],
      ['2026-01-05', 'META', 'abc'],
      ['2026-01-05', 'Bad Number', 'abc'],
      ['2026-01-05', 'Meta', 5],
      ['', 'Итого', 5],
    ];
    for (const byCampaign of [false, true]) {
      const agg = aggregate(aggregatedMapping(roles, {}, { byCampaign }), source);
      expect(agg.rows.map((r) => r.channel)).toEqual(['Meta']);
    }
  });
});
