import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const CAC = elementwise({
  name: 'CAC',
  summary: 'Customer acquisition cost: marketing and sales spend per new customer.',
  formula: '(marketing_cost + sales_cost) / new_customers',
  returns: 'An amount of money per customer; format as currency.',
  params: [
    { name: 'marketing_cost', description: 'Marketing spend of the period, a value or a range.' },
    { name: 'new_customers', description: 'New customers won in the period, a value or a range.' },
    { name: 'sales_cost', description: 'Sales cost of the period (salaries, tools), default 0.', optional: true, default: 0 },
  ],
  example: '=CAC(B2:B13, C2:C13, D2:D13)',
  compute(marketing, customers, sales) {
    nonNegative('marketing_cost', marketing);
    nonNegative('sales_cost', sales);
    nonNegative('new_customers', customers);
    return divide(marketing + sales, customers, 'new_customers');
  },
});
