import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime/index.js';

function setup() {
  const wb = createWorkbook();
  const ss = wb.services.SpreadsheetApp.getActiveSpreadsheet();
  return { wb, ss, sheet: ss.getSheets()[0] };
}

describe('Range geometry (developers.google.com/apps-script/reference/spreadsheet/range)', () => {
  it('getRange by numbers and by A1 describe the same block', () => {
    const { sheet } = setup();
    const byNumbers = sheet.getRange(2, 3, 4, 2);
    expect(byNumbers.getA1Notation()).toBe('C2:D5');
    const byA1 = sheet.getRange('C2:D5');
    expect([byA1.getRow(), byA1.getColumn(), byA1.getNumRows(), byA1.getNumColumns(), byA1.getLastRow(), byA1.getLastColumn()]).toEqual([
      2, 3, 4, 2, 5, 4,
    ]);
    expect(sheet.getRange('B:B').getNumRows()).toBe(sheet.getMaxRows());
    expect(sheet.getRange('2:2').getNumColumns()).toBe(sheet.getMaxColumns());
  });

  it('offset moves and optionally resizes', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3').offset(1, 2);
    expect(r.getA1Notation()).toBe('D3:E4');
    expect(sheet.getRange('B2').offset(0, 0, 3, 2).getA1Notation()).toBe('B2:C4');
    expect(() => sheet.getRange('A1').offset(-1, 0)).toThrow('The starting row of the range is too small.');
  });

  it('rejects coordinates outside the sheet with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('a sheet-qualified A1 on the spreadsheet reaches that sheet', () => {
    const { wb, ss } = setup();
    wb.addSheetFromRows('Q1 data', [
      ['a', 'b'],
      [1, 2],
    ]);
    expect(ss.getRange("'Q1 data'!A2:B2").getValues()).toEqual([[1, 2]]);
    expect(ss.getRange("'Q1 data'!A2").getSheet().getName()).toBe('Q1 data');
  });
});

describe('setValues / getValues', () => {
  it('dimension mismatch throws the Apps Script message and writes nothing', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('round-trips numbers, text, booleans; blanks read as empty strings', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D2').setValues([
      [1.5, 'text', true, null],
      ['', -3, false, 'x'],
    ]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      [1.5, 'text', true, ''],
      ['', -3, false, 'x'],
    ]);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D2');
  });

  it('a Date comes back as a Date of the same calendar day, stored with a date format', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date(2026, 2, 1));
    const v = sheet.getRange('A1').getValue();
    expect(v).toBeInstanceOf(Date);
    const d = v as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 2, 1]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-01');
    // A number format makes the same serial a number again: 2026-03-01 is serial 46082.
    sheet.getRange('A1').setNumberFormat('0');
    expect(sheet.getRange('A1').getValue()).toBe(46082);
  });

  it('setValue on a block fills every cell; clearContent keeps formats, clear drops them', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    r.setValue(7).setNumberFormat('0.00');
    expect(r.getDisplayValues()).toEqual([
      ['7.00', '7.00'],
      ['7.00', '7.00'],
    ]);
    r.clearContent();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r.getNumberFormats()).toEqual([
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    r.clear();
    expect(r.getNumberFormats()).toEqual([
      ['General', 'General'],
      ['General', 'General'],
    ]);
  });
});

describe('user-entered parsing (what Sheets does with typed text and setValues strings)', () => {
  it('numeric strings become numbers; other text stays text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['123', '1,234.5', '15%', '$1,234.50', '1 234,56 ₽']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[123, 1234.5, 0.15, 1234.5, '1 234,56 ₽']]);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('15%');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('$1,234.50');
  });

  it('a ru_RU spreadsheet reads "1 234,56" and "01.03.2026" the Russian way', () => {
    const wb = createWorkbook({ locale: 'ru_RU' });
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C1').setValues([['1 234,56', '01.03.2026', '1,234.5']]);
    const [[n, d, t]] = sheet.getRange('A1:C1').getValues();
    expect(n).toBe(1234.56);
    expect((d as Date).getMonth()).toBe(2);
    expect(t).toBe('1,234.5');
  });

  it('=... is a formula; a leading apostrophe keeps literal text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=1+2', "'=1+2"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[3, '=1+2']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+2', '']]);
  });

  it('formula injection: +cmd, -cmd and @cmd are taken as formulas and evaluate to errors', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['+cmd', '-cmd', '@cmd', '-2+3']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['=+cmd', '=-cmd', '=@cmd', '=-2+3']]);
    const [[a, b, c, d]] = sheet.getRange('A1:D1').getValues();
    for (const v of [a, b, c]) expect(String(v)).toMatch(/^#(NAME\?|ERROR!)$/u);
    expect(d).toBe(1);
    // The defence the generator must use: the apostrophe escape keeps it inert text.
    sheet.getRange('A2').setValue("'+cmd");
    expect(sheet.getRange('A2').getValue()).toBe('+cmd');
    expect(sheet.getRange('A2').getFormula()).toBe('');
  });

  it('text over the 50,000-character cell limit is refused like Sheets', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow('more than the maximum of 50000 characters');
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue()).length).toBe(50_000);
  });

  it('markup is just text: getValues returns it unchanged', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('<img src=x onerror=alert(1)>');
    expect(sheet.getRange('A1').getValue()).toBe('<img src=x onerror=alert(1)>');
  });

  it('workbook.setCell types like a user', () => {
    const { wb, sheet } = setup();
    wb.setCell('Sheet1', 'B2', '=A1*2');
    wb.setCell('Sheet1', 'A1', '21');
    expect(sheet.getRange('B2').getValue()).toBe(42);
  });
});

describe('formulas', () => {
  it('recompute after every write', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    sheet.getRange('A2').setValue(20);
    expect(sheet.getRange('B1').getValue()).toBe(24);
  });

  it('dashboard functions work: SUMIFS, IFERROR, IF, ROUND, AVERAGE, INDEX/MATCH, TRUE/FALSE', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['Ads', 100],
      ['SEO', 50],
      ['Ads', 25],
      ['Meta', 0],
    ]);
    sheet
      .getRange('C1:C7')
      .setFormulas([
        ['=SUMIFS(B1:B4, A1:A4, "Ads")'],
        ['=IFERROR(B1/B4, "n/a")'],
        ['=IF(B2>40, "big", "small")'],
        ['=ROUND(2/3, 2)'],
        ['=AVERAGE(B1:B4)'],
        ['=INDEX(B1:B4, MATCH("Meta", A1:A4, 0))'],
        ['=IF(TRUE, 1, 0)'],
      ]);
    expect(
      sheet
        .getRange('C1:C7')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([125, 'n/a', 'big', 0.67, 43.75, 0, 1]);
  });

  it('a formula that yields a date reads as a Date and displays as one', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=DATE(2026, 1, 2)');
    const v = sheet.getRange('A1').getValue() as Date;
    expect([v.getFullYear(), v.getMonth(), v.getDate()]).toEqual([2026, 0, 2]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/2/2026');
  });

  it('errors read as their codes; unknown functions such as SPARKLINE give #NAME?', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:C1').setFormulas([['=1/0', '=SPARKLINE(A2:A5)', '=NA()']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#DIV/0!', '#NAME?', '#N/A']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['#DIV/0!', '#NAME?', '#N/A']]);
    expect(wb.snapshot('Sheet1').errors[0][1]).toContain('SPARKLINE');
  });

  it('cross-sheet references survive renaming the referenced sheet', () => {
    const { wb, ss, sheet } = setup();
    const data = wb.addSheetFromRows('Data', [[10], [32]]);
    sheet.getRange('A1').setFormula('=SUM(Data!A1:A2)');
    data.setName('Raw data');
    expect(sheet.getRange('A1').getFormula()).toBe("=SUM('Raw data'!A1:A2)");
    data.getRange('A1').setValue(20);
    expect(sheet.getRange('A1').getValue()).toBe(52);
    expect(ss.getSheetByName('Data')).toBeNull();
    ss.deleteSheet(data);
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });

  it('inserting and deleting rows/columns shifts cells, formats and references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A3').setNumberFormat('0.00');
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.insertRowsAfter(1, 2);
    expect(
      sheet
        .getRange('A1:A5')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([1, '', '', 2, 3]);
    expect(sheet.getRange('A5').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRow(4);
    expect(sheet.getRange('B1').getValue()).toBe(4);
    sheet.insertColumnsAfter(0 + 1, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A4)');
    sheet.deleteColumn(1);
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });
});

describe('sheet properties', () => {
  it('notes, frozen rows/columns, widths, tab colour, hiding', () => {
    const { wb, ss, sheet } = setup();
    sheet.getRange('A1').setNote('Revenue from CRM');
    sheet.getRange('B1:C1').setNotes([['n1', '']]);
    expect(sheet.getRange('A1:C1').getNotes()).toEqual([['Revenue from CRM', 'n1', '']]);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.setColumnWidths(1, 2, 150);
    sheet.setColumnWidth(3, 80);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(3), sheet.getColumnWidth(4)]).toEqual([
      150, 150, 80, 100,
    ]);
    sheet.getRange('A1').setValue('a fairly long header text');
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(150);
    const other = ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => other.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const snap = wb.snapshot('Sheet1');
    expect(snap.notes[0][0]).toBe('Revenue from CRM');
    expect([snap.frozenRows, snap.frozenColumns]).toEqual([1, 2]);
  });

  it('insertSheet rejects a duplicate name like Apps Script; ids are stable', () => {
    const { ss } = setup();
    const a = ss.insertSheet('Dashboard');
    expect(() => ss.insertSheet('dashboard')).toThrow('A sheet with the name "dashboard" already exists. Please enter another name.');
    expect(ss.getSheetById(a.getSheetId())?.getName()).toBe('Dashboard');
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
    expect(a.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Dashboard');
    expect(createWorkbook().services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('X').getSheetId()).toBe(a.getSheetId());
  });

  it('styles are recorded per cell and shown in the snapshot', () => {
    const { wb, sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['h1', 'h2']])
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setFontColor('#333333')
      .setHorizontalAlignment('center');
    sheet.getRange('A1:B1').merge();
    const snap = wb.snapshot('Sheet1');
    expect(snap.fontWeights[0]).toEqual(['bold', 'bold']);
    expect(snap.backgrounds[0]).toEqual(['#eeeeee', '#eeeeee']);
    expect(snap.alignments[0]).toEqual(['center', 'center']);
    expect(snap.merges).toEqual(['A1:B1']);
  });
});
