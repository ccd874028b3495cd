import { elementwise } from '../define.js';
import { divide, invalid, nonNegative } from '../failures.js';

export const RETENTION = elementwise({
  name: 'RETENTION',
  summary: 'Customer retention rate over a period: customers kept, as a share of those at the start.',
  formula: '(customers_end − new_customers) / customers_start',
  returns: 'A fraction (0.85 = 85%); format the cell as a percent.',
  params: [
    { name: 'customers_end', description: 'Customers at the end of the period, a value or a range.' },
    { name: 'new_customers', description: 'Customers gained during the period, a value or a range.' },
    { name: 'customers_start', description: 'Customers at the start of the period, a value or a range.' },
  ],
  example: '=RETENTION(D2, C2, B2)',
  compute(end, fresh, start) {
    nonNegative('customers_end', end);
    nonNegative('new_customers', fresh);
    nonNegative('customers_start', start);
    if (fresh > end) throw invalid('fn_exceeds', { param: 'new_customers', value: fresh, limitParam: 'customers_end', limit: end });
    return divide(end - fresh, start, 'customers_start');
  },
});
