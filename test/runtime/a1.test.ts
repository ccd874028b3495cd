import { describe, expect, it } from 'vitest';
import { columnToLetters, lettersToColumn, parseA1, renderA1 } from '../../local/runtime/index.js';

describe('A1 notation (Range.getA1Notation / Sheet.getRange(a1))', () => {
  it('converts column numbers and letters both ways, including past Z', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(52)).toBe('AZ');
    expect(columnToLetters(703)).toBe('AAA');
    for (const n of [1, 25, 26, 27, 300, 702, 703, 18278]) expect(lettersToColumn(columnToLetters(n))).toBe(n);
  });

  it('parses cells, boxes, whole columns and whole rows', () => {
    expect(parseA1('A1')).toEqual({ row: 1, column: 1, lastRow: 1, lastColumn: 1 });
    expect(parseA1('B2:D10')).toEqual({ row: 2, column: 2, lastRow: 10, lastColumn: 4 });
    expect(parseA1('D10:B2')).toEqual({ row: 2, column: 2, lastRow: 10, lastColumn: 4 });
    expect(parseA1('$B$2:$C$3')).toEqual({ row: 2, column: 2, lastRow: 3, lastColumn: 3 });
    expect(parseA1('B:B')).toEqual({ row: 1, column: 2, lastRow: null, lastColumn: 2 });
    expect(parseA1('2:2')).toEqual({ row: 2, column: 1, lastRow: 2, lastColumn: null });
    expect(parseA1('A2:C')).toEqual({ row: 2, column: 1, lastRow: null, lastColumn: 3 });
  });

  it('keeps a quoted sheet name, with doubled quotes undone', () => {
    expect(parseA1("'Q1 data'!A1:B2")).toEqual({ sheetName: 'Q1 data', row: 1, column: 1, lastRow: 2, lastColumn: 2 });
    expect(parseA1("'It''s'!C3").sheetName).toBe("It's");
    expect(parseA1('Data!C3').sheetName).toBe('Data');
  });

  it('rejects text that is not a range', () => {
    for (const bad of ['', 'A0', '1A', 'A1:B2:C3', 'hello world', '=A1']) expect(() => parseA1(bad), bad).toThrow('Range not found');
  });

  it('renders one cell without a colon and blocks with one', () => {
    expect(renderA1(1, 1)).toBe('A1');
    expect(renderA1(2, 2, 9, 3)).toBe('B2:D10');
    expect(renderA1(5, 27, 1, 2)).toBe('AA5:AB5');
  });
});
