/**
 * From lead rows to customers and sales, by the definitions in rules.ts:
 * - a lead is a row that is not junk; a won deal is a lead whose status is won;
 * - a customer is one identity (customer id, or e-mail/phone, see identity.ts); a won deal without any
 *   identity is a customer of its own;
 * - a customer's first won deal (by purchase date: close date, else lead creation) makes a new customer;
 *   every later won deal is a repeat sale; a repeat sale is a return when ≥ returnDays passed since the
 *   customer's previous purchase;
 * - a won deal's touches are the customer's leads created up to and including the deal's own lead.
 */
import { touchWeights } from './attribution.js';
import type { AttributionModel } from './rules.js';

const DAY_MS = 86_400_000;

export interface LeadRecord {
  /** Position in the input (row order): the last tie-break, between leads equal in every tie cell. */
  readonly index: number;
  /**
   * The cells that order leads of one day (aggregate/rows.ts crmTieColumns: the lead id, then every other
   * column the rows are read by, in column order) as text. A warehouse table has no row order, so the SQL
   * orders by the same cells, and both paths credit alike by definition. Absent: row order only.
   */
  readonly tie?: readonly string[];
  /** Sheet row number (or range row) for messages. */
  readonly row: number;
  readonly channel: string;
  /** The caller's group (channel, or channel × campaign); credits are summed per group. */
  readonly group: number;
  readonly created: number | null;
  /**
   * The creation cell was a period label ("2026-01"): `created` is the period's first day, good for the
   * period and for ordering, not for anything counted in days (deal cycle, return gaps).
   */
  readonly createdInPeriod?: boolean;
  readonly closed: number | null;
  readonly won: boolean;
  readonly junk: boolean;
  /** Won deals: the deal amount; 0 otherwise. */
  readonly revenue: number;
  /** Won deals with a gross-profit column; null: revenue × margin applies. */
  readonly grossProfit: number | null;
  /** Resolved customer key; null: no identity on this row. */
  readonly customer: string | null;
  /** NPS answer 0–10 on this row, if any. */
  readonly nps: number | null;
}

export type SaleKind = 'new' | 'repeat';

export interface WonDeal {
  readonly lead: LeadRecord;
  readonly customer: string;
  readonly kind: SaleKind;
  /** A repeat sale after ≥ returnDays without a purchase. */
  readonly returned: boolean;
  /** Close date, else lead creation; null when neither is known. */
  readonly purchased: number | null;
  /** The customer's acquisition (first purchase) time. */
  readonly acquired: number | null;
  /** Oldest first; the deal's own lead last. */
  readonly touches: readonly LeadRecord[];
}

/** Code-point order, as BigQuery and DuckDB compare strings (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * The order of two leads at the same time: each tie cell by its length, then its code points (so whole-number
 * ids and ISO dates run in numeric order), then row order — which only decides between leads equal in every
 * cell the results depend on, so it changes no figure. compile.ts writes the same ORDER BY.
 */
export function byTie(a: LeadRecord, b: LeadRecord): number {
  const x = a.tie;
  const y = b.tie;
  if (x && y) {
    for (let k = 0; k < x.length; k++) {
      const d = codePoints(x[k]) - codePoints(y[k]) || compareCodePoints(x[k], y[k]);
      if (d !== 0) return d;
    }
  }
  return a.index - b.index;
}

const byCreated = (a: LeadRecord, b: LeadRecord): number => (a.created ?? -Infinity) - (b.created ?? -Infinity) || byTie(a, b);
const purchaseTime = (l: LeadRecord): number | null => l.closed ?? l.created;
/** A purchase known to the day: a close date, or a creation day (not a period label's first day). */
const purchaseDay = (l: LeadRecord): boolean => l.closed !== null || (l.created !== null && !l.createdInPeriod);

export function classifyDeals(leads: readonly LeadRecord[], returnDays: number): WonDeal[] {
  const journeys = new Map<string, LeadRecord[]>();
  const out: WonDeal[] = [];
  for (const l of leads) {
    if (l.junk) continue;
    if (l.customer === null) {
      if (l.won) {
        const t = purchaseTime(l);
        out.push({ lead: l, customer: `row:${l.index}`, kind: 'new', returned: false, purchased: t, acquired: t, touches: [l] });
      }
      continue;
    }
    let j = journeys.get(l.customer);
    if (!j) journeys.set(l.customer, (j = []));
    j.push(l);
  }
  for (const [customer, list] of journeys) {
    list.sort(byCreated);
    const won = list.filter((l) => l.won).sort((a, b) => (purchaseTime(a) ?? -Infinity) - (purchaseTime(b) ?? -Infinity) || byTie(a, b));
    const acquired = won.length > 0 ? purchaseTime(won[0]) : null;
    let previous: number | null = null;
    won.forEach((deal, k) => {
      const purchased = purchaseTime(deal);
      // A gap in days needs both purchases known to the day.
      const returned =
        k > 0 &&
        purchased !== null &&
        previous !== null &&
        purchaseDay(deal) &&
        purchaseDay(won[k - 1]) &&
        purchased - previous >= returnDays * DAY_MS;
      const at = list.indexOf(deal);
      out.push({ lead: deal, customer, kind: k === 0 ? 'new' : 'repeat', returned, purchased, acquired, touches: list.slice(0, at + 1) });
      previous = purchased;
    });
  }
  return out.sort((a, b) => a.lead.index - b.lead.index);
}

/** One deal's credit to one group. */
export interface Credit {
  readonly group: number;
  readonly weight: number;
}

/** A deal's weights merged per group (a customer may touch one channel several times). */
export function dealCredits(deal: WonDeal, model: AttributionModel, halfLifeDays: number): Credit[] {
  const w = touchWeights(
    model,
    deal.touches.map((t) => t.created),
    halfLifeDays,
  );
  const merged = new Map<number, number>();
  deal.touches.forEach((t, i) => {
    if (w[i] > 0) merged.set(t.group, (merged.get(t.group) ?? 0) + w[i]);
  });
  return [...merged].map(([group, weight]) => ({ group, weight }));
}
