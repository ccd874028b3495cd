/**
 * The layout a CMO reads: an overview that fits the screen, the funnel in its own table, banded rows, and
 * profit and ROMI ranked for their charts. Checked on every sample, in its own language, by evaluating
 * the plan with HyperFormula.
 */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src/core/aggregate/index.js';
import { planDashboard, type PlanBlock } from '../../../src/core/dashboard/index.js';
import { SCREEN_WIDTH } from '../../../src/core/dashboard/widths.js';
import { evaluatePlan } from '../evaluate-plan.js';
import { dataRows, loadSample, mappingFor } from '../../support/samples.js';

const SAMPLES = [
  { name: 'ad-platform-export-en', ids: [1], locale: 'en', byCampaign: false },
  { name: 'ad-platform-export-en', ids: [1], locale: 'en', byCampaign: true },
  { name: 'crm-leads-ru', ids: [1, 2], locale: 'ru', byCampaign: false },
  { name: 'channel-monthly-zh', ids: [1], locale: 'zh', byCampaign: false },
] as const;

describe.each(SAMPLES)('$name ($locale, by campaign: $byCampaign)', ({ name, ids, locale, byCampaign }) => {
  const sheets = loadSample(name);
  const mapping = mappingFor(sheets, [...ids], { grossMargin: 0.6, byCampaign });
  const data = aggregate(
    mapping,
    dataRows(sheets[0].rows, mapping.source),
    mapping.costs ? dataRows(sheets[1].rows, mapping.costs) : undefined,
  );
  const plan = planDashboard(data, mapping, { generatedAt: '2026-11-22T12:00:00Z', locale, sourceA1: "'S'!A1:B2", sheetName: 'D' });
  const block = (n: string): PlanBlock => plan.blocks.find((b) => b.name === n)!;

  it('the overview holds at most ten metric columns and fits a 1440 px screen; the rest is in the funnel table', () => {
    const overview = Object.keys(plan.index.columns);
    expect(overview.length).toBeLessThanOrEqual(10);
    expect(overview).toEqual(expect.arrayContaining(['spend', 'revenue', 'romi', 'profit']));
    const lastOverviewColumn = Math.max(...Object.values(plan.index.columns));
    const width = plan.columnWidths.filter((w) => w.column <= lastOverviewColumn).reduce((a, w) => a + w.width, 0);
    expect(width).toBeLessThanOrEqual(SCREEN_WIDTH);
    const detail = plan.index.detail!;
    expect(Object.keys(detail.columns).some((k) => k.startsWith('conv:') || k === 'ctr' || k === 'lcr')).toBe(true);
    for (const k of Object.keys(detail.columns)) expect(overview).not.toContain(k);
    // Below the overview and the charts, never beside them.
    expect(detail.tableHeaderRow).toBeGreaterThan(Math.max(...plan.charts.map((c) => c.anchorRow)));
    // Every header row wraps; widths come in at most three runs (setColumnWidths round trips).
    expect(plan.wrapRows).toEqual(expect.arrayContaining([plan.index.tableHeaderRow, detail.tableHeaderRow]));
    expect(new Set(plan.columnWidths.slice(byCampaign ? 2 : 1).map((w) => w.width)).size).toBeLessThanOrEqual(2);
  });

  it('tables are banded: every other channel row is filled, the rows between are not', () => {
    for (const b of [block('channels'), block('channel_funnel')]) {
      const fills = b.backgrounds.slice(2, -1).map((row) => row[0]);
      expect(fills.length).toBeGreaterThan(1);
      fills.forEach((f, i) => expect(f, `${b.name} row ${i}`).toBe(i % 2 === 1 ? '#f3f6fb' : null));
    }
  });

  it('profit and ROMI are ranked from best to worst, the values evaluating to the overview’s own', () => {
    const ev = evaluatePlan(plan);
    for (const [rank, key] of [
      ['rank:profit', 'profit'],
      ['rank:romi', 'romi'],
    ] as const) {
      const b = block(rank);
      const values = b.cells.slice(2).map((_, i) => ev.at(b.row + 2 + i, 2));
      expect(values.length).toBe(byCampaign ? new Set(data.rows.map((r) => r.channel)).size : data.rows.length);
      const numbers = values.filter((v): v is number => typeof v === 'number');
      expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
      if (!byCampaign) {
        // Each ranked value is the overview's value for the same channel.
        for (let i = 0; i < values.length; i++) {
          const label = ev.at(b.row + 2 + i, 1);
          const r = Array.from({ length: data.rows.length }, (_, j) => plan.index.firstChannelRow + j).find((x) => ev.at(x, 1) === label)!;
          expect(values[i]).toBe(ev.at(r, plan.index.columns[key]));
        }
      }
      // The totals: profit = revenue × margin − spend, summed over the ranked channels.
      if (key === 'profit') {
        const t = plan.index.totalsRow;
        const profit = ev.at(t, plan.index.columns.profit) as number;
        expect(profit).toBeCloseTo(
          (ev.at(t, plan.index.columns.revenue) as number) * 0.6 - (ev.at(t, plan.index.columns.spend) as number),
          4,
        );
        expect(numbers.reduce((a, x) => a + x, 0)).toBeCloseTo(profit, 4);
      }
    }
    ev.destroy();
  });

  it('the profit and ROMI charts draw the ranked rows, with named series and localised titles', () => {
    const profit = plan.charts.find((c) => c.id === 'profit')!;
    const romi = plan.charts.find((c) => c.id === 'romi')!;
    const b = block('rank:profit');
    expect(profit.ranges).toEqual([`A${b.row + 1}:A${b.row + b.cells.length - 1}`, `B${b.row + 1}:B${b.row + b.cells.length - 1}`]);
    expect(romi.ranges[0]).toBe(`A${block('rank:romi').row + 1}:A${block('rank:romi').row + block('rank:romi').cells.length - 1}`);
    // The series name is the ranking's header cell, in the dashboard's language.
    expect(b.cells[1][1]).toEqual({ t: 's', v: { en: 'Profit', ru: 'Прибыль', zh: '利润' }[locale] });
    expect(profit.title).toBe({ en: 'Profit by channel', ru: 'Прибыль по каналам', zh: '各渠道利润' }[locale]);
    expect(plan.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['spend_revenue', 'over_time']));
  });

  it('an incomplete last period is marked in the pivots', () => {
    // The Chinese sample's rows are whole months dated by their first day (periods.ts RowSpan): its December row
    // is December, not a partial month.
    if (name === 'channel-monthly-zh') expect([data.incompletePeriod, data.asOf]).toEqual([null, '2026-12-31']);
    if (!data.incompletePeriod) return;
    const pivot = block('pivot:spend');
    const headers = pivot.cells[1].map((c) => (c?.t === 's' ? c.v : ''));
    expect(headers.filter((h) => h.startsWith(data.incompletePeriod!))).toHaveLength(1);
    expect(headers).not.toContain(data.incompletePeriod);
  });
});

describe('a last period the data stops inside', () => {
  it('is marked in the pivots: the Chinese sample with its December rows dated the 15th', () => {
    const sheets = loadSample('channel-monthly-zh');
    const mapping = mappingFor(sheets, [1], { grossMargin: 0.6 });
    const at = mapping.source.columns.find((c) => c.role === 'date')!.index;
    const rows = dataRows(sheets[0].rows, mapping.source).map((r) => r.map((v, i) => (i === at && v === '2026-12-01' ? '2026-12-15' : v)));
    const data = aggregate(mapping, rows);
    expect([data.incompletePeriod, data.asOf]).toEqual(['2026-12', '2026-12-15']);
    const plan = planDashboard(data, mapping, { generatedAt: '2026-12-16T12:00:00Z', locale: 'zh', sourceA1: "'S'!A1:B2", sheetName: 'D' });
    const pivot = plan.blocks.find((b) => b.name === 'pivot:spend')!;
    const headers = pivot.cells[1].map((c) => (c?.t === 's' ? c.v : ''));
    expect(headers.filter((h) => h.startsWith('2026-12'))).toHaveLength(1);
    expect(headers).not.toContain('2026-12');
  });
});
