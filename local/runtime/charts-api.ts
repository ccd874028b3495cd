/** EmbeddedChartBuilder / EmbeddedChart: the chart calls the dashboard makes, recorded as ChartState. */
import { unwrap } from './calls.js';
import type { Document, SheetState } from './document.js';
import { chartOption, enumName, type ChartState } from './charts.js';
import type { BlockRef } from './ranges-ref.js';
import type { RangeImpl } from './range.js';

export class EmbeddedChartBuilderImpl {
  private state: { -readonly [K in keyof ChartState]: ChartState[K] };

  constructor(
    private readonly doc: Document,
    sheet: SheetState,
    from?: ChartState,
  ) {
    this.state = from
      ? { ...from, ranges: [...from.ranges], options: { ...from.options } }
      : {
          chartId: 0,
          type: 'COLUMN',
          ranges: [],
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          options: {},
          numHeaders: -1,
          transpose: false,
          mergeStrategy: 'MERGE_COLUMNS',
          hiddenDimensionStrategy: 'IGNORE_BOTH',
        };
    void sheet;
  }

  addRange(range: RangeImpl): EmbeddedChartBuilderImpl {
    const raw = this.doc.handles.asRange(range);
    if (!raw) throw new Error('Invalid argument: range');
    this.state.ranges = [...this.state.ranges, raw._ref()];
    return this;
  }
  removeRange(range: RangeImpl): EmbeddedChartBuilderImpl {
    const ref = unwrap(range)._ref();
    this.state.ranges = this.state.ranges.filter(
      (r) =>
        !(
          r.sheet === ref.sheet &&
          r.row === ref.row &&
          r.column === ref.column &&
          r.numRows === ref.numRows &&
          r.numColumns === ref.numColumns
        ),
    );
    return this;
  }
  clearRanges(): EmbeddedChartBuilderImpl {
    this.state.ranges = [];
    return this;
  }
  getRanges(): RangeImpl[] {
    return this.state.ranges.map((r) => this.doc.handles.range(r.sheet, r.row, r.column, r.numRows, r.numColumns));
  }
  setChartType(type: unknown): EmbeddedChartBuilderImpl {
    this.state.type = enumName(type);
    return this;
  }
  getChartType(): string {
    return this.state.type;
  }
  // The typed builders (asColumnChart()…) only narrow the type in Apps Script: same object here.
  asAreaChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('AREA');
  }
  asBarChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('BAR');
  }
  asColumnChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('COLUMN');
  }
  asComboChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('COMBO');
  }
  asLineChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('LINE');
  }
  asPieChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('PIE');
  }
  asTableChart(): EmbeddedChartBuilderImpl {
    return this.setChartType('TABLE');
  }
  setTitle(title: string): EmbeddedChartBuilderImpl {
    return this.setOption('title', String(title));
  }
  setColors(colors: string[]): EmbeddedChartBuilderImpl {
    return this.setOption('colors', [...colors]);
  }
  setStacked(): EmbeddedChartBuilderImpl {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilderImpl {
    return this.setOption('legend.position', enumName(position).toLowerCase());
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderImpl {
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilderImpl {
    this.state.options = { ...this.state.options, [String(option)]: value };
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderImpl {
    this.state.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilderImpl {
    this.state.transpose = transpose === true;
    return this;
  }
  setMergeStrategy(strategy: unknown): EmbeddedChartBuilderImpl {
    this.state.mergeStrategy = enumName(strategy);
    return this;
  }
  setHiddenDimensionStrategy(strategy: unknown): EmbeddedChartBuilderImpl {
    this.state.hiddenDimensionStrategy = enumName(strategy);
    return this;
  }
  build(): EmbeddedChartImpl {
    return this.doc.handles.chart({ ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}

export class EmbeddedChartImpl {
  constructor(
    private readonly doc: Document,
    readonly _state: ChartState,
  ) {}

  getChartId(): number | null {
    return this._state.chartId === 0 ? null : this._state.chartId;
  }
  getRanges(): RangeImpl[] {
    return this._state.ranges.map((r: BlockRef) => this.doc.handles.range(r.sheet, r.row, r.column, r.numRows, r.numColumns));
  }
  getOptions(): { get(option: string): unknown } {
    const options = this._state.options;
    return { get: (option: string) => chartOption(options, option) ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this._state.position;
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  getNumHeaders(): number {
    return this._state.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._state.transpose;
  }
  getMergeStrategy(): string {
    return this._state.mergeStrategy;
  }
  modify(): EmbeddedChartBuilderImpl {
    const sheet = this._state.ranges[0]?.sheet;
    if (!sheet) throw new Error('local runtime: chart without ranges cannot be modified');
    return this.doc.handles.chartBuilder(sheet, this._state);
  }
}
