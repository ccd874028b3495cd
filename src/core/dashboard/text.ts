/**
 * Writing user text safely. Range.setValues parses strings like typed input: `=…` becomes a formula
 * (`=IMPORTXML(...)` in a channel name would fetch URLs), `+cmd`/`-2+3`/`@SUM(A1)` are read as formulas
 * too, `2026-03` becomes a date and `1,5` a number. A leading apostrophe makes Sheets store the rest as
 * text and hides the apostrophe, so every such string gets one.
 */
import { parseNumberText } from '../values.js';
import type { PlanBlock, PlanCell } from './types.js';

const FORMULA_LEAD = /^[=+\-@'\t\r\n]/u;

export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  return (
    FORMULA_LEAD.test(text) || /^\s*[\d.,(]/u.test(text) || /^(true|false)$/iu.test(text.trim()) || parseNumberText(text) !== undefined
  );
}

export function sheetText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}

export type SheetInput = string | number;

/** What Range.setValues receives for one cell. */
export function cellInput(cell: PlanCell): SheetInput {
  if (cell === null) return '';
  switch (cell.t) {
    case 'n':
      return cell.v;
    case 's':
      return sheetText(cell.v);
    case 'f':
      return cell.v;
  }
}

export function blockInputs(block: PlanBlock): SheetInput[][] {
  return block.cells.map((row) => row.map(cellInput));
}
