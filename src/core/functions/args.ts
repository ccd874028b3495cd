/**
 * The argument semantics shared by every custom function, implemented once:
 * scalars or 2D ranges; same-shaped ranges walk cell by cell and scalars broadcast; a row whose
 * row-varying inputs are all blank gives a blank cell; otherwise blank counts as 0 (optional parameters
 * take their default); text numbers from exports are read; a zero denominator is an error for a single
 * value and a blank cell inside a range; every error names the function, the argument and the row.
 */
import { unmarked } from '../text-mark.js';
import { DateReader, isoDay, parseDateValue } from '../dates.js';
import { describeValue, isBlank, isDate, isSheetError, parseNumberText, type CellValue, type Matrix } from '../values.js';
import { functionError, type CellAt } from './errors.js';
import { ComputeFailure } from './failures.js';
import type { AggregateSpec, ArgReader, CallContext, CellText, CustomFunctionResult, ElementwiseSpec, ParamSpec } from './types.js';
import { t } from '../i18n/index.js';
import type { Locale } from '../types.js';

/** The cell's language; English when the spreadsheet cannot say (the text still reads). */
function cellLocale(context: CallContext): Locale {
  try {
    return context.locale();
  } catch {
    return 'en';
  }
}

export type { CallContext } from './types.js';

interface PreparedArg {
  readonly param: ParamSpec;
  readonly range: Matrix | null;
  readonly scalar: CellValue;
}

function asMatrix(value: unknown[]): Matrix {
  // Sheets always passes ranges as rows of cells; accept a flat list (hand-written callers) as one row.
  return (value.length > 0 && value.every(Array.isArray) ? value : [value]) as Matrix;
}

function prepare(fn: string, params: readonly ParamSpec[], args: readonly unknown[]): PreparedArg[] {
  // Trailing `undefined`s are omitted arguments, not extra ones.
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  if (given > params.length) {
    throw functionError(fn, 'fn_too_many_args', { max: params.length, names: params.map((p) => p.name).join(', '), given });
  }
  return params.map((param, i) => {
    const raw = args[i];
    if (raw === undefined && !param.optional) throw functionError(fn, 'fn_required', { param: param.name });
    if (Array.isArray(raw)) {
      const range = asMatrix(raw);
      const width = range[0]?.length ?? 0;
      if (range.some((row) => !Array.isArray(row) || row.length !== width))
        throw functionError(fn, 'fn_not_rectangular', { param: param.name });
      return { param, range, scalar: undefined };
    }
    return { param, range: null, scalar: raw as CellValue };
  });
}

function shapeOf(m: Matrix): string {
  return `${m.length}×${m[0]?.length ?? 0}`;
}

function position(rangeMode: boolean, cols: number, r: number, c: number): CellAt | null {
  return rangeMode ? { row: r + 1, column: c + 1, columns: cols } : null;
}

/** Where a failing cell is, for the message; built only when there is an error (hot loops stay allocation-free). */
type Where = () => CellAt | null;

/** A numeric cell value, or a named error. Blank handling is the caller's. */
export function readNumber(fn: string, param: string, value: CellValue, where: Where): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw functionError(fn, 'fn_not_finite', { param }, where());
    return value;
  }
  if (typeof value === 'string') {
    if (isSheetError(value)) throw functionError(fn, 'fn_sheet_error', { param, value: value.trim() }, where());
    const n = parseNumberText(value);
    if (n === undefined) throw functionError(fn, 'fn_not_number', { param, value: describeValue(value) }, where());
    return n;
  }
  throw functionError(fn, 'fn_not_number', { param, value: describeValue(value) }, where());
}

export function runElementwise(spec: ElementwiseSpec, args: readonly unknown[]): CustomFunctionResult {
  const fn = spec.name;
  const prepared = prepare(fn, spec.params, args);
  const ranges = prepared.filter((a) => a.range !== null);
  const first = ranges[0]?.range ?? null;
  for (const a of ranges) {
    if (a.range!.length !== first!.length || a.range![0].length !== first![0].length) {
      const names = { first: ranges[0].param.name, firstShape: shapeOf(first!), param: a.param.name, shape: shapeOf(a.range!) };
      throw functionError(fn, 'fn_shape_mismatch', names);
    }
  }
  const rangeMode = first !== null;
  // The inputs that decide whether a row is empty: the required ranges (a broadcast scalar such as a fixed
  // margin cell never makes an empty row non-empty); without required ranges, the required scalars, as for
  // a single call.
  let rowVarying = prepared.filter((a) => !a.param.optional && (rangeMode ? a.range !== null : true));
  if (rowVarying.length === 0) rowVarying = prepared.filter((a) => !a.param.optional);
  if (rowVarying.length === 0) rowVarying = rangeMode ? ranges : prepared.filter((a) => a.scalar !== undefined);
  const rows = first ? first.length : 1;
  const cols = first ? first[0].length : 1;
  const n = prepared.length;
  const numbers = new Array<number>(n);
  const valueAt = (a: PreparedArg, r: number, c: number): CellValue => (a.range ? a.range[r][c] : a.scalar);

  // The cell being computed, read by `where` only when a message needs it.
  let atRow = 0;
  let atCol = 0;
  const where: Where = () => position(rangeMode, cols, atRow, atCol);
  const compute = spec.compute;
  // Fixed-arity calls: a spread would allocate per cell (the library has at most four parameters).
  const call = (): number =>
    n === 1
      ? compute(numbers[0])
      : n === 2
        ? compute(numbers[0], numbers[1])
        : n === 3
          ? compute(numbers[0], numbers[1], numbers[2])
          : n === 4
            ? compute(numbers[0], numbers[1], numbers[2], numbers[3])
            : compute(...numbers);

  const computeAt = (r: number, c: number): number | '' => {
    atRow = r;
    atCol = c;
    let blankRow = true;
    for (let i = 0; i < rowVarying.length; i++) {
      if (!isBlank(valueAt(rowVarying[i], r, c))) {
        blankRow = false;
        break;
      }
    }
    if (blankRow) return '';
    for (let i = 0; i < n; i++) {
      const a = prepared[i];
      const v = valueAt(a, r, c);
      if (typeof v === 'number' && Number.isFinite(v)) numbers[i] = v;
      else if (isBlank(v)) numbers[i] = a.param.optional && typeof a.param.default === 'number' ? a.param.default : 0;
      else numbers[i] = readNumber(fn, a.param.name, v, where);
    }
    let result: number;
    try {
      result = call();
    } catch (e) {
      if (e instanceof ComputeFailure) {
        if (e.zeroDenominator && rangeMode) return '';
        throw functionError(fn, e.code, e.params as never, where());
      }
      throw e;
    }
    if (!Number.isFinite(result)) throw functionError(fn, 'fn_result_too_large', {}, where());
    return result;
  };

  if (!rangeMode) return computeAt(0, 0);
  const out: (number | string)[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = new Array<number | string>(cols);
    for (let c = 0; c < cols; c++) row[c] = computeAt(r, c);
    out[r] = row;
  }
  return out;
}

function reader(fn: string, a: PreparedArg, zone: () => string): ArgReader {
  const isRange = a.range !== null;
  const matrix: Matrix = a.range ?? [[a.scalar]];
  const cols = matrix[0]?.length ?? 0;
  const where = (r?: number, c?: number): CellAt | null => (r === undefined ? null : position(isRange, cols, r, c ?? 0));
  let atRow = 0;
  let atCol = 0;
  const whereAt: Where = () => where(atRow, atCol);
  // One reader per argument: a range of 100k dates repeats a few hundred days, and a Date's wall clock in
  // the spreadsheet's zone goes through Intl (DEAL_CYCLE, COHORT_LTV and ATTRIBUTION were 9–15× over the
  // bench target on it).
  let dates: DateReader | undefined;
  const self: ArgReader = {
    fn,
    param: a.param,
    given: a.range !== null || a.scalar !== undefined,
    isRange,
    matrix,
    rows: matrix.length,
    cols,
    fail(code, params, r, c): never {
      throw functionError(fn, code, { ...params, param: a.param.name } as never, where(r, c));
    },
    numberAt(r, c) {
      const v = matrix[r][c];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (isBlank(v)) return null;
      atRow = r;
      atCol = c;
      return readNumber(fn, a.param.name, v, whereAt);
    },
    dateAt(r, c) {
      const v = matrix[r][c];
      if (isBlank(v)) return null;
      if (isSheetError(v)) self.fail('fn_sheet_error', { value: String(v).trim() }, r, c);
      const t = typeof v === 'number' ? parseDateValue(v, 'Etc/UTC') : (dates ??= new DateReader(zone())).read(v);
      if (t === undefined) self.fail('fn_not_date', { value: describeValue(v) }, r, c);
      return t;
    },
    textAt(r, c) {
      const v = matrix[r][c];
      if (isBlank(v)) return null;
      if (isSheetError(v)) self.fail('fn_sheet_error', { value: String(v).trim() }, r, c);
      if (isDate(v)) {
        const t = parseDateValue(v, zone());
        return t === undefined ? '' : isoDay(t);
      }
      return unmarked(String(v).trim());
    },
    choice() {
      if (isRange) self.fail('fn_not_single', {});
      const v = a.scalar;
      if (isBlank(v)) {
        if (typeof a.param.default === 'string') return a.param.default;
        self.fail('fn_required', {});
      }
      const s = String(v).trim().toLowerCase();
      const ok = a.param.choices?.find((choice) => choice.toLowerCase() === s);
      const choices = (a.param.choices ?? []).map((x) => `"${x}"`).join(', ');
      if (!ok) self.fail('fn_not_choice', { choices, value: describeValue(v) });
      return ok;
    },
  };
  return self;
}

export function runAggregate(spec: AggregateSpec, args: readonly unknown[], context: CallContext): CustomFunctionResult {
  const fn = spec.name;
  let zone: string | undefined;
  const timeZone = (): string => (zone ??= context.timeZone());
  const readers = prepare(fn, spec.params, args).map((a) => reader(fn, a, timeZone));
  let lang: Locale | undefined;
  const text: CellText = (key, params) => t((lang ??= cellLocale(context)), key, params);
  let result: CustomFunctionResult;
  try {
    result = spec.compute(readers, text);
  } catch (e) {
    if (e instanceof ComputeFailure) throw functionError(fn, e.code, e.params as never);
    throw e;
  }
  const bad = (x: number | string): boolean => typeof x === 'number' && !Number.isFinite(x);
  if (Array.isArray(result) ? result.some((row) => row.some(bad)) : bad(result)) {
    throw functionError(fn, 'fn_result_not_finite', {});
  }
  return result;
}
