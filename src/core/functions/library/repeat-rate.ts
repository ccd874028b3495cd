import { aggregate } from '../define.js';
import { invalid } from '../failures.js';

export const REPEAT_RATE = aggregate({
  name: 'REPEAT_RATE',
  summary:
    'Repeat purchase rate: the share of distinct customers who appear in two or more orders. Blanks are ignored; ids are compared as trimmed text, ignoring case (123 and "123" are the same customer).',
  formula: 'customers with ≥ 2 orders / distinct customers',
  returns: 'A fraction (0.3 = 30%); format the cell as a percent.',
  params: [{ name: 'customer_ids', description: 'One customer id (or email, phone) per order: a column of the order list.' }],
  example: '=REPEAT_RATE(B2:B)',
  compute([ids]) {
    const orders = new Map<string, number>();
    for (let r = 0; r < ids.rows; r++) {
      for (let c = 0; c < ids.cols; c++) {
        const id = ids.textAt(r, c);
        if (id === null || id === '') continue;
        const key = id.toLowerCase();
        orders.set(key, (orders.get(key) ?? 0) + 1);
      }
    }
    if (orders.size === 0) throw invalid('fn_no_ids', { param: 'customer_ids' });
    let repeat = 0;
    for (const n of orders.values()) if (n >= 2) repeat++;
    return repeat / orders.size;
  },
});
