import { describe, expect, it } from 'vitest';
import { isNoValue, parseNumberText } from '../src/core/values.js';

describe('parseNumberText reads numbers as exports write them', () => {
  it.each([
    ['1 234,56 ₽', 1234.56],
    ['$1,234.50', 1234.5],
    ['2,5', 2.5],
    ['15%', 0.15],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234,5 руб.', 1234.5],
    ['1.234.567,89 €', 1234567.89],
    ['1,234,567', 1234567],
    ['1,234', 1234],
    ['0,123', 0.123],
    ['(1 200)', -1200],
    ['−42', -42],
    ['-$12.40', -12.4],
    ['¥3,000', 3000],
    ['US$ 86.10', 86.1],
    ['HK$1,280.00', 1280],
    ['NT$ 990', 990],
    ['₹ 4,999', 4999],
    ['1 200 грн.', 1200],
    ['SGD 45.50', 45.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['12,5%', 0.125],
  ])('%s → %d', (text, expected) => {
    expect(parseNumberText(text)).toBeCloseTo(expected, 10);
  });

  it.each(['', 'abc', '12abc', '1,2,3', '12,34,567', '1.2.3,4,5', '--1', '1.', '$', '%', 'N/A'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe('isNoValue: what exports write where there is no figure', () => {
  it.each(['', '  ', null, undefined, '-', ' — ', '–', '--', 'N/A', 'n/a', 'NA', 'None', 'null', 'NaN', 'н/д', 'нет данных', '无', '暂无'])(
    '%s is no value',
    (v) => {
      expect(isNoValue(v)).toBe(true);
    },
  );

  it.each(['0', 0, '-5', '- 5', 'abc', '#N/A', 'Nano', 'none yet', 'нет звонка', '无效', '(not set)', '---- ', '-----'])(
    '%s is a value or unreadable text, not a blank',
    (v) => {
      expect(isNoValue(v)).toBe(false);
    },
  );
});
