/**
 * dist/Code.js as Apps Script loads it: one script in a bare V8 context (no require, no process, no Node
 * globals), custom functions called as top-level functions with arguments shaped the way Sheets passes
 * them (2D arrays for ranges, '' for blanks, Dates of that context's own realm), and a JSDoc block with
 * @customfunction directly above each one so Sheets offers autocomplete.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
let code = '';
let ctx: vm.Context;
/** The spreadsheet's time zone as the read-only SpreadsheetApp reports it to custom functions. */
let sheetZone = 'Etc/UTC';
/** The spreadsheet's locale, read the same way, only when a call fails (its error's language). */
let sheetLocale = 'en_US';

beforeAll(() => {
  code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const spreadsheet = { getSpreadsheetTimeZone: () => sheetZone, getSpreadsheetLocale: () => sheetLocale };
  ctx = vm.createContext({ SpreadsheetApp: { getActive: () => spreadsheet } });
  vm.runInContext(code, ctx, { filename: 'Code.js' });
});

/** Calls a top-level function of the bundle with arguments built inside its realm (JSON in, JSON out). */
function callInRealm(source: string): unknown {
  return vm.runInContext(source, ctx) as unknown;
}
const date = (iso: string) => `new Date(${iso.slice(0, 4)}, ${Number(iso.slice(5, 7)) - 1}, ${Number(iso.slice(8, 10))})`;

function jsdocAbove(name: string): string {
  const at = code.search(new RegExp(`^function ${name}\\(`, 'mu'));
  expect(at, `top-level function ${name}`).toBeGreaterThan(0);
  const before = code.slice(0, at);
  const start = before.lastIndexOf('/**');
  const block = before.slice(start);
  // Directly above: nothing but whitespace between the block's end and the function.
  expect(block, `JSDoc directly above ${name}`).toMatch(/\*\/\s*$/u);
  return block;
}

describe('dist/Code.js in a bare V8 context', () => {
  it('is one plain script: no module syntax, no Node API, no HyperFormula', () => {
    for (const banned of ['require(', 'module.exports', 'process.', '__dirname', 'HyperFormula', 'hyperformula'])
      expect(code, banned).not.toContain(banned);
    expect(code).not.toMatch(/^\s*(import|export)\s/mu);
    // The bare context has no Node globals, and loading did not need any.
    expect(callInRealm('typeof require + typeof process + typeof Buffer')).toBe('undefinedundefinedundefined');
    expect(callInRealm('typeof Intl.DateTimeFormat')).toBe('function');
  });

  it('declares every custom function, trigger and server function at the top level', () => {
    const declared = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gmu)].map((m) => m[1]);
    for (const f of CUSTOM_FUNCTIONS) expect(declared).toContain(f.name);
    for (const name of [
      'onOpen',
      'onInstall',
      'showSidebar',
      'refreshDashboard',
      'shareDashboard',
      'getContext',
      'detect',
      'validate',
      'saveMapping',
      'buildDashboard',
      'shareReport',
    ]) {
      expect(declared).toContain(name);
    }
    expect(new Set(declared).size).toBe(declared.length);
  });

  it.each(CUSTOM_FUNCTIONS.map((f) => [f.name, f] as const))(
    '%s has its JSDoc with one @param per parameter, @return and @customfunction',
    (name, f) => {
      const block = jsdocAbove(name);
      expect(block).toContain('@customfunction');
      expect(block).toMatch(/@return \{[^}]+\} \S/u);
      const params = [...block.matchAll(/@param \{[^}]+\} (\w+) (.+)/gu)].map((m) => m[1]);
      expect(params).toEqual(f.params.map((p) => p.name));
      expect(code).toMatch(new RegExp(`^function ${name}\\(${f.params.map((p) => p.name).join(', ')}\\) \\{`, 'mu'));
      // One block per function: the block found is this function's own, not its neighbour's.
      expect(block.match(/\/\*\*/gu)).toHaveLength(1);
    },
  );

  it('computes each function from arguments shaped as Sheets passes them', () => {
    const cases: [string, unknown][] = [
      ['ROMI(5000, 2000)', 1.5],
      ['ROMI([[5000],[""],[3000]], [[2000],[""],[0]])', [[1.5], [''], ['']]],
      ['ROMI("1 234,56 ₽", "$1,000.00", "100%")', 0.23456],
      ['ROI(1300, 1000)', 0.3],
      ['ROAS(12000, 3000)', 4],
      ['CAC(9000, 30, 3000)', 400],
      ['CPL(1500, 60)', 25],
      ['CPC(90, 300)', 0.3],
      ['CPM(50, 20000)', 2.5],
      ['CTR([[150],[30]], [[10000],[1000]])', [[0.015], [0.03]]],
      ['LCR(12, 400)', 0.03],
      ['FUNNEL([[1000, 250, 50]], "overall")', [[1, 0.25, 0.05]]],
      ['LTV(200, 4, 3, 0.5)', 1200],
      ['LTV_CHURN(50, "5%")', 1000],
      ['LTV_CAC(1800, 600)', 3],
      ['PAYBACK(600, 100, 0.5)', 12],
      ['AOV(45000, 150)', 300],
      ['GROWTH_RATE(110, 100)', 0.1],
      ['RETENTION(900, 150, 1000)', 0.75],
      ['REPEAT_RATE([["a"],["b"],["A"],[""]])', 0.5],
      ['NPS([[10],[9],[3],[""],[7]])', 25],
      [
        `DEAL_CYCLE([[${date('2026-01-01')}],[${date('2026-02-01')}],[${date('2026-03-01')}]], [[${date('2026-01-11')}],[""],[${date('2026-03-31')}]])`,
        20,
      ],
      ['ABTEST(200, 1000, 250, 1000)', 0.007419649261025693],
      ['DRR(120, 1000)', 0.12],
      ['CPO(9000, 45)', 200],
      ['PROFIT(10000, 3000, 0.25)', -500],
      [
        `ATTRIBUTION([["a"],["a"]], [[${date('2026-01-01')}],[${date('2026-01-11')}]], [["x"],["y"]], [[""],[100]], "first_touch")`,
        [
          ['channel', 'revenue', 'customers', 'purchases'],
          ['x', 100, 1, 1],
          ['y', 0, 0, 0],
        ],
      ],
      [
        `COHORT_LTV([["a"],["a"]], [[${date('2026-01-01')}],[${date('2026-02-11')}]], [[100],[50]], 1)`,
        [
          ['cohort', 'customers', 'month 0', 'month 1'],
          ['2026-01', 1, 100, 150],
        ],
      ],
    ];
    expect(cases.map(([src]) => src.slice(0, src.indexOf('(')))).toEqual(
      CUSTOM_FUNCTIONS.map((f) => f.name).flatMap((n) => (n === 'ROMI' ? [n, n, n] : [n])),
    );
    for (const [src, want] of cases) {
      const got = JSON.parse(JSON.stringify(callInRealm(src))) as unknown;
      if (typeof want === 'number') expect(got, src).toBeCloseTo(want, 9);
      else expect(got, src).toEqual(want);
    }
  });

  it('throws Errors of its own realm whose message names the function, argument and row', () => {
    const message = callInRealm(
      `(() => { try { CPL([[10],[20]], [[5],["abc"]]); } catch (e) { return (e instanceof Error) + ' ' + e.message; } })()`,
    );
    expect(message).toBe('true CPL: leads must be a number, got "abc" (row 2 of the range)');
  });

  it('words the error in the spreadsheet’s locale (ru_RU, zh_CN), still naming function, argument and row', () => {
    const message = () => callInRealm(`(() => { try { CPL([[10],[20]], [[5],["abc"]]); } catch (e) { return e.message; } })()`);
    try {
      sheetLocale = 'ru_RU';
      expect(message()).toBe('CPL: leads должно быть числом, получено "abc" (строка 2 диапазона)');
      sheetLocale = 'zh_CN';
      expect(message()).toBe('CPL：leads 必须是数字，实际为 "abc"（区域第 2 行）');
    } finally {
      sheetLocale = 'en_US';
    }
  });

  it("forwards every argument: one too many raises the declaration's error instead of being dropped", () => {
    const message = (src: string) => callInRealm(`(() => { try { return ${src}; } catch (e) { return e.message; } })()`);
    expect(message('ROMI(100, 50, 1, 999)')).toBe('ROMI: takes at most 3 arguments (revenue, marketing_cost, gross_margin), got 4');
    expect(message('CTR(1, 2, 3)')).toMatch(/^CTR: takes at most 2 arguments/u);
    expect(message('NPS([[9]], 1)')).toMatch(/^NPS: takes at most 1 argument /u);
    // Trailing omitted arguments are not extra ones.
    expect(message('ROMI(100, 50, undefined)')).toBe(1);
  });

  it("DEAL_CYCLE compensates for the spreadsheet's zone: Berlin 1 March → 1 April is 31 days across DST, as =C2-B2 says", () => {
    // The cells hold 1 March and 1 April 00:00 Berlin; Apps Script hands over those instants (CET, then CEST).
    sheetZone = 'Europe/Berlin';
    try {
      const got = callInRealm('DEAL_CYCLE([[new Date(Date.UTC(2026, 1, 28, 23))]], [[new Date(Date.UTC(2026, 2, 31, 22))]])');
      expect(got).toBe(31);
      // East of UTC: a Moscow deal from 1 to 2 January (midnights) is one day, not a day split across the year.
      sheetZone = 'Europe/Moscow';
      expect(callInRealm('DEAL_CYCLE([[new Date(Date.UTC(2025, 11, 31, 21))]], [[new Date(Date.UTC(2026, 0, 1, 21))]])')).toBe(1);
      // West of UTC, with times: New York 1 March 09:00 → 3 March 21:00 is 2.5 days.
      sheetZone = 'America/New_York';
      expect(callInRealm('DEAL_CYCLE([[new Date(Date.UTC(2026, 2, 1, 14))]], [[new Date(Date.UTC(2026, 2, 4, 2))]])')).toBe(2.5);
    } finally {
      sheetZone = 'Etc/UTC';
    }
  });

  it('date inputs reject trailing junk and impossible times', () => {
    const message = (src: string) => callInRealm(`(() => { try { return ${src}; } catch (e) { return e.message; } })()`);
    expect(message('DEAL_CYCLE([["2026-01-01"]], [["2026-01-31junk"]])')).toBe(
      'DEAL_CYCLE: close_dates must be a date, got "2026-01-31junk" (row 1 of the range)',
    );
    expect(message('DEAL_CYCLE([["2026-01-01"]], [["2026-01-02 12:99"]])')).toBe(
      'DEAL_CYCLE: close_dates must be a date, got "2026-01-02 12:99" (row 1 of the range)',
    );
    expect(message('DEAL_CYCLE([["2026-01-01"]], [["2026-01-02 12:30"]])')).toBeCloseTo(1.5208333, 6);
  });
});
