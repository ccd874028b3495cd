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
import { channelTables } from './blocks/channels.js';
import { dashboardCharts } from './blocks/charts.js';
import { funnelBlock } from './blocks/funnel.js';
import { headerBlock } from './blocks/header.js';
import { kpiStrip } from './blocks/kpi-strip.js';
import { overTimeBlock } from './blocks/over-time.js';
import { pivotBlocks } from './blocks/pivots.js';
import { rankingBlocks } from './blocks/ranking.js';
import type { PlacedBlocks } from './blocks/types.js';
import { layoutDashboard } from './layout.js';
import { planMetricsBlocks } from './metrics-blocks.js';
import { dashboardModel, DASHBOARD_MARGIN_CELL, type DashboardModel } from './model.js';
import { HEAD_BG, signRules } from './style.js';
import type { DashboardPlan, PlanBlock, PlanContext } from './types.js';
import { columnWidths } from './widths.js';

export { DASHBOARD_MARGIN_CELL } from './model.js';

export function planDashboard(data: AggregatedData, mapping: Mapping, ctx: PlanContext): DashboardPlan {
  const model = dashboardModel(data, mapping, ctx);
  const header = headerBlock(model);
  const layout = layoutDashboard(model, header.nextRow);
  const tables = channelTables(model, layout.tableRow, layout.detailRow);
  const kpi = kpiStrip(model, layout.kpiRow, tables.overview);
  const funnel = funnelBlock(model, tables.detail?.nextRow ?? layout.detailRow, tables);
  const pivots = pivotBlocks(model, funnel.nextRow);
  const overTime = overTimeBlock(model, pivots.nextRow, pivots);
  const rankings = rankingBlocks(model, overTime.nextRow, tables, pivots);
  const metrics = metricsBlocks(model, rankings.nextRow);
  const placed = [header, tables.overview, kpi, ...(tables.detail ? [tables.detail] : []), funnel, pivots, overTime, rankings, metrics];
  const blocks = placed.flatMap((p) => p.blocks);
  // eslint-disable-next-line no-restricted-syntax -- one per dashboard block: a dozen
  const lastColumn = Math.max(...blocks.map((b) => b.column + (b.cells[0]?.length ?? 1) - 1));
  const { overview, detail } = tables;
  return {
    sheetName: ctx.sheetName,
    blocks,
    // No merged title: its text runs on over the filled empty cells to its right anyway.
    merges: [],
    frozenRows: 1,
    frozenColumns: model.labelCols,
    columnWidths: columnWidths(lastColumn, model.rows, model.labelCols, model.overview.length, blocks),
    // Every table's header row wraps (the row grows) instead of cutting "Квалифицирован…" at the column
    // edge; one setWraps call for all of them.
    wrapRows: headerRows(blocks),
    conditionalRules: placed.flatMap((p) => p.rules),
    charts: dashboardCharts(model, layout.chartsRow, layout.charts, { table: overview, pivots, funnel, overTime, rankings }),
    lastRow: metrics.nextRow - 1,
    lastColumn,
    index: {
      marginCell: 'B3',
      tableHeaderRow: overview.headerRow,
      firstChannelRow: overview.firstRow,
      lastChannelRow: overview.lastRow,
      totalsRow: overview.totalsRow,
      columns: overview.colOf,
      ...(detail
        ? {
            detail: {
              tableHeaderRow: detail.headerRow,
              firstChannelRow: detail.firstRow,
              totalsRow: detail.totalsRow,
              columns: detail.colOf,
            },
          }
        : {}),
      blocks: metrics.rows,
    },
  };
}

/**
 * Sheet rows that are a table's header (filled with the header colour) with a text in every cell. A row
 * with gaps (a model's name over its three columns) is left to run on over them instead of wrapping.
 */
function headerRows(blocks: readonly PlanBlock[]): number[] {
  return blocks.flatMap((b) =>
    b.backgrounds.flatMap((row, i) => (row.some((bg) => bg === HEAD_BG) && b.cells[i].every((c) => c !== null) ? [b.row + i] : [])),
  );
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
