import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const ROI = elementwise({
  name: 'ROI',
  summary: 'Return on investment: the gain on an investment per unit invested.',
  formula: '(return − investment) / investment',
  returns: 'A fraction (0.25 = 25%); format the cell as a percent.',
  params: [
    {
      name: 'return_value',
      description:
        'What the investment brought back (revenue or value), a value or a range. (`return` itself is a reserved word in Apps Script.)',
    },
    { name: 'investment', description: 'What was invested, a value or a range.' },
  ],
  example: '=ROI(B2, C2)',
  compute(ret, investment) {
    nonNegative('investment', investment);
    return divide(ret - investment, investment, 'investment');
  },
});
