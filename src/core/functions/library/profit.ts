import { elementwise } from '../define.js';
import { margin, nonNegative } from '../failures.js';

export const PROFIT = elementwise({
  name: 'PROFIT',
  summary: 'Marketing profit: gross profit of the revenue minus the spend that brought it (negative when the channel loses money).',
  formula: 'revenue × gross_margin − cost',
  returns: 'An amount of money; format as currency.',
  params: [
    { name: 'revenue', description: 'Revenue, a value or a range.' },
    { name: 'cost', description: 'Spend for the same channel and period, a value or a range.' },
    { name: 'gross_margin', description: 'Share of revenue that is gross profit, 0–1 (default 1).', optional: true, default: 1 },
  ],
  example: '=PROFIT(B2:B13, C2:C13, 0.4)',
  compute(revenue, cost, gm) {
    nonNegative('cost', cost);
    return revenue * margin('gross_margin', gm) - cost;
  },
});
