/** A rectangular block of one sheet, 1-based like Apps Script; what charts and rules keep of a Range. */
import type { SheetState } from './document.js';
import { renderA1 } from './a1.js';

export interface BlockRef {
  readonly sheet: SheetState;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export function blockA1(ref: BlockRef): string {
  return renderA1(ref.row, ref.column, ref.numRows, ref.numColumns);
}
