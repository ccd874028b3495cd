/**
 * The add-on's custom functions inside HyperFormula, built from whatever `CUSTOM_FUNCTIONS` holds, so
 * `=ROMI(B2:B4, C2:C4)` in the local runtime runs the same declaration Apps Script runs. Arguments
 * arrive as Sheets passes them (scalar per cell, 2D array per range, '' for blanks, error cells as
 * their code, Dates for date-formatted cells); a thrown Error becomes `#ERROR!` carrying its message.
 *
 * HyperFormula's plugin registry is global, so each workbook's engine finds its own hooks (Date realm,
 * date-formatted cells, an optional bundle-backed implementation) through its dependency graph.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from 'hyperformula';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import type { CustomFunction } from '../../src/core/functions/define.js';

export interface PluginHooks {
  /** Runs a custom function by name (the TS declaration, or the loaded bundle's top-level function). */
  invoke(name: string, args: unknown[]): unknown;
  /** A cell value as Sheets would hand it to a custom function: Date for date-formatted cells. */
  cellArgument(hfSheet: number, row: number, column: number, value: number): unknown;
  /** A Date a custom function returned, as the serial of its wall-clock time in the spreadsheet's zone. */
  dateToSerial(date: Date): number;
}

const hooksByGraph = new WeakMap<object, PluginHooks>();

export function attachHooks(hf: HyperFormula, hooks: PluginHooks): void {
  hooksByGraph.set(hf.dependencyGraph, hooks);
}

/**
 * The shape a result spills into. Elementwise functions follow their range arguments; an aggregate is a
 * single value unless its declaration says `spill: 'like-first-range'` (FUNNEL).
 */
export type SpillRule = 'scalar' | 'like-ranges' | 'like-first-range' | 'table';

export function spillRule(fn: CustomFunction): SpillRule {
  if (fn.kind === 'elementwise') return 'like-ranges';
  return fn.spill ?? 'scalar';
}

/** Sheets shows these HyperFormula-only codes as its own. */
export function sheetsErrorCode(hfCode: string): string {
  if (hfCode === '#CYCLE!' || hfCode === '#SPILL!') return '#REF!';
  if (hfCode === '#LIC!') return '#ERROR!';
  return hfCode;
}

type EngineValue = number | string | boolean | CellError | typeof EmptyValue;

function isEngineValue(v: unknown): v is EngineValue {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === EmptyValue || v instanceof CellError;
}

/** HyperFormula boxes dates and percents as objects with a `val`; custom functions want plain numbers. */
function plain(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && !(v instanceof CellError) && 'val' in v) return (v as { val: unknown }).val;
  return v;
}

function toSheetsArg(v: unknown): unknown {
  const p = plain(v);
  if (p === EmptyValue || p === null || p === undefined) return '';
  if (p instanceof CellError) return sheetsErrorCode(`#${errorCodeText(p.type)}`);
  return p;
}

function errorCodeText(type: ErrorType): string {
  const codes: Record<string, string> = {
    DIV_BY_ZERO: 'DIV/0!',
    NA: 'N/A',
    NAME: 'NAME?',
    VALUE: 'VALUE!',
    REF: 'REF!',
    NUM: 'NUM!',
    ERROR: 'ERROR!',
    CYCLE: 'CYCLE!',
    SPILL: 'SPILL!',
    LIC: 'LIC!',
  };
  return codes[type] ?? 'ERROR!';
}

function fromResult(result: unknown, hooks: PluginHooks): EngineValue | EngineValue[][] {
  if (Array.isArray(result)) {
    return result.map((row: unknown) => (Array.isArray(row) ? row : [row]).map((cell: unknown) => fromResult(cell, hooks) as EngineValue));
  }
  if (result === null || result === undefined || result === '') return '';
  if (Object.prototype.toString.call(result) === '[object Date]') return hooks.dateToSerial(result as Date);
  if (isEngineValue(result)) return result;
  return String(result);
}

class CustomFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private hooks(): PluginHooks {
    const hooks = hooksByGraph.get(this.dependencyGraph);
    if (!hooks) throw new Error('local runtime: HyperFormula engine without runtime hooks');
    return hooks;
  }

  evaluateCustom(fn: CustomFunction, ast: { args: unknown[] }, state: unknown): unknown {
    const size = this.sizeOfCustom(fn, ast, state);
    // runFunction evaluates and validates arguments; its AST/state types are internal to HyperFormula.
    return this.runFunction(ast.args as never[], state as never, this.metadata(fn.name), (...values: unknown[]) => {
      const hooks = this.hooks();
      const args = values.map((v) =>
        v instanceof SimpleRangeValue ? this.rangeArgument(v, hooks) : v === undefined ? undefined : toSheetsArg(v),
      );
      let result: EngineValue | EngineValue[][];
      try {
        result = fromResult(hooks.invoke(fn.name, args), hooks);
      } catch (e) {
        return new CellError(ErrorType.ERROR, errorMessage(e));
      }
      return shapeResult(fn.name, result, size);
    });
  }

  private rangeArgument(range: SimpleRangeValue, hooks: PluginHooks): unknown[][] {
    const start = range.range?.start;
    return range.data.map((row, r) =>
      row.map((cell, c) => {
        const v = toSheetsArg(cell);
        return start && typeof v === 'number' ? hooks.cellArgument(start.sheet, start.row + r, start.col + c, v) : v;
      }),
    );
  }

  sizeOfCustom(fn: CustomFunction, ast: { args: unknown[] }, state: unknown): ArraySize {
    const rule = spillRule(fn);
    if (rule === 'scalar') return ArraySize.scalar();
    const sizes = ast.args.map((arg) => this.arraySizeForAst(arg as never, state as never));
    // A reference's size has isRef set (which isScalar() counts as scalar): judge by the dimensions.
    const ranges = sizes.filter((s) => s.width !== 1 || s.height !== 1);
    const first = ranges[0];
    if (rule === 'table' && fn.tableSize) {
      // The engine sizes a spill before it evaluates: reserve the largest table these arguments can give.
      const literal = (i: number): number | undefined => {
        const a = ast.args[i] as { type?: string; value?: unknown } | undefined;
        return a && a.type === 'NUMBER' && typeof a.value === 'number' ? a.value : undefined;
      };
      const { rows, cols } = fn.tableSize(first ? first.height : 1, literal);
      return new ArraySize(Math.max(1, cols), Math.max(1, rows));
    }
    if (!first) return ArraySize.scalar();
    return new ArraySize(first.width, first.height);
  }
}

function shapeResult(name: string, result: EngineValue | EngineValue[][], size: ArraySize): EngineValue | SimpleRangeValue {
  if (!Array.isArray(result)) {
    if (size.isScalar()) return result;
    // A scalar where a spill was expected (e.g. a single blank row): fill the spill with it.
    return SimpleRangeValue.onlyValues(
      Array.from({ length: size.height }, (_, r) => Array.from({ length: size.width }, (__, c) => (r === 0 && c === 0 ? result : ''))),
    );
  }
  if (size.isScalar()) {
    if (result.length === 1 && result[0].length === 1) return result[0][0];
    return new CellError(
      ErrorType.ERROR,
      `${name}: returned a ${result.length}×${result[0]?.length ?? 0} array where the local runtime expected one value (see spillRule in local/runtime/custom-functions-plugin.ts)`,
    );
  }
  // HyperFormula reserves the spill area before evaluating, so pad or trim the result to it.
  const rows = Array.from({ length: size.height }, (_, r) => Array.from({ length: size.width }, (__, c) => result[r]?.[c] ?? ''));
  return SimpleRangeValue.onlyValues(rows as never);
}

/**
 * Every parameter optional, plus a repeatable extra: Sheets calls a custom function with whatever the
 * formula passed, so missing or surplus arguments must reach the declaration's own checks ("ROMI:
 * revenue is required") instead of the engine's generic wrong-arity error.
 */
function parameters(fn: CustomFunction): FunctionArgument[] {
  return [
    ...fn.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    { argumentType: FunctionArgumentType.ANY, optionalArg: true },
  ];
}

let registered = false;

/**
 * Custom functions whose name is also a built-in: in Sheets the built-in wins, so the engine keeps its
 * own and the add-on's declaration is unreachable from formulas (worth renaming; listed for tests/docs).
 */
export const SHADOWED_BY_BUILTINS: string[] = [];

/** Registers the plugin once per process, before any engine is built. */
export function registerCustomFunctions(): void {
  if (registered) return;
  registered = true;
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const builtins = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const fn of CUSTOM_FUNCTIONS) {
    if (builtins.has(fn.name)) {
      SHADOWED_BY_BUILTINS.push(fn.name);
      continue;
    }
    const method = `custom_${fn.name}`;
    const sizeMethod = `custom_${fn.name}_size`;
    implemented[fn.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: parameters(fn),
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    };
    translations[fn.name] = fn.name;
    Object.defineProperty(CustomFunctionsPlugin.prototype, method, {
      value(this: CustomFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
        return this.evaluateCustom(fn, ast, state);
      },
    });
    Object.defineProperty(CustomFunctionsPlugin.prototype, sizeMethod, {
      value(this: CustomFunctionsPlugin, ast: { args: unknown[] }, state: unknown) {
        return this.sizeOfCustom(fn, ast, state);
      },
    });
  }
  CustomFunctionsPlugin.implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(CustomFunctionsPlugin, { enGB: translations });
}

/** Errors thrown inside a node:vm bundle are not `instanceof Error` here: read the message by shape. */
function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof (e as { message: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}
