import { elementwise } from '../define.js';
import { divide, margin, nonNegative } from '../failures.js';

export const PAYBACK = elementwise({
  name: 'PAYBACK',
  summary: 'CAC payback period: months of gross profit from a customer needed to recover what it cost to acquire.',
  formula: 'cac / (monthly_revenue_per_customer × gross_margin)',
  returns: 'Months; format as a number.',
  params: [
    { name: 'cac', description: 'Customer acquisition cost, a value or a range.' },
    { name: 'monthly_revenue_per_customer', description: 'Revenue per customer per month, a value or a range.' },
    { name: 'gross_margin', description: 'Share of revenue that is gross profit, 0–1 (default 1).', optional: true, default: 1 },
  ],
  example: '=PAYBACK(B2, C2, 0.6)',
  compute(cac, monthly, gm) {
    nonNegative('cac', cac);
    nonNegative('monthly_revenue_per_customer', monthly);
    return divide(cac, monthly * margin('gross_margin', gm), 'monthly_revenue_per_customer');
  },
});
