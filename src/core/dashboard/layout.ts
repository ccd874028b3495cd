/**
 * Where the blocks go, decided before any is written: the header, the KPI strip and the overview table
 * (the first screen: which channels make money), then the charts, then the funnel and conversions table
 * and the blocks below it.
 */
import { channelTableRows } from './blocks/channels.js';
import { chartRows, plannedCharts, type ChartId } from './blocks/charts.js';
import { KPI_ROWS } from './blocks/kpi-strip.js';
import type { DashboardModel } from './model.js';

export interface DashboardLayout {
  readonly kpiRow: number;
  /** The overview table's first row. */
  readonly tableRow: number;
  readonly chartsRow: number;
  readonly charts: readonly ChartId[];
  /** The funnel and conversions table's first row; the funnel, pivots and the rest follow it in order. */
  readonly detailRow: number;
}

/** `headerEnd`: the first row after the header and its blank row. */
export function layoutDashboard(model: DashboardModel, headerEnd: number): DashboardLayout {
  const kpiRow = headerEnd;
  const tableRow = kpiRow + (model.kpis.length > 0 ? KPI_ROWS : 0);
  const chartsRow = tableRow + channelTableRows(model);
  const charts = plannedCharts(model);
  return { kpiRow, tableRow, chartsRow, charts, detailRow: chartsRow + chartRows(charts.length) };
}
