/**
 * The channel table: one row per channel (or campaign), base sums as numbers, derived metrics as
 * formulas over the row's own cells, a totals row of SUMs and ratios of totals.
 */
import { columnLetters } from '../../a1.js';
import { cellA1, rangeA1 } from '../a1.js';
import { BlockBuilder, formula, num, safe, text } from '../block.js';
import type { Refs } from '../columns.js';
import { DASHBOARD_MARGIN_CELL, type DashboardModel } from '../model.js';
import { HEAD_BG, signRules, TOTAL_BG } from '../style.js';
import type { PlanCell } from '../types.js';
import type { PlacedBlocks } from './types.js';

export interface ChannelTable extends PlacedBlocks {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalsRow: number;
  /** Metric key → column. */
  readonly colOf: Readonly<Record<string, number>>;
}

export function channelTable(model: DashboardModel, anchor: number): ChannelTable {
  const { L, metrics, labelCols, rows } = model;
  const table = new BlockBuilder('channels', anchor, labelCols + metrics.length);
  const colOf: Record<string, number> = {};
  metrics.forEach((m, i) => (colOf[m.key] = labelCols + 1 + i));
  table.add([text(L.byChannel)], { bold: true });
  const headerRow = table.add([text(L.channel), ...(model.byCampaign ? [text(L.campaign)] : []), ...metrics.map((m) => text(m.header))], {
    bold: true,
    background: HEAD_BG,
    notes: [...Array<string>(labelCols).fill(''), ...metrics.map((m) => m.note)],
  });
  const firstRow = table.nextRow;
  const lastRow = firstRow + rows.length - 1;
  const totalsRow = lastRow + 1;
  const refsFor = (r: number): Refs => ({
    at: (key) => cellA1(r, colOf[key]),
    total: (key) => cellA1(totalsRow, colOf[key], true),
    margin: DASHBOARD_MARGIN_CELL,
  });
  const formats = [...Array<string>(labelCols).fill(''), ...metrics.map((m) => m.format)];
  for (const [i, r] of rows.entries()) {
    const refs = refsFor(firstRow + i);
    const labels: PlanCell[] = model.byCampaign ? [text(r.channel), text(r.campaign ?? '')] : [text(r.channel)];
    table.add([...labels, ...metrics.map((m) => (m.value ? num(m.value(r.total)) : safe(m.expr!(refs))))], { formats });
  }
  const totalRefs = refsFor(totalsRow);
  const sumOf = (column: number): PlanCell =>
    rows.length > 0 ? formula(`=SUM(${columnLetters(column)}${firstRow}:${columnLetters(column)}${lastRow})`) : num(0);
  table.add(
    [text(L.total), ...(model.byCampaign ? [null] : []), ...metrics.map((m) => (m.value ? sumOf(colOf[m.key]) : safe(m.expr!(totalRefs))))],
    { formats, bold: true, background: TOTAL_BG },
  );
  const rules = model.has('romi') ? signRules([rangeA1(firstRow, colOf.romi, totalsRow, colOf.romi)]) : [];
  return { blocks: [table.build()], rules, nextRow: table.nextRow + 1, headerRow, firstRow, lastRow, totalsRow, colOf };
}
