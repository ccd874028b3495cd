/**
 * Formula syntax per spreadsheet locale. Google: the spreadsheet's locale "affects … formatting details
 * such as functions, dates, and currency" (Sheets Help, "Set a spreadsheet's location & calculation
 * settings", https://support.google.com/docs/answer/58515); in decimal-comma locales arguments are
 * separated by `;`, decimals written with `,` and array columns with `\` (worked examples:
 * https://www.benlcollins.com/spreadsheets/sheets-location/). Apps Script's setFormula/getFormula keep the
 * en_US form whatever the locale, so only typing in the grid and the formula bar change.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, formulaFromLocale, formulaToLocale, numberLocale } from '../../local/runtime/index.js';

const en = numberLocale('en_US');
const ru = numberLocale('ru_RU');

describe('formula syntax of the spreadsheet locale', () => {
  it('ru_RU: `;` between arguments, `,` in numbers, `\\` between array columns', () => {
    expect(formulaFromLocale('=ROMI(2000000; C2)', ru)).toBe('=ROMI(2000000, C2)');
    expect(formulaFromLocale('=ROMI(2000000;C2;0,4)', ru)).toBe('=ROMI(2000000,C2,0.4)');
    expect(formulaFromLocale('={1\\2;3\\4}', ru)).toBe('={1,2;3,4}');
    // Text and sheet names are never touched; a cell reference's digits are not a number.
    expect(formulaFromLocale('=IF(A1>0,5;"a;b,c";\'Лист; 1,2\'!B2)', ru)).toBe('=IF(A1>0.5,"a;b,c",\'Лист; 1,2\'!B2)');
    expect(formulaToLocale('=ROMI(2000000,C2,0.4)', ru)).toBe('=ROMI(2000000;C2;0,4)');
    expect(formulaToLocale('={1,2;3,4}', ru)).toBe('={1\\2;3\\4}');
    expect(formulaToLocale('=CONCAT("1.5, 2",Sheet1.5)', ru)).toBe('=CONCAT("1.5, 2";Sheet1.5)');
  });

  it('en_US: `,` stays, a typed `;` between arguments is corrected to `,` (not inside an array)', () => {
    expect(formulaFromLocale('=SUM(1;2)', en)).toBe('=SUM(1,2)');
    expect(formulaFromLocale('={1,2;3,4}', en)).toBe('={1,2;3,4}');
    expect(formulaToLocale('=SUM(1.5,2)', en)).toBe('=SUM(1.5,2)');
  });

  it('the grid of a ru_RU spreadsheet accepts =ROMI(2000000; C2) and getFormula returns the en_US form', () => {
    const wb = createWorkbook({ locale: 'ru_RU' });
    wb.setCell('Sheet1', 'C2', '3000000');
    wb.setCell('Sheet1', 'D2', '=ROMI(C2; 2000000; 0,5)');
    const sheet = wb.spreadsheet.getSheetByName('Sheet1')!;
    expect(sheet.getRange('D2').getFormula()).toBe('=ROMI(C2, 2000000, 0.5)');
    expect(sheet.getRange('D2').getValue()).toBeCloseTo((3000000 * 0.5 - 2000000) / 2000000);
    expect(wb.formulaForDisplay(sheet.getRange('D2').getFormula())).toBe('=ROMI(C2; 2000000; 0,5)');
  });
});
