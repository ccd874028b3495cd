import { describe, expect, it } from 'vitest';
import { createWorkbook, SHADOWED_BY_BUILTINS, spillRule } from '../../local/runtime/index.js';
import { ROMI } from '../../src/core/functions/library/romi.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';

function dataSheet() {
  const wb = createWorkbook();
  const sheet = wb.services.SpreadsheetApp.getActiveSheet();
  // Revenue, cost: ROMI = (revenue − cost) / cost → (1000−400)/400 = 1.5; (900−300)/300 = 2; cost 0 in a range → blank.
  sheet.getRange('A1:C4').setValues([
    ['Channel', 'Revenue', 'Cost'],
    ['Ads', 1000, 400],
    ['SEO', '900', 300],
    ['Meta', 500, 0],
  ]);
  return { wb, sheet };
}

describe('custom functions inside HyperFormula', () => {
  it('=ROMI(B2:B4, C2:C4) spills and equals ROMI.invoke on the same values', () => {
    const { sheet } = dataSheet();
    sheet.getRange('E2').setFormula('=ROMI(B2:B4, C2:C4)');
    const spilled = sheet.getRange('E2:E4').getValues();
    expect(spilled).toEqual([[1.5], [2], ['']]);
    expect(spilled).toEqual(ROMI.invoke([[1000], [900], [500]], [[400], [300], [0]]));
    // Only the anchor holds the formula, as in Sheets.
    expect(sheet.getRange('E2:E4').getFormulas()).toEqual([['=ROMI(B2:B4, C2:C4)'], [''], ['']]);
  });

  it('a value in the spill area blocks it (#REF!, as Sheets shows it) and clearing it lets it spill again', () => {
    const { wb, sheet } = dataSheet();
    sheet.getRange('E2').setFormula('=ROMI(B2:B3, C2:C3)');
    sheet.getRange('E3').setValue('typed over');
    expect(sheet.getRange('E2').getValue()).toBe('#REF!');
    expect(wb.snapshot('Sheet1').errors[1][4]).not.toBe('');
    sheet.getRange('E3').setValue('');
    expect(sheet.getRange('E2:E3').getValues()).toEqual([[1.5], [2]]);
  });

  it('scalars and optional arguments: =ROMI(B2, C2, 0.5) = (1000×0.5 − 400)/400', () => {
    const { sheet } = dataSheet();
    sheet.getRange('E1').setFormula('=ROMI(B2, C2, 0.5)');
    expect(sheet.getRange('E1').getValue()).toBeCloseTo(0.25, 12);
  });

  it('recomputes when an input changes', () => {
    const { sheet } = dataSheet();
    sheet.getRange('E2').setFormula('=ROMI(B2:B3, C2:C3)');
    sheet.getRange('C3').setValue(600);
    expect(sheet.getRange('E3').getValue()).toBeCloseTo(0.5, 12);
  });

  it('a thrown Error becomes #ERROR! carrying its message', () => {
    const { wb, sheet } = dataSheet();
    sheet.getRange('E1').setFormula('=ROMI(B4, C4)');
    expect(sheet.getRange('E1').getValue()).toBe('#ERROR!');
    let expected = '';
    try {
      ROMI.invoke(500, 0);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).toMatch(/^ROMI: /u);
    expect(wb.snapshot('Sheet1').errors[0][4]).toBe(expected);
  });

  it("missing or surplus arguments reach the declaration's own checks, as Sheets passes them", () => {
    const { wb, sheet } = dataSheet();
    sheet.getRange('E1:F1').setFormulas([['=ROMI()', '=ROMI(1, 2, 1, 4)']]);
    expect(sheet.getRange('E1:F1').getValues()).toEqual([['#ERROR!', '#ERROR!']]);
    const errors = wb.snapshot('Sheet1').errors[0];
    expect(errors[4]).toBe('ROMI: revenue is required');
    expect(errors[5]).toBe('ROMI: takes at most 3 arguments (revenue, marketing_cost, gross_margin), got 4');
  });

  it('error cells inside a range reach the function as their code (and the function names them)', () => {
    const { wb, sheet } = dataSheet();
    sheet.getRange('B3').setFormula('=NA()');
    sheet.getRange('E2').setFormula('=ROMI(B2:B3, C2:C3)');
    expect(sheet.getRange('E2').getValue()).toBe('#ERROR!');
    expect(wb.snapshot('Sheet1').errors[1][4]).toMatch(/^ROMI: .*#N\/A.*row 2/u);
  });

  it('the error text is in the spreadsheet’s locale (ru_RU)', () => {
    const wb = createWorkbook({ locale: 'ru_RU' });
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange('B2:B3').setValues([[9], [11]]);
    sheet.getRange('E1').setFormula('=NPS(B2:B3)');
    expect(sheet.getRange('E1').getValue()).toBe('#ERROR!');
    expect(wb.snapshot('Sheet1').errors[0][4]).toBe('NPS: scores должно быть целым числом от 0 до 10, получено 11 (строка 2 диапазона)');
  });

  it('a single error cell as an argument propagates its error without calling the function', () => {
    const { sheet } = dataSheet();
    sheet.getRange('B2').setFormula('=NA()');
    sheet.getRange('E2').setFormula('=ROMI(B2, C2)');
    expect(sheet.getRange('E2').getValue()).toBe('#N/A');
  });

  it('every registered function is known to the engine (no #NAME?) and none hides behind a built-in', () => {
    const { sheet } = dataSheet();
    expect(SHADOWED_BY_BUILTINS).toEqual([]);
    for (const fn of CUSTOM_FUNCTIONS) {
      sheet.getRange('H1').setFormula(`=${fn.name}()`);
      expect(sheet.getRange('H1').getValue(), fn.name).not.toBe('#NAME?');
    }
  });

  it('spill rules follow the declaration kind', () => {
    for (const fn of CUSTOM_FUNCTIONS) {
      const table = fn.name === 'ATTRIBUTION' || fn.name === 'COHORT_LTV';
      expect(spillRule(fn)).toBe(
        fn.kind === 'elementwise' ? 'like-ranges' : fn.name === 'FUNNEL' ? 'like-first-range' : table ? 'table' : 'scalar',
      );
    }
  });

  it('date-formatted cells reach a custom function as Dates', () => {
    const wb = createWorkbook();
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A2').setValues([[new Date(2026, 0, 15)], [3]]);
    const seen: unknown[][] = [];
    wb.setCustomFunctionInvoker((name, args) => {
      seen.push(args);
      return 0;
    });
    sheet.getRange('B1').setFormula('=ROMI(A1:A2, A1:A2)');
    const range = seen[0][0] as unknown[][];
    expect(range[0][0]).toBeInstanceOf(Date);
    expect((range[0][0] as Date).getDate()).toBe(15);
    expect(range[1][0]).toBe(3);
  });
});
