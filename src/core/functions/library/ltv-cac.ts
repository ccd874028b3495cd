import { elementwise } from '../define.js';
import { divide, nonNegative } from '../failures.js';

export const LTV_CAC = elementwise({
  name: 'LTV_CAC',
  summary: 'LTV to CAC ratio: how many times a customer pays back what it cost to acquire (3 or more is the usual target).',
  formula: 'ltv / cac',
  returns: 'A multiple; format as a number.',
  params: [
    { name: 'ltv', description: 'Customer lifetime value, a value or a range.' },
    { name: 'cac', description: 'Customer acquisition cost, a value or a range.' },
  ],
  example: '=LTV_CAC(B2:B13, C2:C13)',
  compute(ltv, cac) {
    nonNegative('cac', cac);
    return divide(ltv, cac, 'cac');
  },
});
