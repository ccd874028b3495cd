/**
 * Failures raised by a function's compute step. The argument runner turns them into the user-facing
 * `Error` ("ROMI: marketing_cost is 0 (row 4) …") or, for a zero denominator in range mode, a blank cell.
 */
export class ComputeFailure extends Error {
  constructor(
    /** The parameter at fault, or null when the result as a whole is impossible. */
    readonly param: string | null,
    readonly reason: string,
    /** A zero/blank denominator: fatal for one cell, a blank cell inside a range. */
    readonly zeroDenominator: boolean,
  ) {
    super(param ? `${param} ${reason}` : reason);
  }
}

export function zeroDenominator(param: string): ComputeFailure {
  return new ComputeFailure(param, 'is 0, so the ratio is undefined', true);
}

export function invalid(param: string | null, reason: string): ComputeFailure {
  return new ComputeFailure(param, reason, false);
}

/** Guards shared by many metrics. */
export function nonNegative(param: string, value: number): number {
  if (value < 0) throw invalid(param, `must not be negative (got ${value})`);
  return value;
}

export function divide(numerator: number, denominator: number, denominatorParam: string): number {
  if (denominator === 0) throw zeroDenominator(denominatorParam);
  return numerator / denominator;
}

/** A gross margin is a share of revenue: above 0, at most 1 (100%). `40%` text arrives as 0.4. */
export function margin(param: string, value: number): number {
  if (value <= 0 || value > 1) throw invalid(param, `must be between 0 and 1 (0–100%), got ${value}`);
  return value;
}

/** Counts of people, clicks, orders: whole and not negative. */
export function count(param: string, value: number): number {
  nonNegative(param, value);
  if (!Number.isInteger(value)) throw invalid(param, `must be a whole number (got ${value})`);
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
