/**
 * What the local server sends the grid page: a render-ready view of one sheet, the menu the add-on
 * registered, and whether it asked for the sidebar. Plain JSON on both sides.
 */

export interface CellView {
  /** The value as its number format shows it (what a person sees in Sheets). */
  readonly text: string;
  /** The formula, for the formula bar; absent for plain values. */
  readonly formula?: string;
  /** What the formula bar shows for a non-formula cell (raw value, not formatted). */
  readonly input?: string;
  readonly note?: string;
  /** Error message behind #ERROR! and friends (custom functions' thrown Error text). */
  readonly error?: string;
  readonly bold?: boolean;
  /** Wrapped text (Range.setWrap): the row grows instead of the text overflowing or being clipped. */
  readonly wrap?: boolean;
  readonly color?: string;
  readonly background?: string;
  readonly align?: 'left' | 'right' | 'center';
}

export interface ChartSeriesView {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface ChartView {
  readonly type: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesView[];
  /** False when the chart's `legend` option is 'none'. */
  readonly legend: boolean;
  readonly legendPosition: 'top' | 'bottom' | 'right' | 'left' | 'none';
  /** The value axis (hAxis of a horizontal BAR chart, vAxis otherwise), from the chart's options. */
  readonly valueAxis: {
    readonly title?: string;
    /** Google Charts format: 'percent', 'short', 'decimal' or a pattern (`#,##0%`). */
    readonly format?: string;
    readonly logScale: boolean;
    /** viewWindow: a clipped axis (values beyond are cut at the edge). */
    readonly min?: number;
    readonly max?: number;
  };
  readonly domainAxisTitle?: string;
  /** Values printed on the bars/points (`series.N.dataLabel: 'value'`). */
  readonly dataLabels: boolean;
  /** Series colours (`colors` or `series.N.color`), by series index. */
  readonly colors: readonly (string | undefined)[];
  /** Anchor cell, 1-based, and the offset from its top-left corner in px. */
  readonly row: number;
  readonly column: number;
  readonly offsetX: number;
  readonly offsetY: number;
  /** Size in px (the chart's width/height options; Sheets' default 600×371 when unset). */
  readonly width: number;
  readonly height: number;
}

export interface SheetView {
  readonly name: string;
  readonly sheetId: number;
  /** Total rows and columns with content (the grid adds a few empty ones for editing). */
  readonly rows: number;
  readonly columns: number;
  /** First row (1-based) of `cells`; the page asks for windows of long sheets. */
  readonly fromRow: number;
  readonly cells: readonly (readonly CellView[])[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** BCP 47 tag of the spreadsheet locale (chart axis numbers are written in it). */
  readonly localeTag: string;
  /** Pixel width per column (index 0 = column A); missing → default. */
  readonly columnWidths: readonly number[];
  readonly charts: readonly ChartView[];
}

export interface MenuItemView {
  readonly caption: string;
  /** Top-level function the item runs; absent for separators. */
  readonly functionName?: string;
}

export interface AppState {
  readonly title: string;
  readonly sheets: readonly { readonly name: string; readonly sheetId: number }[];
  readonly activeSheet: string;
  readonly menu: { readonly title: string; readonly items: readonly MenuItemView[] } | null;
  readonly sidebar: { readonly title: string } | null;
  readonly toasts: readonly string[];
  readonly alerts: readonly string[];
}

export interface RunResponse {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}
