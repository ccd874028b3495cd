import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { decodeText, readCsv, readTableFile } from '../../local/server/import-file.js';
import { addImported } from '../../local/server/session.js';
import { createWorkbook } from '../../local/runtime/index.js';

describe('opening your own file in npm start', () => {
  it('CSV: `;`-separated Russian Excel export in windows-1251, quotes and newlines inside cells', () => {
    const text = 'Дата;Канал;Расход\r\n01.02.2026;"Яндекс; Директ";"1 200,50"\r\n02.02.2026;"две\nстроки";300\r\n';
    const cp1251 = Uint8Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
    });
    expect(decodeText(cp1251)).toBe(text);
    const sheet = readCsv('Расходы', decodeText(cp1251));
    expect(sheet.rows).toEqual([
      ['Дата', 'Канал', 'Расход'],
      ['01.02.2026', 'Яндекс; Директ', '1 200,50'],
      ['02.02.2026', 'две\nстроки', '300'],
    ]);
    // Into a ru_RU workbook: numbers and dates read as typed there, header row frozen.
    const wb = createWorkbook({ locale: 'ru_RU' });
    expect(addImported(wb, [sheet])).toEqual(['Расходы']);
    const snap = wb.snapshot('Расходы');
    expect(snap.values[1][2]).toBe(1200.5);
    expect(snap.values[1][0]).toBeInstanceOf(Date);
    expect(snap.frozenRows).toBe(1);
  });

  it('XLSX via exceljs: numbers, dates, formula results and rich text; formula-looking text stays text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Leads');
    ws.addRow(['Date', 'Channel', 'Spend', 'Note']);
    ws.addRow([new Date(Date.UTC(2026, 0, 5)), 'Google Ads', 1200.5, '=cmd|calc']);
    ws.getCell('C3').value = { formula: 'C2*2', result: 2401 };
    ws.getCell('B3').value = { richText: [{ text: 'Meta ' }, { text: 'Ads' }] };
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const sheets = await readTableFile('export.xlsx', bytes);
    expect(sheets.map((s) => s.name)).toEqual(['export']);
    const wb = createWorkbook();
    addImported(wb, sheets);
    addImported(wb, sheets);
    expect(wb.sheetNames()).toEqual(['Sheet1', 'export', 'export (2)']);
    const snap = wb.snapshot('export');
    expect((snap.values[1][0] as Date).getDate()).toBe(5);
    expect(snap.values[1][2]).toBe(1200.5);
    expect(snap.values[1][3]).toBe('=cmd|calc');
    expect(snap.formulas[1][3]).toBe('');
    expect(snap.values[2].slice(1, 3)).toEqual(['Meta Ads', 2401]);
    await expect(readTableFile('old.xls', bytes)).rejects.toThrow(/save it as \.xlsx/u);
  });
});
