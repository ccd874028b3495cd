/** Filling message templates: numbers written the way each language writes them. */
import { describe, expect, it } from 'vitest';
import { format } from '../../src/core/i18n/format.js';

describe('format', () => {
  it('writes a fraction with the language decimal mark, whole numbers (row numbers, counts) ungrouped', () => {
    const t = 'в {times} раза, строка {row}';
    expect(format(t, { times: 23.1, row: 12345 }, 'ru')).toBe('в 23,1 раза, строка 12345');
    expect(format('{times}× dearer, row {row}', { times: 23.1, row: 12345 }, 'en')).toBe('23.1× dearer, row 12345');
    expect(format('贵 {times} 倍', { times: 2.5 }, 'zh')).toBe('贵 2.5 倍');
  });

  it('a plural count that is a fraction takes the decimal mark too', () => {
    const t = '{days, plural, one {# день} few {# дня} many {# дней} other {# дня}}';
    expect(format(t, { days: 2.5 }, 'ru')).toBe('2,5 дня');
    expect(format(t, { days: 5 }, 'ru')).toBe('5 дней');
  });

  it('text params are left exactly as given (a channel called "1.5" stays "1.5")', () => {
    expect(format('{channel}', { channel: '1.5' }, 'ru')).toBe('1.5');
  });
});
