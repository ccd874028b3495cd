/**
 * The charts, two per row over rows the layout reserves below the overview table, drawn from the ranges
 * of the blocks (channel table, rankings, pivots, funnel, over time). Every series takes its name from a
 * header cell in the dashboard's language.
 */
import { rangeA1 } from '../a1.js';
import type { DashboardModel } from '../model.js';
import type { ChartSpec } from '../types.js';
import type { ChannelTable } from './channels.js';
import type { FunnelBlock } from './funnel.js';
import type { OverTime } from './over-time.js';
import type { Pivots } from './pivots.js';
import type { Ranking, Rankings } from './ranking.js';

const CHART_WIDTH = 600;
const CHART_HEIGHT = 320;
const CHART_GAP_X = 620;
/** Rows reserved per row of charts (default row height 21 px; 17 rows ≈ 357 px > chart height). */
const CHART_ROW_SPAN = 17;

export type ChartId = ChartSpec['id'];

/** The blocks the charts read their ranges from. */
export interface ChartSources {
  readonly table: ChannelTable;
  readonly pivots: Pivots;
  readonly funnel: FunnelBlock;
  readonly overTime: OverTime;
  readonly rankings: Rankings;
}

type Position = Pick<ChartSpec, 'anchorRow' | 'anchorColumn' | 'offsetX' | 'offsetY' | 'width' | 'height'>;

/** Which charts the dashboard gets, decided before any block is placed (their rows come first). */
export function plannedCharts({ data, has, stages, byCampaign }: DashboardModel): ChartId[] {
  const ids: ChartId[] = [];
  const pivotsExist = data.periods.length > 1 || byCampaign;
  const byChannelOk = !byCampaign || pivotsExist;
  if (has('profit') && byChannelOk) ids.push('profit');
  if (has('romi') && byChannelOk) ids.push('romi');
  if ((has('spend') || has('revenue')) && byChannelOk) ids.push('spend_revenue');
  if (data.periods.length > 1 && (has('spend') || has('revenue'))) ids.push('over_time');
  if (stages.length >= 2) ids.push('funnel');
  return ids;
}

/** Rows the charts take, two charts per row. */
export function chartRows(count: number): number {
  return Math.ceil(count / 2) * CHART_ROW_SPAN;
}

export function dashboardCharts(model: DashboardModel, anchor: number, ids: readonly ChartId[], from: ChartSources): ChartSpec[] {
  const charts: ChartSpec[] = [];
  ids.forEach((id, i) => {
    const spec = CHARTS[id](model, from, chartPosition(anchor, i));
    if (spec) charts.push(spec);
  });
  return charts;
}

function chartPosition(anchor: number, i: number): Position {
  return {
    anchorRow: anchor + Math.floor(i / 2) * CHART_ROW_SPAN,
    anchorColumn: 1,
    offsetX: (i % 2) * CHART_GAP_X,
    offsetY: 0,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}

const CHARTS: Readonly<Record<ChartId, (model: DashboardModel, from: ChartSources, at: Position) => ChartSpec | null>> = {
  profit: profitChart,
  romi: romiChart,
  spend_revenue: spendRevenueChart,
  funnel: funnelChart,
  over_time: overTimeChart,
};

/** Label and value ranges per channel: the table's own rows, or the pivot's totals column when rows are campaigns. */
function byChannel(model: DashboardModel, { table, pivots }: ChartSources, key: 'spend' | 'revenue'): string[] {
  const { headerRow, lastRow, colOf } = table;
  if (!model.byCampaign) return [rangeA1(headerRow, 1, lastRow, 1), rangeA1(headerRow, colOf[key], lastRow, colOf[key])];
  const p = pivots.refs[key]!;
  return [rangeA1(p.header, 1, p.last, 1), rangeA1(p.header, p.totalCol, p.last, p.totalCol)];
}

/**
 * A horizontal bar chart's value axis is its hAxis (Google Charts); labels show each channel's ROMI.
 * One outlier (SEO at 71,034%) made every paid channel a sliver: the axis is clipped instead, the
 * outlier's bar runs to the edge and its data label still gives its true value. Not a log scale: it
 * cannot show the negative ROMI of the channels that lose money, which is what the chart is for.
 */
function romiChart(model: DashboardModel, from: ChartSources, at: Position): ChartSpec | null {
  const { L } = model;
  const ranked = from.rankings.romi;
  if (!ranked) return null;
  return {
    id: 'romi',
    type: 'bar',
    title: L.chart.romi,
    ranges: [ranked.labels, ranked.values],
    ...at,
    options: {
      legend: 'none',
      'hAxis.format': 'percent',
      'hAxis.title': L.metric.romi,
      'vAxis.title': L.channel,
      'series.0.dataLabel': 'value',
      ...clippedAxis('hAxis', ranked.sorted),
    },
  };
}

/**
 * Profit (money) by channel, most profitable on top and the channels that lose money at the bottom: the
 * answer to "which channels make money", in the currency the table uses. Sorted rows come from the ranking
 * block; an outlier is clipped the same way as ROMI's, its data label keeping the true value.
 */
function profitChart(model: DashboardModel, from: ChartSources, at: Position): ChartSpec | null {
  const { L } = model;
  const ranked: Ranking | null = from.rankings.profit;
  if (!ranked) return null;
  return {
    id: 'profit',
    type: 'bar',
    title: L.chart.profit,
    ranges: [ranked.labels, ranked.values],
    ...at,
    options: {
      legend: 'none',
      'hAxis.format': 'short',
      'hAxis.title': `${L.metric.profit}, ${model.mapping.options.currency}`,
      'vAxis.title': L.channel,
      'series.0.dataLabel': 'value',
      ...clippedAxis('hAxis', ranked.sorted),
    },
  };
}

function spendRevenueChart(model: DashboardModel, from: ChartSources, at: Position): ChartSpec {
  const { has, L } = model;
  const ranges = byChannel(model, from, has('spend') ? 'spend' : 'revenue');
  if (has('spend') && has('revenue')) ranges.push(byChannel(model, from, 'revenue')[1]);
  return {
    id: 'spend_revenue',
    type: 'column',
    title: L.chart.spendRevenue,
    ranges,
    ...at,
    options: { legend: 'bottom', 'vAxis.title': model.mapping.options.currency, 'hAxis.title': L.channel },
  };
}

function funnelChart({ L }: DashboardModel, { funnel }: ChartSources, at: Position): ChartSpec | null {
  if (!funnel.range) return null;
  return {
    id: 'funnel',
    type: 'bar',
    title: L.chart.funnel,
    ranges: [funnel.range.labels, funnel.range.counts],
    numHeaders: funnel.range.headers,
    ...at,
    options: { legend: 'none', 'hAxis.title': L.count, 'vAxis.title': L.stage, 'series.0.dataLabel': 'value' },
  };
}

function overTimeChart(model: DashboardModel, { overTime }: ChartSources, at: Position): ChartSpec | null {
  if (!overTime.ranges) return null;
  const { L } = model;
  return {
    id: 'over_time',
    type: 'line',
    title: L.chart.overTime,
    ranges: overTime.ranges,
    ...at,
    options: { legend: 'bottom', 'vAxis.title': model.mapping.options.currency, 'hAxis.title': L.period },
  };
}

/**
 * A view window that keeps the bulk of the bars readable when a few values dwarf the rest: the axis ends
 * at 1.5× the largest ordinary value. Empty when nothing stands out.
 */
export function clippedAxis(axis: 'hAxis' | 'vAxis', values: readonly (number | null)[]): Record<string, number> {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => b - a);
  if (v.length < 3) return {};
  // The typical size is the median magnitude; values over 4× it are outliers, the largest other one sets
  // the axis (SEO 71,035%, Email 8,106%, Referral 6,074% against paid channels at −52…322%).
  const abs = v.map(Math.abs).sort((a, b) => a - b);
  const median = abs.length % 2 === 1 ? abs[(abs.length - 1) / 2] : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
  const ordinary = v.find((x) => x <= 4 * median);
  if (ordinary === undefined || ordinary <= 0 || !(v[0] > 4 * ordinary)) return {};
  const max = niceCeil(ordinary * 1.5);
  const low = v[v.length - 1];
  return { [`${axis}.viewWindow.max`]: max, ...(low < 0 ? { [`${axis}.viewWindow.min`]: -niceCeil(-low * 1.1) } : {}) };
}

function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return Number((Math.ceil(x / p) * p).toPrecision(12));
}
