import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const CPO = elementwise({
  name: 'CPO',
  summary: 'Cost per order: spend per won deal or order (every order counts, repeat ones too; CAC counts new customers only).',
  formula: 'cost / orders',
  returns: 'An amount of money per order; format as currency.',
  params: [
    { name: 'cost', description: 'Spend, a value or a range.' },
    { name: 'orders', description: 'Orders (won deals) from that spend, a value or a range.' },
  ],
  example: '=CPO(B2:B13, C2:C13)',
  compute: nonNegativeRatio('cost', 'orders'),
});
