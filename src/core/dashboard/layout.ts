/**
 * Where the blocks go, decided before any is written: the header, then the KPI strip and the charts
 * (above the table, though they reference it), then the channel table and the blocks below it.
 */
import { chartRows, plannedCharts, type ChartId } from './blocks/charts.js';
import { KPI_ROWS } from './blocks/kpi-strip.js';
import type { DashboardModel } from './model.js';

export interface DashboardLayout {
  readonly kpiRow: number;
  readonly chartsRow: number;
  readonly charts: readonly ChartId[];
  /** The channel table's first row; the funnel, pivots and metrics blocks follow it in order. */
  readonly tableRow: number;
}

/** `headerEnd`: the first row after the header and its blank row. */
export function layoutDashboard(model: DashboardModel, headerEnd: number): DashboardLayout {
  const kpiRow = headerEnd;
  const chartsRow = kpiRow + (model.kpis.length > 0 ? KPI_ROWS : 0);
  const charts = plannedCharts(model);
  return { kpiRow, chartsRow, charts, tableRow: chartsRow + chartRows(charts.length) };
}
