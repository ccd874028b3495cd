/**
 * Column widths from the content, so the overview table fits a 1440 px screen without scrolling sideways.
 * Pixel estimates (≈7.5 px per character at Sheets' default 10 pt Arial, 8 for bold headers; CJK ≈ 13 px).
 *
 * Widths cost round trips (one setColumnWidths per run of equal neighbours), so they come in three runs at
 * most: the label column(s) and one width for every metric column, the one exception being the column
 * that holds the generated date-time (column B, see blocks/header.ts). Headers wrap word by word within it.
 */
import type { AggregateRow } from '../aggregate/types.js';
import { HEAD_BG } from './style.js';
import type { PlanBlock } from './types.js';

export interface ColumnWidth {
  readonly column: number;
  readonly width: number;
}

/** The screen the overview must fit: 1440 px less Sheets' row numbers (46 px) and a scrollbar. */
export const SCREEN_WIDTH = 1440 - 46 - 24;
const METRIC_MIN = 104;
const METRIC_MAX = 180;
/** A date-time narrower than this shows as ##### in Sheets. */
const DATE_TIME = 132;

const px = (t: string, perChar = 7.5): number => [...t].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 13 : perChar), 0);

export function columnWidths(
  lastColumn: number,
  rows: readonly AggregateRow[],
  labelCols: number,
  overviewColumns: number,
  blocks: readonly PlanBlock[],
): ColumnWidth[] {
  const clamp = (v: number, lo: number, hi: number): number => Math.round(Math.min(hi, Math.max(lo, v)));
  // A loop, not Math.max(...spread): one label per channel, and an export may have 100k+ channels.
  const longest = (texts: readonly string[]): number => texts.reduce((most, t) => Math.max(most, px(t)), 0);
  const need = headerNeeds(blocks);
  const atLeastDate = (column: number, width: number): number => (need.dateTime.has(column) ? Math.max(width, DATE_TIME) : width);
  const label = atLeastDate(1, clamp(Math.max(longest(rows.map((r) => r.channel)) + 16, need.text.get(1) ?? 0), 140, 240));
  const campaign = atLeastDate(2, clamp(longest(rows.map((r) => r.campaign ?? '')) + 16, 120, 220));
  const labels = labelCols === 2 ? label + campaign : label;
  // Overview columns that must hold a date-time take DATE_TIME; the others share what is left of the screen.
  const overviewEnd = labelCols + overviewColumns;
  const dated = [...need.dateTime].filter((c) => c > labelCols && c <= overviewEnd).length;
  const fit = Math.floor((SCREEN_WIDTH - labels - dated * DATE_TIME) / Math.max(1, overviewColumns - dated));
  let wanted = 0;
  for (let c = labelCols + 1; c <= lastColumn; c++) wanted = Math.max(wanted, need.text.get(c) ?? 0);
  const metric = clamp(wanted, METRIC_MIN, Math.max(METRIC_MIN, Math.min(fit, METRIC_MAX)));
  return Array.from({ length: lastColumn }, (_, i) => {
    const column = i + 1;
    const width = column === 1 ? label : column <= labelCols ? campaign : atLeastDate(column, metric);
    return { column, width };
  });
}

/** What each column's header cells need (the longest word where headers wrap), and where date-times sit. */
function headerNeeds(blocks: readonly PlanBlock[]): { text: Map<number, number>; dateTime: Set<number> } {
  const text = new Map<number, number>();
  const dateTime = new Set<number>();
  for (const b of blocks) {
    b.cells.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (cell?.t === 'n' && /h/u.test(b.numberFormats[i]?.[j] ?? '')) dateTime.add(b.column + j);
      });
      // Header rows with gaps run on over them (plan.ts, headerRows): they need no width.
      if (!b.backgrounds[i]?.some((bg) => bg === HEAD_BG) || row.some((c) => c === null)) return;
      row.forEach((cell, j) => {
        if (cell?.t !== 's') return;
        // Gapless header rows wrap (plan.wrapRows): the longest word is what must fit.
        const parts = cell.v.split(/\s+/u);
        // eslint-disable-next-line no-restricted-syntax -- the words of one header cell: a handful
        const width = Math.round(Math.max(...parts.map((w) => px(w, 8))) + 16);
        const column = b.column + j;
        text.set(column, Math.max(text.get(column) ?? 0, width));
      });
    });
  }
  return { text, dateTime };
}
