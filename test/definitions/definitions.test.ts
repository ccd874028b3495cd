/** Hand-worked examples for every definition and attribution model (test/support/journeys.ts has the story). */
import { describe, expect, it } from 'vitest';
import { aggregate, type AggregatedData } from '../../src/core/aggregate/index.js';
import { creditByChannel } from '../../src/core/analysis/index.js';
import {
  ATTRIBUTION_MODELS,
  identifierKind,
  metricsOptions,
  metricsOptionProblems,
  normalizeEmail,
  normalizePhone,
  touchWeights,
  type AttributionModel,
} from '../../src/core/definitions/index.js';
import { journeyCosts, journeyMapping, journeyRows } from '../support/journeys.js';

const D = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('customer identity', () => {
  it('normalises e-mails and phones, and refuses what is not one', () => {
    expect(normalizeEmail('  Ivan.Petrov@Mail.RU ')).toBe('ivan.petrov@mail.ru');
    expect(normalizeEmail('mailto:a@b.c')).toBe('a@b.c');
    expect(normalizeEmail('no at sign')).toBe('');
    expect(normalizeEmail('@x.ru')).toBe('');
    expect(normalizePhone('+7 (912) 000-11-22')).toBe('79120001122');
    expect(normalizePhone('8 912 000 11 22')).toBe('79120001122');
    expect(normalizePhone('0086 138 0013 8000')).toBe('8613800138000');
    expect(normalizePhone('(415) 555-0100', '1')).toBe('14155550100');
    expect(normalizePhone('(415) 555-0100')).toBe('4155550100');
    expect(normalizePhone('ext 12')).toBe('');
  });

  it('tells id, e-mail and phone columns apart by their values', () => {
    expect(identifierKind(['C-1', 'C-2'])).toBe('id');
    expect(identifierKind(['5001', '5002', '1234567'])).toBe('id');
    expect(identifierKind(['a@b.ru', 'c@d.ru', 'n/a'])).toBe('email');
    expect(identifierKind(['+7 912 000-11-22', '8 (912) 111 22 33'])).toBe('phone');
    expect(identifierKind([])).toBe('id');
  });
});

describe('touch weights', () => {
  const times = [D('2026-01-01'), D('2026-01-11'), D('2026-01-21')];
  it('follow each model on a three-touch journey', () => {
    expect(touchWeights('last_touch', times, 7)).toEqual([0, 0, 1]);
    expect(touchWeights('first_touch', times, 7)).toEqual([1, 0, 0]);
    expect(touchWeights('linear', times, 7)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(touchWeights('position_based', times, 7)).toEqual([0.4, 0.2, 0.4]);
    // Half-life 10 days: ages 20, 10, 0 days → 1/4, 1/2, 1, normalised by 1.75.
    const td = touchWeights('time_decay', times, 10);
    [0.25 / 1.75, 0.5 / 1.75, 1 / 1.75].forEach((w, i) => expect(td[i]).toBeCloseTo(w, 12));
  });
  it('split two touches 50/50 under position-based and give one touch everything', () => {
    expect(touchWeights('position_based', times.slice(0, 2), 7)).toEqual([0.5, 0.5]);
    for (const m of ATTRIBUTION_MODELS) expect(touchWeights(m, [D('2026-01-01')], 7)).toEqual([1]);
    expect(touchWeights('position_based', [1, 2, 3, 4], 7)).toEqual([0.4, 0.1, 0.1, 0.4]);
  });
  it('time-decay without dates falls back to equal shares', () => {
    expect(touchWeights('time_decay', [null, null], 7)).toEqual([0.5, 0.5]);
  });
});

describe('options', () => {
  it('default to last touch, close date, 90 days', () => {
    const o = metricsOptions();
    expect([o.attribution, o.periodBasis, o.returnDays]).toEqual(['last_touch', 'close', 90]);
  });
  it('refuse hostile values, naming the field', () => {
    expect(() => metricsOptions({ attribution: 'shapley' })).toThrow(/attribution cannot be shapley; allowed: last_touch \| first_touch/u);
    expect(() => metricsOptions({ returnDays: -5 })).toThrow(/returnDays/u);
    expect(() => metricsOptions({ halfLifeDays: 0 })).toThrow(/halfLifeDays/u);
    expect(() => metricsOptions({ returnDays: 30.5 })).toThrow(/returnDays cannot be 30.5; allowed: 1…3660\./u);
    expect(() => metricsOptions({ lifespanYears: 2000 })).toThrow(/lifespanYears cannot be 2000/u);
    expect(() => metricsOptions({ purchasesPerYear: '4' })).toThrow(/purchasesPerYear cannot be 4/u);
    expect(() => metricsOptions({ halfLifeDays: Number.NaN })).toThrow(/halfLifeDays cannot be null/u);
  });
  it('lists every refused field, unknown ones too; null and undefined mean the default', () => {
    expect(metricsOptionProblems({ returnDays: 0, periodBasis: 'close', model: 'x', lifespanYears: null }).map((p) => p.field)).toEqual([
      'returnDays',
      'model',
    ]);
    expect(metricsOptionProblems(undefined)).toEqual([]);
    expect(metricsOptionProblems('first_touch')).toHaveLength(1);
    expect(metricsOptions({ lifespanYears: null, attribution: 'linear' })).toMatchObject({ lifespanYears: null, attribution: 'linear' });
  });
});

function run(model: AttributionModel, extra: Record<string, unknown> = {}): AggregatedData {
  return aggregate(journeyMapping({ metrics: { attribution: model, halfLifeDays: 10, ...extra } }), journeyRows, journeyCosts);
}
const byChannel = (d: AggregatedData, f: 'revenue' | 'customers' | 'orders'): Record<string, number> =>
  Object.fromEntries(d.rows.map((r) => [r.channel, r.total.measures[f]]));

describe('customers, new and repeat sales, returns (hand-worked)', () => {
  const data = run('last_touch');
  const deals = data.detail!.deals;

  it('joins rows by id (any case), e-mail and phone into three customers plus one anonymous deal', () => {
    const customers = new Set(deals.map((d) => d.customer));
    expect(customers.size).toBe(4);
    expect(deals.map((d) => d.kind)).toEqual(['new', 'new', 'new', 'new', 'repeat', 'repeat']);
    // Cat's 2 deals are one customer though the rows share no single column.
    const cat = deals.filter((d) => d.lead.channel === 'google' || d.lead.channel === 'telegram');
    expect(new Set(cat.map((d) => d.customer)).size).toBe(1);
  });

  it('a return is a repeat sale after ≥ N days without a purchase', () => {
    // Ann: 2026-02-05 → 2026-06-10 is 125 days; Cat: 03-01 → 04-01 is 31 days.
    expect(deals.filter((d) => d.returned).map((d) => d.lead.revenue)).toEqual([500]);
    const strict = aggregate(journeyMapping({ metrics: { returnDays: 126 } }), journeyRows, journeyCosts);
    expect(strict.detail!.deals.filter((d) => d.returned)).toHaveLength(0);
    const loose = aggregate(journeyMapping({ metrics: { returnDays: 31 } }), journeyRows, journeyCosts);
    expect(loose.detail!.deals.filter((d) => d.returned)).toHaveLength(2);
  });

  it('junk leads are not touches', () => {
    expect(deals.every((d) => d.touches.every((t) => !t.junk))).toBe(true);
    expect(data.rows.find((r) => r.channel === 'vk')!.total.junk).toBe(1);
  });
});

describe('revenue and customers credited by the same rule, per model (hand-worked)', () => {
  it('last touch: the deal’s own channel', () => {
    const d = run('last_touch');
    expect(byChannel(d, 'revenue')).toEqual({ google: 2000, vk: 300, yandex: 1500, telegram: 100, seo: 400 });
    expect(byChannel(d, 'customers')).toEqual({ google: 1, vk: 1, yandex: 1, telegram: 0, seo: 1 });
    expect(byChannel(d, 'orders')).toEqual({ google: 1, vk: 1, yandex: 2, telegram: 1, seo: 1 });
  });

  it('first touch: the channel that first brought the customer', () => {
    const d = run('first_touch');
    // Ann: google first (1000 + 500); Cat: telegram first (2000 + 100).
    expect(byChannel(d, 'revenue')).toEqual({ google: 1500, vk: 300, yandex: 0, telegram: 2100, seo: 400 });
    expect(byChannel(d, 'customers')).toEqual({ google: 1, vk: 1, yandex: 0, telegram: 1, seo: 1 });
  });

  it('linear: equal shares of every touch', () => {
    const d = run('linear');
    const rev = byChannel(d, 'revenue');
    // google: 1000/3 (Ann #1) + 2000/2 (Cat #1) + 100/3 (Cat #2) + 500/4 (Ann #2)
    expect(rev.google).toBeCloseTo(1000 / 3 + 1000 + 100 / 3 + 125, 9);
    expect(rev.vk).toBeCloseTo(300 + 1000 / 3 + 125, 9);
    expect(rev.yandex).toBeCloseTo(1000 / 3 + 250, 9);
    expect(rev.telegram).toBeCloseTo(1000 + 200 / 3, 9);
    const cust = byChannel(d, 'customers');
    expect(cust.google).toBeCloseTo(1 / 3 + 1 / 2, 12);
    expect(cust.vk).toBeCloseTo(1 + 1 / 3, 12);
    expect(cust.telegram).toBeCloseTo(0.5, 12);
  });

  it('position-based 40/20/40', () => {
    const rev = byChannel(run('position_based'), 'revenue');
    // Ann #1 .4/.2/.4; Cat #1 .5/.5; Cat #2 telegram .4 + .4, google .2; Ann #2 google .4, vk .1, yandex .1 + .4.
    expect(rev.google).toBeCloseTo(400 + 1000 + 20 + 200, 9);
    expect(rev.vk).toBeCloseTo(300 + 200 + 50, 9);
    expect(rev.yandex).toBeCloseTo(400 + 250, 9);
    expect(rev.telegram).toBeCloseTo(1000 + 80, 9);
  });

  it('time decay, half-life 10 days', () => {
    const rev = byChannel(run('time_decay'), 'revenue');
    const w = (ages: number[]): number[] => {
      const raw = ages.map((a) => 2 ** (-a / 10));
      const s = raw.reduce((x, y) => x + y, 0);
      return raw.map((x) => x / s);
    };
    const ann1 = w([20, 10, 0]); // google, vk, yandex
    const cat1 = w([10, 0]); // telegram, google
    const cat2 = w([47, 37, 0]); // telegram, google, telegram
    const ann2 = w([151, 141, 131, 0]); // google, vk, yandex, yandex
    expect(rev.google).toBeCloseTo(1000 * ann1[0] + 2000 * cat1[1] + 100 * cat2[1] + 500 * ann2[0], 9);
    expect(rev.telegram).toBeCloseTo(2000 * cat1[0] + 100 * (cat2[0] + cat2[2]), 9);
    expect(rev.yandex).toBeCloseTo(1000 * ann1[2] + 500 * (ann2[2] + ann2[3]), 9);
  });

  it('every model credits the whole revenue and every customer', () => {
    for (const m of ATTRIBUTION_MODELS) {
      const d = run(m);
      expect(d.totals.measures.revenue).toBeCloseTo(4300, 9);
      expect(d.totals.measures.customers).toBeCloseTo(4, 12);
      expect(d.totals.measures.orders).toBeCloseTo(6, 12);
    }
  });

  it('repeat revenue and returns follow the same weights', () => {
    const d = run('linear');
    const credit = creditByChannel(d, d.detail!.deals, 'linear', 10, 0.5);
    // Repeat sales: Cat #2 (100, 3 touches) and Ann #2 (500, 4 touches; a return).
    expect(credit.get('google')!.repeatRevenue).toBeCloseTo(100 / 3 + 125, 9);
    expect(credit.get('yandex')!.returns).toBeCloseTo(0.5, 12);
    expect(credit.get('telegram')!.returns).toBe(0);
  });
});

describe('period basis and the incomplete period', () => {
  const months = (d: AggregatedData, channel: string): Record<string, number> =>
    Object.fromEntries(
      d.periods.map((p, i) => [p, d.rows.find((r) => r.channel === channel)!.byPeriod[i].measures.revenue]).filter(([, v]) => v !== 0),
    );

  it('by close date: a sale is in the month it closed', () => {
    const d = run('last_touch');
    expect(months(d, 'yandex')).toEqual({ '2026-02': 1000, '2026-06': 500 });
    expect(months(d, 'google')).toEqual({ '2026-03': 2000 });
  });

  it('by lead creation: in the month its lead arrived; leads stay by creation either way', () => {
    const d = run('last_touch', { periodBasis: 'created' });
    expect(months(d, 'yandex')).toEqual({ '2026-01': 1000, '2026-06': 500 });
    expect(months(d, 'google')).toEqual({ '2026-02': 2000 });
    const leadsByMonth = (x: AggregatedData): number[] =>
      x.periods.map((_, i) => x.rows.reduce((s, r) => s + r.byPeriod[i].measures.leads, 0));
    const close = run('last_touch');
    expect(leadsByMonth(d).slice(0, 3)).toEqual(leadsByMonth(close).slice(0, 3));
  });

  it('flags the latest period when the data stops before its end', () => {
    const d = run('last_touch');
    expect(d.asOf).toBe('2026-06-10');
    expect(d.incompletePeriod).toBe('2026-06');
    const ended = aggregate(journeyMapping(), [...journeyRows, ['2026-06-30', 'seo', 'new', '', '', '', '', '']], journeyCosts);
    expect(ended.incompletePeriod).toBeNull();
  });
});
