import { describe, expect, it } from 'vitest';
import { formatValue, isDateFormat, numberLocale } from '../../local/runtime/index.js';

const en = numberLocale('en_US');
const ru = numberLocale('ru_RU');
// 2026-03-01 as a Sheets serial: days since 1899-12-30 (counted independently: 46082).
const MARCH_1_2026 = (Date.UTC(2026, 2, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('number formats as getDisplayValues shows them', () => {
  it('plain and grouped numbers', () => {
    expect(formatValue(1234.567, '0', en)).toBe('1235');
    expect(formatValue(1234.567, '0.00', en)).toBe('1234.57');
    expect(formatValue(1234567.891, '#,##0', en)).toBe('1,234,568');
    expect(formatValue(1234567.891, '#,##0.00', en)).toBe('1,234,567.89');
    expect(formatValue(0.5, '#,##0.00', en)).toBe('0.50');
    expect(formatValue(-1234.5, '#,##0.00', en)).toBe('-1,234.50');
  });

  it('uses the spreadsheet locale separators (ru_RU: non-breaking space and comma)', () => {
    expect(formatValue(1234567.891, '#,##0.00', ru)).toBe('1\u00a0234\u00a0567,89');
  });

  it('percents', () => {
    expect(formatValue(0.256, '0%', en)).toBe('26%');
    expect(formatValue(0.256, '0.0%', en)).toBe('25.6%');
    expect(formatValue(-0.12345, '0.00%', en)).toBe('-12.35%');
  });

  it('currency formats the generator writes', () => {
    expect(formatValue(1234.5, '[$₽]#,##0.00', en)).toBe('₽1,234.50');
    expect(formatValue(1234.5, '#,##0.00 [$₽-419]', en)).toBe('1,234.50 ₽');
    expect(formatValue(1234.5, '"$"#,##0.00', en)).toBe('$1,234.50');
    expect(formatValue(-1234.5, '"$"#,##0.00', en)).toBe('-$1,234.50');
    expect(formatValue(98765.4, '[$¥-804]#,##0', en)).toBe('¥98,765');
    expect(formatValue(1234.5, '#,##0.00 "₽"', en)).toBe('1,234.50 ₽');
  });

  it('sections: negative section writes its own sign, [Red] is ignored for text', () => {
    expect(formatValue(-1500, '#,##0;(#,##0)', en)).toBe('(1,500)');
    expect(formatValue(-1500, '#,##0;-#,##0', en)).toBe('-1,500');
    expect(formatValue(-1500, '#,##0;[Red]-#,##0', en)).toBe('-1,500');
    expect(formatValue(0, '#,##0;-#,##0;"—"', en)).toBe('—');
  });

  it('dates', () => {
    expect(formatValue(MARCH_1_2026, 'yyyy-mm-dd', en)).toBe('2026-03-01');
    expect(formatValue(MARCH_1_2026, 'dd.mm.yyyy', en)).toBe('01.03.2026');
    expect(formatValue(MARCH_1_2026, 'mmm yyyy', en)).toBe('Mar 2026');
    expect(formatValue(MARCH_1_2026, 'm/d/yyyy', en)).toBe('3/1/2026');
    // 2026-03-01 is a Sunday: ISO week 9.
    expect(formatValue(MARCH_1_2026, 'yyyy-"W"ww', en)).toBe('2026-W09');
    expect(formatValue(MARCH_1_2026 + 0.5, 'yyyy-mm-dd hh:mm', en)).toBe('2026-03-01 12:00');
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00 [$₽-419]')).toBe(false);
    expect(isDateFormat('"Week"0')).toBe(false);
  });

  it('General, text and booleans', () => {
    expect(formatValue(1234.5, 'General', en)).toBe('1234.5');
    expect(formatValue(1 / 3, 'General', en)).toBe('0.3333333333');
    expect(formatValue(1 / 3, undefined, ru)).toBe('0,3333333333');
    expect(formatValue('=not a formula', '@', en)).toBe('=not a formula');
    expect(formatValue(true, '0.00', en)).toBe('TRUE');
    expect(formatValue(null, '0.00', en)).toBe('');
    expect(formatValue('text', '#,##0.00', en)).toBe('text');
  });
});
