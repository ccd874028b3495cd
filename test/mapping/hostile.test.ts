/** Hostile input never crashes the mapping core: it is either handled or refused with a CodedError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultOptions, detectSheet, CodedError, parseMapping, serializeMapping, type Mapping } from '../../src/core/mapping/index.js';
import type { CellValue } from '../../src/core/values.js';

const base: Mapping = {
  schemaVersion: 2,
  shape: 'aggregated',
  source: {
    sheetId: 1,
    sheetName: 'S',
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: null,
    firstColumn: 1,
    lastColumn: 2,
    columns: [
      { index: 0, header: 'Channel', role: 'channel' },
      { index: 1, header: 'Spend', role: 'spend' },
    ],
  },
  costs: null,
  funnel: [],
  statusRules: [],
  options: defaultOptions(),
};

function refusesCleanly(json: string): void {
  try {
    parseMapping(json);
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
  }
}

describe('parseMapping under hostile input', () => {
  it('arbitrary JSON values are refused with a CodedError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => refusesCleanly(JSON.stringify(v) ?? '')),
      { numRuns: 300 },
    );
  });

  it('a saved mapping with one value replaced anywhere is accepted or refused cleanly', () => {
    const saved = JSON.parse(serializeMapping(base)) as unknown;
    const paths: (string | number)[][] = [];
    const walk = (x: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...path, i]));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...path, k]);
    };
    walk(saved, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(saved) as Record<string | number, unknown>;
        let node: Record<string | number, unknown> = copy;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1]] = value;
        refusesCleanly(JSON.stringify(copy));
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectSheet under hostile cells', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(''),
    fc.constantFrom('#N/A', '#REF!', '=IMPORTXML("x")', '+cmd', '1 234,56 ₽', '$1,234.50', '15%', 'Итого', 'Total', '01.03.2026'),
    fc.date({ noInvalidDate: false }),
  );
  it('any small grid is either detected or refused with a CodedError', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (grid) => {
        try {
          const d = detectSheet(grid);
          expect(d.columns.length).toBe(d.table.lastColumn - d.table.firstColumn + 1);
        } catch (e) {
          expect(e).toBeInstanceOf(CodedError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
