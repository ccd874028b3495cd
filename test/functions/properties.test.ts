/**
 * Properties of the shared argument handling, checked over every elementwise function at once: whatever
 * a sheet hands in (numbers, text numbers, blanks, junk text, booleans, Dates, error codes), the answer is
 * a finite number, a blank, or an Error whose message starts with the function's name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import type { CustomFunction } from '../../src/core/functions/define.js';
import { isBlank, type CellValue } from '../../src/core/values.js';

const ELEMENTWISE = CUSTOM_FUNCTIONS.filter((f) => f.kind === 'elementwise');
const AGGREGATES = CUSTOM_FUNCTIONS.filter((f) => f.kind === 'aggregate');

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('1 234,56 ₽', '$1,234.50', '2,5', '15%', '0', '-3', '1e3', '  42  ') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('abc', '=IMPORTXML("x","y")', '<img src=x onerror=alert(1)>', '#N/A', '#DIV/0!', 'NaN', 'Infinity'),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.MIN_VALUE) },
);

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };
function attempt(f: CustomFunction, args: unknown[]): Outcome {
  try {
    return { ok: true, value: f.invoke(...args) };
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return { ok: false, message: (e as Error).message };
  }
}

/** Table functions (ATTRIBUTION, COHORT_LTV) return labels (channel, cohort, headers) as text too. */
function isCleanResult(v: unknown, text = false): boolean {
  if (v === '') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return text;
  if (Array.isArray(v)) return v.every((row) => Array.isArray(row) && row.every((x) => isCleanResult(x, text)));
  return false;
}

/** Argument lists of the right length for f: a scalar or a column of `rows` cells each. */
function argsFor(f: CustomFunction, rows: number) {
  return fc.tuple(...f.params.map(() => fc.tuple(fc.boolean(), fc.array(cell, { minLength: rows, maxLength: rows }))));
}

describe.each(ELEMENTWISE.map((f) => [f.name, f] as const))('%s (elementwise)', (_, f) => {
  it('never returns NaN/Infinity; errors start with the function name', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((rows) => argsFor(f, rows)),
        (spec) => {
          const args = spec.map(([asRange, cells]) => (asRange ? cells.map((c) => [c]) : cells[0]));
          const out = attempt(f, args);
          if (out.ok) expect(isCleanResult(out.value), JSON.stringify(out.value)).toBe(true);
          else expect(out.message.startsWith(`${f.name}: `), out.message).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a range result equals the per-row scalar results (blank where a scalar call has a zero denominator)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((rows) => argsFor(f, rows).map((a) => [rows, a] as const)),
        ([rows, spec]) => {
          const args = spec.map(([asRange, cells]) => (asRange ? cells.map((c) => [c]) : cells[0]));
          const whole = attempt(f, args);
          const anyRange = spec.some(([asRange]) => asRange);
          // In range mode the row's own cells decide emptiness (required ranges, else all ranges): a broadcast
          // scalar such as a fixed margin never makes an empty row non-empty.
          const requiredRanges = spec.filter(([asRange], i) => asRange && !f.params[i].optional);
          const decisive = requiredRanges.length > 0 ? requiredRanges : spec.filter((_, i) => !f.params[i].optional);
          for (let r = 0; r < rows; r++) {
            if (whole.ok && anyRange && decisive.every(([asRange, cells]) => isBlank((asRange ? cells[r] : cells[0]) as CellValue))) {
              expect((whole.value as unknown[][])[r][0]).toBe('');
              continue;
            }
            const rowArgs = spec.map(([asRange, cells]) => (asRange ? cells[r] : cells[0]));
            const one = attempt(f, rowArgs);
            if (!whole.ok) continue; // the range call failed on some row; checked below
            const got = anyRange ? (whole.value as unknown[][])[r][0] : whole.value;
            if (one.ok) expect(got).toBe(one.value);
            else {
              expect(one.message, `row ${r + 1}`).toMatch(/is 0, so the ratio is undefined/u);
              expect(got).toBe('');
            }
          }
          if (!whole.ok && anyRange) {
            // Some row must fail on its own with a non-denominator error, and the message names the row.
            const failures = Array.from({ length: rows }, (_, r) =>
              attempt(
                f,
                spec.map(([asRange, cells]) => (asRange ? cells[r] : cells[0])),
              ),
            );
            expect(failures.some((o) => !o.ok && !/is 0, so the ratio is undefined/u.test(o.message))).toBe(true);
            if (anyRange && !/ranges must be the same size/u.test(whole.message))
              expect(whole.message).toMatch(/\(row \d+ of the range\)$/u);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a row whose inputs are all blank is blank; output shape = input shape', () => {
    const required = f.params.filter((p) => !p.optional);
    const rows = 4;
    const args = required.map(() => Array.from({ length: rows }, (_, r) => [r === 1 ? '' : 1]));
    const out = f.invoke(...args) as unknown[][];
    expect(out).toHaveLength(rows);
    expect(out.every((row) => row.length === 1)).toBe(true);
    expect(out[1][0]).toBe('');
  });

  it('mismatched range shapes throw, naming both parameters', () => {
    if (f.params.length < 2) return;
    const args = f.params.map((_, i) => (i === 0 ? [[1], [2]] : i === 1 ? [[1], [2], [3]] : 1));
    const out = attempt(f, args);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.message).toBe(`${f.name}: ${f.params[0].name} is 2×1 but ${f.params[1].name} is 3×1; ranges must be the same size`);
  });

  it('says which argument is missing or extra', () => {
    const tooMany = attempt(f, [...f.params.map(() => 1), 1]);
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.message).toMatch(new RegExp(`^${f.name}: takes at most ${f.params.length} arguments`, 'u'));
    const none = attempt(f, []);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toBe(`${f.name}: ${f.params[0].name} is required`);
  });
});

describe.each(AGGREGATES.map((f) => [f.name, f] as const))('%s (aggregate)', (_, f) => {
  it('never returns NaN/Infinity over hostile ranges; errors start with the function name', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (grid) => {
        const width = Math.min(...grid.map((r) => r.length));
        const range = grid.map((r) => r.slice(0, width));
        const args = f.params.map((p, i) => (p.choices ? undefined : i === 0 ? range : range.map((r) => r.slice().reverse())));
        const out = attempt(f, args);
        if (out.ok) expect(isCleanResult(out.value, f.spill === 'table'), JSON.stringify(out.value)).toBe(true);
        else expect(out.message.startsWith(`${f.name}: `), out.message).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
