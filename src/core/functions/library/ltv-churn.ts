import { elementwise } from '../define.js';
import { divide, invalid, margin, nonNegative } from '../failures.js';

export const LTV_CHURN = elementwise({
  name: 'LTV_CHURN',
  summary:
    'Customer lifetime value from churn: revenue per customer per period × gross margin, divided by the share of customers lost per period.',
  formula: 'arpu × gross_margin / churn_rate',
  returns: 'An amount of money per customer; format as currency.',
  params: [
    { name: 'arpu', description: 'Average revenue per customer per period (e.g. per month), a value or a range.' },
    { name: 'churn_rate', description: 'Share of customers lost per the same period, above 0 and at most 1 (5% or 0.05).' },
    { name: 'gross_margin', description: 'Share of revenue that is gross profit, 0–1 (default 1).', optional: true, default: 1 },
  ],
  example: '=LTV_CHURN(B2, 5%, 0.7)',
  compute(arpu, churn, gm) {
    nonNegative('arpu', arpu);
    if (churn < 0 || churn > 1) throw invalid('fn_share', { param: 'churn_rate', value: churn });
    return divide(arpu * margin('gross_margin', gm), churn, 'churn_rate');
  },
});
