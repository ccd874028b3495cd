/**
 * planDashboard: AggregatedData + Mapping → the dashboard sheet as data. Base sums are numbers; every
 * derived metric is a built-in formula over the row's own cells (IFERROR-wrapped), totals are SUMs and
 * totals-row ratios are ratios of totals, so the sheet stays correct when shared or downloaded as .xlsx.
 *
 * It works out the model once, lays the sheet out, then asks one function per block (blocks/) for its
 * cells, formats and rules at its anchor; the charts come last, from the ranges the blocks report.
 */
import type { AggregatedData } from '../aggregate/types.js';
import type { Mapping } from '../mapping/types.js';
import { rangeA1 } from './a1.js';
import { channelTable } from './blocks/channels.js';
import { dashboardCharts } from './blocks/charts.js';
import { funnelBlock } from './blocks/funnel.js';
import { headerBlock } from './blocks/header.js';
import { kpiStrip } from './blocks/kpi-strip.js';
import { overTimeBlock } from './blocks/over-time.js';
import { pivotBlocks } from './blocks/pivots.js';
import type { PlacedBlocks } from './blocks/types.js';
import { layoutDashboard } from './layout.js';
import { planMetricsBlocks } from './metrics-blocks.js';
import { dashboardModel, DASHBOARD_MARGIN_CELL, type DashboardModel } from './model.js';
import { signRules } from './style.js';
import type { DashboardPlan, PlanContext } from './types.js';
import { columnWidths } from './widths.js';

export { DASHBOARD_MARGIN_CELL } from './model.js';

export function planDashboard(data: AggregatedData, mapping: Mapping, ctx: PlanContext): DashboardPlan {
  const model = dashboardModel(data, mapping, ctx);
  const header = headerBlock(model);
  const layout = layoutDashboard(model, header.nextRow);
  const table = channelTable(model, layout.tableRow);
  const kpi = kpiStrip(model, layout.kpiRow, table);
  const funnel = funnelBlock(model, table.nextRow, table);
  const pivots = pivotBlocks(model, funnel.nextRow);
  const overTime = overTimeBlock(model, pivots.nextRow, pivots);
  const metrics = metricsBlocks(model, overTime.nextRow);
  const placed = [header, table, kpi, funnel, pivots, overTime, metrics];
  const blocks = placed.flatMap((p) => p.blocks);
  const lastColumn = Math.max(...blocks.map((b) => b.column + (b.cells[0]?.length ?? 1) - 1));
  const width = model.labelCols + model.metrics.length;
  return {
    sheetName: ctx.sheetName,
    blocks,
    // No merged title: its text runs on over the filled empty cells to its right anyway, and the round
    // trip that merge cost pays for wrapping the table's header row instead.
    merges: [],
    frozenRows: 1,
    frozenColumns: model.labelCols,
    columnWidths: columnWidths(lastColumn, model.rows, model.metrics, model.byCampaign, blocks),
    // Header rows wrap (the row grows) instead of cutting "Квалифицирован…" at the column edge.
    // (KPI labels are short; one range keeps the build within its round-trip budget.)
    wrapRanges: [rangeA1(table.headerRow, 1, table.headerRow, width)],
    conditionalRules: placed.flatMap((p) => p.rules),
    charts: dashboardCharts(model, layout.chartsRow, layout.charts, { table, pivots, funnel, overTime }),
    lastRow: metrics.nextRow - 1,
    lastColumn,
    index: {
      marginCell: 'B3',
      tableHeaderRow: table.headerRow,
      firstChannelRow: table.firstRow,
      lastChannelRow: table.lastRow,
      totalsRow: table.totalsRow,
      columns: table.colOf,
      blocks: metrics.rows,
    },
  };
}

/** Models compared, cohort LTV, B2B and definitions (metrics-blocks.ts), below everything else. */
function metricsBlocks(model: DashboardModel, anchor: number): PlacedBlocks & { rows: Readonly<Record<string, number>> } {
  const planned = planMetricsBlocks(model.insights, model.data, {
    currency: model.mapping.options.currency,
    locale: model.ctx.locale,
    marginCell: DASHBOARD_MARGIN_CELL,
    startRow: anchor,
  });
  return { blocks: planned.blocks, rules: signRules(planned.romiRanges), nextRow: planned.nextRow, rows: planned.rows };
}
