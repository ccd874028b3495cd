/**
 * Re-finding a saved table at build time. The saved binding fixes the header row and the columns; the
 * bottom is found again on every build, so rows a user appends below the data — above or below a totals
 * row, or after deleting it — are counted. Rows the bottom scan excludes (totals, footnotes) are reported,
 * never dropped silently. Pure: the adapter hands in one block of cell values.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { isBlank, type CellValue, type Matrix } from '../values.js';
import { isFootnoteRow, isTotalsRow } from './detect-table.js';
import type { TableBinding } from './types.js';

export interface RefoundTable {
  /** Sheet rows firstDataRow…lastDataRow; excluded rows in between are blanked (so row numbers hold). */
  readonly rows: Matrix;
  /** 1-based sheet row of the last data row found now (headerRow when there are none). */
  readonly lastDataRow: number;
  readonly notes: readonly ValidationIssue[];
}

/**
 * `block` holds the table's mapped columns from sheet row 1 down to the sheet's last row with content
 * (block[0] is row 1, block[r][0] is the table's firstColumn).
 */
export function refindTable(table: TableBinding, block: Matrix, label: 'source' | 'costs' | 'survey'): RefoundTable {
  const width = table.lastColumn - table.firstColumn + 1;
  const start = table.firstDataRow - 1;
  const notes: ValidationIssue[] = [];
  let end = block.length - 1;
  const totals: number[] = [];
  let footnotes = 0;
  // Bottom: blank rows, footnotes and totals lines, repeatedly (a total may sit under a note or another total).
  while (end >= start) {
    if (isBlankLine(block[end], width)) end--;
    else if (end > start && isFootnoteRow(block, end, 0, width - 1)) {
      footnotes++;
      end--;
    } else if (end > start && isTotalsRow(block, start, end, 0, width - 1)) {
      totals.push(end + 1);
      end--;
    } else break;
  }
  const rows = block.slice(start, end + 1).map((r) => r.slice(0, width));
  // Rows below the saved bottom: an old totals line now has data under it, so it sits inside the table.
  const savedEnd = table.lastDataRow === null ? end : Math.min(table.lastDataRow - 1, end);
  for (let r = Math.max(savedEnd + 1, start + 2); r <= end; r++) {
    if (isBlankLine(block[r], width) || !isTotalsRow(block, start, r, 0, width - 1)) continue;
    totals.push(r + 1);
    rows[r - start] = rows[r - start].map(() => null);
  }
  if (totals.length > 0) {
    const list = totals.sort((a, b) => a - b).join(', ');
    notes.push(issue('info', 'totals_row_excluded', { rows: list, count: totals.length, table: label }));
  }
  if (footnotes > 0) {
    notes.push(issue('info', 'footer_rows_excluded', { count: footnotes, table: label }));
  }
  const lastDataRow = Math.max(end + 1, table.headerRow);
  if (table.lastDataRow !== null && lastDataRow > table.lastDataRow) {
    notes.push(
      issue('info', 'table_grew', { from: table.lastDataRow + 1, to: lastDataRow, count: lastDataRow - table.lastDataRow, table: label }),
    );
  }
  return { rows, lastDataRow, notes };
}

function isBlankLine(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return true;
  for (let c = 0; c < width; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * Where the saved header row is now, when it is no longer at table.headerRow: the first row of the block
 * whose cells carry every mapped header in its column. null when no row does (columns changed instead).
 */
export function findMovedHeader(table: TableBinding, block: Matrix): number | null {
  const mapped = table.columns.filter((c) => c.role !== 'ignore');
  if (mapped.length === 0) return null;
  for (let r = 0; r < block.length; r++) {
    if (r + 1 === table.headerRow) continue;
    const row = block[r];
    if (mapped.every((c) => sameText(row?.[c.index], c.header))) return r + 1;
  }
  return null;
}

function sameText(value: CellValue | undefined, header: string): boolean {
  if (value === null || value === undefined || typeof value === 'object') return false;
  const norm = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return norm(String(value)) === norm(header);
}
