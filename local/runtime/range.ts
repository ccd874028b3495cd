/**
 * Range: reads and writes a block of one sheet. Values go through Sheets' user-entered parsing
 * (Document.parseValue), reads come back as Apps Script returns them (Dates, '' for blanks, error codes).
 */
import type { CellProps } from './cell-props.js';
import { shiftFormula } from './conditional-format.js';
import type { AppsValue, Document, SheetState } from './document.js';
import { renderA1 } from './a1.js';
import type { ParsedInput } from './user-input.js';
import type { SheetImpl } from './sheet.js';
import { asTextStyle, type TextStyleImpl } from './text-style.js';

type Grid<T> = T[][];

function isGrid(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Apps Script's own messages for bad coordinates. */
export function checkBounds(sheet: SheetState, row: number, column: number, numRows: number, numColumns: number): void {
  for (const [v, what] of [
    [row, 'row'],
    [column, 'column'],
    [numRows, 'numRows'],
    [numColumns, 'numColumns'],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`Cannot convert '${String(v)}' to int (${what}).`);
  }
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (column < 1) throw new Error('The starting column of the range is too small.');
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export class RangeImpl {
  constructor(
    private readonly doc: Document,
    readonly _sheet: SheetState,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  _ref(): { sheet: SheetState; row: number; column: number; numRows: number; numColumns: number } {
    return { sheet: this._sheet, row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns };
  }

  private read(mode: 'values' | 'display' | 'formulas'): (AppsValue | string)[][] {
    return this.doc.readBlock(this._sheet, this.row - 1, this.column - 1, this.numRows, this.numColumns, mode);
  }

  private checkShape(data: unknown, what: string): asserts data is unknown[][] {
    if (!isGrid(data))
      throw new Error(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private write(cells: ParsedInput[][]): void {
    this.doc.writeBlock(this._sheet, this.row - 1, this.column - 1, cells);
  }

  private fill<T>(value: T): Grid<T> {
    return Array.from({ length: this.numRows }, () => Array.from({ length: this.numColumns }, () => value));
  }

  private eachCell(fn: (row0: number, col0: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) fn(this.row - 1 + i, this.column - 1 + j, i, j);
  }

  private setProp<K extends keyof CellProps>(prop: K, value: CellProps[K] | null): RangeImpl {
    this.eachCell((r, c) => this._sheet.props.set(r, c, prop, value ?? undefined));
    return this;
  }

  private setProps<K extends keyof CellProps>(
    prop: K,
    values: unknown,
    what: string,
    convert: (v: unknown) => CellProps[K] | undefined,
  ): RangeImpl {
    this.checkShape(values, what);
    this.eachCell((r, c, i, j) => this._sheet.props.set(r, c, prop, convert(values[i][j])));
    return this;
  }

  private getProps<K extends keyof CellProps>(prop: K, fallback: NonNullable<CellProps[K]>): NonNullable<CellProps[K]>[][] {
    const out = this.fill(fallback);
    this.eachCell((r, c, i, j) => {
      out[i][j] = this._sheet.props.get(r, c)?.[prop] ?? fallback;
    });
    return out;
  }

  getValues(): (AppsValue | string)[][] {
    return this.read('values');
  }
  getValue(): AppsValue | string {
    return this.doc.readBlock(this._sheet, this.row - 1, this.column - 1, 1, 1, 'values')[0][0];
  }
  getDisplayValues(): string[][] {
    return this.read('display') as string[][];
  }
  getDisplayValue(): string {
    return this.doc.readBlock(this._sheet, this.row - 1, this.column - 1, 1, 1, 'display')[0][0] as string;
  }
  getFormulas(): string[][] {
    return this.read('formulas') as string[][];
  }
  getFormula(): string {
    return this.doc.readBlock(this._sheet, this.row - 1, this.column - 1, 1, 1, 'formulas')[0][0] as string;
  }

  setValues(values: unknown): RangeImpl {
    this.checkShape(values, 'setValues');
    this.write(values.map((row) => row.map((v) => this.doc.parseValue(v, false))));
    return this;
  }
  setValue(value: unknown): RangeImpl {
    const parsed = this.doc.parseValue(value, false);
    this.write(this.fill(parsed));
    return this;
  }
  setFormulas(formulas: unknown): RangeImpl {
    this.checkShape(formulas, 'setFormulas');
    this.write(formulas.map((row) => row.map((f) => this.doc.parseValue(f, true))));
    return this;
  }
  setFormula(formula: unknown): RangeImpl {
    const text = String(formula);
    // Like Sheets, a formula set on a block is adjusted cell by cell (relative references move).
    const cells = this.fill<ParsedInput>({ kind: 'blank' }).map((row, i) =>
      row.map((_, j) => this.doc.parseValue(i === 0 && j === 0 ? text : shiftFormula(text, i, j), true)),
    );
    this.write(cells);
    return this;
  }

  getNumberFormats(): string[][] {
    return this.getProps('numberFormat', 'General');
  }
  getNumberFormat(): string {
    return this._sheet.props.get(this.row - 1, this.column - 1)?.numberFormat ?? 'General';
  }
  setNumberFormat(format: string): RangeImpl {
    return this.setProp('numberFormat', String(format));
  }
  setNumberFormats(formats: unknown): RangeImpl {
    return this.setProps('numberFormat', formats, 'setNumberFormats', (v) => (v === null || v === undefined ? undefined : String(v)));
  }

  setNote(note: string | null): RangeImpl {
    return this.setProp('note', note === null || note === undefined ? undefined : String(note));
  }
  setNotes(notes: unknown): RangeImpl {
    return this.setProps('note', notes, 'setNotes', (v) => (v === null || v === undefined || v === '' ? undefined : String(v)));
  }
  getNote(): string {
    return this._sheet.props.get(this.row - 1, this.column - 1)?.note ?? '';
  }
  getNotes(): string[][] {
    return this.getProps('note', '');
  }

  setFontWeight(weight: string | null): RangeImpl {
    return this.setProp('fontWeight', weight === 'normal' ? undefined : (weight ?? undefined));
  }
  setFontWeights(weights: unknown): RangeImpl {
    return this.setProps('fontWeight', weights, 'setFontWeights', (v) => (v === 'bold' ? 'bold' : undefined));
  }
  getFontWeights(): string[][] {
    return this.getProps('fontWeight', 'normal');
  }
  setFontColor(color: string | null): RangeImpl {
    return this.setProp('fontColor', color ?? undefined);
  }
  setFontColors(colors: unknown): RangeImpl {
    return this.setProps('fontColor', colors, 'setFontColors', (v) => (v ? String(v) : undefined));
  }
  /** Bold and foreground colour per cell from TextStyle objects; an attribute a style leaves unset is kept. */
  setTextStyles(styles: unknown): RangeImpl {
    if (!Array.isArray(styles) || styles.length !== this.numRows) throw new Error('Invalid argument: textStyles');
    const parsed = styles.map((row: unknown) => {
      if (!Array.isArray(row) || row.length !== this.numColumns) throw new Error('Invalid argument: textStyles');
      return row.map((v: unknown) => {
        const style = asTextStyle(v);
        if (!style) throw new Error('Invalid argument: textStyles');
        return style;
      });
    });
    const keep = (values: string[][], pick: (s: TextStyleImpl) => string | null): (string | null)[][] =>
      parsed.map((row, i) => row.map((s, j) => pick(s) ?? values[i][j]));
    this.setFontWeights(keep(this.getFontWeights(), (s) => (s._bold === null ? null : s._bold ? 'bold' : 'normal')));
    return this.setFontColors(keep(this.getFontColors(), (s) => s._color));
  }
  getFontColors(): string[][] {
    return this.getProps('fontColor', '#000000');
  }
  setBackground(color: string | null): RangeImpl {
    return this.setProp('background', color ?? undefined);
  }
  setBackgrounds(colors: unknown): RangeImpl {
    return this.setProps('background', colors, 'setBackgrounds', (v) => (v ? String(v) : undefined));
  }
  getBackground(): string {
    return this._sheet.props.get(this.row - 1, this.column - 1)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.getProps('background', '#ffffff');
  }
  setHorizontalAlignment(alignment: string | null): RangeImpl {
    return this.setProp('horizontalAlignment', alignment ?? undefined);
  }
  setHorizontalAlignments(alignments: unknown): RangeImpl {
    return this.setProps('horizontalAlignment', alignments, 'setHorizontalAlignments', (v) => (v ? String(v) : undefined));
  }
  setWrap(wrap: boolean): RangeImpl {
    return this.setProp('wrap', wrap ? true : undefined);
  }
  setWraps(wraps: unknown): RangeImpl {
    return this.setProps('wrap', wraps, 'setWraps', (v) => (v === true ? true : undefined));
  }
  getWraps(): boolean[][] {
    return this.getProps('wrap', false);
  }
  setBorder(...args: unknown[]): RangeImpl {
    const on = args.slice(0, 6).some((a) => a === true);
    return this.setProp('border', on ? true : undefined);
  }
  /** Merged blocks that overlap this range, as ranges (Range.getMergedRanges). */
  getMergedRanges(): RangeImpl[] {
    const r1 = this.row + this.numRows - 1;
    const c1 = this.column + this.numColumns - 1;
    return this._sheet.merges
      .filter((m) => m.row <= r1 && m.row + m.numRows - 1 >= this.row && m.column <= c1 && m.column + m.numColumns - 1 >= this.column)
      .map((m) => this.doc.handles.range(this._sheet, m.row, m.column, m.numRows, m.numColumns));
  }
  merge(): RangeImpl {
    this._sheet.merges.push(this._ref());
    return this;
  }

  clear(): RangeImpl {
    this.clearContent();
    this.eachCell((r, c) => this._sheet.props.clear(r, c));
    return this;
  }
  clearContent(): RangeImpl {
    this.write(this.fill<ParsedInput>({ kind: 'blank' }));
    return this;
  }
  clearFormat(): RangeImpl {
    this.eachCell((r, c) => this._sheet.props.clear(r, c, ['note']));
    return this;
  }
  clearNote(): RangeImpl {
    return this.setProp('note', null);
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    return renderA1(this.row, this.column, this.numRows, this.numColumns);
  }
  getSheet(): SheetImpl {
    return this.doc.handles.sheet(this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeImpl {
    const row = this.row + rowOffset;
    const column = this.column + columnOffset;
    const nr = numRows ?? this.numRows;
    const nc = numColumns ?? this.numColumns;
    checkBounds(this._sheet, row, column, nr, nc);
    return this.doc.handles.range(this._sheet, row, column, nr, nc);
  }
  activate(): RangeImpl {
    this.doc.activeSheetId = this._sheet.id;
    return this;
  }
  isBlank(): boolean {
    return (
      this.read('values').every((row) => row.every((v) => v === '')) && this.read('formulas').every((row) => row.every((f) => f === ''))
    );
  }
}
