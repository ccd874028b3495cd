import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const DRR = elementwise({
  name: 'DRR',
  summary:
    'ДРР, the advertising cost ratio (доля рекламных расходов): the share of revenue spent on advertising — the Russian standard for judging spend.',
  formula: 'ad_spend / revenue',
  returns: 'A fraction (0.12 = 12%); format the cell as a percent. Lower is better.',
  params: [
    { name: 'ad_spend', description: 'Advertising spend, a value or a range.' },
    { name: 'revenue', description: 'Revenue from that spend, a value or a range.' },
  ],
  example: '=DRR(B2:B13, C2:C13)',
  compute: nonNegativeRatio('ad_spend', 'revenue'),
});
