/**
 * Funnel totals with conversions, from the first funnel stage: impressions and clicks are traffic (their
 * rate is CTR, in the table); starting there made "from first" read 0.0% for every stage.
 */
import { rangeA1 } from '../a1.js';
import { BlockBuilder, formula, safe, text } from '../block.js';
import { figureOf, type StageRef } from '../columns.js';
import { countFormatFor, percentDecimalsFor, percentFormat } from '../formats.js';
import type { DashboardModel } from '../model.js';
import { HEAD_BG } from '../style.js';
import type { ChannelTables } from './channels.js';
import type { PlacedBlocks } from './types.js';

export interface FunnelBlock extends PlacedBlocks {
  /** The chart's ranges (stage labels, counts), or null when there is no funnel. */
  readonly range: { readonly labels: string; readonly counts: string; readonly headers: number } | null;
}

export function funnelBlock(model: DashboardModel, anchor: number, tables: ChannelTables): FunnelBlock {
  const { L, data } = model;
  const stages = funnelStages(model.stages);
  if (stages.length < 2) return { blocks: [], rules: [], nextRow: anchor, range: null };
  const funnel = new BlockBuilder('funnel', anchor, 4);
  funnel.add([text(L.funnel)], { bold: true });
  const header = funnel.add([text(L.stage), text(L.count), text(L.fromPrevious), text(L.fromFirst)], { bold: true, background: HEAD_BG });
  const first = funnel.nextRow;
  const count = (key: string): number => figureOf(data.totals, key);
  const rate = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  const prevFormat = percentFormat(
    percentDecimalsFor(stages.map((s, i) => (i === 0 ? null : rate(count(s.key), count(stages[i - 1].key))))),
  );
  const firstFormat = percentFormat(percentDecimalsFor(stages.map((s) => rate(count(s.key), count(stages[0].key)))));
  stages.forEach((s, i) => {
    const r = first + i;
    funnel.add(
      [
        text(s.label),
        formula(`=${tables.totalCell(s.key)}`),
        i === 0 ? null : safe(`B${r}/B${r - 1}`),
        i === 0 ? null : safe(`B${r}/$B$${first}`),
      ],
      { formats: ['', countFormatFor([count(s.key)]), prevFormat, firstFormat] },
    );
  });
  const last = funnel.nextRow - 1;
  // CRM: the won stage counts won deals; the new customers among them (the KPI strip's "customers", by the
  // definitions module) follow on their own row, outside the chart, so the two figures cannot be confused.
  if (model.mapping.shape === 'crm' && stages.at(-1)?.key === 'orders' && model.has('customers')) {
    const r = funnel.nextRow;
    funnel.add([text(L.ofWhichNewCustomers), formula(`=${tables.totalCell('customers')}`), safe(`B${r}/B${r - 1}`), null], {
      formats: ['', countFormatFor([count('customers')]), percentFormat(1), ''],
      notes: [L.newCustomerNote, '', '', ''],
    });
  }
  return {
    blocks: [funnel.build()],
    rules: [],
    nextRow: funnel.nextRow + 1,
    range: { labels: rangeA1(header, 1, last, 1), counts: rangeA1(header, 2, last, 2), headers: 1 },
  };
}

/** From leads on when there are at least two stages from there; otherwise every stage. */
function funnelStages(stages: readonly StageRef[]): readonly StageRef[] {
  const leadsAt = stages.findIndex((s) => s.key === 'leads');
  return leadsAt > 0 && stages.length - leadsAt >= 2 ? stages.slice(leadsAt) : stages;
}
