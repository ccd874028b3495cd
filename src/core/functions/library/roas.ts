import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const ROAS = elementwise({
  name: 'ROAS',
  summary: 'Return on ad spend: revenue per unit of advertising spend.',
  formula: 'revenue / ad_spend',
  returns: 'A multiple (4 = 4 of revenue per 1 of spend); format as a number.',
  params: [
    { name: 'revenue', description: 'Revenue attributed to the ads, a value or a range.' },
    { name: 'ad_spend', description: 'Advertising spend for the same period and channel, a value or a range.' },
  ],
  example: '=ROAS(B2:B13, C2:C13)',
  compute(revenue, spend) {
    nonNegative('ad_spend', spend);
    return divide(revenue, spend, 'ad_spend');
  },
});
