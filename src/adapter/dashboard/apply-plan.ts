/**
 * Writes a DashboardPlan with a fixed number of round trips, whatever the plan holds: the blocks are
 * composed into one rectangle (core/dashboard/canvas.ts) and each attribute is written with one call
 * (values — formulas ride in the same array, text is apostrophe-guarded, see core/dashboard/text.ts —
 * number formats, notes, text styles (weight and colour), backgrounds, header-row wraps). Every A1 range the conditional
 * formats, merges and charts need comes from one getRangeList; identical sign rules are merged into one rule.
 * The count grows only with merges, width runs and charts — never with source rows or channels.
 */
import {
  canvasWraps,
  mergeConditionalRules,
  planCanvas,
  rangeA1,
  type Canvas,
  type ChartSpec,
  type DashboardPlan,
} from '../../core/dashboard/index.js';
import type { GasServices } from '../services.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function applyPlan(services: GasServices, sheet: Sheet, plan: DashboardPlan): void {
  const canvas = planCanvas(plan);
  const rows = Math.max(plan.lastRow, canvas ? canvas.row + canvas.height - 1 : 1);
  const columns = Math.max(plan.lastColumn, canvas ? canvas.column + canvas.width - 1 : 1);
  const rules = mergeConditionalRules(plan.conditionalRules);
  // One getRangeList for the canvas and every range the merges, rules and charts need.
  const canvasA1 = canvas ? rangeA1(canvas.row, canvas.column, canvas.row + canvas.height - 1, canvas.column + canvas.width - 1) : null;
  const ranges = withinGrid(sheet, rows, columns, () =>
    rangesByA1(sheet, [
      ...(canvasA1 ? [canvasA1] : []),
      ...plan.merges,
      ...rules.flatMap((r) => r.ranges),
      ...plan.charts.flatMap((c) => c.ranges),
    ]),
  );
  if (canvas && canvasA1) {
    const range = ranges(canvasA1);
    range.setValues(canvas.values);
    range.setNumberFormats(canvas.numberFormats);
    if (canvas.hasNotes) range.setNotes(canvas.notes);
    range.setTextStyles(textStyles(services, canvas));
    // null resets a cell to no fill (documented for Range.setBackgrounds); the typings say string only.
    range.setBackgrounds(canvas.backgrounds as string[][]);
    const wraps = canvasWraps(canvas, plan.wrapRows ?? []);
    if (wraps) range.setWraps(wraps);
  }
  for (const a1 of plan.merges) ranges(a1).merge();
  sheet.setFrozenRows(plan.frozenRows);
  sheet.setFrozenColumns(plan.frozenColumns);
  for (const [start, count, width] of widthRuns(plan.columnWidths)) sheet.setColumnWidths(start, count, width);
  if (rules.length > 0) {
    sheet.setConditionalFormatRules(
      rules.map((rule) => {
        const builder = services.SpreadsheetApp.newConditionalFormatRule();
        (rule.when === 'lt' ? builder.whenNumberLessThan(rule.value) : builder.whenNumberGreaterThan(rule.value))
          .setFontColor(rule.fontColor)
          .setBackground(rule.background)
          .setRanges(rule.ranges.map((a1) => ranges(a1)));
        return builder.build();
      }),
    );
  }
  for (const chart of plan.charts) sheet.insertChart(buildChart(services, sheet, chart, ranges));
}

/**
 * Weights and colours as TextStyles: one setTextStyles call where setFontWeights + setFontColors were two.
 * A style per distinct pair (a handful), built locally: builders are not round trips.
 */
function textStyles(services: GasServices, canvas: Canvas): GoogleAppsScript.Spreadsheet.TextStyle[][] {
  const made = new Map<string, GoogleAppsScript.Spreadsheet.TextStyle>();
  const style = (weight: 'bold' | 'normal', color: string): GoogleAppsScript.Spreadsheet.TextStyle => {
    const key = `${weight}${color}`;
    let s = made.get(key);
    if (!s) {
      s = services.SpreadsheetApp.newTextStyle()
        .setBold(weight === 'bold')
        .setForegroundColor(color)
        .build();
      made.set(key, s);
    }
    return s;
  };
  return canvas.fontWeights.map((row, i) => row.map((weight, j) => style(weight, canvas.fontColors[i][j])));
}

/** One getRangeList for every distinct A1 range; the lookup throws on a range it was not given. */
function rangesByA1(sheet: Sheet, a1s: readonly string[]): (a1: string) => Range {
  const distinct = [...new Set(a1s)];
  const found = new Map<string, Range>();
  if (distinct.length > 0) {
    const list = sheet.getRangeList(distinct).getRanges();
    distinct.forEach((a1, i) => found.set(a1, list[i]));
  }
  return (a1) => {
    const range = found.get(a1);
    if (!range) throw new Error(`dashboard plan: range ${a1} was not resolved`);
    return range;
  };
}

function buildChart(
  services: GasServices,
  sheet: Sheet,
  spec: ChartSpec,
  ranges: (a1: string) => Range,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const types = services.Charts.ChartType;
  const type = spec.type === 'bar' ? types.BAR : spec.type === 'column' ? types.COLUMN : types.LINE;
  let builder = sheet.newChart().setChartType(type);
  for (const a1 of spec.ranges) builder = builder.addRange(ranges(a1));
  builder = builder
    .setNumHeaders(spec.numHeaders ?? 1)
    .setPosition(spec.anchorRow, spec.anchorColumn, spec.offsetX, spec.offsetY)
    .setOption('title', spec.title)
    .setOption('width', spec.width)
    .setOption('height', spec.height);
  for (const [key, value] of Object.entries(spec.options)) builder = builder.setOption(key, value);
  return builder.build();
}

/**
 * The sheet is the one insertSheet() just made. In Sheets a new sheet's grid is 1000 × 26 (the local
 * runtime's too); Apps Script does not document it, so it is an assumption that only saves round trips:
 * a plan inside it resolves its ranges without reading the grid's size (two round trips). If the grid is
 * smaller after all, Sheets refuses a range beyond it; then the size is read, the grid grown, and the
 * ranges resolved once more. A plan beyond 1000 × 26 grows the grid first.
 */
export const NEW_SHEET_GRID = { rows: 1000, columns: 26 } as const;

function withinGrid<T>(sheet: Sheet, rows: number, columns: number, resolve: () => T): T {
  if (rows > NEW_SHEET_GRID.rows || columns > NEW_SHEET_GRID.columns) {
    ensureSize(sheet, rows, columns);
    return resolve();
  }
  try {
    return resolve();
  } catch {
    ensureSize(sheet, rows, columns);
    return resolve();
  }
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
