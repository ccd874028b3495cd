/**
 * One declaration per custom function. From it we derive: the runtime entry point (`invoke`), the
 * top-level Apps Script wrapper with its `@customfunction` JSDoc (scripts/build.ts), the HyperFormula
 * plugin used by the local runtime, and the README table. Nothing about a function is written twice.
 *
 * Two kinds:
 * - `elementwise`: every parameter is a number (scalar or range); ranges of one shape are walked cell by
 *   cell, scalars broadcast, and the result has the shape of the ranges (a spill).
 * - `aggregate`: parameters are whole ranges (scores, ids, dates, stage counts) reduced by the function.
 */
import type { CellValue } from '../values.js';
import { runElementwise, runAggregate, type ArgReader, type CallContext } from './args.js';

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

interface SpecBase {
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
   * Throw `zeroDenominator(param)` or `invalid(param, reason)` from ./failures.
   */
  readonly compute: (...values: number[]) => number;
}

export interface AggregateSpec extends SpecBase {
  /** Gets each argument through an `ArgReader` that knows the function and parameter names for errors. */
  readonly compute: (args: readonly ArgReader[]) => CustomFunctionResult;
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

export const UTC_CONTEXT: CallContext = { timeZone: () => 'Etc/UTC' };

export function elementwise(spec: ElementwiseSpec): CustomFunction {
  checkSpec(spec);
  const run = (_context: CallContext, args: readonly unknown[]): CustomFunctionResult => runElementwise(spec, args);
  return { ...spec, kind: 'elementwise', run, invoke: (...args: unknown[]) => run(UTC_CONTEXT, args) };
}

export function aggregate(spec: AggregateSpec): CustomFunction {
  checkSpec(spec);
  if ((spec.spill === 'table') !== (spec.tableSize !== undefined)) throw new Error(`${spec.name}: a table spill needs tableSize, and only a table spill has one`);
  const run = (context: CallContext, args: readonly unknown[]): CustomFunctionResult => runAggregate(spec, args, context);
  return { ...spec, kind: 'aggregate', run, invoke: (...args: unknown[]) => run(UTC_CONTEXT, args) };
}

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements ' +
    'interface package private protected public await arguments eval').split(' '),
);

function checkSpec(spec: SpecBase): void {
  if (!/^[A-Z][A-Z0-9_]*$/u.test(spec.name)) throw new Error(`bad custom function name ${spec.name}`);
  let sawOptional = false;
  for (const p of spec.params) {
    if (!/^[a-z][a-z0-9_]*$/u.test(p.name)) throw new Error(`${spec.name}: bad parameter name ${p.name}`);
    // Parameter names become the generated wrapper's JavaScript parameters (and autocomplete's labels).
    if (RESERVED.has(p.name)) throw new Error(`${spec.name}: parameter name ${p.name} is a JavaScript reserved word`);
    if (sawOptional && !p.optional) throw new Error(`${spec.name}: required ${p.name} after an optional one`);
    sawOptional ||= !!p.optional;
  }
}

export type { CellValue, CallContext };
