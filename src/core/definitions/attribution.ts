/**
 * Attribution models: how one won deal's credit (1 = its whole revenue, its customer, its repeat sale) is
 * split over the customer's touches — the customer's leads up to and including the deal's own lead,
 * oldest first. Every model's weights are ≥ 0 and sum to 1, so credits always add up to the totals.
 */
import { POSITION_WEIGHTS, type AttributionModel } from './rules.js';

const DAY_MS = 86_400_000;

/**
 * Weights aligned with `times` (touch times in ms, oldest first; the last is the deal's own lead).
 * - last_touch: the deal's own lead (the channel the deal came through);
 * - first_touch: the customer's first lead (the channel that first brought them);
 * - linear: equal shares;
 * - position_based: 40% first, 40% last, 20% shared by the touches between (two touches: 50/50);
 * - time_decay: weight 2^(−age / half-life), age = days before the deal's own lead; touches on the same
 *   day as it share its weight. Without dates (a null time) time-decay falls back to linear.
 */
export function touchWeights(model: AttributionModel, times: readonly (number | null)[], halfLifeDays: number): number[] {
  const n = times.length;
  if (n === 0) return [];
  const w = new Array<number>(n).fill(0);
  if (n === 1) {
    w[0] = 1;
    return w;
  }
  switch (model) {
    case 'last_touch':
      w[n - 1] = 1;
      return w;
    case 'first_touch':
      w[0] = 1;
      return w;
    case 'linear':
      return w.fill(1 / n);
    case 'position_based':
      if (n === 2) return w.fill(0.5);
      w.fill(POSITION_WEIGHTS.middle / (n - 2));
      w[0] = POSITION_WEIGHTS.first;
      w[n - 1] = POSITION_WEIGHTS.last;
      return w;
    case 'time_decay': {
      const ref = times[n - 1];
      if (ref === null || times.some((t) => t === null)) return w.fill(1 / n);
      // Exponents relative to the newest touch, so a tiny half-life underflows old touches to 0, never NaN.
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const age = Math.max(0, (ref - (times[i] as number)) / DAY_MS);
        w[i] = Math.pow(2, -age / halfLifeDays);
        sum += w[i];
      }
      for (let i = 0; i < n; i++) w[i] /= sum;
      return w;
    }
  }
}
