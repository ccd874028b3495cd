import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const CPL = elementwise({
  name: 'CPL',
  summary: 'Cost per lead.',
  formula: 'cost / leads',
  returns: 'An amount of money per lead; format as currency.',
  params: [
    { name: 'cost', description: 'Spend, a value or a range.' },
    { name: 'leads', description: 'Leads from that spend, a value or a range.' },
  ],
  example: '=CPL(B2:B13, C2:C13)',
  compute: nonNegativeRatio('cost', 'leads'),
});
