/**
 * Column widths from the content. Pixel estimates (≈7.5 px per character at Sheets' default 10 pt Arial;
 * CJK ≈ 13 px).
 */
import type { AggregateRow } from '../aggregate/types.js';
import type { MetricColumn } from './columns.js';
import { HEAD_BG } from './style.js';
import type { PlanBlock } from './types.js';

export interface ColumnWidth {
  readonly column: number;
  readonly width: number;
}

/** The label column as wide as its longest name (within limits), metric columns as their header words. */
export function columnWidths(
  lastColumn: number,
  rows: readonly AggregateRow[],
  metrics: readonly MetricColumn[],
  byCampaign: boolean,
  blocks: readonly PlanBlock[],
): ColumnWidth[] {
  return widenForHeaders(fittedWidths(lastColumn, byCampaign ? 2 : 1, rows, metrics, byCampaign), blocks);
}

/**
 * The label column as wide as its longest name (within limits), metric columns as wide as their longest
 * header word, so wrapped headers break between words, not inside them.
 */
function fittedWidths(
  lastColumn: number,
  labelCols: number,
  rows: readonly AggregateRow[],
  metrics: readonly MetricColumn[],
  byCampaign: boolean,
): ColumnWidth[] {
  const px = (t: string): number => [...t].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 13 : 7.5), 0);
  const clamp = (v: number, lo: number, hi: number): number => Math.round(Math.min(hi, Math.max(lo, v)));
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map(px));
  return Array.from({ length: lastColumn }, (_, i) => {
    if (i === 0) return { column: 1, width: clamp(longest(rows.map((r) => r.channel)) + 16, 140, 240) };
    if (i === 1 && byCampaign) return { column: 2, width: clamp(longest(rows.map((r) => r.campaign ?? '')) + 16, 120, 220) };
    const m = metrics[i - labelCols];
    if (!m) return { column: i + 1, width: 100 };
    // From the header only (values up to ~12 characters fit the minimum): widths, and so the number of
    // setColumnWidths calls, never depend on how much data there is.
    return { column: i + 1, width: bucket(longest(m.header.split(/\s+/u)) + 14) };
  });
}

/**
 * Every table header row (funnel, pivots…) shares the sheet's columns with the channel table: a column is
 * widened so that no header any block puts in it is cut.
 */
function widenForHeaders(widths: ColumnWidth[], blocks: readonly PlanBlock[]): ColumnWidth[] {
  const need = new Map<number, number>();
  const atLeast = (column: number, px: number): void => void need.set(column, Math.max(need.get(column) ?? 0, px));
  for (const b of blocks) {
    b.cells.forEach((row, i) => {
      // A date-time that does not fit shows as ##### in Sheets: its column gets room for it.
      row.forEach((cell, j) => {
        if (cell?.t === 'n' && /h/u.test(b.numberFormats[i]?.[j] ?? '')) atLeast(b.column + j, 132);
      });
      if (!b.backgrounds[i]?.some((bg) => bg === HEAD_BG)) return;
      row.forEach((cell, j) => {
        if (cell?.t !== 's') return;
        // The channel table's header row wraps (longest word counts); other header rows are one line.
        const parts = b.name === 'channels' ? cell.v.split(/\s+/u) : [cell.v];
        const px = Math.max(...parts.map((w) => [...w].reduce((a, ch) => a + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 13 : 8), 0))) + 16;
        atLeast(b.column + j, Math.min(180, Math.round(px)));
      });
    });
  }
  const fitted = widths.map((w) => ({
    column: w.column,
    width: w.column === 1 ? Math.max(w.width, need.get(1) ?? 0) : bucket(Math.max(w.width, need.get(w.column) ?? 0)),
  }));
  // One width for every metric column (the widest any needs): a single setColumnWidths call for them all
  // keeps a rebuild, swap included, within its 40 round trips.
  const metricWidth = Math.max(104, ...fitted.filter((w) => w.column > 1).map((w) => w.width));
  return fitted.map((w) => (w.column === 1 ? w : { column: w.column, width: metricWidth }));
}

/**
 * Metric columns come in three widths only: neighbours of equal width are set with one call, so the
 * number of setColumnWidths round trips stays small whatever the headers say.
 */
function bucket(px: number): number {
  return px <= 104 ? 104 : px <= 140 ? 140 : 180;
}
