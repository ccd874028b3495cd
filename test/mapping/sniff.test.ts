import { describe, expect, it } from 'vitest';
import { classifyCell, sniffColumn } from '../../src/core/mapping/index.js';
import { profileColumn } from '../../src/core/mapping/sniff.js';
import type { CellValue } from '../../src/core/values.js';

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

  it('reads a/b/yyyy text as dates when the column shows its month/day order, as the readers do', () => {
    expect(sniffColumn(['03/02/2026', '03/14/2026', '04/01/2026'])).toBe('date');
    expect(sniffColumn(['02/03/2026', '14/03/2026', '01/04/2026'])).toBe('date');
    expect(sniffColumn(['02/03/2026', '01/04/2026'])).toBe('text'); // either order: not read, so not a date
  });

  it('reads compact yyyymmdd numbers (GA4 API) as dates only under a date-like header, never impossible days', () => {
    expect(sniffColumn([20260301, 20260302, 20260331], 'date')).toBe('date');
    expect(sniffColumn([20260301, 20260302, 20260331], '日期')).toBe('date');
    // Order numbers that happen to look like days stay numbers without a date header.
    expect(sniffColumn([20260301, 20260302, 20260331], 'Order ID')).toBe('number');
    expect(sniffColumn([20261301, 20261402, 20269931], 'Date')).toBe('number');
  });

  it('takes the clear majority and tolerates a few stray cells', () => {
    const col = Array.from({ length: 20 }, (_, i) => (i === 3 ? 'n/a' : i * 10));
    expect(sniffColumn(col)).toBe('number');
    expect(sniffColumn(['a', 1, 'b', 2])).toBe('text');
    expect(sniffColumn(['', null, '#REF!'])).toBe('empty');
  });

  it('reads a no-figure marker as blank, however few rows: an organic row with "N/A" cost is still a number column', () => {
    expect(sniffColumn([184220, 96310, 'N/A'])).toBe('number');
    expect(sniffColumn(['12,880.00', '6,210.50', '-'])).toBe('number');
    expect(sniffColumn(['—', '—', '—'])).toBe('empty');
    expect(sniffColumn(['2026-03-02', 'нет данных', '2026-03-04'])).toBe('date');
  });
});

describe('value shapes', () => {
  const shape = (values: CellValue[]): string | undefined => profileColumn(values).shape;

  it('tells e-mails, phones and opaque ids from names', () => {
    expect(shape(['anna@mail.ru', 'ivan@yandex.ru', 'x@y.cn'])).toBe('email');
    expect(shape(['+7 912 345-67-89', '8 (495) 123-45-67', '+1 415-555-0132'])).toBe('phone');
    expect(shape(['13812345678', '15900011223'])).toBe('phone');
    expect(shape(['ord_8f2K1', 'ord_99aZ2', '4200001234202603011234'])).toBe('id');
    expect(shape(['Анна Смирнова', 'John A. Smith', 'Sofia Martinez'])).toBe('personName');
    expect(shape(['张伟', '李娜', '王小芳'])).toBe('personName');
    // Statuses and sources written in two or three Han characters are not names.
    expect(shape(['已完成', '短视频', '直播'])).toBeUndefined();
  });

  it('tells money from counts', () => {
    expect(shape([12, 7, 30])).toBe('count');
    expect(shape([12.5, 7, 30.99])).toBe('money');
    expect(shape(['1 234,56', '999,90', '15'])).toBe('money');
  });
});
