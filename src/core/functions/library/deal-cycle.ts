import { aggregate } from '../define.js';
import { invalid } from '../failures.js';

const DAY_MS = 86_400_000;

export const DEAL_CYCLE = aggregate({
  name: 'DEAL_CYCLE',
  summary:
    'Sales cycle length: days from a deal’s start (lead created) to its close. Rows without a close date are open deals and are ignored; a close date before the start is an error naming the row.',
  formula: 'mean or median of (close_date − start_date), closed deals only',
  returns: 'Days (fractions when the dates carry times); format as a number.',
  params: [
    { name: 'start_dates', description: 'Date each deal started (lead created): a range of dates.' },
    { name: 'close_dates', description: 'Date each deal closed, blank while open: a range the same size as start_dates.' },
    { name: 'method', description: '"mean" (default) or "median".', optional: true, default: 'mean', choices: ['mean', 'median'] },
  ],
  example: '=DEAL_CYCLE(B2:B, C2:C, "median")',
  compute([starts, closes, methodArg]) {
    const method = methodArg.choice();
    if (starts.rows !== closes.rows || starts.cols !== closes.cols) {
      const [firstShape, shape] = [`${starts.rows}×${starts.cols}`, `${closes.rows}×${closes.cols}`];
      throw invalid('fn_shape_mismatch', { first: 'start_dates', firstShape, param: 'close_dates', shape });
    }
    const days: number[] = [];
    for (let r = 0; r < starts.rows; r++) {
      for (let c = 0; c < starts.cols; c++) {
        const close = closes.dateAt(r, c);
        if (close === null) continue; // still open
        const start = starts.dateAt(r, c);
        if (start === null) return starts.fail('fn_start_missing', {}, r, c);
        if (close < start) closes.fail('fn_close_before_start', {}, r, c);
        days.push((close - start) / DAY_MS);
      }
    }
    if (days.length === 0) throw invalid('fn_no_closed_deals', { param: 'close_dates' });
    if (method === 'median') {
      days.sort((a, b) => a - b);
      const mid = days.length >> 1;
      return days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
    }
    let sum = 0;
    for (const d of days) sum += d;
    return sum / days.length;
  },
});
