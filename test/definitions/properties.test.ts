/** Properties of the attribution models over random journeys (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS, classifyDeals, dealCredits, touchWeights, type LeadRecord } from '../../src/core/definitions/index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Random leads: customer 0..k, channel 0..4, a distinct day each (ties are a separate case), some won. */
const leadsArb = fc
  .array(
    fc.record({
      customer: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      channel: fc.integer({ min: 0, max: 4 }),
      won: fc.boolean(),
      revenue: fc.integer({ min: 0, max: 100000 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .chain((rows) =>
    fc
      .shuffledSubarray([...Array(400).keys()], { minLength: rows.length, maxLength: rows.length })
      .map((days) => rows.map((r, i) => ({ ...r, day: days[i] }))),
  );

function records(rows: { customer: number | null; channel: number; won: boolean; revenue: number; day: number }[]): LeadRecord[] {
  return rows.map((r, index) => ({
    index,
    row: index + 2,
    channel: `ch${r.channel}`,
    group: r.channel,
    created: T0 + r.day * DAY,
    closed: r.won ? T0 + (r.day + 5) * DAY : null,
    won: r.won,
    junk: false,
    revenue: r.won ? r.revenue : 0,
    grossProfit: null,
    customer: r.customer === null ? null : `c${r.customer}`,
    nps: null,
  }));
}

describe('attribution properties', () => {
  it('every model’s weights are ≥ 0 and sum to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        (ts, h) => {
          const times = [...ts].sort((a, b) => (a ?? 0) - (b ?? 0)).map((t) => (t === null ? null : T0 + t * 60_000));
          for (const m of ATTRIBUTION_MODELS) {
            const w = touchWeights(m, times, h);
            expect(w.every((x) => x >= 0)).toBe(true);
            expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          }
        },
      ),
    );
  });

  it('credits sum to the revenue and the customers they split, under every model', () => {
    fc.assert(
      fc.property(leadsArb, fc.integer({ min: 1, max: 365 }), (rows, returnDays) => {
        const deals = classifyDeals(records(rows), returnDays);
        const revenue = deals.reduce((s, d) => s + d.lead.revenue, 0);
        const customers = new Set(deals.map((d) => d.customer)).size;
        expect(deals.filter((d) => d.kind === 'new')).toHaveLength(customers);
        for (const m of ATTRIBUTION_MODELS) {
          let rev = 0;
          let cust = 0;
          for (const d of deals) {
            for (const c of dealCredits(d, m, 7)) {
              rev += d.lead.revenue * c.weight;
              if (d.kind === 'new') cust += c.weight;
            }
          }
          expect(rev).toBeCloseTo(revenue, 6);
          expect(cust).toBeCloseTo(customers, 9);
        }
      }),
    );
  });

  it('first and last touch agree when every customer has one touch', () => {
    fc.assert(
      fc.property(leadsArb, (rows) => {
        // One lead per customer: the customer is the row itself.
        const deals = classifyDeals(records(rows.map((r, i) => ({ ...r, customer: i }))), 90);
        for (const d of deals) expect(dealCredits(d, 'first_touch', 7)).toEqual(dealCredits(d, 'last_touch', 7));
      }),
    );
  });

  it('time-decay tends to last touch as the half-life shrinks', () => {
    fc.assert(
      fc.property(leadsArb, (rows) => {
        const deals = classifyDeals(records(rows), 90);
        for (const d of deals) {
          const last = dealCredits(d, 'last_touch', 7);
          const weightOn = (cs: { group: number; weight: number }[], g: number): number => cs.find((c) => c.group === g)?.weight ?? 0;
          const g = last[0].group;
          const gaps = [30, 3, 0.3, 0.001].map((h) => 1 - weightOn(dealCredits(d, 'time_decay', h), g));
          // The share off the last touch's channel vanishes. It shrinks monotonically only when that channel
          // has no earlier touch: A(day 0), B(day 19), A(day 20) gives A 63% at a 30-day half-life but 56% at 3 days.
          const lastChannelOnce = d.touches.filter((t) => t.group === g).length === 1;
          if (lastChannelOnce) for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThanOrEqual(gaps[i - 1] + 1e-12);
          expect(gaps[gaps.length - 1]).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('a repeat sale is never a new customer, and a return is always a repeat sale', () => {
    fc.assert(
      fc.property(leadsArb, fc.integer({ min: 1, max: 365 }), (rows, n) => {
        const deals = classifyDeals(records(rows), n);
        for (const d of deals) if (d.returned) expect(d.kind).toBe('repeat');
        const firsts = new Map<string, number>();
        for (const d of deals) if (d.kind === 'new') firsts.set(d.customer, (firsts.get(d.customer) ?? 0) + 1);
        expect([...firsts.values()].every((k) => k === 1)).toBe(true);
      }),
    );
  });
});
