import { elementwise } from '../define.js';
import { margin, nonNegative } from '../failures.js';

export const LTV = elementwise({
  name: 'LTV',
  summary: 'Customer lifetime value: average purchase × purchases per period × periods a customer stays, times the gross margin.',
  formula: 'avg_purchase_value × purchase_frequency × lifespan × gross_margin',
  returns: 'An amount of money per customer; format as currency.',
  params: [
    { name: 'avg_purchase_value', description: 'Average purchase (order) value, a value or a range.' },
    { name: 'purchase_frequency', description: 'Purchases per customer per period (e.g. per year), a value or a range.' },
    { name: 'lifespan', description: 'How many such periods a customer stays, a value or a range.' },
    { name: 'gross_margin', description: 'Share of revenue that is gross profit, 0–1 (default 1).', optional: true, default: 1 },
  ],
  example: '=LTV(B2, C2, D2, 0.4)',
  compute(value, frequency, lifespan, gm) {
    nonNegative('avg_purchase_value', value);
    nonNegative('purchase_frequency', frequency);
    nonNegative('lifespan', lifespan);
    return value * frequency * lifespan * margin('gross_margin', gm);
  },
});
