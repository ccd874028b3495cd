/**
 * LTV from customer history. A customer's value k months after acquisition is the gross profit of their
 * won deals bought before acquisition + k months. Only customers observed that long count (a customer
 * acquired last month says nothing about month 12). Acquisition channel credit is the first won deal's
 * credit under the chosen model, so LTV and CAC share one customer count.
 */
import { normalizeName } from '../aggregate/cells.js';
import {
  LTV_WINDOWS,
  PROJECTION_MIN_CUSTOMERS,
  PROJECTION_SLOPE_MONTHS,
  touchWeights,
  type AttributionModel,
  type WonDeal,
} from '../definitions/index.js';
import type { CohortSums, MoneySums } from '../aggregate/types.js';

export interface CohortRow {
  /** Acquisition month, yyyy-mm. */
  readonly cohort: string;
  readonly customers: number;
  /** Index k: cumulative gross profit per acquired customer by the end of month k since acquisition
   *  (month 0 = the acquisition month); null where month k is after the data ends. */
  readonly cumulative: readonly (number | null)[];
}

export interface ChannelLtv {
  readonly channel: string;
  /** Per LTV_WINDOWS entry: mean value at that many months, null when no customer was observed that long. */
  readonly observed: readonly (number | null)[];
  /** Customers (credited) behind each observed figure. */
  readonly observedCustomers: readonly number[];
  readonly projected: number | null;
  /**
   * Why `projected` is null, so the dashboard can say it: `no_projection` (the pooled curve is too short to
   * project anything), `too_recent` (no customer of this channel observed LTV_WINDOWS[0] months yet),
   * `short_curve` (the pooled curve stops before the channel's first observed window).
   */
  readonly blank: 'no_projection' | 'too_recent' | 'short_curve' | null;
}

export interface CohortLtv {
  readonly months: number;
  readonly rows: readonly CohortRow[];
  readonly windows: readonly number[];
  readonly channels: readonly ChannelLtv[];
  /** All customers pooled: mean value at k months, k = 1…longest observed. */
  readonly pooled: readonly number[];
  readonly projection: {
    readonly horizonMonths: number;
    readonly fromMonth: number;
    readonly slopeMonths: number;
    readonly value: number;
  } | null;
}

const monthIndex = (t: number): number => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthKey = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** t + k calendar months (day clamped to the month's end). */
export function addMonths(t: number, k: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + k;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

interface Customer {
  readonly acquired: number;
  /** The new-customer deal: its credits are the acquisition channel's. */
  first: WonDeal;
  readonly purchases: { t: number; money: MoneySums }[];
}

/** A deal's gross profit, kept apart from the revenue that the margin turns into profit later. */
const moneyOf = (d: WonDeal): MoneySums =>
  d.lead.grossProfit !== null ? { gp: d.lead.grossProfit, rev: 0 } : { gp: 0, rev: d.lead.revenue };

/** The first k ≥ 0 with t < acquired + k months: from month k on, the purchase counts in the customer's value. */
export function monthBucket(acquired: number, t: number): number {
  const k = Math.max(0, monthIndex(t) - monthIndex(acquired));
  return t < addMonths(acquired, k) ? k : k + 1;
}

function customers(deals: readonly WonDeal[]): Customer[] {
  const by = new Map<string, Customer>();
  for (const d of deals) {
    if (d.acquired === null || d.purchased === null) continue;
    let c = by.get(d.customer);
    if (!c) by.set(d.customer, (c = { acquired: d.acquired, first: d, purchases: [] }));
    if (d.kind === 'new') c.first = d;
    c.purchases.push({ t: d.purchased, money: moneyOf(d) });
  }
  return [...by.values()];
}

/**
 * The cohort sums (aggregate/types.ts) of per-deal records: what the warehouse computes in SQL, so both
 * paths finish the LTV tables with the same cohortFromSums.
 */
export function cohortSumsOf(deals: readonly WonDeal[], model: AttributionModel, halfLifeDays: number): CohortSums {
  const members = new Map<number, number>();
  const weights = new Map<string, CohortSums['channelWeights'][number]>();
  const values = new Map<string, Map<number, CohortSums['channelValues'][number]>>();
  // Keyed by numbers in nested maps, not `${a}|${month}|${bucket}` strings: building a string per purchase and
  // per touch × purchase was most of COHORT_LTV's time (and garbage) on 100k rows.
  const byAcquired = new Map<number, Map<number, CohortSums['purchases'][number]>>();
  for (const c of customers(deals)) {
    const a = c.acquired;
    members.set(a, (members.get(a) ?? 0) + 1);
    const placed = c.purchases.map((p) => ({ money: p.money, bucket: monthBucket(a, p.t), month: monthIndex(p.t) }));
    let cohort = byAcquired.get(a);
    if (!cohort) byAcquired.set(a, (cohort = new Map()));
    for (const p of placed) {
      const k = p.month * 4096 + p.bucket;
      const e = cohort.get(k) as { gp: number; rev: number } | undefined;
      if (e) {
        e.gp += p.money.gp;
        e.rev += p.money.rev;
      } else cohort.set(k, { acquired: a, month: p.month, bucket: p.bucket, gp: p.money.gp, rev: p.money.rev });
    }
    const touches = c.first.touches;
    const w = touchWeights(
      model,
      touches.map((t) => t.created),
      halfLifeDays,
    );
    touches.forEach((t, i) => {
      if (w[i] === 0) return;
      const key = normalizeName(t.channel);
      const wk = `${a}|${key}`;
      const e = weights.get(wk) as { weight: number } | undefined;
      if (e) e.weight += w[i];
      else weights.set(wk, { acquired: a, key, channel: t.channel, weight: w[i] });
      let byBucket = values.get(wk);
      if (!byBucket) values.set(wk, (byBucket = new Map()));
      for (const p of placed) {
        const v = byBucket.get(p.bucket) as { gp: number; rev: number } | undefined;
        if (v) {
          v.gp += w[i] * p.money.gp;
          v.rev += w[i] * p.money.rev;
        } else byBucket.set(p.bucket, { acquired: a, key, bucket: p.bucket, gp: w[i] * p.money.gp, rev: w[i] * p.money.rev });
      }
    });
  }
  return {
    members: [...members].map(([acquired, n]) => ({ acquired, customers: n })),
    purchases: [...byAcquired.values()].flatMap((m) => [...m.values()]),
    channelWeights: [...weights.values()],
    channelValues: [...values.values()].flatMap((m) => [...m.values()]),
  };
}

export interface CohortOptions {
  readonly months: number;
  readonly margin: number;
  readonly model: AttributionModel;
  readonly halfLifeDays: number;
  readonly horizonMonths: number;
  /**
   * Channel labels by normalised key, in the order the LTV-by-channel table lists them (the channel
   * table's); channels not in it follow in the order the sums met them.
   */
  readonly channels?: ReadonlyMap<string, string>;
}

export function cohortLtv(deals: readonly WonDeal[], asOf: number, opts: CohortOptions): CohortLtv {
  return cohortFromSums(cohortSumsOf(deals, opts.model, opts.halfLifeDays), asOf, opts);
}

/** Cohort table, pooled curve, projection and LTV per acquisition channel from the cohort sums. */
export function cohortFromSums(sums: CohortSums, asOf: number, opts: Omit<CohortOptions, 'model' | 'halfLifeDays'>): CohortLtv {
  const money = (m: MoneySums): number => m.gp + m.rev * opts.margin;
  const asOfMonth = monthIndex(asOf);
  // Cohort table: calendar months since the acquisition month.
  const cohortSize = new Map<number, number>();
  for (const m of sums.members) {
    const k = monthIndex(m.acquired);
    cohortSize.set(k, (cohortSize.get(k) ?? 0) + m.customers);
  }
  const byCohort = new Map<number, { since: number; value: number }[]>();
  for (const p of sums.purchases) {
    const m = monthIndex(p.acquired);
    const list = byCohort.get(m);
    const entry = { since: p.month - m, value: money(p) };
    if (list) list.push(entry);
    else byCohort.set(m, [entry]);
  }
  const rows: CohortRow[] = [...cohortSize.keys()]
    .sort((a, b) => a - b)
    .map((m) => {
      const size = cohortSize.get(m)!;
      const cumulative: (number | null)[] = [];
      for (let k = 0; k <= opts.months; k++) {
        if (m + k > asOfMonth) {
          cumulative.push(null);
          continue;
        }
        let sum = 0;
        for (const p of byCohort.get(m) ?? []) if (p.since <= k) sum += p.value;
        cumulative.push(sum / size);
      }
      return { cohort: monthKey(m), customers: size, cumulative };
    });

  // Pooled curve over customers observed ≥ k whole months; it stops where too few are left to trust:
  // PROJECTION_MIN_CUSTOMERS, or on a smaller history a majority of the customers observed one month.
  // Customers too recent for month 1 say nothing about the curve, so they do not raise the bar: the old
  // bar ("all customers", on a small sheet) let one customer acquired last week, on any channel, blank
  // every channel's projection.
  const pooled: number[] = [];
  const seenFor = (k: number): { seen: number; seenAt: Set<number> } => {
    const seenAt = new Set<number>();
    let seen = 0;
    for (const m of sums.members)
      if (addMonths(m.acquired, k) <= asOf) {
        seen += m.customers;
        seenAt.add(m.acquired);
      }
    return { seen, seenAt };
  };
  const minSeen = Math.min(PROJECTION_MIN_CUSTOMERS, Math.floor(seenFor(1).seen / 2) + 1);
  for (let k = 1; ; k++) {
    const { seen, seenAt } = seenFor(k);
    if (seen === 0 || seen < minSeen) break;
    let value = 0;
    for (const p of sums.purchases) if (p.bucket <= k && seenAt.has(p.acquired)) value += money(p);
    pooled.push(value / seen);
  }
  const longest = pooled.length;
  let projection: CohortLtv['projection'] = null;
  if (longest >= opts.horizonMonths) {
    projection = {
      horizonMonths: opts.horizonMonths,
      fromMonth: opts.horizonMonths,
      slopeMonths: 0,
      value: pooled[opts.horizonMonths - 1],
    };
  } else if (longest >= 2) {
    const span = Math.min(PROJECTION_SLOPE_MONTHS, longest - 1);
    const slope = (pooled[longest - 1] - pooled[longest - 1 - span]) / span;
    projection = {
      horizonMonths: opts.horizonMonths,
      fromMonth: longest,
      slopeMonths: span,
      value: pooled[longest - 1] + Math.max(0, slope) * (opts.horizonMonths - longest),
    };
  }

  // Per acquisition channel: credited customers observed long enough.
  const acc = new Map<string, { channel: string; sums: number[]; weights: number[] }>();
  for (const [key, channel] of opts.channels ?? [])
    acc.set(key, { channel, sums: LTV_WINDOWS.map(() => 0), weights: LTV_WINDOWS.map(() => 0) });
  const credited = new Set<string>();
  const observed = (acquired: number, j: number): boolean => addMonths(acquired, LTV_WINDOWS[j]) <= asOf;
  for (const cw of sums.channelWeights) {
    let e = acc.get(cw.key);
    if (!e) acc.set(cw.key, (e = { channel: cw.channel, sums: LTV_WINDOWS.map(() => 0), weights: LTV_WINDOWS.map(() => 0) }));
    credited.add(cw.key);
    LTV_WINDOWS.forEach((_, j) => {
      if (observed(cw.acquired, j)) e.weights[j] += cw.weight;
    });
  }
  for (const cv of sums.channelValues) {
    const e = acc.get(cv.key);
    if (!e) continue;
    LTV_WINDOWS.forEach((months, j) => {
      if (cv.bucket <= months && observed(cv.acquired, j)) e.sums[j] += money(cv);
    });
  }
  // Projected per channel: the pooled projection scaled by the channel's earliest observed window
  // against the pooled curve at that window (the pooled shape, the channel's level).
  const channels: ChannelLtv[] = [...acc]
    .filter(([key]) => credited.has(key))
    .map(([, e]) => {
      const observed = e.sums.map((s, j) => (e.weights[j] > 0 ? s / e.weights[j] : null));
      const j = observed.findIndex((v) => v !== null);
      const base = j >= 0 ? pooled[LTV_WINDOWS[j] - 1] : undefined;
      const projected = projection && j >= 0 && base ? (projection.value * (observed[j] as number)) / base : null;
      const blank = projected !== null ? null : !projection || base === 0 ? 'no_projection' : j < 0 ? 'too_recent' : 'short_curve';
      return { channel: e.channel, observed, observedCustomers: e.weights, projected, blank };
    });
  return { months: opts.months, rows, windows: LTV_WINDOWS, channels, pooled, projection };
}
