/** The channel table's row order and the per-channel series the pivots and charts read. */
import { normalizeName } from '../aggregate/cells.js';
import type { AggregateRow, Figures } from '../aggregate/types.js';

export interface ChannelSeries {
  readonly label: string;
  /** Per period, aligned with data.periods. */
  readonly byPeriod: readonly Figures[];
}

/** Channels by spend (then revenue, leads), campaigns grouped under their channel the same way. */
export function orderRows(rows: readonly AggregateRow[]): AggregateRow[] {
  const weight = (f: Figures): number => f.measures.spend * 1e6 + f.measures.revenue + f.measures.leads * 1e-6;
  const byChannel = new Map<string, { weight: number; rows: AggregateRow[] }>();
  for (const r of rows) {
    const key = normalizeName(r.channel);
    const entry = byChannel.get(key) ?? { weight: 0, rows: [] };
    entry.weight += weight(r.total);
    entry.rows.push(r);
    byChannel.set(key, entry);
  }
  return [...byChannel.values()]
    .sort((a, b) => b.weight - a.weight)
    .flatMap((e) => e.rows.sort((a, b) => weight(b.total) - weight(a.total)));
}

/** Campaign rows merged back into one series per channel, for the pivots. */
export function channelSeries(rows: readonly AggregateRow[], stageCount: number): ChannelSeries[] {
  const out = new Map<string, { label: string; byPeriod: Figures[] }>();
  for (const r of rows) {
    const key = normalizeName(r.channel);
    const existing = out.get(key);
    if (!existing) {
      out.set(key, { label: r.channel, byPeriod: [...r.byPeriod] });
      continue;
    }
    existing.byPeriod = existing.byPeriod.map((f, i) => addFigures(f, r.byPeriod[i], stageCount));
  }
  return [...out.values()];
}

/** One channel's figures over every period. */
export function addAll(figures: readonly Figures[], stageCount: number): Figures {
  return figures.reduce((a, b) => addFigures(a, b, stageCount));
}

function addFigures(a: Figures, b: Figures, stageCount: number): Figures {
  const measures = { ...a.measures };
  for (const k of Object.keys(measures) as (keyof typeof measures)[]) measures[k] = a.measures[k] + b.measures[k];
  return { measures, stages: Array.from({ length: stageCount }, (_, i) => (a.stages[i] ?? 0) + (b.stages[i] ?? 0)), junk: a.junk + b.junk };
}
