/**
 * Won deals credited to channels under one attribution model — revenue, gross profit, won deals, new
 * customers, repeat sales and returns all by the same weights — and the model-comparison table.
 */
import { normalizeName } from '../aggregate/cells.js';
import type { AggregatedData, ChannelCreditSums } from '../aggregate/types.js';
import { ATTRIBUTION_MODELS, touchWeights, type AttributionModel, type WonDeal } from '../definitions/index.js';

/** A channel's credited sums (aggregate/types.ts) with gross profit as one figure and the channel's spend. */
export interface ChannelCredit extends Omit<ChannelCreditSums, 'key' | 'grossProfit'> {
  /** Gross-profit column when mapped, else revenue × margin. */
  readonly grossProfit: number;
  readonly spend: number;
}

export interface ModelRow extends ChannelCredit {
  /** (gross profit − spend) / spend; null without spend. */
  readonly romi: number | null;
  /** spend / new customers; null without either. */
  readonly cac: number | null;
  readonly profit: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const dealProfit = (deal: WonDeal, margin: number): number => deal.lead.grossProfit ?? deal.lead.revenue * margin;

/** Channel label per normalised key and spend per key, from the aggregated rows (campaign rows summed). */
export function channelSpend(data: AggregatedData): Map<string, { channel: string; spend: number }> {
  const out = new Map<string, { channel: string; spend: number }>();
  for (const r of data.rows) {
    const k = normalizeName(r.channel);
    const e = out.get(k) ?? { channel: r.channel, spend: 0 };
    e.spend += r.total.measures.spend;
    out.set(k, e);
  }
  return out;
}

/** Per channel (normalised key, in the aggregated rows' order), every deal split by `model`. */
export function creditByChannel(
  data: AggregatedData,
  deals: readonly WonDeal[],
  model: AttributionModel,
  halfLifeDays: number,
  margin: number,
): Map<string, ChannelCredit> {
  const out = new Map<string, Mutable<ChannelCredit>>();
  const blank = (channel: string, spend: number): Mutable<ChannelCredit> => ({
    channel,
    wonDeals: 0,
    newCustomers: 0,
    repeatSales: 0,
    returns: 0,
    revenue: 0,
    repeatRevenue: 0,
    grossProfit: 0,
    spend,
  });
  for (const [k, { channel, spend }] of channelSpend(data)) out.set(k, blank(channel, spend));
  for (const deal of deals) {
    const w = touchWeights(
      model,
      deal.touches.map((t) => t.created),
      halfLifeDays,
    );
    const gp = dealProfit(deal, margin);
    deal.touches.forEach((touch, i) => {
      if (w[i] === 0) return;
      const k = normalizeName(touch.channel);
      let e = out.get(k);
      if (!e) out.set(k, (e = blank(touch.channel, 0)));
      e.wonDeals += w[i];
      e.revenue += deal.lead.revenue * w[i];
      e.grossProfit += gp * w[i];
      if (deal.kind === 'new') e.newCustomers += w[i];
      else {
        e.repeatSales += w[i];
        e.repeatRevenue += deal.lead.revenue * w[i];
        if (deal.returned) e.returns += w[i];
      }
    });
  }
  return out;
}

/**
 * Per channel (normalised key, in the aggregated rows' order), the credit sums the warehouse computed for
 * one model (AggregatedData.customers), the margin applied to deals without a gross-profit figure.
 */
export function creditFromSums(data: AggregatedData, sums: readonly ChannelCreditSums[], margin: number): Map<string, ChannelCredit> {
  const out = new Map<string, ChannelCredit>();
  const given = new Map(sums.map((c) => [c.key, c]));
  const credit = (key: string, channel: string, spend: number): ChannelCredit => {
    const c = given.get(key);
    return {
      channel,
      wonDeals: c?.wonDeals ?? 0,
      newCustomers: c?.newCustomers ?? 0,
      repeatSales: c?.repeatSales ?? 0,
      returns: c?.returns ?? 0,
      revenue: c?.revenue ?? 0,
      repeatRevenue: c?.repeatRevenue ?? 0,
      grossProfit: c ? c.grossProfit.gp + c.grossProfit.rev * margin : 0,
      spend,
    };
  };
  for (const [k, { channel, spend }] of channelSpend(data)) out.set(k, credit(k, channel, spend));
  for (const c of sums) if (!out.has(c.key)) out.set(c.key, credit(c.key, c.channel, 0));
  return out;
}

export function modelRow(c: ChannelCredit): ModelRow {
  const profit = c.grossProfit - c.spend;
  return {
    ...c,
    profit,
    romi: c.spend > 0 ? profit / c.spend : null,
    cac: c.spend > 0 && c.newCustomers > 0 ? c.spend / c.newCustomers : null,
  };
}

export interface ModelComparison {
  readonly models: readonly AttributionModel[];
  /** Channel keys in display order. */
  readonly channels: readonly string[];
  /** model → channel key → row. */
  readonly rows: Readonly<Record<AttributionModel, ReadonlyMap<string, ModelRow>>>;
}

export function compareModels(data: AggregatedData, deals: readonly WonDeal[], halfLifeDays: number, margin: number): ModelComparison {
  return comparison((model) => creditByChannel(data, deals, model, halfLifeDays, margin));
}

/** The comparison table from each model's per-channel credit (per-deal records or the warehouse's sums). */
export function comparison(creditOf: (model: AttributionModel) => ReadonlyMap<string, ChannelCredit>): ModelComparison {
  const rows = {} as Record<AttributionModel, Map<string, ModelRow>>;
  for (const model of ATTRIBUTION_MODELS) rows[model] = new Map([...creditOf(model)].map(([k, c]) => [k, modelRow(c)]));
  return { models: ATTRIBUTION_MODELS, channels: [...rows.last_touch.keys()], rows };
}
