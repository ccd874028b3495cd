import { elementwise } from '../define.js';
import { count, invalid, zeroDenominator } from '../failures.js';
import { twoSidedP } from '../normal.js';

export const ABTEST = elementwise({
  name: 'ABTEST',
  summary:
    'A/B test significance: the two-sided p-value of the pooled two-proportion z-test (below 0.05 usually counts as a real difference).',
  formula: 'p-value of z = (pa − pb) / √(p(1 − p)(1/visitors_a + 1/visitors_b)), p = pooled conversion rate',
  returns: 'A probability between 0 and 1; format as a number or percent. 1 when both variants convert at 0% or 100%.',
  params: [
    { name: 'conversions_a', description: 'Conversions in variant A (whole number), a value or a range.' },
    { name: 'visitors_a', description: 'Visitors (trials) in variant A, at least conversions_a.' },
    { name: 'conversions_b', description: 'Conversions in variant B (whole number).' },
    { name: 'visitors_b', description: 'Visitors (trials) in variant B, at least conversions_b.' },
  ],
  example: '=ABTEST(120, 2400, 155, 2380)',
  compute(ca, va, cb, vb) {
    count('conversions_a', ca);
    count('visitors_a', va);
    count('conversions_b', cb);
    count('visitors_b', vb);
    if (va === 0) throw zeroDenominator('visitors_a');
    if (vb === 0) throw zeroDenominator('visitors_b');
    if (ca > va) throw invalid('fn_exceeds', { param: 'conversions_a', value: ca, limitParam: 'visitors_a', limit: va });
    if (cb > vb) throw invalid('fn_exceeds', { param: 'conversions_b', value: cb, limitParam: 'visitors_b', limit: vb });
    const pooled = (ca + cb) / (va + vb);
    // Everyone or no one converted in both: no difference can be observed.
    if (pooled === 0 || pooled === 1) return 1;
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / va + 1 / vb));
    return twoSidedP((ca / va - cb / vb) / se);
  },
});
