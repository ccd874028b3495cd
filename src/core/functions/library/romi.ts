import { elementwise } from '../define.js';
import { divide, margin, nonNegative } from '../failures.js';

export const ROMI = elementwise({
  name: 'ROMI',
  summary: 'Return on marketing investment: the profit that marketing spend brought back, per unit of spend.',
  formula: '(revenue × gross_margin − marketing_cost) / marketing_cost',
  returns: 'A fraction (0.25 = 25%); format the cell as a percent.',
  params: [
    { name: 'revenue', description: 'Revenue attributed to the marketing spend (a value or a range).' },
    { name: 'marketing_cost', description: 'Marketing spend for the same period and channel (a value or a range).' },
    {
      name: 'gross_margin',
      description: 'Share of revenue that is gross profit, 0–1 (default 1: revenue counted in full).',
      optional: true,
      default: 1,
    },
  ],
  example: '=ROMI(B2:B13, C2:C13, 0.4)',
  compute(revenue, cost, gm) {
    nonNegative('marketing_cost', cost);
    return divide(revenue * margin('gross_margin', gm) - cost, cost, 'marketing_cost');
  },
});
