/**
 * A1 notation as Sheets writes it: `B2:D10`, `B:B` (whole columns), `2:2` (whole rows), `A1`, optionally
 * prefixed by a sheet name (`'Q1 data'!A1:B2`). Rows and columns here are 1-based, as in Apps Script.
 */
import { columnLetters, columnNumber } from '../../src/core/a1.js';

export interface A1Range {
  /** Sheet name when the text carried one (quotes removed). */
  readonly sheetName?: string;
  readonly row: number;
  readonly column: number;
  /** null = to the end of the sheet (`B:B` has no last row, `2:2` no last column). */
  readonly lastRow: number | null;
  readonly lastColumn: number | null;
}

/** Strict: a bad column number is a bug in the runtime or its caller, so it throws. */
export function columnToLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new Error(`local runtime: bad column number ${column}`);
  return columnLetters(column);
}

export const lettersToColumn = columnNumber;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u;
const COLUMN = /^\$?([A-Za-z]{1,3})$/u;
const ROW = /^\$?(\d+)$/u;

/** Splits `'It''s'!A1` into the unquoted sheet name and the reference. */
function splitSheet(text: string): { sheetName?: string; ref: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/gu, "'");
  return { sheetName: name, ref: text.slice(bang + 1) };
}

/** Parses A1 notation; throws the Apps Script error for text that is not a range. */
export function parseA1(text: string): A1Range {
  const { sheetName, ref } = splitSheet(text.trim());
  const [a, b, ...rest] = ref.split(':');
  const fail = (): never => {
    throw new Error(`Range not found`);
  };
  if (rest.length > 0 || a === undefined || a === '') fail();
  const second = b ?? a;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(second);
  let range: Omit<A1Range, 'sheetName'> | undefined;
  if (m1 && m2) {
    range = box(+m1[2], lettersToColumn(m1[1]), +m2[2], lettersToColumn(m2[1]));
  } else if (b !== undefined && (m1 = COLUMN.exec(a)) && (m2 = COLUMN.exec(b))) {
    const c1 = lettersToColumn(m1[1]);
    const c2 = lettersToColumn(m2[1]);
    range = { row: 1, column: Math.min(c1, c2), lastRow: null, lastColumn: Math.max(c1, c2) };
  } else if (b !== undefined && (m1 = ROW.exec(a)) && (m2 = ROW.exec(b))) {
    range = { row: Math.min(+m1[1], +m2[1]), column: 1, lastRow: Math.max(+m1[1], +m2[1]), lastColumn: null };
  } else if (b !== undefined && (m1 = CELL.exec(a)) && (m2 = COLUMN.exec(b))) {
    // `A2:B` — from a cell down to the end of the column.
    const c1 = lettersToColumn(m1[1]);
    const c2 = lettersToColumn(m2[1]);
    range = { row: +m1[2], column: Math.min(c1, c2), lastRow: null, lastColumn: Math.max(c1, c2) };
  }
  if (!range || range.row < 1 || (range.lastRow !== null && range.lastRow < 1)) return fail();
  return sheetName === undefined ? range : { sheetName, ...range };
}

function box(r1: number, c1: number, r2: number, c2: number): Omit<A1Range, 'sheetName'> {
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
}

/** `A1` for one cell, `A1:B2` otherwise — what Range.getA1Notation returns. */
export function renderA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** A sheet name as a formula must quote it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}
