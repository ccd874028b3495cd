/** ConditionalFormatRuleBuilder / ConditionalFormatRule for the subset the dashboard uses. */
import type { Document } from './document.js';
import type { ConditionalRuleState, Criterion } from './conditional-format.js';
import type { BlockRef } from './ranges-ref.js';
import type { RangeImpl } from './range.js';

function finite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Invalid argument: ${what}`);
  return value;
}

export class ConditionalFormatRuleBuilderImpl {
  private criterion: Criterion | null;
  private ranges: BlockRef[];
  private fontColor: string | null;
  private background: string | null;

  constructor(
    private readonly doc: Document,
    from?: ConditionalRuleState,
  ) {
    this.criterion = from?.criterion ?? null;
    this.ranges = from ? [...from.ranges] : [];
    this.fontColor = from?.fontColor ?? null;
    this.background = from?.background ?? null;
  }

  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderImpl {
    this.criterion = { type: 'NUMBER_LESS_THAN', value: finite(number, 'number') };
    return this;
  }
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilderImpl {
    this.criterion = { type: 'NUMBER_GREATER_THAN', value: finite(number, 'number') };
    return this;
  }
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilderImpl {
    this.criterion = { type: 'NUMBER_BETWEEN', low: finite(start, 'start'), high: finite(end, 'end') };
    return this;
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderImpl {
    const text = String(formula);
    if (!text.startsWith('=')) throw new Error('Invalid argument: formula');
    this.criterion = { type: 'CUSTOM_FORMULA', formula: text };
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilderImpl {
    this.fontColor = color;
    return this;
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilderImpl {
    this.background = color;
    return this;
  }
  setRanges(ranges: unknown): ConditionalFormatRuleBuilderImpl {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    this.ranges = ranges.map((r: unknown) => {
      const raw = this.doc.handles.asRange(r);
      if (!raw) throw new Error('Invalid argument: ranges');
      return raw._ref();
    });
    return this;
  }
  getRanges(): RangeImpl[] {
    return this.ranges.map((r) => this.doc.handles.range(r.sheet, r.row, r.column, r.numRows, r.numColumns));
  }
  build(): ConditionalFormatRuleImpl {
    if (!this.criterion) throw new Error('local runtime: a conditional format rule needs a condition (whenNumber…/whenFormulaSatisfied)');
    return this.doc.handles.rule({
      criterion: this.criterion,
      ranges: [...this.ranges],
      fontColor: this.fontColor,
      background: this.background,
    });
  }
}

export class ConditionalFormatRuleImpl {
  constructor(
    private readonly doc: Document,
    readonly _state: ConditionalRuleState,
  ) {}

  getRanges(): RangeImpl[] {
    return this._state.ranges.map((r) => this.doc.handles.range(r.sheet, r.row, r.column, r.numRows, r.numColumns));
  }
  getBooleanCondition(): {
    getCriteriaType(): string;
    getCriteriaValues(): unknown[];
    getFontColor(): string | null;
    getBackground(): string | null;
  } {
    const s = this._state;
    const c = s.criterion;
    const values = c.type === 'CUSTOM_FORMULA' ? [c.formula] : c.type === 'NUMBER_BETWEEN' ? [c.low, c.high] : [c.value];
    return {
      getCriteriaType: () => c.type,
      getCriteriaValues: () => values,
      getFontColor: () => s.fontColor,
      getBackground: () => s.background,
    };
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    return this.doc.handles.ruleBuilder(this._state);
  }
}
