import { elementwise } from '../define.js';
import { nonNegativeRatio } from '../failures.js';

export const LCR = elementwise({
  name: 'LCR',
  summary:
    'Lead conversion rate: customers per lead. Above 100% is possible when attribution credits customers to a channel with few leads.',
  formula: 'customers / leads',
  returns: 'A fraction (0.05 = 5%); format the cell as a percent.',
  params: [
    { name: 'customers', description: 'Customers (deals won), a value or a range.' },
    { name: 'leads', description: 'Leads, a value or a range.' },
  ],
  example: '=LCR(B2:B13, C2:C13)',
  compute: nonNegativeRatio('customers', 'leads'),
});
