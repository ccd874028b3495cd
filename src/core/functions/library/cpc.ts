import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const CPC = elementwise({
  name: 'CPC',
  summary: 'Cost per click.',
  formula: 'cost / clicks',
  returns: 'An amount of money per click; format as currency.',
  params: [
    { name: 'cost', description: 'Spend, a value or a range.' },
    { name: 'clicks', description: 'Clicks from that spend, a value or a range.' },
  ],
  example: '=CPC(B2:B13, C2:C13)',
  compute(cost, clicks) {
    nonNegative('cost', cost);
    nonNegative('clicks', clicks);
    return divide(cost, clicks, 'clicks');
  },
});
