import { describe, expect, it } from 'vitest';
import { classifyCell, sniffColumn } from '../../src/core/mapping/index.js';

describe('type sniffing', () => {
  it.each([
    [1234.5, 'number'],
    ['1 234,56 ₽', 'number'],
    ['$1,234.50', 'number'],
    ['15%', 'number'],
    [new Date(2026, 2, 1), 'date'],
    ['01.03.2026', 'date'],
    ['2026-03-01', 'date'],
    ['2026年3月1日', 'date'],
    ['2026-03', 'date'],
    ['Март 2026', 'date'],
    ['Jan 2026', 'date'],
    ['Google Ads', 'text'],
    ['#N/A', 'blank'],
    ['', 'blank'],
    [null, 'blank'],
    [true, 'text'],
  ] as const)('%j is %s', (value, kind) => {
    expect(classifyCell(value)).toBe(kind);
  });

  it('reads serial numbers as dates only under a date-like header', () => {
    expect(sniffColumn([46023, 46024, 46025], 'Date')).toBe('date');
    expect(sniffColumn([46023, 46024, 46025], 'Дата')).toBe('date');
    expect(sniffColumn([46023, 46024, 46025], 'Impressions')).toBe('number');
  });

  it('takes the clear majority and tolerates a few stray cells', () => {
    const col = Array.from({ length: 20 }, (_, i) => (i === 3 ? 'n/a' : i * 10));
    expect(sniffColumn(col)).toBe('number');
    expect(sniffColumn(['a', 1, 'b', 2])).toBe('text');
    expect(sniffColumn(['', null, '#REF!'])).toBe('empty');
  });
});
