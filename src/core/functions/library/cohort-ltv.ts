import { cohortLtv } from '../../analysis/cohort.js';
import { classifyDeals, DEFAULT_METRICS_OPTIONS } from '../../definitions/index.js';
import { aggregate } from '../define.js';
import { invalid, margin } from '../failures.js';
import { readJourneys } from './journey-args.js';

const MAX_MONTHS = 60;

export const COHORT_LTV = aggregate({
  name: 'COHORT_LTV',
  summary:
    'Cohort LTV from an order list: customers grouped by the month of their first purchase, and for each cohort the cumulative gross profit per customer by months since acquisition. Months after the latest date in the data are left blank, never shown as zero.',
  formula:
    'cell (cohort, k) = Σ revenue × gross_margin of the cohort’s purchases up to month k after the first purchase / customers in the cohort',
  returns: 'A spilled table: cohort (yyyy-mm), customers, month 0 … month N. Format the month columns as currency.',
  params: [
    {
      name: 'customer_ids',
      description: 'Who bought: a customer id, e-mail or phone per order (normalised; blank = a customer of its own).',
    },
    { name: 'dates', description: 'Date of each order: a range the same size.' },
    { name: 'revenue', description: 'Amount of each order: a range the same size (blank rows are skipped).' },
    { name: 'months', description: 'Months since acquisition to show, 1–60 (default 12).', optional: true, default: 12 },
    { name: 'gross_margin', description: 'Share of revenue that is gross profit, 0–1 (default 1).', optional: true, default: 1 },
  ],
  example: '=COHORT_LTV(A2:A, B2:B, C2:C, 12, 0.4)',
  spill: 'table',
  tableSize: (rows, literal) => ({ rows: rows + 1, cols: (literal(3) ?? 12) + 3 }),
  compute([ids, dates, revenue, monthsArg, marginArg], text) {
    const months = monthsArg.given ? (monthsArg.numberAt(0, 0) ?? 12) : 12;
    if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS)
      throw invalid('fn_months_range', { param: 'months', max: MAX_MONTHS, value: months });
    const gm = margin('gross_margin', marginArg.given ? (marginArg.numberAt(0, 0) ?? 1) : 1);
    const orders = readJourneys(ids, dates, null, revenue).filter((l) => l.won);
    if (orders.length === 0) throw invalid('fn_no_orders', { param: 'revenue' });
    // A loop, not Math.max(...spread): a 200k-row order list exceeds V8's argument limit.
    let asOf = Number.NEGATIVE_INFINITY;
    for (const o of orders) asOf = Math.max(asOf, o.created as number);
    const deals = classifyDeals(orders, DEFAULT_METRICS_OPTIONS.returnDays);
    const table = cohortLtv(deals, asOf, {
      months,
      margin: gm,
      model: 'last_touch',
      halfLifeDays: DEFAULT_METRICS_OPTIONS.halfLifeDays,
      horizonMonths: DEFAULT_METRICS_OPTIONS.ltvHorizonMonths,
    });
    const head: (string | number)[] = [
      text('fn.head.cohort'),
      text('fn.head.customers'),
      ...Array.from({ length: months + 1 }, (_, k) => text('fn.head.month', { k })),
    ];
    return [head, ...table.rows.map((r) => [r.cohort, r.customers, ...r.cumulative.map((v) => v ?? '')])];
  },
});
