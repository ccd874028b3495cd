/**
 * The shapes of a custom function declaration: what define.ts builds from and args.ts reads. In a module
 * of their own, as aggregate/types.ts is, so neither of those two imports the other back.
 */
import type { MessageKey } from '../i18n/en.js';
import type { Params } from '../i18n/format.js';
import type { Locale } from '../types.js';
import type { Matrix } from '../values.js';
import type { FunctionCode, FunctionParams } from './errors.js';

/**
 * What a custom function may know about the spreadsheet calling it. The time zone is asked lazily: reading it
 * is a service call, and only a Date argument needs it (Google's custom-function guide: when the script's
 * and the spreadsheet's time zones differ, the function must compensate).
 */
export interface CallContext {
  timeZone(): string;
  /**
   * The language of the cell's text: the spreadsheet's locale (a cell's value is the same for every viewer).
   * Asked only when a call fails or a table function writes its header row, so other successful calls cost
   * no service call for it.
   */
  locale(): Locale;
}

/** Text a table function writes into cells (its header row), in the cell's language, from the catalogue. */
export type CellText = (key: MessageKey, params?: Params) => string;

export type CustomFunctionResult = number | string | (number | string)[][];

export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  /** Optional parameters take `default` when omitted or blank. */
  readonly optional?: boolean;
  readonly default?: number | string;
  /** For text options such as FUNNEL's mode. */
  readonly choices?: readonly string[];
}

export interface SpecBase {
  readonly name: string;
  /** One sentence: autocomplete description and README. */
  readonly summary: string;
  /** The formula in words, for README (e.g. "(revenue × margin − cost) / cost"). */
  readonly formula: string;
  /** What the result is and how to format it, for JSDoc @return and README. */
  readonly returns: string;
  readonly params: readonly ParamSpec[];
  /** An example formula for README and tests, e.g. `=ROMI(B2:B13, C2:C13)`. */
  readonly example: string;
}

export interface ElementwiseSpec extends SpecBase {
  /**
   * Compute one result from numbers (already parsed, blanks as 0, optional blanks as their default).
   * Throw `zeroDenominator(param)` or `invalid(code, params)` from ./failures.
   */
  readonly compute: (...values: number[]) => number;
}

export interface AggregateSpec extends SpecBase {
  /** Gets each argument through an `ArgReader` that knows the function and parameter names for errors. */
  readonly compute: (args: readonly ArgReader[], text: CellText) => CustomFunctionResult;
  /**
   * The result's shape: one value (default), a spill the shape of the first argument's range (FUNNEL), or a
   * table whose size depends on the data (ATTRIBUTION, COHORT_LTV).
   */
  readonly spill?: SpillKind;
  /**
   * `spill: 'table'`: the largest table the arguments can give, from the first range's row count and the
   * numeric literals among the arguments (by parameter index). Sheets spills exactly the result; an engine
   * that sizes a spill before evaluating (the local runtime) reserves this and pads with blanks.
   */
  readonly tableSize?: (firstRangeRows: number, literal: (paramIndex: number) => number | undefined) => { rows: number; cols: number };
}

export type SpillKind = 'scalar' | 'like-first-range' | 'table';

export interface CustomFunction extends SpecBase {
  readonly kind: 'elementwise' | 'aggregate';
  /** Aggregates only; see AggregateSpec.spill. Elementwise results take the shape of their ranges. */
  readonly spill?: SpillKind;
  readonly tableSize?: AggregateSpec['tableSize'];
  /**
   * Called with exactly what Sheets passes (scalars or 2D arrays, `undefined` for omitted arguments) and
   * the spreadsheet's context (its time zone, for Date arguments).
   */
  readonly run: (context: CallContext, args: readonly unknown[]) => CustomFunctionResult;
  /** `run` in a UTC spreadsheet: tests and callers that pass no Dates. */
  readonly invoke: (...args: unknown[]) => CustomFunctionResult;
}

/** Access to one argument of an aggregate function, with errors that name it. */
export interface ArgReader {
  readonly fn: string;
  readonly param: ParamSpec;
  /** False when the argument was omitted. */
  readonly given: boolean;
  readonly isRange: boolean;
  /** Scalars appear as a 1×1 matrix. */
  readonly matrix: Matrix;
  readonly rows: number;
  readonly cols: number;
  /** Throws the user-facing error for this argument (the code's params but its name), at a cell when given. */
  fail<C extends FunctionCode>(code: C, params: Omit<FunctionParams<C>, 'param'>, r?: number, c?: number): never;
  /** Number at a cell; null when blank. */
  numberAt(r: number, c: number): number | null;
  /** Date at a cell as wall-clock ms in the spreadsheet's zone (dates.ts); null when blank. */
  dateAt(r: number, c: number): number | null;
  /** Text at a cell (numbers as written); null when blank; sheet errors throw. */
  textAt(r: number, c: number): string | null;
  /** A choice option (case-insensitive), its default when omitted or blank. */
  choice(): string;
}
