import { describe, expect, it } from 'vitest';
import { formatChartValue } from '../../local/web/chart-format.js';

describe('formatChartValue: value-axis numbers in the spreadsheet locale', () => {
  it('keywords and patterns, grouped, in en/ru/zh', () => {
    expect(formatChartValue(710.346, 'percent', 'en-US')).toBe('71,035%');
    expect(formatChartValue(710.346, '#,##0%', 'ru-RU')).toBe('71\u00a0035%');
    expect(formatChartValue(0.0042, '#,##0.0%', 'en-US')).toBe('0.4%');
    expect(formatChartValue(14029505, '#,##0 [$₽-419]', 'ru-RU')).toBe('14\u00a0029\u00a0505 ₽');
    expect(formatChartValue(1234.5, '"$"#,##0', 'en-US')).toBe('$1,235');
    expect(formatChartValue(880000004, '[$¥-804]#,##0', 'zh-CN')).toBe('¥880,000,004');
    expect(formatChartValue(1_500_000, 'short', 'zh-CN')).toBe('150万');
    expect(formatChartValue(20_000_000, undefined, 'ru-RU')).toBe('20\u00a0000\u00a0000');
  });
});
