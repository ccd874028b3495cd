/** The one column-letters helper (src/core/a1.ts) that the core, adapter, sidebar and local runtime share. */
import { describe, expect, it } from 'vitest';
import { columnLetters, columnNumber } from '../src/core/a1.js';

describe('column letters', () => {
  it('numbers columns like Sheets does', () => {
    expect([1, 7, 26, 27, 52, 53, 702, 703].map((n) => columnLetters(n))).toEqual(['A', 'G', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('reads letters back, in either case', () => {
    expect(['A', 'z', 'AA', 'aZ', 'ZZ', 'AAA', 'XFD'].map(columnNumber)).toEqual([1, 26, 27, 52, 702, 703, 16384]);
    for (const n of [1, 25, 26, 27, 300, 702, 703, 18278]) expect(columnNumber(columnLetters(n))).toBe(n);
  });

  it('shows a column that is not one as "?" instead of inventing column A', () => {
    expect([0, -3, Number.NaN, Number.POSITIVE_INFINITY].map((n) => columnLetters(n))).toEqual(['?', '?', '?', '?']);
  });
});
