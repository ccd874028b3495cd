/**
 * Worked examples for every custom function, with expectations computed by hand (in the comments) or
 * by an independent tool (Python's math.erfc for ABTEST), never copied from the implementation.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import { col, err, fn } from './helpers.js';
import { erfc } from '../../src/core/functions/normal.js';

describe('ratio metrics', () => {
  it('ROMI = (revenue × margin − cost) / cost', () => {
    expect(fn('ROMI')(5000, 2000)).toBe(1.5); // (5000 − 2000)/2000
    expect(fn('ROMI')(5000, 2000, 0.4)).toBe(0); // (2000 − 2000)/2000
    expect(fn('ROMI')(5000, 2000, '40%')).toBe(0);
    expect(fn('ROMI')(1000, 2000)).toBe(-0.5);
    expect(err(() => fn('ROMI')(5000, 2000, 1.5))).toMatch(/^ROMI: gross_margin must be between 0 and 1/u);
  });
  it('ROI = (return − investment) / investment', () => {
    expect(fn('ROI')(1300, 1000)).toBeCloseTo(0.3, 12);
    expect(err(() => fn('ROI')(100, -5))).toMatch(/^ROI: investment must not be negative/u);
  });
  it('ROAS = revenue / spend', () => {
    expect(fn('ROAS')(12000, 3000)).toBe(4);
  });
  it('CAC = (marketing + sales) / new customers', () => {
    expect(fn('CAC')(9000, 30)).toBe(300);
    expect(fn('CAC')(9000, 30, 3000)).toBe(400); // 12000/30
    expect(fn('CAC')(9000, 30, '')).toBe(300); // blank optional → default 0
    expect(err(() => fn('CAC')(9000, 0))).toBe('CAC: new_customers is 0, so the ratio is undefined');
  });
  it('CPL, CPC, CPM, CTR, LCR', () => {
    expect(fn('CPL')(1500, 60)).toBe(25);
    expect(fn('CPC')(90, 300)).toBeCloseTo(0.3, 12);
    expect(fn('CPM')(50, 20000)).toBe(2.5); // 50/20000×1000
    expect(fn('CTR')(150, 10000)).toBeCloseTo(0.015, 12);
    expect(fn('LCR')(12, 400)).toBeCloseTo(0.03, 12);
    expect(fn('LCR')(12, 10)).toBeCloseTo(1.2, 12); // > 100% allowed (attribution)
  });
  it('AOV, LTV_CAC, GROWTH_RATE, RETENTION', () => {
    expect(fn('AOV')(45000, 150)).toBe(300);
    expect(fn('LTV_CAC')(1800, 600)).toBe(3);
    expect(fn('GROWTH_RATE')(110, 100)).toBeCloseTo(0.1, 12);
    expect(fn('GROWTH_RATE')(80, 100)).toBeCloseTo(-0.2, 12);
    expect(fn('GROWTH_RATE')(-50, -100)).toBeCloseTo(0.5, 12); // (−50 − −100)/|−100|
    expect(fn('RETENTION')(900, 150, 1000)).toBe(0.75); // (900 − 150)/1000
    expect(err(() => fn('RETENTION')(100, 150, 1000))).toMatch(/^RETENTION: new_customers \(150\) exceeds customers_end \(100\)/u);
  });
});

describe('range mode (what `=ROMI(B2:B, C2:C)` over whole columns gets)', () => {
  it('walks same-shaped ranges row by row: text numbers read, blank rows blank, zero denominators blank', () => {
    const revenue = col(5000, '1 234,56 ₽', '', 900, '$3,000.00', '');
    const cost = col(2000, '1000', '', 0, '', 1500);
    // row 1: (5000 − 2000)/2000 = 1.5; row 2: (1234.56 − 1000)/1000 = 0.23456; row 3: all blank → '';
    // row 4: cost 0 → '' (the column survives); row 5: blank cost counts as 0 → ''; row 6: (0 − 1500)/1500 = −1
    const out = fn('ROMI')(revenue, cost) as unknown[][];
    expect(out.map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(out[0][0]).toBe(1.5);
    expect(out[1][0]).toBeCloseTo(0.23456, 12);
    expect(out.slice(2, 5)).toEqual([[''], [''], ['']]);
    expect(out[5][0]).toBe(-1);
  });
  it('broadcasts a scalar against a range, in any argument position, and keeps 2-D shapes', () => {
    // margin 40% for every row: (5000×0.4 − 1000)/1000 = 1, (2500×0.4 − 1000)/1000 = 0
    expect(fn('ROMI')(col(5000, 2500), 1000, '40%')).toEqual(col(1, 0));
    // CPM of one budget over a 2×2 table of impressions: 100/1000×1000 = 100, 100/4000×1000 = 25, …
    expect(
      fn('CPM')(100, [
        [1000, 4000],
        [2000, 500],
      ]),
    ).toEqual([
      [100, 25],
      [50, 200],
    ]);
    // a blank optional in one row takes its default (sales_cost 0): 900/30 = 30, (900 + 300)/30 = 40
    expect(fn('CAC')(col(900, 900), col(30, 30), col('', 300))).toEqual(col(30, 40));
  });
  it('a single value with a zero or blank denominator is an error, not a blank', () => {
    expect(err(() => fn('CPL')(100, 0))).toBe('CPL: leads is 0, so the ratio is undefined');
    expect(err(() => fn('CPL')(100, ''))).toBe('CPL: leads is 0, so the ratio is undefined');
    expect(fn('CPL')('', '')).toBe(''); // an all-blank call (a formula copied down past the data) is blank
  });
  it('names the function, the argument and the row (and column in a 2-D range) of a bad cell', () => {
    expect(err(() => fn('ROAS')(col(100, 200, 300), col(10, '#N/A', 30)))).toBe('ROAS: ad_spend holds the error #N/A (row 2 of the range)');
    expect(err(() => fn('CTR')(col(5, 'lots'), 100))).toBe('CTR: clicks must be a number, got "lots" (row 2 of the range)');
    expect(
      err(() =>
        fn('CPC')(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 1],
            [1, -1],
          ],
        ),
      ),
    ).toBe('CPC: clicks must not be negative (got -1) (row 2, column 2 of the range)');
    expect(err(() => fn('LTV')(col(1, 1), col(1, 1), col(1, 1), col(0.5, 2)))).toMatch(
      /^LTV: gross_margin must be between 0 and 1 \(0–100%\), got 2 \(row 2 of the range\)$/u,
    );
    expect(err(() => fn('ROMI')(col(1, 2), col(1, 2, 3)))).toBe(
      'ROMI: revenue is 2×1 but marketing_cost is 3×1; ranges must be the same size',
    );
  });
});

describe('lifetime value', () => {
  it('LTV = purchase × frequency × lifespan × margin', () => {
    expect(fn('LTV')(200, 4, 3)).toBe(2400);
    expect(fn('LTV')(200, 4, 3, 0.5)).toBe(1200);
    expect(fn('LTV')('$200.00', '4', '3', '50%')).toBe(1200);
  });
  it('LTV_CHURN = arpu × margin / churn', () => {
    expect(fn('LTV_CHURN')(50, '5%')).toBeCloseTo(1000, 9); // 50/0.05
    expect(fn('LTV_CHURN')(50, 0.05, 0.6)).toBeCloseTo(600, 9);
    expect(err(() => fn('LTV_CHURN')(50, 0))).toMatch(/^LTV_CHURN: churn_rate is 0/u);
    expect(err(() => fn('LTV_CHURN')(50, 5))).toMatch(/^LTV_CHURN: churn_rate must be a share between 0 and 1/u);
  });
  it('PAYBACK = cac / (monthly revenue × margin)', () => {
    expect(fn('PAYBACK')(600, 100)).toBe(6);
    expect(fn('PAYBACK')(600, 100, 0.5)).toBe(12);
  });
});

describe('FUNNEL', () => {
  it('step and overall along a row, a column, and one funnel per row', () => {
    // 1000 → 250 → 50: step 1, 0.25, 0.2; overall 1, 0.25, 0.05
    expect(fn('FUNNEL')([[1000, 250, 50]])).toEqual([[1, 0.25, 0.2]]);
    expect(fn('FUNNEL')([[1000, 250, 50]], 'overall')).toEqual([[1, 0.25, 0.05]]);
    expect(fn('FUNNEL')(col(1000, 250, 50), 'OVERALL')).toEqual(col(1, 0.25, 0.05));
    expect(
      fn('FUNNEL')([
        [200, 50, 10],
        ['', '', ''],
        [0, 0, 0],
        [100, 0, 0],
      ]),
    ).toEqual([
      [1, 0.25, 0.2],
      ['', '', ''],
      ['', '', ''], // a zero first stage: nothing to divide by
      [1, 0, ''], // a zero previous stage: blank
    ]);
    expect(err(() => fn('FUNNEL')([[10, -1]]))).toMatch(
      /^FUNNEL: stage_counts must not be negative \(got -1\) \(row 1, column 2 of the range\)/u,
    );
    expect(err(() => fn('FUNNEL')([[10, 5]], 'daily'))).toBe('FUNNEL: mode must be one of "step", "overall", got "daily"');
  });
});

describe('REPEAT_RATE', () => {
  it('share of distinct customers with two or more orders; ids as trimmed, case-insensitive text', () => {
    // a@x ×3 (A@X, " a@x "), 17 ×2 (17 and "17"), b ×1, c ×1 → 2 of 4 repeat
    expect(fn('REPEAT_RATE')(col('a@x', 17, 'b', '', ' A@X ', '17', 'c', 'a@x', ''))).toBe(0.5);
    expect(err(() => fn('REPEAT_RATE')(col('', '')))).toBe('REPEAT_RATE: customer_ids has no ids (all blank)');
    expect(err(() => fn('REPEAT_RATE')(col('a', '#N/A')))).toMatch(
      /^REPEAT_RATE: customer_ids holds the error #N\/A \(row 2 of the range\)/u,
    );
  });
});

describe('NPS', () => {
  it('% promoters − % detractors in points, blanks ignored', () => {
    // 10, 9, 9 promoters; 8, 7 passive; 6, 3, 0 detractors; 8 answers → (3 − 3)/8 = 0
    expect(fn('NPS')(col(10, 9, 9, 8, 7, 6, 3, 0, ''))).toBe(0);
    // 10, 10, 9, 7 → 3 promoters of 4 → 75
    expect(
      fn('NPS')([
        [10, 10],
        ['9', 7],
      ]),
    ).toBe(75);
    expect(fn('NPS')(col(0, 1))).toBe(-100);
  });
  it('rejects anything that is not a whole score from 0 to 10, naming the cell', () => {
    expect(err(() => fn('NPS')(col(9, 11)))).toBe('NPS: scores must be a whole number from 0 to 10, got 11 (row 2 of the range)');
    expect(err(() => fn('NPS')(col(9, 7.5)))).toMatch(/got 7\.5 \(row 2/u);
    expect(err(() => fn('NPS')(col(9, 'abc')))).toMatch(/^NPS: scores must be a number, got "abc" \(row 2 of the range\)/u);
    expect(err(() => fn('NPS')(col('', '')))).toBe('NPS: scores has no answers (all blank)');
  });
});

describe('DEAL_CYCLE', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00`);
  it('mean and median of closed deals in days; open deals ignored', () => {
    const starts = col(d('2026-01-01'), d('2026-01-10'), d('2026-02-01'), d('2026-02-05'));
    const closes = col(d('2026-01-11'), '', d('2026-02-21'), d('2026-03-07'));
    // closed: 10, 20, 30 days → mean 20, median 20
    expect(fn('DEAL_CYCLE')(starts, closes)).toBeCloseTo(20, 9);
    expect(fn('DEAL_CYCLE')(starts, closes, 'median')).toBeCloseTo(20, 9);
    // 10, 30 → median 20 from an even count; serial numbers and text dates work too
    expect(fn('DEAL_CYCLE')(col(46023, '2026-01-01'), col(46033, '2026-01-31'), 'median')).toBeCloseTo(20, 9);
  });
  it('names the row of a close before its start, or a close without a start', () => {
    expect(err(() => fn('DEAL_CYCLE')(col(d('2026-02-01'), d('2026-03-01')), col(d('2026-02-03'), d('2026-02-01'))))).toBe(
      'DEAL_CYCLE: close_dates is before its start date (row 2 of the range)',
    );
    expect(err(() => fn('DEAL_CYCLE')(col(''), col(d('2026-02-03'))))).toMatch(
      /^DEAL_CYCLE: start_dates is blank for a deal that has a close date \(row 1/u,
    );
    expect(err(() => fn('DEAL_CYCLE')(col(d('2026-02-03')), col('')))).toBe('DEAL_CYCLE: close_dates has no closed deals (all blank)');
    expect(err(() => fn('DEAL_CYCLE')(col(1, 2), col(3)))).toMatch(/start_dates is 2×1 but close_dates is 1×1/u);
  });
});

describe('ABTEST', () => {
  it('p-value of the pooled two-proportion z-test (expectations from Python math.erfc)', () => {
    expect(fn('ABTEST')(200, 1000, 250, 1000)).toBeCloseTo(0.007419649261025693, 12);
    expect(fn('ABTEST')(120, 2400, 155, 2380)).toBeCloseTo(0.024733801910612554, 12);
    expect(fn('ABTEST')(5, 10, 5, 10)).toBeCloseTo(1, 12);
    expect(fn('ABTEST')(1, 3, 0, 4)).toBeCloseTo(0.21231716077296497, 12);
    expect(fn('ABTEST')(0, 100, 0, 50)).toBe(1); // nobody converted: no difference observable
  });
  it('checks counts', () => {
    expect(err(() => fn('ABTEST')(20, 10, 5, 10))).toBe('ABTEST: conversions_a (20) exceeds visitors_a (10)');
    expect(err(() => fn('ABTEST')(2.5, 10, 5, 10))).toMatch(/^ABTEST: conversions_a must be a whole number/u);
    expect(err(() => fn('ABTEST')(0, 0, 5, 10))).toMatch(/^ABTEST: visitors_a is 0/u);
  });
  it('erfc matches reference values to 1e-14', () => {
    const reference: [number, number][] = [
      [0.1, 0.8875370839817152],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047265],
      [2.4, 0.0006885138966450789],
      [2.6, 0.00023603441652934908],
      [3, 2.2090496998585438e-5],
      [5, 1.5374597944280351e-12],
    ];
    for (const [x, want] of reference) expect(Math.abs(erfc(x) - want)).toBeLessThan(1e-14 + want * 1e-12);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 14);
    expect(erfc(0)).toBe(1);
  });
});

describe('registry', () => {
  it('has the 26 functions of the contract, each once', () => {
    const names = CUSTOM_FUNCTIONS.map((f) => f.name);
    expect(names).toEqual([
      'ROMI',
      'ROI',
      'ROAS',
      'CAC',
      'CPL',
      'CPC',
      'CPM',
      'CTR',
      'LCR',
      'FUNNEL',
      'LTV',
      'LTV_CHURN',
      'LTV_CAC',
      'PAYBACK',
      'AOV',
      'GROWTH_RATE',
      'RETENTION',
      'REPEAT_RATE',
      'NPS',
      'DEAL_CYCLE',
      'ABTEST',
      'DRR',
      'CPO',
      'PROFIT',
      'ATTRIBUTION',
      'COHORT_LTV',
    ]);
  });
  it('never takes the name of a Sheets built-in (a custom function cannot shadow one)', () => {
    // Sheets functions whose names are close to ours; GROWTH is why ours is GROWTH_RATE.
    const builtIns = [
      'GROWTH',
      'TREND',
      'RATE',
      'NPV',
      'IRR',
      'PMT',
      'FV',
      'PV',
      'NPER',
      'COUNT',
      'SUM',
      'AVERAGE',
      'MEDIAN',
      'DAYS',
      'ROUND',
      'RRI',
      'RANK',
      'PERCENTILE',
      'ZTEST',
      'Z.TEST',
      'NORMSDIST',
    ];
    for (const f of CUSTOM_FUNCTIONS) expect(builtIns).not.toContain(f.name);
  });
});
