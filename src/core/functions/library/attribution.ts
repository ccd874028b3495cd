import { ATTRIBUTION_MODELS, classifyDeals, dealCredits, DEFAULT_METRICS_OPTIONS } from '../../definitions/index.js';
import { aggregate } from '../define.js';
import { invalid } from '../failures.js';
import { NOT_SET, readJourneys } from './journey-args.js';

export const ATTRIBUTION = aggregate({
  name: 'ATTRIBUTION',
  summary:
    'Multi-touch attribution on your own rows: each row is a touch (a lead) of a customer, and a row with revenue is a purchase. Every purchase is split over the customer’s touches up to it by the model; the new customer of a first purchase is split the same way. Returns a table: channel, revenue, customers, purchases (credited).',
  formula:
    'last_touch: the purchase row’s channel; first_touch: the customer’s first touch; linear: equal shares; position_based: 40% first, 40% last, 20% between; time_decay: 2^(−days before the purchase / half_life)',
  returns:
    'A spilled table with a header row; credits add up to the total revenue and the number of customers. Format the revenue column as currency.',
  params: [
    {
      name: 'customer_ids',
      description: 'Who each row belongs to: a customer id, e-mail or phone (normalised; blank = a customer of its own).',
    },
    { name: 'dates', description: 'Date of each touch (lead created) or purchase: a range the same size.' },
    { name: 'channels', description: 'Channel (source) of each row: a range the same size.' },
    { name: 'revenue', description: 'Amount of each purchase, blank on touches that did not buy: a range the same size.' },
    {
      name: 'model',
      description: 'last_touch (default), first_touch, linear, position_based or time_decay.',
      optional: true,
      default: 'last_touch',
      choices: ATTRIBUTION_MODELS,
    },
    {
      name: 'half_life_days',
      description: 'time_decay only: a touch this many days before the purchase gets half the weight (default 7).',
      optional: true,
      default: DEFAULT_METRICS_OPTIONS.halfLifeDays,
    },
  ],
  example: '=ATTRIBUTION(A2:A, B2:B, C2:C, D2:D, "linear")',
  spill: 'table',
  tableSize: (rows) => ({ rows: rows + 1, cols: 4 }),
  compute([ids, dates, channels, revenue, modelArg, halfLifeArg], text) {
    const model = modelArg.choice() as (typeof ATTRIBUTION_MODELS)[number];
    const halfLife = halfLifeArg.given
      ? (halfLifeArg.numberAt(0, 0) ?? DEFAULT_METRICS_OPTIONS.halfLifeDays)
      : DEFAULT_METRICS_OPTIONS.halfLifeDays;
    if (!(halfLife > 0)) throw invalid('fn_days_positive', { param: 'half_life_days', value: halfLife });
    const leads = readJourneys(ids, dates, channels, revenue);
    const deals = classifyDeals(leads, DEFAULT_METRICS_OPTIONS.returnDays);
    if (deals.length === 0) throw invalid('fn_no_purchases', { param: 'revenue' });
    const names: string[] = [];
    const sums = new Map<number, [number, number, number]>();
    for (const l of leads) {
      if (sums.has(l.group)) continue;
      sums.set(l.group, [0, 0, 0]);
      names.push(l.channel);
    }
    for (const d of deals) {
      for (const { group, weight } of dealCredits(d, model, halfLife)) {
        const s = sums.get(group)!;
        s[0] += d.lead.revenue * weight;
        if (d.kind === 'new') s[1] += weight;
        s[2] += weight;
      }
    }
    const out: (string | number)[][] = [
      [text('fn.head.channel'), text('fn.head.revenue'), text('fn.head.customers'), text('fn.head.purchases')],
    ];
    [...sums.values()].forEach(([rev, cust, won], i) => out.push([names[i] === NOT_SET ? text('dash.notSet') : names[i], rev, cust, won]));
    return out;
  },
});
