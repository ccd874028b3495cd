import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

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
  compute: nonNegativeRatio('cost', 'clicks'),
});
