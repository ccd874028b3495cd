import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const AOV = elementwise({
  name: 'AOV',
  summary: 'Average order value (average check): revenue per order.',
  formula: 'revenue / orders',
  returns: 'An amount of money per order; format as currency.',
  params: [
    { name: 'revenue', description: 'Revenue, a value or a range.' },
    { name: 'orders', description: 'Number of orders, a value or a range.' },
  ],
  example: '=AOV(B2:B13, C2:C13)',
  compute(revenue, orders) {
    nonNegative('orders', orders);
    return divide(revenue, orders, 'orders');
  },
});
