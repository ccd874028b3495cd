/**
 * Column-level number reading (src/core/numbers.ts): a text number's decimal mark is inferred from its whole
 * column, the spreadsheet locale only breaks ties, and a cell only the locale could decide is reported with
 * its row, never silently misread.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/core/aggregate/index.js';
import { aggregatedMapping } from './support/mappings.js';
import { columnNumbers, localeDecimal } from '../src/core/numbers.js';
import { runReport } from '../src/cli/report.js';
import { createWorkbook } from '../local/runtime/index.js';
import { buildDashboard } from '../src/adapter/dashboard/index.js';
import { defaultMapping, detectSheet } from '../src/core/mapping/index.js';

const read = (cells: string[], fallback: '.' | ',' = '.', counts = false): number[] => {
  const c = columnNumbers(cells, { fallback, counts });
  return cells.map((v) => c.read(v));
};

describe('ColumnNumbers: the column decides', () => {
  it('1.234,56 € · 2.000 € · 15.000 € · 999,90 € sum to 19 234,46 (the cell-by-cell reader said 2 251,46)', () => {
    for (const fallback of ['.', ','] as const) {
      const got = read(['1.234,56 €', '2.000 €', '15.000 €', '999,90 €'], fallback);
      expect(got).toEqual([1234.56, 2000, 15000, 999.9]);
      expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(19234.46, 9);
    }
  });

  it('12.345 impressions in a column of whole numbers are 12 345, in any locale', () => {
    expect(read(['1200', '850', '12.345', '3 400'], '.')).toEqual([1200, 850, 12345, 3400]);
    expect(read(['12.345', '7.500'], '.', true)).toEqual([12345, 7500]);
    const mixed = columnNumbers([1200, 850, '12.345'], { fallback: '.' });
    expect(mixed.read('12.345')).toBe(12345);
    expect(mixed.decidedBy).toBe('whole-numbers');
  });

  it('US style decides too: $1,234.50 makes 2,000 two thousand and 0.5 a half', () => {
    expect(read(['$1,234.50', '2,000', '0.5', '(1,000)'], ',')).toEqual([1234.5, 2000, 0.5, -1000]);
  });

  it('a column nothing decides is read by the locale and every unclear cell is flagged', () => {
    const en = columnNumbers(['2.000', '15.000', '7'], { fallback: '.' });
    expect(en.decidedBy).toBe('locale');
    expect(en.read('2.000')).toBe(2);
    expect(en.isAmbiguous('2.000')).toBe(true);
    expect(en.isAmbiguous('7')).toBe(false);
    const ru = columnNumbers(['2.000', '15.000', '7,5'], { fallback: '.' });
    expect(ru.decidedBy).toBe('cells'); // 7,5 only fits a decimal comma
    expect(ru.read('15.000')).toBe(15000);
    expect(ru.isAmbiguous('15.000')).toBe(false);
  });

  it('locale tie-breakers: ru/de/fr write a decimal comma, en/zh a point', () => {
    expect(['ru_RU', 'de_DE', 'fr', 'uk_UA'].map(localeDecimal)).toEqual([',', ',', ',', ',']);
    expect(['en_US', 'zh_CN', 'ja_JP', undefined].map(localeDecimal)).toEqual(['.', '.', '.', '.']);
  });

  it("keeps the cell reader's answers for text that is not a number, errors and blanks", () => {
    const c = columnNumbers(['abc', '#N/A', '', '1,5'], { fallback: '.' });
    expect(c.read('abc')).toBeNaN();
    expect(c.read('#N/A')).toBe(Number.NEGATIVE_INFINITY);
    expect(c.read('')).toBe(0);
    expect(c.read('1,5')).toBe(1.5);
    expect(c.read(true)).toBeNaN();
  });
});

/** Formats a money amount (≤ 2 decimals) as an export in `style` would. */
function format(value: number, style: '.' | ',', group: boolean, currency: string): string {
  const cents = Math.round(Math.abs(value) * 100);
  const int = String(Math.floor(cents / 100));
  const frac = cents % 100;
  const sep = style === '.' ? ',' : '.';
  const intText = group ? int.replace(/\B(?=(\d{3})+(?!\d))/gu, sep) : int;
  const text = frac === 0 && cents % 3 === 0 ? intText : `${intText}${style}${String(frac).padStart(2, '0')}`;
  return `${value < 0 ? '-' : ''}${text}${currency}`;
}

describe('property: never silently misread', () => {
  it('every cell of a column written in one style reads as its value, or is flagged for the user', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -2_000_000, max: 50_000_000 }),
            fc.integer({ min: -1e8, max: 1e10 }).map((c) => c / 100),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.constantFrom('.', ',') as fc.Arbitrary<'.' | ','>,
        fc.boolean(),
        fc.constantFrom('', ' €', ' ₽', ' руб.'),
        fc.constantFrom('.', ',') as fc.Arbitrary<'.' | ','>,
        fc.boolean(),
        (values, style, group, currency, fallback, counts) => {
          const cells = values.map((v) => format(v, style, group, currency));
          const reader = columnNumbers(cells, { fallback, counts: counts && values.every(Number.isInteger) });
          cells.forEach((cell, i) => {
            const got = reader.read(cell);
            if (reader.isAmbiguous(cell)) return;
            expect(got, `${cell} in [${cells.join(' | ')}]`).toBeCloseTo(values[i], 6);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const mapping = aggregatedMapping(
  [
    ['Channel', 'channel'],
    ['Spend', 'spend'],
    ['Impressions', 'impressions'],
  ],
  { currency: 'EUR' },
);

describe('the aggregator reads measure columns as columns', () => {
  const rows = [
    ['Ads', '1.234,56 €', '1200'],
    ['Ads', '2.000 €', '12.345'],
    ['SEO', '15.000 €', 850],
    ['SEO', '999,90 €', '3 400'],
  ];

  it('sums to 19 234,46 and 17 795 impressions in an en_US spreadsheet', () => {
    const data = aggregate(mapping, rows, undefined, { locale: 'en_US' });
    expect(data.totals.measures.spend).toBeCloseTo(19234.46, 9);
    expect(data.totals.measures.impressions).toBe(1200 + 12345 + 850 + 3400);
    expect(data.warnings.filter((w) => w.code === 'numbers_ambiguous')).toEqual([]);
  });

  it('reports the cells only the locale decided, with their rows', () => {
    const data = aggregate(
      mapping,
      [
        ['Ads', '2.000', 1],
        ['Ads', '15.000', 2],
        ['SEO', '7', 3],
      ],
      undefined,
      { locale: 'ru_RU' },
    );
    expect(data.totals.measures.spend).toBe(17007);
    const w = data.warnings.find((x) => x.code === 'numbers_ambiguous');
    expect(w?.params).toMatchObject({ count: 2, rows: '2, 3', column: 'Spend', decimal: ',' });
  });

  it('CLI: the same column in a ;-separated export', () => {
    const csv = [
      'Канал;Расход;Показы;Лиды',
      'Ads;1.234,56 €;1200;3',
      'Ads;2.000 €;12.345;4',
      'SEO;15.000 €;850;5',
      'SEO;999,90 €;3 400;6',
    ].join('\n');
    const report = runReport(csv);
    expect(report.totals.spend).toBeCloseTo(19234.46, 9);
    expect(report.channels.find((c) => c.channel === 'Ads')?.spend).toBeCloseTo(3234.56, 9);
  });

  it("local Sheets runtime: a build from a de_DE-style text column gives the column's sums", () => {
    const wb = createWorkbook({ locale: 'en_US' });
    const table = [
      ['Channel', 'Spend', 'Impressions'],
      ["'Ads", "'1.234,56 €", "'1200"],
      ["'Ads", "'2.000 €", "'12.345"],
      ["'SEO", "'15.000 €", "'850"],
      ["'SEO", "'999,90 €", "'3 400"],
    ];
    const sheet = wb.addSheetFromRows('Data', table);
    const values = sheet.getDataRange().getValues();
    const det = detectSheet(values, undefined, { sheetName: 'Data', sheetId: sheet.getSheetId() });
    const result = buildDashboard(wb.services, { ...defaultMapping(det), options: { ...defaultMapping(det).options, dashboardName: 'D' } });
    const v = wb.snapshot(result.sheetName).values;
    const head = v.findIndex((r) => r[0] === 'Spend');
    expect(v[head + 1][0] as number).toBeCloseTo(19234.46, 6);
  });
});
