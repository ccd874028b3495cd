/**
 * Channels ranked by profit and by ROMI: the sorted rows the two bar charts draw, so the channel that
 * makes the most sits on top and the ones that lose money sit at the bottom, in red. Values are formulas
 * over the channel table (or, when its rows are campaigns, over the spend and revenue pivots' totals), so
 * they follow an edited margin; the order is the build's, by the same figures.
 */
import { cellA1, rangeA1 } from '../a1.js';
import { BlockBuilder, formula, safe, text } from '../block.js';
import { FORMAT } from '../formats.js';
import { metricValue } from '../kpi.js';
import { DASHBOARD_MARGIN_CELL, type DashboardModel } from '../model.js';
import { addAll } from '../series.js';
import { BAND_BG, HEAD_BG, signRules } from '../style.js';
import type { ConditionalRule, PlanBlock, PlanCell } from '../types.js';
import type { ChannelTables } from './channels.js';
import type { Pivots } from './pivots.js';
import type { PlacedBlocks } from './types.js';

export type RankedKey = 'profit' | 'romi';

export interface Ranking {
  /** Chart ranges: channel labels and values, header row included. */
  readonly labels: string;
  readonly values: string;
  /** The values in the rows' order (for the chart's axis window). */
  readonly sorted: readonly (number | null)[];
}

export interface Rankings extends PlacedBlocks {
  readonly profit: Ranking | null;
  readonly romi: Ranking | null;
}

interface Entry {
  readonly label: string;
  readonly value: number | null;
  readonly cell: PlanCell;
}

export function rankingBlocks(model: DashboardModel, anchor: number, tables: ChannelTables, pivots: Pivots): Rankings {
  const blocks: PlanBlock[] = [];
  const rules: ConditionalRule[] = [];
  const out: Partial<Record<RankedKey, Ranking>> = {};
  let row = anchor;
  for (const key of ['profit', 'romi'] as const) {
    const entries = rankEntries(model, key, tables, pivots);
    if (!entries) continue;
    const sorted = [...entries].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
    const b = new BlockBuilder(`rank:${key}`, row, 2);
    b.add([text(key === 'profit' ? model.L.rankProfit : model.L.rankRomi)], { bold: true });
    const header = b.add([text(model.L.channel), text(model.L.metric[key])], { bold: true, background: HEAD_BG });
    const format = key === 'profit' ? model.money0 : (model.metrics.find((m) => m.key === 'romi')?.format ?? FORMAT.percent);
    sorted.forEach((e, i) => b.add([text(e.label), e.cell], { formats: ['', format], background: i % 2 === 1 ? BAND_BG : null }));
    const last = b.nextRow - 1;
    blocks.push(b.build());
    if (sorted.length > 0) rules.push(...signRules([rangeA1(header + 1, 2, last, 2)]));
    out[key] = { labels: rangeA1(header, 1, last, 1), values: rangeA1(header, 2, last, 2), sorted: sorted.map((e) => e.value) };
    row = b.nextRow + 1;
  }
  return { blocks, rules, nextRow: row, profit: out.profit ?? null, romi: out.romi ?? null };
}

/** One entry per channel: its figure for sorting and its cell; null when the metric is not on the sheet. */
function rankEntries(model: DashboardModel, key: RankedKey, tables: ChannelTables, pivots: Pivots): Entry[] | null {
  const { data, metrics, mapping } = model;
  const margin = mapping.options.grossMargin;
  if (!model.has(key)) return null;
  if (!model.byCampaign) {
    const t = tables.overview;
    return model.rows.map((r, i) => ({
      label: r.channel,
      value: metricValue(metrics, key, r.total, margin),
      cell: formula(`=${cellA1(t.firstRow + i, t.colOf[key])}`),
    }));
  }
  // Campaign rows: one entry per channel from the pivots' totals column (spend and revenue by channel).
  const sp = pivots.refs.spend;
  const rv = pivots.refs.revenue;
  if (!sp || !rv) return null;
  return model.series.map((s, i) => {
    const spend = cellA1(sp.first + i, sp.totalCol);
    const revenue = cellA1(rv.first + i, rv.totalCol);
    const profit = `${revenue}*${DASHBOARD_MARGIN_CELL}-${spend}`;
    return {
      label: s.label,
      value: metricValue(metrics, key, addAll(s.byPeriod, data.stages.length), margin),
      cell: key === 'profit' ? formula(`=${profit}`) : safe(`(${profit})/${spend}`),
    };
  });
}
