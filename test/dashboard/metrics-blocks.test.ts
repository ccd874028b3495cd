/**
 * The dashboard's metrics blocks on the hand-worked journeys (test/support/journeys.ts), with
 * the sheet's formulas evaluated by the formula engine and recomputed here by hand.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate/index.js';
import { planDashboard, type PlanBlock, type PlanCell } from '../../src/core/dashboard/index.js';
import { journeyCosts, journeyMapping, journeyRows } from '../support/journeys.js';
import { evaluatePlan } from './evaluate-plan.js';
import { formatValue } from '../../local/runtime/number-format.js';
import { numberLocale } from '../../local/runtime/locale.js';

const ctx = { generatedAt: '2026-11-22T12:00:00Z', locale: 'en' as const, sourceA1: "'Leads'!A1:H11", sheetName: 'Dashboard' };
const mapping = journeyMapping({ grossMargin: 0.5, metrics: { attribution: 'linear', halfLifeDays: 10 } });
const data = aggregate(mapping, journeyRows, journeyCosts);
const plan = planDashboard(data, mapping, ctx);
const ev = evaluatePlan(plan);
afterAll(() => ev.destroy());

const block = (name: string): PlanBlock => plan.blocks.find((b) => b.name === name)!;
const texts = (b: PlanBlock): string[] =>
  b.cells
    .flat()
    .filter((c): c is Extract<PlanCell, { t: 's' }> => c?.t === 's')
    .map((c) => c.v);
/** Row of a channel in a block (first column). */
const rowOf = (b: PlanBlock, label: string): number => b.row + b.cells.findIndex((r) => r[0]?.t === 's' && r[0].v === label);

/** Channel rows of the LTV-by-channel block whose projected LTV is blank (not the reason lines under them). */
const planned = (l: PlanBlock): number[] =>
  l.cells.flatMap((r, i) =>
    i >= 2 && r[0]?.t === 's' && r.slice(1).some((c) => c !== null) && (r[4] === null || r[4] === undefined) ? [l.row + i] : [],
  );

describe('metrics blocks on the dashboard', () => {
  it('findings sit in the header, at the top', () => {
    const head = texts(block('header'));
    expect(head.some((t) => t.startsWith('• ') && t.includes('lose money over the whole period'))).toBe(true);
    expect(head.some((t) => t.includes('2026-06 is incomplete'))).toBe(true);
  });

  it('model comparison: customers and revenue per model, ROMI a formula over them and the margin cell', () => {
    const b = block('models');
    const r = rowOf(b, 'google');
    // Spend 600. Last touch: 2000 revenue, 1 customer → ROMI (2000 × .5 − 600) / 600.
    expect(ev.at(r, 2)).toBe(600);
    expect([ev.at(r, 3), ev.at(r, 4)]).toEqual([1, 2000]);
    expect(ev.at(r, 5)).toBeCloseTo((1000 - 600) / 600, 6);
    // First touch (models in order last, first, linear, …): Ann's 1000 + 500 → (750 − 600) / 600.
    expect(ev.at(r, 7)).toBe(1500);
    expect(ev.at(r, 8)).toBeCloseTo((750 - 600) / 600, 6);
    // Linear: 1000/3 + 1000 + 100/3 + 125.
    expect(ev.at(r, 10)).toBeCloseTo(1000 / 3 + 1000 + 100 / 3 + 125, 6);
  });

  it('model comparison: whole customers read as whole numbers, split ones with one place', () => {
    const b = block('models');
    const format = (label: string, col: number): string => b.numberFormats[rowOf(b, label) - b.row][col - 1];
    // Last touch (column 3): whole customers. Linear (column 9): google holds 1/3 of Ann and 1/2 of Cat.
    expect([ev.at(rowOf(b, 'google'), 3), format('google', 3)]).toEqual([1, '#,##0']);
    expect(ev.at(rowOf(b, 'google'), 9)).toBeCloseTo(1 / 3 + 1 / 2, 6);
    expect(format('google', 9)).toBe('#,##0.0');
    // The title row says which model the tables above use.
    expect(texts(b)).toContain('The tables above credit sales by: Linear.');
  });

  it('the channel table follows the chosen model (linear) and has no period LTV:CAC', () => {
    expect(plan.index.columns.ltv_cac).toBeUndefined();
    const r = rowOf(block('channels'), 'vk');
    expect(ev.at(r, plan.index.columns.revenue)).toBeCloseTo(300 + 1000 / 3 + 125, 6);
  });

  it('credited counts in the channel table read as they sum: one place under a split model, whole otherwise', () => {
    const shown = (p: typeof plan, e: typeof ev, label: string, key: string, locale: string): string => {
      // The overview or the funnel table (won deals), whichever holds the column.
      const inOverview = p.index.columns[key] !== undefined;
      const b = p.blocks.find((x) => x.name === (inOverview ? 'channels' : 'channel_funnel'))!;
      const r = b.row + b.cells.findIndex((row) => row[0]?.t === 's' && row[0].v === label);
      const c = inOverview ? p.index.columns[key] : p.index.detail!.columns[key];
      return formatValue(e.at(r, c) as number, b.numberFormats[r - b.row][c - 1], numberLocale(locale));
    };
    // Linear: google holds 1/3 of Ann and 1/2 of Cat (0.83 customers), vk 1/3 of Ann and Bob (1.33); 4 in all.
    expect(shown(plan, ev, 'google', 'customers', 'en_US')).toBe('0.8');
    expect(shown(plan, ev, 'vk', 'customers', 'en_US')).toBe('1.3');
    expect(shown(plan, ev, 'vk', 'customers', 'ru_RU')).toBe('1,3');
    expect(shown(plan, ev, 'Total', 'customers', 'en_US')).toBe('4.0');
    // Won deals split too: yandex holds 1/3 of Ann's first deal and 2/4 of her repeat sale (0.83).
    expect(shown(plan, ev, 'yandex', 'orders', 'en_US')).toBe('0.8');
    // The KPI tile shows the same total the same way.
    const kpi = block('kpi');
    expect(kpi.numberFormats.flat()).toContain('#,##0.0');
    // Last touch: every count is whole and reads without a decimal place, in every locale.
    const whole = journeyMapping({ grossMargin: 0.5, metrics: { attribution: 'last_touch', halfLifeDays: 10 } });
    const p = planDashboard(aggregate(whole, journeyRows, journeyCosts), whole, ctx);
    const e = evaluatePlan(p);
    expect(shown(p, e, 'vk', 'customers', 'ru_RU')).toBe('1');
    expect(shown(p, e, 'Total', 'customers', 'en_US')).toBe('4');
    expect(shown(p, e, 'google', 'orders', 'en_US')).toBe('1');
    e.destroy();
  });

  it('cohort LTV block and LTV:CAC per acquisition channel', () => {
    const c = block('cohort');
    const jan = rowOf(c, '2026-01');
    // Bob: 300 × .5 in January, observed through June (M0..M5), blank after.
    expect([ev.at(jan, 2), ev.at(jan, 3), ev.at(jan, 8)]).toEqual([1, 150, 150]);
    expect(ev.at(jan, 9)).toBe(null);
    const l = block('ltv_channels');
    const y = rowOf(l, 'yandex');
    // Linear: Ann's acquisition is split google/vk/yandex; each of their 3-month LTV is Ann's 500.
    expect(ev.at(y, 2)).toBeCloseTo(500, 6);
    const projected = ev.at(y, 5) as number;
    const cac = ev.at(y, 6) as number;
    // yandex CAC (linear): 300 spend / (1/3 of Ann).
    expect(cac).toBeCloseTo(900, 6);
    expect(ev.at(y, 7)).toBeCloseTo(projected / cac, 6);
  });

  it('LTV:CAC is blank, not 0, for a channel whose customers are too recent for a projected LTV', () => {
    // Dan arrives through bing a week before the data ends: no month of his is observed yet.
    const rows = [...journeyRows, ['2026-06-02', 'bing', 'won', 700, '2026-06-08', 'D', '', '']];
    const d = aggregate(mapping, rows, [...journeyCosts, ['2026-01-01', 'bing', 100]]);
    const p = planDashboard(d, mapping, ctx);
    const e = evaluatePlan(p);
    const l = p.blocks.find((x) => x.name === 'ltv_channels')!;
    // Only bing is blank: one new customer no longer blanks every channel's projection.
    expect(planned(l)).toEqual([rowOf(l, 'bing')]);
    expect(e.at(rowOf(l, 'bing'), 6)).toBe(100); // CAC is known…
    expect([null, '']).toContain(e.at(rowOf(l, 'bing'), 7)); // …the ratio is not…
    expect(texts(l)).toContain('No projected LTV for bing: none of their customers has been observed for 3 months yet.'); // …and says why.
    for (const ch of ['google', 'vk', 'yandex']) expect(typeof e.at(rowOf(l, ch), 7)).toBe('number');
    e.destroy();
  });

  it('B2B block: cycle, repeat share, NPS columns and formulas for profit, ДРР and CPO', () => {
    const b = block('b2b');
    const y = rowOf(b, 'yandex');
    // Own-channel cycle: 15 and 9 days.
    expect([ev.at(y, 2), ev.at(y, 3), ev.at(y, 4)]).toEqual([12, 12, 2]);
    const [rev, spend, won] = [ev.at(y, 9) as number, ev.at(y, 10) as number, ev.at(y, 11) as number];
    expect(rev).toBeCloseTo(1000 / 3 + 250, 6);
    expect(spend).toBe(300);
    expect(ev.at(y, 12)).toBeCloseTo(rev * 0.5 - spend, 6);
    expect(ev.at(y, 13)).toBeCloseTo(spend / rev, 6);
    expect(ev.at(y, 14)).toBeCloseTo(spend / won, 6);
    const total = rowOf(b, 'Total');
    expect(ev.at(total, 9)).toBeCloseTo(4300, 6);
    expect(ev.at(total, 6)).toBe(1); // one returned customer (Ann)
  });

  it('marks the incomplete period in the pivots and writes the definitions', () => {
    const pivotTexts = plan.blocks.filter((b) => b.name.startsWith('pivot')).flatMap(texts);
    expect(pivotTexts).toContain('2026-06 (incomplete)');
    const defs = texts(block('definitions'));
    expect(defs.some((t) => t.startsWith('Returned customer: a repeat sale after at least 90 days'))).toBe(true);
  });

  it("B2B block: the survey sheet's answers matched, unmatched and without a score, in the user's language", () => {
    const survey = {
      ...mapping.source,
      sheetId: 3,
      sheetName: 'NPS',
      lastColumn: 2,
      columns: [
        { index: 0, header: 'Client ID', role: 'customer_id' as const },
        { index: 1, header: 'Score', role: 'nps' as const },
      ],
    };
    const withSurvey = { ...mapping, survey };
    // Ann 9 (promoter), Bob 3 (detractor), a stranger 10, Bob "n/a" (no score), one blank row.
    const answers = [
      ['A', 9],
      ['B', 3],
      ['nobody', 10],
      ['B', 'n/a'],
      ['', ''],
    ];
    const d = aggregate(withSurvey, journeyRows, journeyCosts, { survey: answers, surveyFirstRowNumber: 2 });
    const lines = (locale: 'en' | 'ru' | 'zh'): string[] =>
      texts(planDashboard(d, withSurvey, { ...ctx, locale }).blocks.find((b) => b.name === 'b2b')!);
    expect(lines('en')).toContain(
      'NPS survey sheet: 2 of 4 answers matched to a customer and counted above; 1 match no customer; 1 without a score 0–10.',
    );
    expect(lines('ru')).toContain(
      'Лист опроса NPS: 2 из 4 ответов сопоставлены с клиентами и учтены выше; 1 не найдены среди клиентов; 1 без оценки 0–10.',
    );
    expect(lines('zh')).toContain('NPS 调查表：4 条回答中 2 条匹配到客户并计入上表；1 条找不到对应客户；1 条没有 0–10 的评分。');
    // The counted answers are the block's: 2 answers, one promoter and one detractor.
    const p = planDashboard(d, withSurvey, ctx);
    const e = evaluatePlan(p);
    const b = p.blocks.find((x) => x.name === 'b2b')!;
    const total = rowOf(b, 'Total');
    expect([e.at(total, 7), e.at(total, 8)]).toEqual([0, 2]);
    e.destroy();
    // Without a survey there is no such line.
    expect(texts(block('b2b')).some((t) => t.startsWith('NPS survey sheet'))).toBe(false);
  });

  it('says why there is no LTV without customer history', () => {
    const m = journeyMapping();
    const noIds = { ...m, source: { ...m.source, columns: m.source.columns.filter((c) => c.role !== 'customer_id') } };
    const p = planDashboard(aggregate(noIds, journeyRows, journeyCosts), noIds, { ...ctx, locale: 'ru' });
    expect(p.blocks.find((b) => b.name === 'cohort')).toBeUndefined();
    expect(texts(p.blocks.find((b) => b.name === 'ltv_none')!)[0]).toMatch(/^Нет истории клиентов/u);
  });
});
