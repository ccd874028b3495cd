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
import { dealProfit } from './credits.js';

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
  readonly purchases: { t: number; gp: number }[];
}

function customers(deals: readonly WonDeal[], margin: number): Customer[] {
  const by = new Map<string, Customer>();
  for (const d of deals) {
    if (d.acquired === null || d.purchased === null) continue;
    let c = by.get(d.customer);
    if (!c) by.set(d.customer, (c = { acquired: d.acquired, first: d, purchases: [] }));
    if (d.kind === 'new') c.first = d;
    c.purchases.push({ t: d.purchased, gp: dealProfit(d, margin) });
  }
  return [...by.values()];
}

/** Value by acquisition + k months: purchases strictly before that instant. */
function valueAt(c: Customer, k: number): number {
  const end = addMonths(c.acquired, k);
  let v = 0;
  for (const p of c.purchases) if (p.t < end) v += p.gp;
  return v;
}

export function cohortLtv(
  deals: readonly WonDeal[],
  asOf: number,
  opts: {
    readonly months: number;
    readonly margin: number;
    readonly model: AttributionModel;
    readonly halfLifeDays: number;
    readonly horizonMonths: number;
  },
): CohortLtv {
  const list = customers(deals, opts.margin);
  const asOfMonth = monthIndex(asOf);
  // Cohort table: calendar months since the acquisition month.
  const byCohort = new Map<number, Customer[]>();
  for (const c of list) {
    const m = monthIndex(c.acquired);
    byCohort.set(m, [...(byCohort.get(m) ?? []), c]);
  }
  const rows: CohortRow[] = [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map((m) => {
      const members = byCohort.get(m)!;
      const cumulative: (number | null)[] = [];
      for (let k = 0; k <= opts.months; k++) {
        if (m + k > asOfMonth) {
          cumulative.push(null);
          continue;
        }
        let sum = 0;
        for (const c of members) for (const p of c.purchases) if (monthIndex(p.t) - m <= k) sum += p.gp;
        cumulative.push(sum / members.length);
      }
      return { cohort: monthKey(m), customers: members.length, cumulative };
    });

  // Pooled curve over customers observed ≥ k whole months; it stops where too few are left to trust
  // (all customers count when there are fewer than the minimum in total, as in a small test sheet).
  const pooled: number[] = [];
  const minSeen = Math.min(PROJECTION_MIN_CUSTOMERS, list.length);
  for (let k = 1; ; k++) {
    const seen = list.filter((c) => addMonths(c.acquired, k) <= asOf);
    if (seen.length === 0 || seen.length < minSeen) break;
    pooled.push(seen.reduce((s, c) => s + valueAt(c, k), 0) / seen.length);
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
  for (const c of list) {
    const touches = c.first.touches;
    const w = touchWeights(
      opts.model,
      touches.map((t) => t.created),
      opts.halfLifeDays,
    );
    touches.forEach((t, i) => {
      if (w[i] === 0) return;
      const k = normalizeName(t.channel);
      let e = acc.get(k);
      if (!e) acc.set(k, (e = { channel: t.channel, sums: LTV_WINDOWS.map(() => 0), weights: LTV_WINDOWS.map(() => 0) }));
      LTV_WINDOWS.forEach((months, j) => {
        if (addMonths(c.acquired, months) > asOf) return;
        e!.sums[j] += w[i] * valueAt(c, months);
        e!.weights[j] += w[i];
      });
    });
  }
  // Projected per channel: the pooled projection scaled by the channel's earliest observed window
  // against the pooled curve at that window (the pooled shape, the channel's level).
  const channels: ChannelLtv[] = [...acc.values()].map((e) => {
    const observed = e.sums.map((s, j) => (e.weights[j] > 0 ? s / e.weights[j] : null));
    const j = observed.findIndex((v) => v !== null);
    const base = j >= 0 ? pooled[LTV_WINDOWS[j] - 1] : undefined;
    const projected = projection && j >= 0 && base ? (projection.value * (observed[j] as number)) / base : null;
    return { channel: e.channel, observed, observedCustomers: e.weights, projected };
  });
  return { months: opts.months, rows, windows: LTV_WINDOWS, channels, pooled, projection };
}
