/** buildDashboard through the local Sheets runtime: what a user would see after one click, and rebuilds. */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type LocalWorkbook } from '../../../local/runtime/index.js';
import { buildDashboard, DASHBOARD_METADATA_KEY } from '../../../src/adapter/dashboard/index.js';
import type { Mapping } from '../../../src/core/mapping/types.js';
import type { CellValue } from '../../../src/core/values.js';
import { loadSample, mappingFor, type SampleSheet } from '../../support/samples.js';

const NOW = '2026-11-22T12:00:00.000Z';

function setup(sheets: readonly SampleSheet[], options: Partial<Mapping['options']> = {}): { wb: LocalWorkbook; mapping: Mapping } {
  const wb = createWorkbook();
  const ids = sheets.map((s) => wb.addSheetFromRows(s.name, s.rows).getSheetId());
  return { wb, mapping: mappingFor(sheets, ids, options) };
}

function sheetValues(wb: LocalWorkbook, name: string): unknown[][] {
  return wb.snapshot(name).values;
}

/** Row of the channel table whose column A reads `label` (the dashboard is found by reading it, not by plan). */
function findRow(values: unknown[][], label: string): number {
  const i = values.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row "${label}"`);
  return i;
}

describe('buildDashboard on the ad-platform sample', () => {
  const sheets = loadSample('ad-platform-export-en');
  const margin = 0.5;

  it('builds a sheet whose computed totals equal a naive sum of the source, and leaves the source alone', () => {
    const { wb, mapping } = setup(sheets, { grossMargin: margin, dashboardName: 'ROI' });
    const before = JSON.stringify(sheetValues(wb, sheets[0].name));
    const result = buildDashboard(wb.services, mapping, { now: NOW });
    expect(result.sheetName).toBe('ROI');
    expect(JSON.stringify(sheetValues(wb, sheets[0].name))).toBe(before);

    const header = sheets[0].rows[2] as string[];
    const col = (h: string): number => header.indexOf(h);
    let spend = 0;
    let revenue = 0;
    let customers = 0;
    for (const r of sheets[0].rows.slice(3)) {
      if (r[0] === 'Total') continue;
      spend += Number(r[col('Spend')] ?? 0);
      revenue += Number(r[col('Revenue')] ?? 0);
      customers += Number(r[col('Customers')] ?? 0);
    }
    const v = sheetValues(wb, 'ROI');
    const heads = v[findRow(v, 'Channel')] as string[];
    const total = v[findRow(v, 'Total')];
    expect(total[heads.indexOf('Spend')] as number).toBeCloseTo(spend, 6);
    expect(total[heads.indexOf('ROMI')] as number).toBeCloseTo((revenue * margin - spend) / spend, 9);
    expect(total[heads.indexOf('CAC')] as number).toBeCloseTo(spend / customers, 6);

    const md = wb.developerMetadata().filter((m) => m.key === DASHBOARD_METADATA_KEY);
    expect(md).toHaveLength(1);
    expect(md[0].sheet).toBe('ROI');
    expect(JSON.parse(md[0].value ?? '{}')).toEqual({ schema: 1, builtAt: NOW });
    const snap = wb.snapshot('ROI');
    expect(snap.formulas.flat().some((f) => f.startsWith('=IFERROR('))).toBe(true);
  });

  it('rebuild replaces only its own sheet (found by metadata, even renamed); a user sheet with the name is untouched', () => {
    const { wb, mapping } = setup(sheets, { dashboardName: 'ROI' });
    buildDashboard(wb.services, mapping, { now: NOW });
    wb.spreadsheet.getSheetByName('ROI')!.setName('My renamed ROI');
    const user = wb.addSheetFromRows('ROI', [['my own notes'], ['keep me']]);
    const second = buildDashboard(wb.services, mapping, { now: '2026-11-23T00:00:00.000Z' });
    expect(second.sheetName).toBe('My renamed ROI');
    expect(
      sheetValues(wb, 'ROI')
        .slice(0, 2)
        .map((r) => r[0]),
    ).toEqual(['my own notes', 'keep me']);
    expect(user.getCharts()).toHaveLength(0);
    expect(wb.spreadsheet.getSheetByName('My renamed ROI')!.getCharts()).toHaveLength(5);
    expect(wb.developerMetadata().filter((m) => m.key === DASHBOARD_METADATA_KEY)).toHaveLength(1);
    expect(wb.sheetNames().filter((n) => n.includes('ROI'))).toHaveLength(2);
  });

  it('never overwrites a user sheet that has the dashboard name: picks "Name (2)" and warns', () => {
    const { wb, mapping } = setup(sheets, { dashboardName: 'ROI' });
    wb.addSheetFromRows('ROI', [['mine']]);
    const result = buildDashboard(wb.services, mapping, { now: NOW });
    expect(result.sheetName).toBe('ROI (2)');
    expect(result.warnings.map((w) => w.code)).toContain('dashboard_name_taken');
    expect(sheetValues(wb, 'ROI')[0][0]).toBe('mine');
  });

  it('a held document lock gives a clear error', () => {
    const { wb, mapping } = setup(sheets);
    const release = wb.holdLockElsewhere('document');
    expect(() => buildDashboard(wb.services, mapping, { lockWaitMs: 10 })).toThrow(/Another dashboard build is running/u);
    release();
    expect(() => buildDashboard(wb.services, mapping, { now: NOW })).not.toThrow();
  });

  it('a deleted column stops the build with a message naming it', () => {
    const { wb, mapping } = setup(sheets);
    wb.spreadsheet.getSheetByName(sheets[0].name)!.deleteColumn(4); // Spend
    expect(() => buildDashboard(wb.services, mapping, { now: NOW })).toThrow(/Column "Spend" \(was D\) is no longer in the source table/u);
  });
});

describe('buildDashboard on the CRM sample (leads + costs)', () => {
  it('builds, notes the cohort view, and keeps both source sheets unchanged', () => {
    const sheets = loadSample('crm-leads-ru');
    const { wb, mapping } = setup(sheets);
    const before = sheets.map((s) => JSON.stringify(sheetValues(wb, s.name)));
    const result = buildDashboard(wb.services, mapping, { now: NOW, locale: 'ru' });
    expect(sheets.map((s) => JSON.stringify(sheetValues(wb, s.name)))).toEqual(before);
    const v = sheetValues(wb, result.sheetName);
    expect(v.flat().some((x) => typeof x === 'string' && x.includes('по дате создания лида'))).toBe(true);
    // Independent: spend total straight from the costs sheet.
    const costs = sheets[1].rows.slice(1).reduce((a, r) => a + Number(r[2] ?? 0), 0);
    const heads = v[findRow(v, 'Канал')] as string[];
    expect(v[findRow(v, 'Итого')][heads.indexOf('Расход')] as number).toBeCloseTo(costs, 4);
  });
});

describe('hostile channel names and service calls', () => {
  const header = ['Date', 'Channel', 'Spend', 'Leads', 'Revenue'];
  const evil = ['=IMPORTXML("http://x","//a")', '+cmd', '-2+3', '@SUM(A1)'];

  function fixture(n: number): CellValue[][] {
    const rows: CellValue[][] = [header];
    const channels = ['Google', 'Meta', 'VK', 'Email', 'SEO'];
    for (let i = 0; i < n; i++)
      rows.push([
        `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
        channels[i % channels.length],
        10 + (i % 7),
        1 + (i % 3),
        30 + (i % 11),
      ]);
    return rows;
  }

  it('formula-like channel names stay text on the dashboard', () => {
    const rows: CellValue[][] = [header, ...evil.map((name, i) => ['2026-01-01', name, 10 + i, 2, 50] as CellValue[])];
    const wb = createWorkbook();
    const id = wb.addSheetFromRows('Data', rows).getSheetId();
    // The user typed them as text (apostrophe), so the source holds text.
    evil.forEach((name, i) => wb.setCell('Data', `B${i + 2}`, `'${name}`));
    const mapping = mappingFor([{ name: 'Data', rows: wb.snapshot('Data').values as CellValue[][] }], [id], { dashboardName: 'Dash' });
    buildDashboard(wb.services, mapping, { now: NOW });
    const snap = wb.snapshot('Dash');
    for (const name of evil) {
      const r = snap.values.findIndex((row) => row[0] === name);
      expect(r, name).toBeGreaterThanOrEqual(0);
      expect(snap.formulas[r][0]).toBe('');
    }
  });

  it('a build costs at most 40 round trips, the same at 100 and 20,000 rows and at 5 or 500 channels', () => {
    const count = (n: number, channels?: number): { first: number; all: number } => {
      const wb = createWorkbook();
      const rows = fixture(n);
      if (channels) rows.forEach((r, i) => i > 0 && (r[1] = `Channel ${i % channels}`));
      const id = wb.addSheetFromRows('Data', rows).getSheetId();
      const mapping = mappingFor([{ name: 'Data', rows }], [id], { dashboardName: 'Dash' });
      wb.calls.reset();
      buildDashboard(wb.services, mapping, { now: NOW });
      const first = { first: wb.calls.roundTrips, all: wb.calls.total };
      if (n === 100) {
        // The rebuild (previous dashboard swapped out, its charts with it) stays within the budget too.
        wb.calls.reset();
        buildDashboard(wb.services, mapping, { now: NOW });
        expect(wb.calls.roundTrips).toBeLessThanOrEqual(40);
      }
      return first;
    };
    const small = count(100);
    expect(count(20_000)).toEqual(small);
    expect(small.first).toBeLessThanOrEqual(40);
    // 500 channels need more rows than a new sheet has: its size is read and rows inserted (three round
    // trips more), nothing per channel.
    const many = count(2_000, 500);
    expect(many.first - small.first).toBeLessThanOrEqual(3);
    expect(many.first).toBeLessThanOrEqual(40);
  });

  it('two tables (CRM leads + a costs sheet) stay within 40 round trips, first build and rebuild', () => {
    const sheets = loadSample('crm-leads-ru');
    expect(sheets).toHaveLength(2);
    const { wb, mapping } = setup(sheets, { dashboardName: 'Дашборд' });
    const trips = (): number => {
      wb.calls.reset();
      buildDashboard(wb.services, mapping, { now: NOW, locale: 'ru' });
      return wb.calls.roundTrips;
    };
    const first = trips();
    const again = trips();
    expect(first, JSON.stringify(wb.calls.toJSON())).toBeLessThanOrEqual(40);
    expect(again, JSON.stringify(wb.calls.toJSON())).toBeLessThanOrEqual(40);
    // The costs sheet is read (two round trips) but its name is never asked for; the locale only when a
    // text-number column needs it (the sample holds real numbers); the grid's size of the new sheet never.
    for (const method of ['Spreadsheet.getSpreadsheetLocale', 'Sheet.getMaxRows', 'Sheet.getMaxColumns'])
      expect(wb.calls.count(method), method).toBe(0);
    expect(wb.calls.count('Sheet.getName')).toBe(2);
  });

  it('flushes pending changes before it releases the document lock, as the Lock.releaseLock reference asks', () => {
    const { wb, mapping } = setup(loadSample('ad-platform-export-en'), { dashboardName: 'ROI' });
    const order: string[] = [];
    const lock = wb.services.LockService.getDocumentLock()!;
    const services = {
      ...wb.services,
      SpreadsheetApp: new Proxy(wb.services.SpreadsheetApp, {
        get: (t, p, r) => (p === 'flush' ? () => order.push('flush') : (Reflect.get(t, p, r) as unknown)),
      }),
      LockService: {
        ...wb.services.LockService,
        getDocumentLock: () => ({
          ...lock,
          waitLock: (ms: number) => lock.waitLock(ms),
          releaseLock: () => order.push('release') && lock.releaseLock(),
        }),
      },
    } as typeof wb.services;
    buildDashboard(services, mapping, { now: NOW });
    expect(order).toEqual(['flush', 'release']);
  });

  it('a new sheet smaller than the assumed 1000 × 26 grid is measured and grown, then written', () => {
    const sheets = loadSample('ad-platform-export-en');
    const { wb, mapping } = setup(sheets, { dashboardName: 'ROI' });
    // Stand-in for a Sheets whose new sheets are smaller: every inserted sheet loses rows and columns.
    const ss = wb.spreadsheet;
    const insert = ss.insertSheet.bind(ss) as (name: string, index?: number) => GoogleAppsScript.Spreadsheet.Sheet;
    const services = {
      ...wb.services,
      SpreadsheetApp: new Proxy(wb.services.SpreadsheetApp, {
        get: (target, prop, receiver) =>
          prop === 'getActiveSpreadsheet'
            ? () =>
                new Proxy(ss, {
                  get: (t, p) =>
                    p === 'insertSheet'
                      ? (name: string, index?: number) => {
                          const sheet = index === undefined ? insert(name) : insert(name, index);
                          sheet.deleteRows(20, sheet.getMaxRows() - 19);
                          sheet.deleteColumns(6, sheet.getMaxColumns() - 5);
                          return sheet;
                        }
                      : (Reflect.get(t, p) as unknown),
                })
            : (Reflect.get(target, prop, receiver) as unknown),
      }),
    };
    buildDashboard(services, mapping, { now: NOW });
    const built = wb.snapshot('ROI');
    expect(built.maxRows).toBeGreaterThan(19);
    expect(built.values.flat()).toContain('Total');
    expect(wb.sheets().map((s) => s.name)).not.toContain(expect.stringMatching(/building/u));
  });
});
