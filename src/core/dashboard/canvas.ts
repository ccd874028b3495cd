/**
 * The whole dashboard as one rectangle per attribute. Each Spreadsheet service call is a round trip
 * (50–150 ms in Apps Script), so the adapter writes values, number formats, notes, font weights, font
 * colours and backgrounds of every block with ONE call each, whatever the plan contains. Gaps between
 * blocks get the sheet's defaults, which is what a fresh or cleared sheet holds anyway.
 */
import { cellInput, type SheetInput } from './text.js';
import type { DashboardPlan, PlanBlock } from './types.js';

export const CANVAS_DEFAULTS = {
  value: '' as SheetInput,
  format: 'General',
  note: '',
  weight: 'normal' as 'bold' | 'normal',
  color: '#000000',
  /** null resets to no fill (Range.setBackgrounds documents null as "reset"). */
  background: null as string | null,
} as const;

export interface Canvas {
  /** 1-based top-left corner of the rectangle. */
  readonly row: number;
  readonly column: number;
  readonly height: number;
  readonly width: number;
  /** Range.setValues input: numbers, guarded text, and `=` formulas only where the plan says formula. */
  readonly values: SheetInput[][];
  readonly numberFormats: string[][];
  readonly notes: string[][];
  /** false: no cell has a note, so setNotes can be skipped. */
  readonly hasNotes: boolean;
  readonly fontWeights: ('bold' | 'normal')[][];
  readonly fontColors: string[][];
  readonly backgrounds: (string | null)[][];
}

/**
 * Range.setWraps input for the canvas: true on the given sheet rows. One call wraps every table's header
 * row, where a call per range would grow with the number of tables.
 */
export function canvasWraps(canvas: Canvas, rows: readonly number[]): boolean[][] | null {
  const inside = rows.filter((r) => r >= canvas.row && r < canvas.row + canvas.height);
  if (inside.length === 0) return null;
  const wraps = grid(canvas.height, canvas.width, false);
  for (const r of inside) wraps[r - canvas.row].fill(true);
  return wraps;
}

function grid<T>(height: number, width: number, fill: T): T[][] {
  const out: T[][] = new Array(height);
  for (let r = 0; r < height; r++) out[r] = new Array<T>(width).fill(fill);
  return out;
}

function extent(block: PlanBlock): { height: number; width: number } {
  return { height: block.cells.length, width: block.cells.reduce((w, r) => Math.max(w, r.length), 0) };
}

/**
 * Null when the plan has no cells. A later block overwrites an earlier one where their rectangles meet,
 * exactly as block-by-block writes did; two blocks both putting a value in one cell is a planner bug
 * (one value would be lost), so that throws.
 */
export function planCanvas(plan: Pick<DashboardPlan, 'blocks'>): Canvas | null {
  const blocks = plan.blocks.filter((b) => extent(b).height > 0 && extent(b).width > 0);
  if (blocks.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const b of blocks) {
    const { height, width } = extent(b);
    top = Math.min(top, b.row);
    left = Math.min(left, b.column);
    bottom = Math.max(bottom, b.row + height - 1);
    right = Math.max(right, b.column + width - 1);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values = grid<SheetInput>(height, width, CANVAS_DEFAULTS.value);
  const numberFormats = grid<string>(height, width, CANVAS_DEFAULTS.format);
  const notes = grid<string>(height, width, CANVAS_DEFAULTS.note);
  const fontWeights = grid<'bold' | 'normal'>(height, width, CANVAS_DEFAULTS.weight);
  const fontColors = grid<string>(height, width, CANVAS_DEFAULTS.color);
  const backgrounds = grid<string | null>(height, width, CANVAS_DEFAULTS.background);
  const owner = grid<string | null>(height, width, null);
  let hasNotes = false;
  for (const b of blocks) {
    for (let i = 0; i < b.cells.length; i++) {
      const r = b.row - top + i;
      const cells = b.cells[i];
      for (let j = 0; j < cells.length; j++) {
        const c = b.column - left + j;
        const taken = owner[r][c];
        if (taken !== null && cells[j] !== null)
          throw new Error(`dashboard plan: blocks "${taken}" and "${b.name}" both write row ${top + r}, column ${left + c}`);
        if (cells[j] !== null) owner[r][c] = b.name;
        values[r][c] = cellInput(cells[j]);
        numberFormats[r][c] = b.numberFormats[i]?.[j] || CANVAS_DEFAULTS.format;
        const note = b.notes[i]?.[j] ?? '';
        if (note !== '') hasNotes = true;
        notes[r][c] = note;
        fontWeights[r][c] = b.fontWeights[i]?.[j] ?? CANVAS_DEFAULTS.weight;
        fontColors[r][c] = b.fontColors[i]?.[j] ?? CANVAS_DEFAULTS.color;
        backgrounds[r][c] = b.backgrounds[i]?.[j] ?? CANVAS_DEFAULTS.background;
      }
    }
  }
  return { row: top, column: left, height, width, values, numberFormats, notes, hasNotes, fontWeights, fontColors, backgrounds };
}
