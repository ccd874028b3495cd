/**
 * Writes a DashboardPlan to a sheet with batched calls: per block one setValues (formulas ride in the same
 * array; text is apostrophe-guarded, see core/dashboard/text.ts) and one call per format kind; then the
 * sheet-level settings once, and one insertChart per chart. The count depends on the plan's block and
 * chart count, never on the number of source rows.
 */
import { blockInputs, type ChartSpec, type DashboardPlan } from '../../core/dashboard/index.js';
import type { GasServices } from '../services.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function applyPlan(services: GasServices, sheet: Sheet, plan: DashboardPlan): void {
  ensureSize(sheet, plan.lastRow, plan.lastColumn);
  for (const block of plan.blocks) {
    const height = block.cells.length;
    const width = block.cells[0]?.length ?? 0;
    if (height === 0 || width === 0) continue;
    const range = sheet.getRange(block.row, block.column, height, width);
    range.setValues(blockInputs(block));
    range.setNumberFormats(block.numberFormats.map((r) => [...r]));
    if (block.notes.some((r) => r.some((n) => n !== ''))) range.setNotes(block.notes.map((r) => [...r]));
    range.setFontWeights(block.fontWeights.map((r) => [...r]));
    range.setFontColors(block.fontColors.map((r) => [...r]));
    // null resets a cell to no fill; an explicit '#ffffff' would paint over banding and the user's theme.
    range.setBackgrounds(block.backgrounds.map((r) => [...r]));
  }
  for (const a1 of plan.merges) sheet.getRange(a1).merge();
  sheet.setFrozenRows(plan.frozenRows);
  sheet.setFrozenColumns(plan.frozenColumns);
  for (const [start, count, width] of widthRuns(plan.columnWidths)) sheet.setColumnWidths(start, count, width);
  sheet.setConditionalFormatRules(
    plan.conditionalRules.map((rule) => {
      const builder = services.SpreadsheetApp.newConditionalFormatRule();
      (rule.when === 'lt' ? builder.whenNumberLessThan(rule.value) : builder.whenNumberGreaterThan(rule.value))
        .setFontColor(rule.fontColor)
        .setBackground(rule.background)
        .setRanges(rule.ranges.map((a1) => sheet.getRange(a1)));
      return builder.build();
    }),
  );
  for (const chart of plan.charts) sheet.insertChart(buildChart(services, sheet, chart));
}

function buildChart(services: GasServices, sheet: Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const types = services.Charts.ChartType;
  const type = spec.type === 'bar' ? types.BAR : spec.type === 'column' ? types.COLUMN : types.LINE;
  let builder = sheet.newChart().setChartType(type);
  for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
  builder = builder
    .setNumHeaders(spec.numHeaders ?? 1)
    .setPosition(spec.anchorRow, spec.anchorColumn, spec.offsetX, spec.offsetY)
    .setOption('title', spec.title)
    .setOption('width', spec.width)
    .setOption('height', spec.height);
  for (const [key, value] of Object.entries(spec.options)) builder = builder.setOption(key, value);
  return builder.build();
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Consecutive columns with the same width become one setColumnWidths call. */
function widthRuns(widths: DashboardPlan['columnWidths']): [number, number, number][] {
  const sorted = [...widths].sort((a, b) => a.column - b.column);
  const runs: [number, number, number][] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === w.column && last[2] === w.width) last[1]++;
    else runs.push([w.column, 1, w.width]);
  }
  return runs;
}

/** Removes what a previous build left: values, formats, notes, charts. Conditional rules are replaced by applyPlan. */
export function clearDashboard(sheet: Sheet): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearNote();
  sheet.clear();
}
