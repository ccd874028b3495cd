/**
 * Every custom function typed as a formula into the local workbook (computed by the built bundle through
 * the formula engine, as Sheets calls it) gives what the declaration computes when called directly with the
 * same cells — including spills (FUNNEL, range arguments) and date cells arriving as Dates (DEAL_CYCLE).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook, loadBundle } from '../../local/runtime/index.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';

const dist = join(process.cwd(), 'dist');

/** Column A..H, rows 1..6: counts, money, a margin, dates, ids and scores, with a blank row. */
const DATA: (number | string)[][] = [
  [1200, 400, 30, 0.4, '2026-01-05', '2026-01-25', 'c-1', 9],
  [900, 300, 12, 0.5, '2026-02-01', '', 'c-2', 10],
  ['', '', '', '', '', '', '', ''],
  [5000, 2000, 50, 0.3, '2026-03-10', '2026-04-09', 'C-1', 3],
  [100, 80, 2, 1, '2026-03-01', '2026-03-03', 'c-3', 7],
  [700, 1000, 9, 0.6, '2026-05-01', '2026-06-15', 'c-2', 6],
];

const FORMULAS: Readonly<Record<string, string>> = {
  ROMI: 'ROMI(A1:A6, B1:B6, D1:D6)',
  ROI: 'ROI(A1:A6, B1:B6)',
  ROAS: 'ROAS(A1:A6, B1:B6)',
  CAC: 'CAC(B1:B6, C1:C6, 100)',
  CPL: 'CPL(B1:B6, C1:C6)',
  CPC: 'CPC(B1:B6, C1:C6)',
  CPM: 'CPM(B1:B6, A1:A6)',
  CTR: 'CTR(C1:C6, A1:A6)',
  LCR: 'LCR(C1:C6, A1:A6)',
  FUNNEL: 'FUNNEL(A1:C2, "overall")',
  LTV: 'LTV(A1:A6, 2, 3, D1:D6)',
  LTV_CHURN: 'LTV_CHURN(B1:B6, D1:D6)',
  LTV_CAC: 'LTV_CAC(A1:A6, B1:B6)',
  PAYBACK: 'PAYBACK(A1:A6, B1:B6, 0.5)',
  AOV: 'AOV(A1:A6, C1:C6)',
  GROWTH_RATE: 'GROWTH_RATE(A1:A6, B1:B6)',
  RETENTION: 'RETENTION(A1:A6, C1:C6, B1:B6)',
  REPEAT_RATE: 'REPEAT_RATE(G1:G6)',
  NPS: 'NPS(H1:H6)',
  DEAL_CYCLE: 'DEAL_CYCLE(E1:E6, F1:F6, "median")',
  ABTEST: 'ABTEST(C1:C6, A1:A6, C1:C6, B1:B6)',
  DRR: 'DRR(B1:B6, A1:A6)',
  CPO: 'CPO(B1:B6, C1:C6)',
  PROFIT: 'PROFIT(A1:A6, B1:B6, D1:D6)',
  ATTRIBUTION: 'ATTRIBUTION(G1:G6, E1:E6, H1:H6, B1:B6, "linear")',
  COHORT_LTV: 'COHORT_LTV(G1:G6, E1:E6, A1:A6, 3, 0.5)',
};

function parseCell(v: number | string): unknown {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(v)
    ? new Date(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10)))
    : v;
}

function block(a1: string): unknown[][] {
  const m = /^([A-H])(\d):([A-H])(\d)$/u.exec(a1);
  if (!m) throw new Error(a1);
  const c0 = m[1].charCodeAt(0) - 65;
  const c1 = m[3].charCodeAt(0) - 65;
  return DATA.slice(Number(m[2]) - 1, Number(m[4])).map((row) => row.slice(c0, c1 + 1).map(parseCell));
}

/** The formula's arguments as Sheets would pass them: ranges as 2D arrays, literals as values. */
function argsOf(formula: string): unknown[] {
  const inner = formula.slice(formula.indexOf('(') + 1, -1);
  return inner
    .split(',')
    .map((s) => s.trim())
    .map((s) => (/^[A-H]\d:[A-H]\d$/u.test(s) ? block(s) : s.startsWith('"') ? s.slice(1, -1) : Number(s)));
}

describe('custom functions typed into the local workbook = direct calls of the declarations', () => {
  it('covers every function', () => {
    expect(Object.keys(FORMULAS).sort()).toEqual(CUSTOM_FUNCTIONS.map((f) => f.name).sort());
  });

  it.each(CUSTOM_FUNCTIONS.map((f) => [f.name, f] as const))('%s', (name, f) => {
    const wb = createWorkbook({ htmlDir: dist });
    loadBundle(wb, readFileSync(join(dist, 'Code.js'), 'utf8'));
    wb.addSheetFromRows('Data', DATA);
    const sheet = wb.spreadsheet.getSheetByName('Data');
    if (!sheet) throw new Error('no sheet');
    sheet.getRange('E1:F6').setNumberFormat('yyyy-mm-dd');
    wb.setCell('Data', 'J1', `=${FORMULAS[name]}`);

    let expected: unknown;
    try {
      expected = f.invoke(...argsOf(FORMULAS[name]));
    } catch (e) {
      expected = e;
    }
    const snap = wb.snapshot('Data');
    if (expected instanceof Error) {
      expect(snap.display[0][9]).toBe('#ERROR!');
      expect(snap.errors[0][9]).toBe(expected.message);
      return;
    }
    const want = Array.isArray(expected) ? (expected as unknown[][]) : [[expected]];
    for (let r = 0; r < want.length; r++) {
      for (let c = 0; c < want[r].length; c++) {
        const got = snap.values[r][9 + c];
        const w = want[r][c];
        if (typeof w === 'number') expect(got, `${name} R${r + 1}C${c + 1}`).toBeCloseTo(w, 10);
        else expect(got, `${name} R${r + 1}C${c + 1}`).toBe(w);
      }
    }
  });
});
