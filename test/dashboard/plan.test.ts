/**
 * The dashboard's numbers checked against a deliberately naive computation straight from the sample rows
 * (no aggregate() call): once against AggregatedData, once against the plan's formulas as HyperFormula
 * computes them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate, type AggregatedData } from '../../src/core/aggregate/index.js';
import { blockInputs, planDashboard, type DashboardPlan, type PlanCell } from '../../src/core/dashboard/index.js';
import type { ColumnBinding, ColumnRole, Mapping } from '../../src/core/mapping/types.js';
import { parseNumberText, type CellValue } from '../../src/core/values.js';
import { percentDecimalsFor, percentFormat } from '../../src/core/dashboard/formats.js';
import { columnWidths } from '../../src/core/dashboard/widths.js';
import type { AggregateRow } from '../../src/core/aggregate/types.js';
import { evaluatePlan, type EvaluatedPlan } from './evaluate-plan.js';
import { dataRows, loadSample, mappingFor } from '../support/samples.js';

const num = (v: CellValue): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? (parseNumberText(v) ?? NaN) : 0;
const key = (v: CellValue): string =>
  String(v ?? '')
    .trim()
    .toLowerCase();
const ctx = { generatedAt: '2026-11-22T12:00:00Z', locale: 'en' as const, sourceA1: "'Data'!A1:K10", sheetName: 'Dashboard' };

/** Channel label → row number in the plan's channel table, by reading column A of the evaluated sheet. */
function channelRows(plan: DashboardPlan, ev: EvaluatedPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = plan.index.firstChannelRow; r <= plan.index.lastChannelRow; r++) out.set(key(ev.at(r, 1) as string), r);
  return out;
}

/**
 * Row and column of metric `key` for the channel on overview row `r` (or the overview's totals row), in
 * whichever table holds it: the overview or the funnel and conversions table (same channels, same order).
 */
function cellOf(plan: DashboardPlan, key: string, r: number): [number, number] {
  const { index } = plan;
  if (index.columns[key] !== undefined) return [r, index.columns[key]];
  const d = index.detail;
  if (!d || d.columns[key] === undefined) throw new Error(`no column for ${key}`);
  return [r === index.totalsRow ? d.totalsRow : d.firstChannelRow + (r - index.firstChannelRow), d.columns[key]];
}

function close(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  // HyperFormula rounds results to ~12 significant digits, so compare relatively.
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('aggregated sample (ad platform export): independent check', () => {
  const sheets = loadSample('ad-platform-export-en');
  const margin = 0.4;
  const mapping = mappingFor(sheets, [1], { grossMargin: margin });
  const h = Object.fromEntries(mapping.source.columns.map((c) => [c.role === 'stage' ? c.header : c.role, c.index]));
  const rows = dataRows(sheets[0].rows, mapping.source);

  // Naive: one loop, one object per channel.
  const naive = new Map<string, { spend: number; imp: number; clicks: number; leads: number; cust: number; rev: number }>();
  for (const r of rows) {
    if (r.every((v) => v === null || v === '')) continue;
    const k = key(r[h.channel]) || '(not set)';
    const e = naive.get(k) ?? { spend: 0, imp: 0, clicks: 0, leads: 0, cust: 0, rev: 0 };
    e.spend += num(r[h.spend]);
    e.imp += num(r[h.impressions]);
    e.clicks += num(r[h.clicks]);
    e.leads += num(r[h.leads]);
    e.cust += num(r[h.customers]);
    e.rev += num(r[h.revenue]);
    naive.set(k, e);
  }
  const total = [...naive.values()].reduce((a, e) => ({
    spend: a.spend + e.spend,
    imp: a.imp + e.imp,
    clicks: a.clicks + e.clicks,
    leads: a.leads + e.leads,
    cust: a.cust + e.cust,
    rev: a.rev + e.rev,
  }));

  const data = aggregate(mapping, rows);
  const plan = planDashboard(data, mapping, ctx);
  const ev = evaluatePlan(plan);
  afterAll(() => ev.destroy());
  const col = plan.index.columns;

  it('AggregatedData matches the naive sums per channel', () => {
    expect(data.rows.map((r) => key(r.channel)).sort()).toEqual([...naive.keys()].sort());
    for (const r of data.rows) {
      const e = naive.get(key(r.channel))!;
      expect(r.total.measures.spend).toBeCloseTo(e.spend, 6);
      expect(r.total.measures.clicks).toBe(e.clicks);
      expect(r.total.measures.leads).toBe(e.leads);
      expect(r.total.measures.customers).toBe(e.cust);
      expect(r.total.measures.revenue).toBeCloseTo(e.rev, 6);
    }
  });

  it('the plan formulas, evaluated, give the naive metrics per channel', () => {
    const at = channelRows(plan, ev);
    expect(at.size).toBe(naive.size);
    for (const [k, e] of naive) {
      const r = at.get(k)!;
      close(ev.at(...cellOf(plan, 'spend', r)), e.spend);
      close(ev.at(...cellOf(plan, 'cpl', r)), e.spend / e.leads);
      close(ev.at(...cellOf(plan, 'cpc', r)), e.spend / e.clicks);
      close(ev.at(...cellOf(plan, 'romi', r)), (e.rev * margin - e.spend) / e.spend);
      close(ev.at(...cellOf(plan, 'roas', r)), e.rev / e.spend);
      if (e.cust > 0) {
        close(ev.at(...cellOf(plan, 'cac', r)), e.spend / e.cust);
        close(ev.at(...cellOf(plan, 'ltv', r)), (e.rev * margin) / e.cust);
        expect(col.ltv_cac ?? plan.index.detail?.columns.ltv_cac).toBeUndefined(); // a period LTV:CAC is ROAS × margin in disguise: not shown
      }
      if (e.imp > 0) close(ev.at(...cellOf(plan, 'ctr', r)), e.clicks / e.imp);
      else expect(ev.at(...cellOf(plan, 'ctr', r))).toBe(''); // IFERROR: blank, not #DIV/0!
      close(ev.at(...cellOf(plan, 'spend_share', r)), e.spend / total.spend);
    }
  });

  it('totals are sums and totals-row ratios are ratios of totals (not averages of ratios)', () => {
    const t = plan.index.totalsRow;
    close(ev.at(...cellOf(plan, 'spend', t)), total.spend);
    close(ev.at(...cellOf(plan, 'revenue', t)), total.rev);
    close(ev.at(...cellOf(plan, 'romi', t)), (total.rev * margin - total.spend) / total.spend);
    close(ev.at(...cellOf(plan, 'cac', t)), total.spend / total.cust);
    const romis = [...naive.values()].map((e) => (e.rev * margin - e.spend) / e.spend);
    const avg = romis.reduce((a, b) => a + b, 0) / romis.length;
    expect(Math.abs((ev.at(...cellOf(plan, 'romi', t)) as number) - avg)).toBeGreaterThan(0.01);
    const totalsCell = plan.blocks.find((b) => b.name === 'channels')!.cells.at(-1)![col.spend - 1];
    expect(totalsCell).toMatchObject({ t: 'f' });
    expect((totalsCell as { v: string }).v).toMatch(/^=SUM\(/u);
  });

  it('derived cells are built-in formulas wrapped in IFERROR, with the margin from its labelled cell', () => {
    const r = plan.index.firstChannelRow;
    expect(ev.formula(r, col.romi)).toMatch(/^=IFERROR\(.*\$B\$3.*,""\)$/u);
    expect(ev.value('A3')).toBe('Gross margin');
    expect(ev.value('B3')).toBe(margin);
    for (const block of plan.blocks) {
      for (const rowCells of block.cells) {
        for (const c of rowCells) if (c?.t === 'f') expect(c.v).not.toMatch(/\b(ROMI|CAC|LTV|CPL)\(/u);
      }
    }
  });

  it('KPI strip and period pivots agree with the totals', () => {
    const kpi = plan.blocks.find((b) => b.name === 'kpi')!;
    const spendIdx = kpi.cells[0].findIndex((c) => c?.t === 's' && c.v === 'Spend');
    close(ev.at(kpi.row + 1, spendIdx + 1), total.spend);
    const pivot = plan.blocks.find((b) => b.name === 'pivot:spend')!;
    const totalsRow = pivot.row + pivot.cells.length - 2;
    close(ev.at(totalsRow, pivot.cells[0].length), total.spend);
  });

  it('charts and conditional rules point inside the sheet', () => {
    expect(plan.charts.map((c) => c.id)).toEqual(['profit', 'romi', 'spend_revenue', 'over_time', 'funnel']);
    for (const c of plan.charts) for (const a1 of c.ranges) expect(a1).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/u);
    expect(plan.conditionalRules.some((r) => r.when === 'lt' && r.ranges.some((a) => a.startsWith(`${letter(col.romi)}`)))).toBe(true);
  });

  it('the funnel block and chart start at leads, the first funnel stage (impressions and clicks are traffic: CTR is in the table)', () => {
    const funnel = plan.blocks.find((b) => b.name === 'funnel')!;
    const labels = funnel.cells.slice(2).map((r) => (r[0]?.t === 's' ? r[0].v : ''));
    expect(labels[0]).toBe('Leads');
    expect(labels).not.toContain('Impressions');
    const chart = plan.charts.find((c) => c.id === 'funnel')!;
    expect(chart.ranges[0]).toBe(`A${funnel.row + 1}:A${funnel.row + funnel.cells.length - 1}`);
    expect(chart.numHeaders).toBe(1);
    expect(plan.index.detail?.columns.ctr).toBeGreaterThan(0);
  });
});

describe('CRM sample (leads + costs): independent check', () => {
  const sheets = loadSample('crm-leads-ru');
  const mapping = mappingFor(sheets, [1, 2], { grossMargin: 0.3 });
  const idx = (role: ColumnRole, cols: readonly ColumnBinding[]): number => cols.find((c) => c.role === role)!.index;
  const src = mapping.source.columns;
  const rows = dataRows(sheets[0].rows, mapping.source);
  const costRows = dataRows(sheets[1].rows, mapping.costs!);

  // Naive, with the sample's statuses read by hand: Спам = junk, Успешно реализовано = won, the rest are leads.
  const naive = new Map<string, { leads: number; orders: number; cust: number; rev: number; spend: number; junk: number }>();
  const get = (k: string) => naive.get(k) ?? naive.set(k, { leads: 0, orders: 0, cust: 0, rev: 0, spend: 0, junk: 0 }).get(k)!;
  // A customer is new at their first won deal by close date (row order breaks ties), credited to that deal's channel (last touch).
  const firstWon = new Map<string, { close: string; row: number; channel: string }>();
  rows.forEach((r, i) => {
    if (String(r[idx('status', src)]).trim() !== 'Успешно реализовано') return;
    const id = String(r[idx('customer_id', src)]).trim().toLowerCase();
    const close = String(r[idx('close_date', src)]);
    const prev = firstWon.get(id);
    if (!prev || close < prev.close) firstWon.set(id, { close, row: i, channel: key(r[idx('channel', src)]) });
  });
  for (const r of rows) {
    const e = get(key(r[idx('channel', src)]));
    const status = String(r[idx('status', src)]).trim();
    if (status === 'Спам') {
      e.junk++;
      continue;
    }
    e.leads++;
    if (status !== 'Успешно реализовано') continue;
    e.orders++;
    e.rev += num(r[idx('revenue', src)]);
  }
  for (const f of firstWon.values()) get(f.channel).cust++;
  for (const r of costRows) get(key(r[idx('channel', mapping.costs!.columns)])).spend += num(r[idx('spend', mapping.costs!.columns)]);

  const data: AggregatedData = aggregate(mapping, rows, costRows);
  const plan = planDashboard(data, mapping, { ...ctx, locale: 'ru' });
  const ev = evaluatePlan(plan);
  afterAll(() => ev.destroy());

  it('AggregatedData and the evaluated plan match the naive CRM computation', () => {
    const at = channelRows(plan, ev);
    expect([...at.keys()].sort()).toEqual([...naive.keys()].sort());
    for (const [k, e] of naive) {
      const g = data.rows.find((r) => key(r.channel) === k)!;
      expect(g.total.measures.leads).toBe(e.leads);
      expect(g.total.measures.orders).toBe(e.orders);
      expect(g.total.measures.customers).toBe(e.cust);
      expect(g.total.junk).toBe(e.junk);
      expect(g.total.measures.revenue).toBeCloseTo(e.rev, 6);
      const r = at.get(k)!;
      close(ev.at(...cellOf(plan, 'spend', r)), e.spend);
      close(ev.at(...cellOf(plan, 'cpl', r)), e.spend / e.leads);
      close(ev.at(...cellOf(plan, 'romi', r)), (e.rev * 0.3 - e.spend) / e.spend);
      if (e.cust > 0) close(ev.at(...cellOf(plan, 'cac', r)), e.spend / e.cust);
      close(ev.at(...cellOf(plan, 'aov', r)), e.rev / e.orders);
    }
  });

  it('says on the sheet that leads are by creation date and sales by close date, in Russian', () => {
    const header = plan.blocks.find((b) => b.name === 'header')!;
    const texts = header.cells
      .flat()
      .filter((c): c is Extract<PlanCell, { t: 's' }> => c?.t === 's')
      .map((c) => c.v);
    expect(texts.some((t) => t.includes('по дате создания лида') && t.includes('по дате закрытия'))).toBe(true);
    expect(texts[0]).toBe('Окупаемость маркетинга по каналам');
  });
});

describe('hostile labels and missing inputs', () => {
  const roles: ColumnRole[] = ['channel', 'leads', 'customers'];
  const mapping: Mapping = {
    schemaVersion: 2,
    shape: 'aggregated',
    source: {
      sheetId: 1,
      sheetName: 'S',
      headerRow: 1,
      firstDataRow: 2,
      lastDataRow: null,
      firstColumn: 1,
      lastColumn: 3,
      columns: roles.map((role, index) => ({ index, header: role, role })),
    },
    costs: null,
    funnel: [
      { id: 'leads', label: '=HYPERLINK("http://x")', column: 1 },
      { id: 'customers', label: 'Customers', column: 2 },
    ],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 1, currency: 'RUB', dashboardName: 'D', byCampaign: false },
  };
  const names = ['=IMPORTXML("http://x","//a")', '+cmd', '-2+3', '@SUM(A1)', '\tTab', '2026-03', '<img src=x onerror=alert(1)>'];
  const data = aggregate(
    mapping,
    names.map((n, i) => [n, 10 + i, 1]),
  );
  const plan = planDashboard(data, mapping, { ...ctx, locale: 'zh' });

  it('writes channel and stage names as text that evaluates to itself', () => {
    const ev = evaluatePlan(plan);
    const shown = new Set<unknown>();
    for (let r = plan.index.firstChannelRow; r <= plan.index.lastChannelRow; r++) {
      shown.add(ev.at(r, 1));
      expect(ev.formula(r, 1)).toBeUndefined();
    }
    expect(shown).toEqual(new Set(names.map((n) => n.trim()))); // channel names are trimmed by design
    const table = plan.blocks.find((b) => b.name === 'channels')!;
    const inputs = blockInputs(table).flat();
    expect(inputs).toContain(`'=IMPORTXML("http://x","//a")`);
    expect(inputs).toContain(`'+cmd`);
    expect(inputs).toContain(`'-2+3`);
    expect(inputs).toContain(`'@SUM(A1)`);
    expect(inputs).toContain('<img src=x onerror=alert(1)>');
    ev.destroy();
  });

  it('without spend shows no CPC/CPL/CAC/ROMI/ROAS columns and says why', () => {
    const keys = [...Object.keys(plan.index.columns), ...Object.keys(plan.index.detail?.columns ?? {})];
    for (const k of ['spend', 'cpc', 'cpl', 'cac', 'romi', 'roas']) expect(keys).not.toContain(k);
    expect(keys).toContain('lcr');
    const header = plan.blocks.find((b) => b.name === 'header')!.cells.flat();
    expect(header).toContainEqual({ t: 's', v: '未映射花费列，因此不显示 CPC、CPL、获客成本、ROAS 和 ROMI。' });
  });
});

function letter(column: number): string {
  return String.fromCharCode(64 + column);
}

describe('presentation: one column per formula, rates readable, time in the sheet zone, KPI deltas', () => {
  const sheets = loadSample('channel-monthly-zh');
  const mapping = mappingFor(sheets, [1]);
  const data = aggregate(mapping, dataRows(sheets[0].rows, mapping.source));
  const plan = planDashboard(data, mapping, { ...ctx, locale: 'zh', timeZone: 'Asia/Shanghai' });
  const table = plan.blocks.find((b) => b.name === 'channels')!;
  const headerRow = table.cells[plan.index.tableHeaderRow - table.row];

  it('no two columns compute the same thing (the zh table showed 线索 → 成交客户 and 线索 → 客户)', () => {
    const headers = headerRow.map((c) => (c?.t === 's' ? c.v : ''));
    expect(new Set(headers).size).toBe(headers.length);
    const formulas = table.cells[plan.index.firstChannelRow - table.row]
      .map((c) => (c?.t === 'f' ? c.v.replace(/\d+/gu, '#') : null))
      .filter((f) => f !== null);
    expect(new Set(formulas).size).toBe(formulas.length);
  });

  it('percents are grouped and no non-zero rate rounds to 0.0%', () => {
    const formats = table.numberFormats.flat().filter((f) => f.endsWith('%'));
    expect(formats.length).toBeGreaterThan(2);
    for (const f of formats) expect(f.startsWith('#,##0')).toBe(true);
    const ev = evaluatePlan(plan);
    for (let r = plan.index.firstChannelRow; r <= plan.index.totalsRow; r++) {
      for (let c = 1; c <= headerRow.length; c++) {
        const f = table.numberFormats[r - table.row][c - 1];
        const v = ev.at(r, c);
        if (!f.endsWith('%') || typeof v !== 'number' || v === 0) continue;
        const decimals = f.split('.')[1]?.length ? f.split('.')[1].length - 1 : 0;
        expect(Math.round(Math.abs(v) * 100 * 10 ** decimals), `R${r}C${c} ${v} as ${f}`).toBeGreaterThan(0);
      }
    }
    ev.destroy();
  });

  it('KPI tiles show the change of the latest full period vs the one before, coloured by whether it is good', () => {
    const kpi = plan.blocks.find((b) => b.name === 'kpi')!;
    expect(kpi.cells).toHaveLength(3);
    const headers = kpi.cells[0].map((c) => (c?.t === 's' ? c.v : ''));
    const deltas = kpi.cells[2];
    const n = data.periods.length;
    const last = data.incompletePeriod === data.periods[n - 1] ? n - 2 : n - 1;
    const sum = (p: number, col: number): number =>
      data.rows.reduce(
        (a, r) => a + (r.byPeriod[p].measures as Record<string, number>)[mapping.source.columns.find((c) => c.index === col)!.role],
        0,
      );
    const spendCol = mapping.source.columns.find((c) => c.role === 'spend')!.index;
    const spendAt = headers.indexOf(
      plan.blocks.find((b) => b.name === 'channels')!.cells[
        plan.index.tableHeaderRow - plan.blocks.find((b) => b.name === 'channels')!.row
      ][plan.index.columns.spend - 1]!.v as string,
    );
    const expected = (sum(last, spendCol) - sum(last - 1, spendCol)) / sum(last - 1, spendCol);
    expect(deltas[spendAt]).toEqual({ t: 'n', v: expect.closeTo(expected, 12) });
    for (const [i, d] of deltas.entries()) {
      expect(d?.t === 'n' || (d?.t === 's' && d.v === '–'), headers[i]).toBe(true);
      expect(kpi.numberFormats[2][i]).toContain('▲');
      expect(kpi.notes[2][i]).toContain(data.periods[last]);
      // No change that moved reads "▼ 0.0%": the format has the decimals it needs.
      if (d?.t === 'n' && d.v !== 0) {
        const decimals = /0\.(0+)%/u.exec(kpi.numberFormats[2][i])?.[1].length ?? 0;
        expect(Math.round(Math.abs(d.v) * 100 * 10 ** decimals), `${headers[i]} ${d.v}`).toBeGreaterThan(0);
      }
    }
    // A change of −0.002% (this sample's profit when December was wrongly taken for a partial month) gets them.
    expect(percentFormat(percentDecimalsFor([-0.00002]))).toMatch(/0\.0{3}%/u);
    expect(kpi.fontColors[2].some((c) => c === '#188038' || c === '#c5221f')).toBe(true);
  });

  it('"Generated" is the spreadsheet zone\'s wall clock as text, the ISO instant in its note', () => {
    const header = plan.blocks.find((b) => b.name === 'header')!;
    const at = header.cells[1].findIndex((c) => c?.t === 's' && /\d:\d/u.test(c.v));
    // 12:00 UTC is 20:00 in Shanghai, written as Chinese dashboards write dates.
    expect(header.cells[1][at]).toEqual({ t: 's', v: '2026/11/22 20:00' });
    expect(header.notes[1][at]).toBe('2026-11-22T12:00:00Z (Asia/Shanghai)');
    // Text runs on over the empty cell beside it: no column is widened for it.
    expect(header.cells[1][at + 1]).toBeNull();
    expect(new Set(plan.columnWidths.slice(1).map((w) => w.width)).size).toBe(1);
  });
});

describe('ROMI chart with an outlier channel', () => {
  it('clips the value axis so paid channels stay readable, negatives included; nothing clipped without outliers', async () => {
    const { clippedAxis } = await import('../../src/core/dashboard/blocks/charts.js');
    expect(clippedAxis('hAxis', [710.35, 3.1, 1.2, -0.4, 0.8])).toEqual({ 'hAxis.viewWindow.max': 5, 'hAxis.viewWindow.min': -0.5 });
    // The en sample: SEO, Email and Referral dwarf the paid channels; the axis follows the paid ones.
    expect(clippedAxis('hAxis', [3.22, 1.28, -0.18, 1.84, -0.31, -0.52, 60.74, 81.06, 710.35])).toEqual({
      'hAxis.viewWindow.max': 5,
      'hAxis.viewWindow.min': -0.6,
    });
    expect(clippedAxis('hAxis', [710, 500, 3, 2, 2.5])).toEqual({ 'hAxis.viewWindow.max': 5 });
    expect(clippedAxis('hAxis', [3, 2.5, 1, null])).toEqual({});
    expect(clippedAxis('hAxis', [710, -1, -2])).toEqual({});
  });
});

describe('column widths of a 150k-channel table', () => {
  it('are found without spreading the labels into Math.max (V8 throws past ~120k arguments)', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ channel: `ch${i}`, campaign: null }) as unknown as AggregateRow);
    rows.push({ channel: 'a channel with a long name', campaign: null } as unknown as AggregateRow);
    const widths = columnWidths(3, rows, 1, 0, []);
    expect(widths[0]).toEqual({ column: 1, width: expect.any(Number) });
    expect(widths[0].width).toBeGreaterThan(140);
  });
});
