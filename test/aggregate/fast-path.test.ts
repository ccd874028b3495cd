/**
 * aggregate()'s per-row fast paths (channel text interned once, a Date's period cached per instant, clean
 * numeric rows summed without readMeasure) against a plain reference written without any of them, on
 * seeded random exports full of what they must still handle: Dates in a zone with DST, text numbers,
 * blanks, whitespace-only channels, "Total" rows with and without a date, unreadable cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate/index.js';
import { periodKey } from '../../src/core/aggregate/periods.js';
import { instantOf, parseDateValue } from '../../src/core/dates.js';
import { isTotalsLabel } from '../../src/core/mapping/index.js';
import type { Mapping } from '../../src/core/mapping/types.js';
import { isBlank, parseNumberText, type CellValue } from '../../src/core/values.js';

const ZONE = 'America/New_York';
const mapping: Mapping = {
  schemaVersion: 2,
  shape: 'aggregated',
  source: {
    sheetId: 1,
    sheetName: 'S',
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: null,
    firstColumn: 1,
    lastColumn: 4,
    columns: [
      { index: 0, header: 'Date', role: 'date' },
      { index: 1, header: 'Channel', role: 'channel' },
      { index: 2, header: 'Spend', role: 'spend' },
      { index: 3, header: 'Leads', role: 'leads' },
    ],
  },
  costs: null,
  funnel: [],
  statusRules: [],
  options: { granularity: 'month', grossMargin: 1, currency: 'USD', dashboardName: 'D', byCampaign: false },
} as Mapping;

const channel = fc.constantFrom<CellValue>('Google', 'google ', 'Meta', 'Total', 'Итого', '', '   ', null, 42);
// Midnights and late evenings around the March and November DST changes, as Date instants of the zone.
const date = fc.oneof(
  fc
    .constantFrom(
      Date.UTC(2026, 2, 8),
      Date.UTC(2026, 2, 31, 23, 30),
      Date.UTC(2026, 3, 1),
      Date.UTC(2026, 10, 1),
      Date.UTC(2026, 10, 30, 23, 59),
    )
    .map((wall) => new Date(instantOf(wall, ZONE)) as CellValue),
  fc.constantFrom<CellValue>('2026-04-15', '', 'not a date'),
);
const measure = fc.oneof(
  fc.integer({ min: -50, max: 500 }).map((n) => n as CellValue),
  fc.constantFrom<CellValue>('1 234,5', '', '#N/A', 'abc', Number.NaN),
);
const rowArb = fc.tuple(date, channel, measure, measure);

/** The reference: every rule spelled out per row, no caches. */
function reference(rows: CellValue[][]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    if (r.every((v) => isBlank(v))) continue;
    const ch = r[1];
    if (typeof ch === 'string' && isTotalsLabel(ch) && isBlank(r[0])) continue;
    const t = parseDateValue(r[0], ZONE);
    if (t === undefined) continue;
    const nums = [r[2], r[3]].map((v) =>
      typeof v === 'number' ? (Number.isFinite(v) ? v : NaN) : isBlank(v) ? 0 : typeof v === 'string' ? (parseNumberText(v) ?? NaN) : NaN,
    );
    if (nums.some(Number.isNaN)) continue;
    const name =
      String(ch ?? '')
        .trim()
        .toLowerCase() || '(not set)';
    const key = `${name}|${periodKey(t, 'month')}`;
    const e = out.get(key) ?? [0, 0];
    e[0] += nums[0];
    e[1] += nums[1];
    out.set(key, e);
  }
  return out;
}

describe('aggregate fast paths', () => {
  it('equal a plain per-row reference on random hostile exports', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const data = aggregate(mapping, rows, undefined, { timeZone: ZONE });
        const got = new Map<string, [number, number]>();
        for (const r of data.rows) {
          r.byPeriod.forEach((f, p) => {
            if (f.measures.spend === 0 && f.measures.leads === 0) return;
            got.set(`${r.channel.trim().toLowerCase()}|${data.periods[p]}`, [f.measures.spend, f.measures.leads]);
          });
        }
        const want = new Map([...reference(rows)].filter(([, v]) => v[0] !== 0 || v[1] !== 0));
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
