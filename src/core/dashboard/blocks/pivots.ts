/**
 * Pivots by period, one row per channel (campaigns merged): spend and revenue as values with SUM totals
 * and growth, and ROMI as formulas over those two pivots.
 */
import { columnLetters } from '../../a1.js';
import { cellA1, rangeA1 } from '../a1.js';
import { BlockBuilder, formula, num, safe, text } from '../block.js';
import { figureOf } from '../columns.js';
import { FORMAT } from '../formats.js';
import { periodLabel } from '../metrics-blocks.js';
import { DASHBOARD_MARGIN_CELL, type DashboardModel } from '../model.js';
import { HEAD_BG, MUTED, signRules, TOTAL_BG } from '../style.js';
import type { PlanBlock, PlanCell } from '../types.js';
import type { PlacedBlocks } from './types.js';

/** Where one pivot's rows and its totals column are. */
export interface PivotRefs {
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly totals: number;
  readonly totalCol: number;
}

export type PivotKey = 'spend' | 'revenue';

export interface Pivots extends PlacedBlocks {
  /** The value pivots planned, in order. */
  readonly keys: readonly PivotKey[];
  readonly refs: Readonly<Partial<Record<PivotKey | 'romi', PivotRefs>>>;
}

export function pivotBlocks(model: DashboardModel, anchor: number): Pivots {
  const wanted = model.data.periods.length > 1 || model.byCampaign;
  const keys = wanted ? (['spend', 'revenue'] as const).filter((k) => model.has(k)) : [];
  const blocks: PlanBlock[] = [];
  const refs: Partial<Record<PivotKey | 'romi', PivotRefs>> = {};
  let row = anchor;
  for (const key of keys) {
    const p = valuePivot(model, key, row);
    refs[key] = p.refs;
    blocks.push(p.block);
    row = p.block.row + p.block.cells.length + 1;
  }
  if (!refs.spend || !refs.revenue) return { blocks, rules: [], nextRow: row, keys, refs };
  const romi = romiPivot(model, row, refs.spend, refs.revenue);
  refs.romi = romi.refs;
  blocks.push(romi.block);
  const rules = signRules([rangeA1(romi.refs.first, 2, romi.refs.totals, romi.refs.totalCol)]);
  return { blocks, rules, nextRow: romi.block.row + romi.block.cells.length + 1, keys, refs };
}

/** Title and header row (channel, one column per period, total). */
function pivotHead(model: DashboardModel, name: string, anchor: number, title: string, note = ''): { p: BlockBuilder; header: number } {
  const { data, L, ctx } = model;
  const p = new BlockBuilder(name, anchor, 2 + data.periods.length);
  p.add([text(title)], { bold: true, notes: [note] });
  const header = p.add([text(L.channel), ...data.periods.map((pk) => text(periodLabel(data, pk, ctx.locale))), text(L.total)], {
    bold: true,
    background: HEAD_BG,
  });
  return { p, header };
}

function valuePivot(model: DashboardModel, key: PivotKey, anchor: number): { block: PlanBlock; refs: PivotRefs } {
  const { data, L, series, money0 } = model;
  const { p, header } = pivotHead(model, `pivot:${key}`, anchor, L.pivot(L.metric[key]));
  const totalCol = p.width;
  const first = p.nextRow;
  const fmt = ['', ...data.periods.map(() => money0), money0];
  for (const s of series) {
    const r = p.nextRow;
    p.add([text(s.label), ...s.byPeriod.map((f) => num(figureOf(f, key))), formula(`=SUM(B${r}:${columnLetters(totalCol - 1)}${r})`)], {
      formats: fmt,
    });
  }
  const last = p.nextRow - 1;
  const sumOf = (column: number): PlanCell =>
    series.length > 0 ? formula(`=SUM(${columnLetters(column)}${first}:${columnLetters(column)}${last})`) : num(0);
  const totals = p.add([text(L.total), ...Array.from({ length: data.periods.length + 1 }, (_, i) => sumOf(i + 2))], {
    formats: fmt,
    bold: true,
    background: TOTAL_BG,
  });
  p.add([text(L.growth), null, ...data.periods.slice(1).map((_, i) => safe(`${cellA1(totals, i + 3)}/${cellA1(totals, i + 2)}-1`))], {
    formats: ['', '', ...data.periods.slice(1).map(() => FORMAT.percent)],
    color: MUTED,
  });
  return { block: p.build(), refs: { header, first, last, totals, totalCol } };
}

function romiPivot(model: DashboardModel, anchor: number, sp: PivotRefs, rv: PivotRefs): { block: PlanBlock; refs: PivotRefs } {
  const { data, L, series } = model;
  const { p, header } = pivotHead(model, 'pivot:romi', anchor, L.pivot(L.metric.romi), L.definition.romi ?? '');
  const totalCol = p.width;
  const first = p.nextRow;
  const romiAt = (rvRow: number, spRow: number, c: number): PlanCell =>
    safe(`(${cellA1(rvRow, c)}*${DASHBOARD_MARGIN_CELL}-${cellA1(spRow, c)})/${cellA1(spRow, c)}`);
  const romiRow = (rvRow: number, spRow: number): PlanCell[] =>
    Array.from({ length: data.periods.length + 1 }, (_, j) => romiAt(rvRow, spRow, j + 2));
  const fmt = Array<string>(totalCol).fill(FORMAT.percent);
  fmt[0] = '';
  series.forEach((s, i) => p.add([text(s.label), ...romiRow(rv.first + i, sp.first + i)], { formats: fmt }));
  const last = p.nextRow - 1;
  const totals = p.add([text(L.total), ...romiRow(rv.totals, sp.totals)], { formats: fmt, bold: true, background: TOTAL_BG });
  return { block: p.build(), refs: { header, first, last, totals, totalCol } };
}
