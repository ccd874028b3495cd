/**
 * Opens a user's own CSV/TSV or XLSX file as new tabs of the local workbook (`npm start -- --file x.csv`,
 * or a file dropped on the page), as File › Import › "Insert new sheet(s)" does in Sheets. Parsing is
 * papaparse and exceljs (dev dependencies of the local runtime, never in dist/Code.js).
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { basename, extname } from 'node:path';
import type { CellValue } from '../../src/core/values.js';

export interface ImportedSheet {
  readonly name: string;
  readonly rows: CellValue[][];
  /** Number formats from the file (XLSX), same shape as rows; '' = none. */
  readonly formats: string[][];
}

/** The engine holds every cell in memory; past this a local session gets slow, so stop with a message. */
export const MAX_IMPORT_CELLS = 2_000_000;

export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<ImportedSheet[]> {
  const ext = extname(fileName).toLowerCase();
  const base = basename(fileName, extname(fileName)).trim() || 'Import';
  if (ext === '.xlsx') return readXlsx(base, bytes);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '') return [readCsv(base, decodeText(bytes))];
  throw new Error(`${fileName}: only .csv, .tsv, .txt and .xlsx files can be opened (old .xls: save it as .xlsx first)`);
}

function checkSize(name: string, rows: readonly unknown[][]): void {
  const cells = rows.reduce((n, r) => n + r.length, 0);
  if (cells > MAX_IMPORT_CELLS)
    throw new Error(
      `${name}: ${cells.toLocaleString('en-US')} cells is more than this local runtime opens (${MAX_IMPORT_CELLS.toLocaleString('en-US')})`,
    );
}

export function readCsv(name: string, text: string): ImportedSheet {
  // Delimiter guessed among , ; tab | (Russian Excel writes `;`); quotes and embedded newlines handled.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows: CellValue[][] = parsed.data.map((r) => r.map((v) => v));
  checkSize(name, rows);
  return { name, rows, formats: [] };
}

/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 by its BOM, else the legacy code page the letters
 * fit best — windows-1251 (Russian Excel/1C exports) or GB18030 (Chinese ones).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const candidates = [
      { text: new TextDecoder('windows-1251').decode(bytes), letters: /[\u0400-\u04ff]/gu },
      { text: new TextDecoder('gb18030').decode(bytes), letters: /[\u4e00-\u9fff]/gu },
    ];
    const score = (c: (typeof candidates)[number]): number =>
      (c.text.match(c.letters)?.length ?? 0) - 4 * (c.text.match(/\uFFFD/gu)?.length ?? 0);
    return candidates.reduce((best, c) => (score(c) > score(best) ? c : best)).text;
  }
}

async function readXlsx(base: string, bytes: Uint8Array): Promise<ImportedSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: ImportedSheet[] = [];
  book.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    const formats: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: CellValue[] = [];
      const fmts: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellValue(cell.value);
        fmts[col - 1] = typeof cell.numFmt === 'string' ? cell.numFmt : '';
      });
      rows[rowNumber - 1] = Array.from(values, (v) => v ?? null);
      formats[rowNumber - 1] = Array.from(fmts, (f) => f ?? '');
    });
    const dense = Array.from(rows, (r) => r ?? []);
    checkSize(`${base} / ${ws.name}`, dense);
    sheets.push({
      name: book.worksheets.length > 1 ? `${base} – ${ws.name}` : base,
      rows: dense,
      formats: Array.from(formats, (f) => f ?? []),
    });
  });
  return sheets;
}

/** exceljs cell values → what a cell holds: formula results, rich text joined, hyperlinks as their text. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // exceljs reads a date cell as the UTC instant of its wall-clock fields; Sheets keeps the wall clock.
  if (v instanceof Date)
    return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds());
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return null;
}
