/**
 * What a cell carries besides its content: number format, note and the formatting the add-on sets.
 * Kept beside HyperFormula (which only knows content), keyed by 0-based row/column, and shifted when
 * rows or columns are inserted or deleted so formats stay with their cells.
 */

export interface CellProps {
  numberFormat?: string;
  note?: string;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  border?: boolean;
}

export class CellPropsStore {
  private cells = new Map<string, CellProps>();

  private static key(row: number, col: number): string {
    return `${row},${col}`;
  }

  get(row: number, col: number): CellProps | undefined {
    return this.cells.get(CellPropsStore.key(row, col));
  }

  set<K extends keyof CellProps>(row: number, col: number, prop: K, value: CellProps[K] | undefined): void {
    const key = CellPropsStore.key(row, col);
    const current = this.cells.get(key);
    if (value === undefined || value === '' || value === null) {
      if (!current) return;
      delete current[prop];
      if (Object.keys(current).length === 0) this.cells.delete(key);
      return;
    }
    if (current) current[prop] = value;
    else this.cells.set(key, { [prop]: value });
  }

  clear(row: number, col: number, keep?: (keyof CellProps)[]): void {
    const key = CellPropsStore.key(row, col);
    if (!keep) {
      this.cells.delete(key);
      return;
    }
    const current = this.cells.get(key);
    if (!current) return;
    for (const p of Object.keys(current) as (keyof CellProps)[]) if (!keep.includes(p)) delete current[p];
  }

  clearAll(): void {
    this.cells.clear();
  }

  /** Moves every cell at or after `index` along one axis by `delta`; cells in a deleted span are dropped. */
  shift(axis: 'row' | 'col', index: number, delta: number): void {
    const next = new Map<string, CellProps>();
    for (const [key, props] of this.cells) {
      const [r, c] = key.split(',').map(Number);
      const pos = axis === 'row' ? r : c;
      let moved = pos;
      if (delta < 0 && pos >= index && pos < index - delta) continue;
      if (pos >= index) moved = pos + delta;
      next.set(axis === 'row' ? CellPropsStore.key(moved, c) : CellPropsStore.key(r, moved), props);
    }
    this.cells = next;
  }

  entries(): IterableIterator<[string, CellProps]> {
    return this.cells.entries();
  }
}
