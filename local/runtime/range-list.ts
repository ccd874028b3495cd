/**
 * RangeList (Sheet.getRangeList): many A1 ranges of one sheet in one call. getRanges hands back the
 * Range objects, so a chart or conditional-format rule needs no Sheet.getRange call per range.
 */
import type { Document } from './document.js';
import type { RangeImpl } from './range.js';

export class RangeListImpl {
  constructor(
    private readonly doc: Document,
    private readonly ranges: readonly RangeImpl[],
  ) {}

  getRanges(): RangeImpl[] {
    return [...this.ranges];
  }
  setBackground(color: string | null): RangeListImpl {
    for (const r of this.ranges) r.setBackground(color);
    return this;
  }
  setFontWeight(weight: string | null): RangeListImpl {
    for (const r of this.ranges) r.setFontWeight(weight);
    return this;
  }
  setFontColor(color: string | null): RangeListImpl {
    for (const r of this.ranges) r.setFontColor(color);
    return this;
  }
  setNumberFormat(format: string): RangeListImpl {
    for (const r of this.ranges) r.setNumberFormat(format);
    return this;
  }
  setBorder(...args: unknown[]): RangeListImpl {
    for (const r of this.ranges) r.setBorder(...args);
    return this;
  }
  clear(): RangeListImpl {
    for (const r of this.ranges) r.clear();
    return this;
  }
}
