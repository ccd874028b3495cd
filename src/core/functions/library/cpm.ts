import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const CPM = elementwise({
  name: 'CPM',
  summary: 'Cost per thousand impressions.',
  formula: 'cost / impressions × 1000',
  returns: 'An amount of money per 1,000 impressions; format as currency.',
  params: [
    { name: 'cost', description: 'Spend, a value or a range.' },
    { name: 'impressions', description: 'Impressions bought with that spend, a value or a range.' },
  ],
  example: '=CPM(B2:B13, C2:C13)',
  compute: nonNegativeRatio('cost', 'impressions', 1000),
});
