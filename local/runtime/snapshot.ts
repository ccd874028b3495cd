/**
 * A render-ready picture of one sheet for tests and the local web UI: values, display text, formulas,
 * formats, notes, colours (own and from conditional rules), frozen panes, widths, charts with the values
 * of their source ranges, and developer metadata.
 */
import { DetailedCellError } from 'hyperformula';
import type { AppsValue, Document, SheetState } from './document.js';
import { DEFAULT_COLUMN_WIDTH } from './document.js';
import { blockA1, type BlockRef } from './ranges-ref.js';
import { numberMatches, shiftFormula, type CellColours, type Criterion } from './conditional-format.js';
import { quoteSheetName } from './a1.js';

export interface ChartSnapshot {
  readonly chartId: number;
  readonly type: string;
  readonly position: { readonly anchorRow: number; readonly anchorColumn: number; readonly offsetX: number; readonly offsetY: number };
  readonly options: Readonly<Record<string, unknown>>;
  readonly numHeaders: number;
  readonly transpose: boolean;
  readonly mergeStrategy: string;
  readonly ranges: readonly {
    readonly sheet: string;
    readonly a1: string;
    readonly values: (AppsValue | string)[][];
    readonly display: string[][];
    readonly formats: string[][];
  }[];
}

export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  readonly index: number;
  readonly hidden: boolean;
  readonly tabColor: string | null;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** 1-based row of the first row in the cell arrays below. */
  readonly fromRow: number;
  readonly values: (AppsValue | string)[][];
  readonly display: string[][];
  readonly formulas: string[][];
  /** The engine's message for error cells (custom functions' thrown Error text), '' elsewhere. */
  readonly errors: string[][];
  readonly numberFormats: string[][];
  readonly notes: string[][];
  readonly fontWeights: (string | null)[][];
  readonly fontColors: (string | null)[][];
  readonly backgrounds: (string | null)[][];
  readonly alignments: (string | null)[][];
  /** Range.setWrap(true) cells. */
  readonly wraps: boolean[][];
  /** Colours conditional-format rules give each cell (first matching rule wins), null when none. */
  readonly conditional: (CellColours | null)[][];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Width in px of columns 1..lastColumn (index 0 = column A). */
  readonly columnWidths: number[];
  readonly merges: string[];
  readonly charts: ChartSnapshot[];
  readonly conditionalRules: {
    readonly criterion: Criterion;
    readonly ranges: string[];
    readonly fontColor: string | null;
    readonly background: string | null;
  }[];
  readonly metadata: { readonly id: number; readonly key: string; readonly value: string | null }[];
}

function propsExtent(sheet: SheetState): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const [key] of sheet.props.entries()) {
    const [r, c] = key.split(',').map(Number);
    rows = Math.max(rows, r + 1);
    columns = Math.max(columns, c + 1);
  }
  return { rows, columns };
}

/** Does a custom-formula rule hold at (row, column)? References move with the cell, as in Sheets. */
function formulaHolds(doc: Document, sheet: SheetState, formula: string, ref: BlockRef, row: number, column: number): boolean {
  const shifted = shiftFormula(formula, row - ref.row, column - ref.column);
  let result: unknown;
  try {
    result = doc.hf.calculateFormula(shifted, sheet.hfId);
  } catch {
    return false;
  }
  if (result instanceof DetailedCellError) return false;
  return result === true || (typeof result === 'number' && result !== 0);
}

/** Colours from conditional rules for rows [fromRow, fromRow+numRows) and columns 1..numColumns. */
export function conditionalColours(
  doc: Document,
  sheet: SheetState,
  fromRow: number,
  numRows: number,
  numColumns: number,
): (CellColours | null)[][] {
  const out: (CellColours | null)[][] = Array.from({ length: numRows }, () => Array.from({ length: numColumns }, () => null));
  if (numRows === 0 || numColumns === 0) return out;
  const values = doc.readBlock(sheet, fromRow - 1, 0, numRows, numColumns, 'values');
  for (const rule of sheet.conditionalRules) {
    for (const ref of rule.ranges) {
      if (ref.sheet !== sheet) continue;
      for (let r = Math.max(ref.row, fromRow); r < Math.min(ref.row + ref.numRows, fromRow + numRows); r++) {
        for (let c = ref.column; c < Math.min(ref.column + ref.numColumns, numColumns + 1); c++) {
          const i = r - fromRow;
          const j = c - 1;
          if (out[i][j] !== null) continue;
          const hit =
            rule.criterion.type === 'CUSTOM_FORMULA'
              ? formulaHolds(doc, sheet, rule.criterion.formula, ref, r, c)
              : numberMatches(rule.criterion, values[i][j]);
          if (!hit) continue;
          const colours: CellColours = {};
          if (rule.fontColor) colours.fontColor = rule.fontColor;
          if (rule.background) colours.background = rule.background;
          out[i][j] = colours;
        }
      }
    }
  }
  return out;
}

export function snapshotSheet(doc: Document, sheet: SheetState, window?: { fromRow?: number; numRows?: number }): SheetSnapshot {
  const content = doc.contentExtent(sheet);
  const styled = propsExtent(sheet);
  const lastRow = Math.max(content.rows, styled.rows);
  const lastColumn = Math.max(content.columns, styled.columns);
  const fromRow = Math.max(1, window?.fromRow ?? 1);
  const numRows = Math.max(0, Math.min(window?.numRows ?? lastRow, lastRow - fromRow + 1));
  const read = (mode: 'values' | 'display' | 'formulas' | 'errors'): (AppsValue | string)[][] =>
    doc.readBlock(sheet, fromRow - 1, 0, numRows, lastColumn, mode);
  const grid = <T>(fn: (r0: number, c0: number) => T): T[][] =>
    Array.from({ length: numRows }, (_, i) => Array.from({ length: lastColumn }, (__, j) => fn(fromRow - 1 + i, j)));
  const prop = (r: number, c: number) => sheet.props.get(r, c);
  return {
    name: sheet.name,
    sheetId: sheet.id,
    index: doc.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    lastRow: content.rows,
    lastColumn: content.columns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    fromRow,
    values: read('values'),
    display: read('display') as string[][],
    formulas: read('formulas') as string[][],
    errors: read('errors') as string[][],
    numberFormats: grid((r, c) => prop(r, c)?.numberFormat ?? 'General'),
    notes: grid((r, c) => prop(r, c)?.note ?? ''),
    fontWeights: grid((r, c) => prop(r, c)?.fontWeight ?? null),
    fontColors: grid((r, c) => prop(r, c)?.fontColor ?? null),
    backgrounds: grid((r, c) => prop(r, c)?.background ?? null),
    alignments: grid((r, c) => prop(r, c)?.horizontalAlignment ?? null),
    wraps: grid((r, c) => prop(r, c)?.wrap === true),
    conditional: conditionalColours(doc, sheet, fromRow, numRows, lastColumn),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths: Array.from({ length: lastColumn }, (_, j) => sheet.columnWidths.get(j + 1) ?? DEFAULT_COLUMN_WIDTH),
    merges: sheet.merges.map(blockA1),
    charts: sheet.charts.map((chart) => ({
      chartId: chart.chartId,
      type: chart.type,
      position: chart.position,
      options: chart.options,
      numHeaders: chart.numHeaders,
      transpose: chart.transpose,
      mergeStrategy: chart.mergeStrategy,
      ranges: chart.ranges
        .filter((ref) => doc.sheets.includes(ref.sheet))
        .map((ref) => ({
          sheet: ref.sheet.name,
          a1: `${quoteSheetName(ref.sheet.name)}!${blockA1(ref)}`,
          values: doc.readBlock(ref.sheet, ref.row - 1, ref.column - 1, ref.numRows, ref.numColumns, 'values'),
          display: doc.readBlock(ref.sheet, ref.row - 1, ref.column - 1, ref.numRows, ref.numColumns, 'display') as string[][],
          formats: Array.from({ length: ref.numRows }, (_, i) =>
            Array.from({ length: ref.numColumns }, (__, j) => doc.effectiveFormat(ref.sheet, ref.row - 1 + i, ref.column - 1 + j, false)),
          ),
        })),
    })),
    conditionalRules: sheet.conditionalRules.map((r) => ({
      criterion: r.criterion,
      ranges: r.ranges.map(blockA1),
      fontColor: r.fontColor,
      background: r.background,
    })),
    metadata: doc.metadata.filter((m) => m.sheetId === sheet.id).map((m) => ({ id: m.id, key: m.key, value: m.value })),
  };
}
