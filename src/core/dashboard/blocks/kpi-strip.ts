/**
 * The KPI strip above the table: headline numbers as references to the totals row (so each is
 * traceable), and the change in the latest full period against the one before.
 */
import { cellA1 } from '../a1.js';
import { percentDecimalsFor, percentFormat } from '../formats.js';
import { BlockBuilder, formula, num, text } from '../block.js';
import { comparedPeriods, LOWER_IS_BETTER, metricValue, NEUTRAL, periodTotals, relativeChange } from '../kpi.js';
import type { DashboardModel } from '../model.js';
import { HEAD_BG, MUTED, signRules } from '../style.js';
import type { ChannelTable } from './channels.js';
import type { PlacedBlocks } from './types.js';

/** Rows the strip takes, its blank row included (the layout reserves them). */
export const KPI_ROWS = 4;

/**
 * Arrow and sign in the format, so the cell stays a number (sortable, readable by formulas), with as many
 * decimals as the change needs: a −0.002% dip read "▼ 0.0%", in red, for a figure that had barely moved.
 */
function deltaFormat(change: number | null): string {
  const body = percentFormat(percentDecimalsFor([change]));
  return `"▲ "${body};"▼ "${body};"= 0%"`;
}

export function kpiStrip(model: DashboardModel, anchor: number, table: ChannelTable): PlacedBlocks {
  const { kpis } = model;
  if (kpis.length === 0) return { blocks: [], rules: [], nextRow: anchor };
  const kpi = new BlockBuilder('kpi', anchor, kpis.length);
  kpi.add(
    kpis.map((m) => text(m.header)),
    { bold: true, background: HEAD_BG, notes: kpis.map((m) => m.note) },
  );
  kpi.add(
    kpis.map((m) => formula(`=${cellA1(table.totalsRow, table.colOf[m.key])}`)),
    { formats: kpis.map((m) => m.format), bold: true },
  );
  addChanges(kpi, model);
  const rules = model.has('romi') ? signRules([cellA1(anchor + 1, kpis.findIndex((m) => m.key === 'romi') + 1)]) : [];
  return { blocks: [kpi.build()], rules, nextRow: anchor + KPI_ROWS };
}

/** Change in the latest full period vs the one before, with an arrow; green when it is good news. */
function addChanges(kpi: BlockBuilder, { data, mapping, metrics, kpis, L }: DashboardModel): void {
  const pair = comparedPeriods(data);
  if (!pair) return;
  const now = periodTotals(data, pair.current);
  const before = periodTotals(data, pair.previous);
  const margin = mapping.options.grossMargin;
  const changes = kpis.map((m) => relativeChange(metricValue(metrics, m.key, now, margin), metricValue(metrics, m.key, before, margin)));
  const note = L.kpiChange(data.periods[pair.current], data.periods[pair.previous]);
  kpi.add(
    changes.map((c) => (c === null ? text('–') : num(c))),
    {
      formats: changes.map(deltaFormat),
      notes: kpis.map(() => note),
      colors: kpis.map((m, i) => deltaColour(m.key, changes[i])),
    },
  );
}

function deltaColour(key: string, change: number | null): string {
  if (change === null || change === 0 || NEUTRAL.has(key)) return MUTED;
  const good = LOWER_IS_BETTER.has(key) ? change < 0 : change > 0;
  return good ? '#188038' : '#c5221f';
}
