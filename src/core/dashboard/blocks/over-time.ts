/** Totals per period, vertical for the line chart: references to the pivots' totals rows. */
import { cellA1, rangeA1 } from '../a1.js';
import { BlockBuilder, formula, text } from '../block.js';
import { periodLabel } from '../metrics-blocks.js';
import type { DashboardModel } from '../model.js';
import { HEAD_BG } from '../style.js';
import type { Pivots } from './pivots.js';
import type { PlacedBlocks } from './types.js';

export interface OverTime extends PlacedBlocks {
  /** The line chart's ranges (period labels, then one per metric), or null when there is no block. */
  readonly ranges: string[] | null;
}

export function overTimeBlock(model: DashboardModel, anchor: number, pivots: Pivots): OverTime {
  const { data, L, ctx } = model;
  const keys = pivots.keys;
  if (data.periods.length <= 1 || keys.length === 0) return { blocks: [], rules: [], nextRow: anchor, ranges: null };
  const t = new BlockBuilder('over_time', anchor, 1 + keys.length);
  t.add([text(L.overTime)], { bold: true });
  const header = t.add([text(L.period), ...keys.map((k) => text(L.metric[k]))], { bold: true, background: HEAD_BG });
  data.periods.forEach((pk, i) => {
    t.add([text(periodLabel(data, pk, ctx.locale)), ...keys.map((k) => formula(`=${cellA1(pivots.refs[k]!.totals, i + 2)}`))], {
      formats: ['', ...keys.map(() => model.money0)],
    });
  });
  const last = t.nextRow - 1;
  const ranges = [rangeA1(header, 1, last, 1), ...keys.map((_, i) => rangeA1(header, i + 2, last, i + 2))];
  return { blocks: [t.build()], rules: [], nextRow: t.nextRow + 1, ranges };
}
