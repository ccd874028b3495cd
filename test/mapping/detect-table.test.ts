import { describe, expect, it } from 'vitest';
import { detectTable, CodedError } from '../../src/core/mapping/index.js';
import type { Matrix } from '../../src/core/values.js';

const codes = (t: { notes: readonly { code: string }[] }): string[] => t.notes.map((n) => n.code);

describe('detectTable', () => {
  it('finds a plain header in row 1 with data to the last row', () => {
    const values: Matrix = [
      ['Channel', 'Month', 'Spend'],
      ['Google', '2026-01', 100],
      ['SEO', '2026-01', 0],
    ];
    const t = detectTable(values);
    expect(t).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: 3, firstColumn: 1, lastColumn: 3 });
    expect(t.headers).toEqual(['Channel', 'Month', 'Spend']);
    expect(t.notes).toEqual([]);
  });

  it('skips a title row, a blank row and a period note; allows a blank column A; drops trailing blank rows and columns', () => {
    const values: Matrix = [
      ['Отчёт по рекламе за 2026', '', '', '', ''],
      ['', '', '', '', ''],
      ['', 'Период: 01.01.2026 – 31.12.2026', '', '', ''],
      ['', 'Канал', 'Месяц', 'Расход', ''],
      ['', 'Яндекс', '01.01.2026', '1 200,50', ''],
      ['', 'VK', '01.01.2026', 300, ''],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ];
    const t = detectTable(values);
    expect(t).toMatchObject({ headerRow: 4, firstDataRow: 5, lastDataRow: 6, firstColumn: 2, lastColumn: 4 });
    expect(codes(t)).toContain('title_rows_skipped');
    expect(t.notes.find((n) => n.code === 'title_rows_skipped')?.params).toEqual({ count: 2, headerRow: 4 });
  });

  // WeChat Pay and Alipay bills mark every cell as text, their totals label too ("`总计").
  it.each([['Итого'], ['Всего'], ['Total'], ['Grand total'], ['合计'], ['总计'], ['`总计'], ["'Итого"]])(
    'excludes a "%s" totals row at the bottom',
    (label) => {
      const values: Matrix = [
        ['Channel', 'Spend', 'Leads'],
        ['A', 10, 1],
        ['B', 20, 2],
        [label, 30, 3],
      ];
      const t = detectTable(values);
      expect(t.lastDataRow).toBe(3);
      expect(codes(t)).toContain('totals_row_excluded');
    },
  );

  it('excludes an unlabelled row whose numbers equal the column sums, but keeps one that does not', () => {
    const base: Matrix = [
      ['Channel', 'Spend', 'Leads'],
      ['A', 10, 1],
      ['B', 20, 2],
      ['C', 5, 4],
    ];
    expect(detectTable([...base, ['', 35, 7]]).lastDataRow).toBe(4);
    expect(detectTable([...base, ['', 36, 7]]).lastDataRow).toBe(5);
  });

  it('excludes a footnote under the table, then the totals row above it', () => {
    const values: Matrix = [
      ['Date', 'Campaign', 'Cost', 'Clicks'],
      ['2026-01-01', 'X', 1, 2],
      ['2026-01-02', 'Y', 3, 4],
      ['Total', '', 4, 6],
      ['* Cost includes VAT', '', '', ''],
    ];
    const t = detectTable(values);
    expect(t.lastDataRow).toBe(3);
    expect(codes(t)).toEqual(expect.arrayContaining(['totals_row_excluded', 'footer_rows_excluded']));
  });

  it('names blank headers after their column letter and reports duplicates', () => {
    const values: Matrix = [
      ['', '', 'Cost', 'Cost', '', 'Leads'],
      ['', '', 1, 2, 'x', 3],
    ];
    const t = detectTable(values);
    expect(t.firstColumn).toBe(3);
    expect(t.headers).toEqual(['Cost', 'Cost', 'Column E', 'Leads']);
    expect(codes(t)).toEqual(expect.arrayContaining(['blank_headers', 'duplicate_headers']));
  });

  it('accepts a sheet with only a header row', () => {
    const t = detectTable([['Канал', 'Расход', 'Лиды']]);
    expect(t).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: 1 });
    expect(codes(t)).toContain('no_data_rows');
  });

  it('refuses an empty sheet with a clear error', () => {
    expect(() => detectTable([])).toThrow(CodedError);
    expect(() =>
      detectTable([
        ['', null],
        [undefined, '  '],
      ]),
    ).toThrow(/empty/);
  });

  it('does not take a row of numbers for a header', () => {
    const values: Matrix = [
      [1, 2, 3],
      ['Channel', 'Spend', 'Leads'],
      ['A', 1, 2],
    ];
    expect(detectTable(values).headerRow).toBe(2);
  });

  it('uses display strings for header text when given', () => {
    const values: Matrix = [
      ['Spend', new Date(2026, 0, 1)],
      [1, 2],
    ];
    // A date header is data-like, so it needs two text cells; give a third.
    const t = detectTable(
      [
        [...values[0], 'Leads'],
        [...values[1], 3],
      ],
      [
        ['Spend', 'Jan 2026', 'Leads'],
        ['1', '2', '3'],
      ],
    );
    expect(t.headers).toEqual(['Spend', 'Jan 2026', 'Leads']);
  });
});

describe('totals rows never swallow records', () => {
  it('keeps a last record whose name merely starts with "Total"', () => {
    const values: Matrix = [
      ['ID', 'Company', 'Amount'],
      [1, 'Acme', 10],
      [2, 'Total Solutions LLC', 20],
    ];
    expect(detectTable(values).lastDataRow).toBe(3);
  });

  it('recognises "Total: Campaigns" and "Итого за март"', () => {
    for (const label of ['Total: Campaigns', 'Итого за март', 'ИТОГО:']) {
      const values: Matrix = [
        ['Campaign', 'Cost'],
        ['A', 1],
        ['B', 2],
        [label, 3],
      ];
      expect(detectTable(values).lastDataRow, label).toBe(3);
    }
  });
});
