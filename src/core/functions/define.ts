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
import { runElementwise, runAggregate } from './args.js';
import { FunctionError } from './errors.js';
import type { AggregateSpec, CallContext, CustomFunction, CustomFunctionResult, ElementwiseSpec, SpecBase } from './types.js';

// The spec types live in ./types.ts so args.ts can use them without importing this file back.
export type {
  AggregateSpec,
  ArgReader,
  CallContext,
  CustomFunction,
  CustomFunctionResult,
  ElementwiseSpec,
  ParamSpec,
  SpillKind,
} from './types.js';

export const UTC_CONTEXT: CallContext = { timeZone: () => 'Etc/UTC', locale: () => 'en' };

/**
 * Runs a call; a failure leaves as a plain Error whose message is the cell's text in the spreadsheet's
 * language (Sheets shows `message` on `#ERROR!`). The locale is asked only here, on the error path.
 */
function inCellLanguage(context: CallContext, call: () => CustomFunctionResult): CustomFunctionResult {
  try {
    return call();
  } catch (e) {
    if (!(e instanceof FunctionError)) throw e;
    let text = e.message;
    try {
      text = e.textIn(context.locale());
    } catch {
      // The locale could not be read: the English text still names the function, field and row.
    }
    throw new Error(text);
  }
}

export function elementwise(spec: ElementwiseSpec): CustomFunction {
  checkSpec(spec);
  const run = (context: CallContext, args: readonly unknown[]): CustomFunctionResult =>
    inCellLanguage(context, () => runElementwise(spec, args));
  return { ...spec, kind: 'elementwise', run, invoke: (...args: unknown[]) => run(UTC_CONTEXT, args) };
}

export function aggregate(spec: AggregateSpec): CustomFunction {
  checkSpec(spec);
  if ((spec.spill === 'table') !== (spec.tableSize !== undefined))
    throw new Error(`${spec.name}: a table spill needs tableSize, and only a table spill has one`);
  const run = (context: CallContext, args: readonly unknown[]): CustomFunctionResult =>
    inCellLanguage(context, () => runAggregate(spec, args, context));
  return { ...spec, kind: 'aggregate', run, invoke: (...args: unknown[]) => run(UTC_CONTEXT, args) };
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements ' +
    'interface package private protected public await arguments eval'
  ).split(' '),
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

export type { CellValue };
