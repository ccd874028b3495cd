/**
 * The channel tables: one row per channel (or campaign), base sums as numbers, derived metrics as
 * formulas, a totals row of SUMs and ratios of totals. Two tables with the same rows in the same order:
 * the overview (spend, leads, customers, revenue, CPL, CAC, ROMI, profit, spend share: it fits a 1440 px
 * screen) and, further down, the funnel and conversions (every stage and the rates between them). A
 * formula reads each input from whichever table holds it, in the same channel's row.
 */
import { columnLetters } from '../../a1.js';
import { cellA1, rangeA1 } from '../a1.js';
import { BlockBuilder, formula, num, safe, text } from '../block.js';
import type { MetricColumn, Refs } from '../columns.js';
import { DASHBOARD_MARGIN_CELL, type DashboardModel } from '../model.js';
import { BAND_BG, HEAD_BG, signRules, TOTAL_BG } from '../style.js';
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

export interface ChannelTables {
  readonly overview: ChannelTable;
  /** The funnel and conversions table; null when every metric fits the overview. */
  readonly detail: ChannelTable | null;
  /** A1 of `key` in the totals row of the table that holds it. */
  totalCell(key: string): string;
}

/** Rows a channel table takes: title, header, one per channel, totals, and the blank row after it. */
export function channelTableRows(model: DashboardModel): number {
  return model.rows.length + 4;
}

export function channelTables(model: DashboardModel, overviewRow: number, detailRow: number): ChannelTables {
  const n = model.rows.length;
  const geometry = (anchor: number): Geometry => ({ headerRow: anchor + 1, firstRow: anchor + 2, totalsRow: anchor + 2 + n });
  const placed = [
    { columns: model.overview, at: geometry(overviewRow) },
    { columns: model.detail, at: geometry(detailRow) },
  ].map(({ columns, at }) => ({ columns, at, colOf: columnsOf(model, columns) }));
  const where = (key: string): { at: Geometry; column: number } => {
    const t = placed.find((p) => p.colOf[key] !== undefined);
    if (!t) throw new Error(`dashboard plan: no column holds ${key}`);
    return { at: t.at, column: t.colOf[key] };
  };
  const refsAt = (row: (g: Geometry) => number): Refs => ({
    at: (key) => {
      const w = where(key);
      return cellA1(row(w.at), w.column);
    },
    total: (key) => {
      const w = where(key);
      return cellA1(w.at.totalsRow, w.column, true);
    },
    margin: DASHBOARD_MARGIN_CELL,
  });
  const build = (i: number, name: string, title: string): ChannelTable => {
    const { columns, at, colOf } = placed[i];
    return channelTable(
      model,
      { name, title, columns, at, colOf },
      (r) => refsAt((g) => g.firstRow + r),
      refsAt((g) => g.totalsRow),
    );
  };
  const overview = build(0, 'channels', model.L.byChannel);
  const detail = model.detail.length > 0 ? build(1, 'channel_funnel', model.L.byChannelFunnel) : null;
  return {
    overview,
    detail,
    totalCell: (key) => {
      const w = where(key);
      return cellA1(w.at.totalsRow, w.column);
    },
  };
}

interface Geometry {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly totalsRow: number;
}

function columnsOf(model: DashboardModel, columns: readonly MetricColumn[]): Record<string, number> {
  const colOf: Record<string, number> = {};
  columns.forEach((m, i) => (colOf[m.key] = model.labelCols + 1 + i));
  return colOf;
}

function channelTable(
  model: DashboardModel,
  spec: { name: string; title: string; columns: readonly MetricColumn[]; at: Geometry; colOf: Record<string, number> },
  refsFor: (channel: number) => Refs,
  totalRefs: Refs,
): ChannelTable {
  const { L, labelCols, rows } = model;
  const { columns, colOf } = spec;
  const table = new BlockBuilder(spec.name, spec.at.headerRow - 1, labelCols + columns.length);
  table.add([text(spec.title)], { bold: true });
  const headerRow = table.add([text(L.channel), ...(model.byCampaign ? [text(L.campaign)] : []), ...columns.map((m) => text(m.header))], {
    bold: true,
    background: HEAD_BG,
    notes: [...Array<string>(labelCols).fill(''), ...columns.map((m) => m.note)],
  });
  const firstRow = table.nextRow;
  const lastRow = firstRow + rows.length - 1;
  const formats = [...Array<string>(labelCols).fill(''), ...columns.map((m) => m.format)];
  for (const [i, r] of rows.entries()) {
    const labels: PlanCell[] = model.byCampaign ? [text(r.channel), text(r.campaign ?? '')] : [text(r.channel)];
    // Every other row banded, so a long row can be followed across the screen.
    table.add([...labels, ...columns.map((m) => (m.value ? num(m.value(r.total)) : safe(m.expr!(refsFor(i)))))], {
      formats,
      background: i % 2 === 1 ? BAND_BG : null,
    });
  }
  const sumOf = (column: number): PlanCell =>
    rows.length > 0 ? formula(`=SUM(${columnLetters(column)}${firstRow}:${columnLetters(column)}${lastRow})`) : num(0);
  const totalsRow = table.add(
    [text(L.total), ...(model.byCampaign ? [null] : []), ...columns.map((m) => (m.value ? sumOf(colOf[m.key]) : safe(m.expr!(totalRefs))))],
    { formats, bold: true, background: TOTAL_BG },
  );
  const signed = ['romi', 'profit'].filter((k) => colOf[k] !== undefined);
  const rules = signed.length > 0 ? signRules(signed.map((k) => rangeA1(firstRow, colOf[k], totalsRow, colOf[k]))) : [];
  return { blocks: [table.build()], rules, nextRow: table.nextRow + 1, headerRow, firstRow, lastRow, totalsRow, colOf };
}
