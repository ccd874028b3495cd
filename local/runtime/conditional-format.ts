/**
 * Conditional-format rules: the builder subset the dashboard uses, and an evaluator that tells the local
 * UI which cells a rule colours (first matching rule wins, as in Sheets).
 */
import { columnLetters, columnNumber } from '../../src/core/a1.js';
import type { BlockRef } from './ranges-ref.js';

export type Criterion =
  | { readonly type: 'NUMBER_LESS_THAN'; readonly value: number }
  | { readonly type: 'NUMBER_GREATER_THAN'; readonly value: number }
  | { readonly type: 'NUMBER_BETWEEN'; readonly low: number; readonly high: number }
  | { readonly type: 'CUSTOM_FORMULA'; readonly formula: string };

export interface ConditionalRuleState {
  readonly criterion: Criterion;
  readonly ranges: readonly BlockRef[];
  readonly fontColor: string | null;
  readonly background: string | null;
}

export interface CellColours {
  fontColor?: string;
  background?: string;
}

/** Moves the relative parts of A1 references by (dr, dc): how a custom-formula rule applies to each cell. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = '';
  let quoted: string | null = null;
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (quoted) {
      out += ch;
      if (ch === quoted) quoted = null;
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quoted = ch;
      out += ch;
      i++;
      continue;
    }
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/iu.exec(formula.slice(i));
    const prev = formula[i - 1] ?? '';
    if (m && !/[\w.]/u.test(prev)) {
      const [, colAbs, letters, rowAbs, digits] = m;
      const column = colAbs ? letters : shiftLetters(letters, dc);
      const row = rowAbs ? digits : String(Number(digits) + dr);
      out += `${colAbs}${column}${rowAbs}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A relative column moved by dc; shifted off the sheet's left edge it is left without letters, as before. */
function shiftLetters(letters: string, dc: number): string {
  const n = columnNumber(letters) + dc;
  return n >= 1 ? columnLetters(n) : '';
}

export function numberMatches(criterion: Criterion, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  switch (criterion.type) {
    case 'NUMBER_LESS_THAN':
      return value < criterion.value;
    case 'NUMBER_GREATER_THAN':
      return value > criterion.value;
    case 'NUMBER_BETWEEN':
      return value >= Math.min(criterion.low, criterion.high) && value <= Math.max(criterion.low, criterion.high);
    default:
      return false;
  }
}
