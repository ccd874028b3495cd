import { elementwise } from '../define.js';
import { divide } from '../failures.js';

export const GROWTH_RATE = elementwise({
  name: 'GROWTH_RATE',
  summary:
    'Period-over-period growth. Sheets’ built-in GROWTH (exponential trend) owns that name, so this is GROWTH_RATE. A negative previous value is divided by its size, so improving from −100 to −50 is +50%.',
  formula: '(current − previous) / |previous|',
  returns: 'A fraction (0.1 = +10%); format the cell as a percent.',
  params: [
    { name: 'current', description: 'This period’s value, a value or a range.' },
    { name: 'previous', description: 'The previous period’s value, a value or a range.' },
  ],
  example: '=GROWTH_RATE(C2:C13, B2:B13)',
  compute(current, previous) {
    return divide(current - previous, Math.abs(previous), 'previous');
  },
});
