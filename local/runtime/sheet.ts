/** Sheet: one tab. Structure changes go through the engine so formulas keep pointing at the same cells. */
import { unwrap } from './calls.js';
import { parseA1 } from './a1.js';
import type { Document, SheetState } from './document.js';
import { DEFAULT_COLUMN_WIDTH } from './document.js';
import { checkBounds, type RangeImpl } from './range.js';
import type { RangeListImpl } from './range-list.js';
import type { EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './charts-api.js';
import type { ConditionalFormatRuleImpl } from './conditional-format-api.js';
import { addMetadata, type DeveloperMetadataFinderImpl, type DeveloperMetadataImpl } from './developer-metadata-api.js';
import type { SpreadsheetImpl } from './spreadsheet.js';

function positiveInt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`Invalid argument: ${what}`);
  return value;
}

export class SheetImpl {
  constructor(
    private readonly doc: Document,
    readonly _state: SheetState,
  ) {}

  private live(): SheetState {
    if (!this.doc.sheets.includes(this._state)) throw new Error('The sheet has been deleted.');
    return this._state;
  }

  getName(): string {
    return this.live().name;
  }
  setName(name: string): SheetImpl {
    const text = String(name).trim();
    if (text === '') throw new Error('Invalid argument: name');
    this.doc.renameSheet(this.live(), text);
    return this;
  }
  getSheetId(): number {
    return this.live().id;
  }
  getIndex(): number {
    return this.doc.sheets.indexOf(this.live()) + 1;
  }
  getParent(): SpreadsheetImpl {
    return this.doc.handles.spreadsheet();
  }

  getRange(a: unknown, column?: number, numRows?: number, numColumns?: number): RangeImpl {
    const state = this.live();
    if (typeof a === 'string') {
      const ref = parseA1(a);
      const target = ref.sheetName === undefined ? state : this.doc.sheetByName(ref.sheetName);
      if (!target) throw new Error('Range not found');
      const lastRow = ref.lastRow ?? target.maxRows;
      const lastColumn = ref.lastColumn ?? target.maxColumns;
      checkBounds(target, ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
      return this.doc.handles.range(target, ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
    }
    const row = a as number;
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    checkBounds(state, row, column as number, nr, nc);
    return this.doc.handles.range(state, row, column as number, nr, nc);
  }
  /** Each range is resolved the way getRange(a1) would (same errors), but in one call. */
  getRangeList(a1Notations: unknown): RangeListImpl {
    if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== 'string')) throw new Error('Invalid argument: a1Notations');
    // `this` is the raw sheet (the counting proxy calls methods on it), so these getRange calls are not counted.
    return this.doc.handles.rangeList(a1Notations.map((a1: string) => this.getRange(a1)));
  }
  getDataRange(): RangeImpl {
    const { rows, columns } = this.doc.contentExtent(this.live());
    return this.doc.handles.range(this._state, 1, 1, Math.max(1, rows), Math.max(1, columns));
  }
  getLastRow(): number {
    return this.doc.contentExtent(this.live()).rows;
  }
  getLastColumn(): number {
    return this.doc.contentExtent(this.live()).columns;
  }
  getMaxRows(): number {
    return this.live().maxRows;
  }
  getMaxColumns(): number {
    return this.live().maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetImpl {
    return this.insertRows(positiveInt(afterPosition, 'afterPosition'), positiveInt(howMany, 'howMany'));
  }
  insertRowsBefore(beforePosition: number, howMany: number): SheetImpl {
    return this.insertRows(positiveInt(beforePosition, 'beforePosition') - 1, positiveInt(howMany, 'howMany'));
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetImpl {
    return this.insertColumns(positiveInt(afterPosition, 'afterPosition'), positiveInt(howMany, 'howMany'));
  }
  insertColumnsBefore(beforePosition: number, howMany: number): SheetImpl {
    return this.insertColumns(positiveInt(beforePosition, 'beforePosition') - 1, positiveInt(howMany, 'howMany'));
  }

  /** Inserts `count` rows after 1-based row `after` (0 = at the top). */
  private insertRows(after: number, count: number): SheetImpl {
    const state = this.live();
    if (after > state.maxRows) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    this.doc.hf.addRows(state.hfId, [after, count]);
    state.props.shift('row', after, count);
    state.maxRows += count;
    return this;
  }
  private insertColumns(after: number, count: number): SheetImpl {
    const state = this.live();
    if (after > state.maxColumns) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    this.doc.hf.addColumns(state.hfId, [after, count]);
    state.props.shift('col', after, count);
    shiftWidths(state.columnWidths, after + 1, count);
    state.maxColumns += count;
    return this;
  }

  deleteRow(rowPosition: number): SheetImpl {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): SheetImpl {
    const state = this.live();
    const start = positiveInt(rowPosition, 'rowPosition');
    const count = positiveInt(howMany, 'howMany');
    if (start + count - 1 > state.maxRows) throw new Error('Those rows are out of bounds.');
    if (count >= state.maxRows - state.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.doc.hf.removeRows(state.hfId, [start - 1, count]);
    state.props.shift('row', start - 1, -count);
    state.maxRows -= count;
    return this;
  }
  deleteColumn(columnPosition: number): SheetImpl {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): SheetImpl {
    const state = this.live();
    const start = positiveInt(columnPosition, 'columnPosition');
    const count = positiveInt(howMany, 'howMany');
    if (start + count - 1 > state.maxColumns) throw new Error('Those columns are out of bounds.');
    if (count >= state.maxColumns - state.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this.doc.hf.removeColumns(state.hfId, [start - 1, count]);
    state.props.shift('col', start - 1, -count);
    shiftWidths(state.columnWidths, start, -count);
    state.maxColumns -= count;
    return this;
  }

  clear(): SheetImpl {
    const state = this.live();
    this.clearContents();
    state.props.clearAll();
    state.merges = [];
    return this;
  }
  clearContents(): SheetImpl {
    const state = this.live();
    const { width, height } = this.doc.hf.getSheetDimensions(state.hfId);
    if (width > 0 && height > 0) {
      this.doc.setContents(
        state.hfId,
        0,
        0,
        Array.from({ length: height }, () => Array.from({ length: width }, () => null)),
      );
    }
    return this;
  }
  clearNotes(): SheetImpl {
    const state = this.live();
    for (const [key] of [...state.props.entries()]) {
      const [r, c] = key.split(',').map(Number);
      state.props.set(r, c, 'note', undefined);
    }
    return this;
  }
  clearFormats(): SheetImpl {
    const state = this.live();
    for (const [key] of [...state.props.entries()]) {
      const [r, c] = key.split(',').map(Number);
      state.props.clear(r, c, ['note']);
    }
    return this;
  }

  setFrozenRows(rows: number): SheetImpl {
    const state = this.live();
    if (typeof rows !== 'number' || rows < 0 || rows >= state.maxRows) throw new Error('Invalid argument: rows');
    state.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this.live().frozenRows;
  }
  setFrozenColumns(columns: number): SheetImpl {
    const state = this.live();
    if (typeof columns !== 'number' || columns < 0 || columns >= state.maxColumns) throw new Error('Invalid argument: columns');
    state.frozenColumns = columns;
    return this;
  }
  getFrozenColumns(): number {
    return this.live().frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): SheetImpl {
    this.live().columnWidths.set(positiveInt(columnPosition, 'columnPosition'), width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetImpl {
    const start = positiveInt(startColumn, 'startColumn');
    for (let c = start; c < start + positiveInt(numColumns, 'numColumns'); c++) this.live().columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.live().columnWidths.get(positiveInt(columnPosition, 'columnPosition')) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Records a width from the longest displayed text, roughly 7 px per character as Sheets' default font. */
  autoResizeColumns(startColumn: number, numColumns: number): SheetImpl {
    const state = this.live();
    const start = positiveInt(startColumn, 'startColumn');
    const n = positiveInt(numColumns, 'numColumns');
    const { rows } = this.doc.contentExtent(state);
    const display = rows > 0 ? this.doc.readBlock(state, 0, start - 1, rows, n, 'display') : [];
    for (let j = 0; j < n; j++) {
      const longest = display.reduce((max, row) => Math.max(max, String(row[j] ?? '').length), 0);
      state.columnWidths.set(start + j, Math.max(30, Math.min(600, longest * 7 + 16)));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): SheetImpl {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setTabColor(color: string | null): SheetImpl {
    this.live().tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.live().tabColor;
  }
  activate(): SheetImpl {
    const state = this.live();
    state.hidden = false;
    this.doc.activeSheetId = state.id;
    return this;
  }
  showSheet(): SheetImpl {
    this.live().hidden = false;
    return this;
  }
  hideSheet(): SheetImpl {
    const state = this.live();
    if (this.doc.sheets.filter((s) => !s.hidden).length <= 1 && !state.hidden)
      throw new Error("You can't hide all the sheets in a document.");
    state.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this.live().hidden;
  }

  newChart(): EmbeddedChartBuilderImpl {
    return this.doc.handles.chartBuilder(this.live());
  }
  insertChart(chart: EmbeddedChartImpl): void {
    const state = this.live();
    const raw = this.doc.handles.asChart(chart);
    if (!raw) throw new Error('Invalid argument: chart');
    state.charts.push({ ...raw._state, chartId: this.doc.newId() });
  }
  updateChart(chart: EmbeddedChartImpl): void {
    const state = this.live();
    const raw = unwrap(chart);
    const i = state.charts.findIndex((c) => c.chartId === raw._state.chartId);
    if (i < 0) throw new Error('The chart does not exist in this sheet.');
    state.charts[i] = raw._state;
  }
  removeChart(chart: EmbeddedChartImpl): void {
    const state = this.live();
    const raw = unwrap(chart);
    state.charts = state.charts.filter((c) => c.chartId !== raw._state.chartId);
  }
  getCharts(): EmbeddedChartImpl[] {
    return this.live().charts.map((c) => this.doc.handles.chart(c));
  }

  setConditionalFormatRules(rules: unknown): void {
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    this.live().conditionalRules = rules.map((r: unknown) => {
      const raw = this.doc.handles.asRule(r);
      if (!raw) throw new Error('Invalid argument: rules');
      return raw._state;
    });
  }
  getConditionalFormatRules(): ConditionalFormatRuleImpl[] {
    return this.live().conditionalRules.map((r) => this.doc.handles.rule(r));
  }
  clearConditionalFormatRules(): void {
    this.live().conditionalRules = [];
  }

  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): SheetImpl {
    addMetadata(this.doc, this.live().id, key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    const id = this.live().id;
    return this.doc.metadata.filter((m) => m.sheetId === id).map((m) => this.doc.handles.metadata(m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.doc.handles.metadataFinder(this.live().id);
  }
}

/** Column widths are keyed by 1-based column: move the ones at/after `from`. */
function shiftWidths(widths: Map<number, number>, from: number, delta: number): void {
  const entries = [...widths.entries()];
  widths.clear();
  for (const [c, w] of entries) {
    if (delta < 0 && c >= from && c < from - delta) continue;
    widths.set(c >= from ? c + delta : c, w);
  }
}
