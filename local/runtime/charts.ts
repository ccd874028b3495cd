/**
 * Embedded charts as the add-on builds them (`sheet.newChart()…build()`, `insertChart`): recorded as
 * specs — type, source ranges, position, options — that the local UI draws and tests inspect.
 */
import type { BlockRef } from './ranges-ref.js';

/** Charts.ChartType and friends: Apps Script enums are opaque values whose names we keep as strings. */
export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
});
export const ChartMergeStrategy = Object.freeze({ MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' });
export const ChartHiddenDimensionStrategy = Object.freeze({
  IGNORE_BOTH: 'IGNORE_BOTH',
  IGNORE_ROWS: 'IGNORE_ROWS',
  IGNORE_COLUMNS: 'IGNORE_COLUMNS',
  SHOW_BOTH: 'SHOW_BOTH',
});

export interface ChartPosition {
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export interface ChartState {
  readonly chartId: number;
  readonly type: string;
  readonly ranges: readonly BlockRef[];
  readonly position: ChartPosition;
  readonly options: Readonly<Record<string, unknown>>;
  readonly numHeaders: number;
  readonly transpose: boolean;
  readonly mergeStrategy: string;
  readonly hiddenDimensionStrategy: string;
}

export function enumName(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * setOption accepts both dotted keys (`'hAxis.title'`) and nested objects (`'hAxis', {title}`), and
 * EmbeddedChart.getOptions().get reads either way: the exact key, else the longest dotted prefix.
 */
export function chartOption(options: Readonly<Record<string, unknown>>, key: string): unknown {
  if (key in options) return options[key];
  const parts = key.split('.');
  for (let cut = parts.length - 1; cut >= 1; cut--) {
    let value: unknown = options[parts.slice(0, cut).join('.')];
    for (const p of parts.slice(cut))
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}
