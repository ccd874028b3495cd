import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const CTR = elementwise({
  name: 'CTR',
  summary: 'Click-through rate: clicks per impression.',
  formula: 'clicks / impressions',
  returns: 'A fraction (0.02 = 2%); format the cell as a percent.',
  params: [
    { name: 'clicks', description: 'Clicks, a value or a range.' },
    { name: 'impressions', description: 'Impressions, a value or a range.' },
  ],
  example: '=CTR(B2:B13, C2:C13)',
  compute: nonNegativeRatio('clicks', 'impressions'),
});
