/** Builds one rectangular PlanBlock row by row, keeping all the parallel arrays the same shape. */
import { FORMAT } from './formats.js';
import type { PlanBlock, PlanCell } from './types.js';

export interface RowStyle {
  readonly formats?: readonly string[];
  readonly notes?: readonly string[];
  readonly bold?: boolean;
  readonly color?: string;
  /** Per-cell font colours (override `color`). */
  readonly colors?: readonly string[];
  readonly background?: string | null;
}

export const text = (v: string): PlanCell => ({ t: 's', v });
export const num = (v: number): PlanCell => ({ t: 'n', v: Number.isFinite(v) ? v : 0 });
export const formula = (v: string): PlanCell => ({ t: 'f', v });
/** Derived metrics: built-in functions only, blank instead of #DIV/0! when an input is zero or empty. */
export const safe = (expr: string): PlanCell => formula(`=IFERROR(${expr},"")`);

export class BlockBuilder {
  private readonly cells: PlanCell[][] = [];
  private readonly formats: string[][] = [];
  private readonly notes: string[][] = [];
  private readonly weights: ('bold' | 'normal')[][] = [];
  private readonly colors: string[][] = [];
  private readonly backgrounds: (string | null)[][] = [];

  constructor(
    readonly name: string,
    readonly row: number,
    readonly width: number,
  ) {}

  /** Sheet row the next added row lands on. */
  get nextRow(): number {
    return this.row + this.cells.length;
  }

  add(cells: readonly PlanCell[], style: RowStyle = {}): number {
    const at = this.nextRow;
    const pad = <T>(values: readonly T[] | undefined, fill: T): T[] => Array.from({ length: this.width }, (_, i) => values?.[i] ?? fill);
    this.cells.push(pad(cells, null));
    this.formats.push(pad(style.formats, FORMAT.general).map((f) => f || FORMAT.general));
    this.notes.push(pad(style.notes, ''));
    this.weights.push(pad<'bold' | 'normal'>([], style.bold ? 'bold' : 'normal'));
    this.colors.push(pad(style.colors, style.color ?? '#000000'));
    this.backgrounds.push(pad<string | null>([], style.background ?? null));
    return at;
  }

  build(): PlanBlock {
    return {
      name: this.name,
      row: this.row,
      column: 1,
      cells: this.cells,
      numberFormats: this.formats,
      notes: this.notes,
      fontWeights: this.weights,
      fontColors: this.colors,
      backgrounds: this.backgrounds,
    };
  }
}
