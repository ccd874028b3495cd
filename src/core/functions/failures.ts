/**
 * Failures raised by a function's compute step, as catalogue codes (`fn_*`). The argument runner turns
 * them into the cell's error ("ROMI: marketing_cost is 0 … (row 4 of the range)") in the spreadsheet's
 * language or, for a zero denominator in range mode, into a blank cell.
 */
import type { FunctionCode, FunctionParams } from './errors.js';

export class ComputeFailure extends Error {
  constructor(
    readonly code: FunctionCode,
    /** The code's params without `fn` and `where`, which the runner knows. */
    readonly params: Readonly<Record<string, string | number>>,
    /** A zero/blank denominator: fatal for one cell, a blank cell inside a range. */
    readonly zeroDenominator: boolean,
  ) {
    super(code);
  }
}

export function zeroDenominator(param: string): ComputeFailure {
  return new ComputeFailure('fn_zero_denominator', { param }, true);
}

/** An impossible input or result: `invalid('fn_exceeds', { param, value, limitParam, limit })`. */
export function invalid<C extends FunctionCode>(code: C, params: FunctionParams<C>): ComputeFailure {
  return new ComputeFailure(code, params, false);
}

/** Guards shared by many metrics. */
export function nonNegative(param: string, value: number): number {
  if (value < 0) throw invalid('fn_negative', { param, value });
  return value;
}

export function divide(numerator: number, denominator: number, denominatorParam: string): number {
  if (denominator === 0) throw zeroDenominator(denominatorParam);
  return numerator / denominator;
}

/** A gross margin is a share of revenue: above 0, at most 1 (100%). `40%` text arrives as 0.4. */
export function margin(param: string, value: number): number {
  if (value <= 0 || value > 1) throw invalid('fn_margin', { param, value });
  return value;
}

/** Counts of people, clicks, orders: whole and not negative. */
export function count(param: string, value: number): number {
  nonNegative(param, value);
  if (!Number.isInteger(value)) throw invalid('fn_not_whole', { param, value });
  return value;
}

/** `numerator × scale / denominator` for two amounts that cannot be negative (cost per lead, click-through rate…). */
export function nonNegativeRatio(numerator: string, denominator: string, scale = 1): (a: number, b: number) => number {
  return (a, b) => {
    nonNegative(numerator, a);
    nonNegative(denominator, b);
    return divide(a * scale, b, denominator);
  };
}
