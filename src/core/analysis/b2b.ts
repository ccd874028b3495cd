/**
 * The B2B block: deal cycle per channel (the deal's own channel: a cycle is a property of the deal, not a
 * credit), repeat-sale share and returned customers, NPS per channel and period, and the money lines
 * (profit, ДРР, CPO) from the credited figures.
 */
import { normalizeName } from '../aggregate/cells.js';
import { periodKey } from '../aggregate/periods.js';
import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, type LeadRecord, type WonDeal } from '../definitions/index.js';
import type { NpsAnswer } from '../aggregate/types.js';
import type { Granularity } from '../mapping/types.js';
import type { ChannelCredit } from './credits.js';

const DAY_MS = 86_400_000;

export interface CycleStats {
  readonly channel: string;
  readonly count: number;
  readonly medianDays: number | null;
  readonly meanDays: number | null;
}

export interface NpsStats {
  readonly channel: string;
  /** null: all periods. */
  readonly period: string | null;
  readonly answers: number;
  readonly promoters: number;
  readonly detractors: number;
  /** −100…100; null without answers. */
  readonly nps: number | null;
}

export interface MoneyLine {
  readonly channel: string;
  readonly revenue: number;
  readonly spend: number;
  readonly grossProfit: number;
  /** Gross profit − spend. */
  readonly profit: number;
  /** ДРР: spend / revenue; null without revenue. */
  readonly drr: number | null;
  /** Cost per order: spend / won deals; null without deals. */
  readonly cpo: number | null;
  /** Revenue of repeat sales / revenue; null without revenue. */
  readonly repeatShare: number | null;
  readonly repeatSales: number;
  readonly returns: number;
}

export interface B2bBlock {
  readonly cycles: readonly CycleStats[];
  readonly cycleTotal: CycleStats;
  readonly money: readonly MoneyLine[];
  readonly moneyTotal: MoneyLine;
  /** Distinct customers with at least one return. */
  readonly returnedCustomers: number;
  readonly customers: number;
  readonly nps: readonly NpsStats[];
  readonly npsTotal: NpsStats | null;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function cycle(channel: string, days: number[]): CycleStats {
  days.sort((a, b) => a - b);
  return {
    channel,
    count: days.length,
    medianDays: median(days),
    meanDays: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
  };
}

export function dealCycles(deals: readonly WonDeal[]): { cycles: CycleStats[]; total: CycleStats } {
  const by = new Map<string, { channel: string; days: number[] }>();
  const all: number[] = [];
  for (const d of deals) {
    const { created, closed } = d.lead;
    // A lead dated by a period label has no creation day: no cycle in days (the aggregator reports how many).
    if (created === null || closed === null || closed < created || d.lead.createdInPeriod) continue;
    const k = normalizeName(d.lead.channel);
    const e = by.get(k) ?? { channel: d.lead.channel, days: [] };
    by.set(k, e);
    const days = (closed - created) / DAY_MS;
    e.days.push(days);
    all.push(days);
  }
  return { cycles: [...by.values()].map((e) => cycle(e.channel, e.days)), total: cycle('', all) };
}

function npsOf(channel: string, period: string | null, scores: readonly number[]): NpsStats {
  const promoters = scores.filter((s) => s >= NPS_PROMOTER_MIN).length;
  const detractors = scores.filter((s) => s <= NPS_DETRACTOR_MAX).length;
  const n = scores.length;
  return { channel, period, answers: n, promoters, detractors, nps: n ? ((promoters - detractors) / n) * 100 : null };
}

/**
 * NPS answers on lead rows — per the row's own channel, in the period of the row (close date, else
 * creation) — and from a survey sheet, placed by aggregate/survey.ts; overall and per period.
 */
export function npsByChannel(
  leads: readonly LeadRecord[],
  granularity: Granularity | null,
  survey: readonly NpsAnswer[] = [],
): { rows: NpsStats[]; total: NpsStats | null } {
  const by = new Map<string, { channel: string; all: number[]; periods: Map<string, number[]> }>();
  const all: number[] = [];
  const answers: NpsAnswer[] = [];
  for (const l of leads) if (l.nps !== null) answers.push({ channel: l.channel, time: l.closed ?? l.created, score: l.nps });
  for (const a of survey) answers.push(a); // not push(...survey): a survey sheet may hold 100k+ answers
  for (const a of answers) {
    const k = normalizeName(a.channel);
    const e = by.get(k) ?? { channel: a.channel, all: [], periods: new Map<string, number[]>() };
    by.set(k, e);
    e.all.push(a.score);
    all.push(a.score);
    if (granularity !== null && a.time !== null) {
      const p = periodKey(a.time, granularity);
      e.periods.set(p, [...(e.periods.get(p) ?? []), a.score]);
    }
  }
  const rows: NpsStats[] = [];
  for (const e of by.values()) {
    rows.push(npsOf(e.channel, null, e.all));
    for (const p of [...e.periods.keys()].sort()) rows.push(npsOf(e.channel, p, e.periods.get(p)!));
  }
  return { rows, total: all.length ? npsOf('', null, all) : null };
}

export function moneyLine(c: ChannelCredit): MoneyLine {
  return {
    channel: c.channel,
    revenue: c.revenue,
    spend: c.spend,
    grossProfit: c.grossProfit,
    profit: c.grossProfit - c.spend,
    drr: c.revenue > 0 ? c.spend / c.revenue : null,
    cpo: c.wonDeals > 0 ? c.spend / c.wonDeals : null,
    repeatShare: c.revenue > 0 ? c.repeatRevenue / c.revenue : null,
    repeatSales: c.repeatSales,
    returns: c.returns,
  };
}

export function sumCredits(rows: Iterable<ChannelCredit>): ChannelCredit {
  const t = {
    channel: '',
    wonDeals: 0,
    newCustomers: 0,
    repeatSales: 0,
    returns: 0,
    revenue: 0,
    repeatRevenue: 0,
    grossProfit: 0,
    spend: 0,
  };
  for (const r of rows) {
    t.wonDeals += r.wonDeals;
    t.newCustomers += r.newCustomers;
    t.repeatSales += r.repeatSales;
    t.returns += r.returns;
    t.revenue += r.revenue;
    t.repeatRevenue += r.repeatRevenue;
    t.grossProfit += r.grossProfit;
    t.spend += r.spend;
  }
  return t;
}

export function b2bBlock(
  credits: ReadonlyMap<string, ChannelCredit>,
  deals: readonly WonDeal[],
  leads: readonly LeadRecord[],
  granularity: Granularity | null,
  survey: readonly NpsAnswer[] = [],
): B2bBlock {
  const { cycles, total } = dealCycles(deals);
  const nps = npsByChannel(leads, granularity, survey);
  const returned = new Set(deals.filter((d) => d.returned).map((d) => d.customer));
  return {
    cycles,
    cycleTotal: total,
    money: [...credits.values()].map(moneyLine),
    moneyTotal: moneyLine(sumCredits(credits.values())),
    returnedCustomers: returned.size,
    customers: new Set(deals.map((d) => d.customer)).size,
    nps: nps.rows,
    npsTotal: nps.total,
  };
}
