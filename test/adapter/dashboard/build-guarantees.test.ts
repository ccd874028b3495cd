/**
 * What a rebuild guarantees (issue 9 items 4, 5, 6, 10, 11) through the local Sheets runtime: the table
 * is re-found on every build, the mapping is checked as Save checks it, nothing is skipped silently, a
 * failed rebuild leaves the previous dashboard intact, and the real-Sheets details (null document lock,
 * display-text headers, no white fills).
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type LocalWorkbook } from '../../../local/runtime/index.js';
import { buildDashboard, DASHBOARD_METADATA_KEY } from '../../../src/adapter/dashboard/index.js';
import { DASHBOARD_LABELS } from '../../../src/core/dashboard/index.js';
import type { Mapping } from '../../../src/core/mapping/types.js';
import type { CellValue } from '../../../src/core/values.js';
import { loadSample, mappingFor } from '../../support/samples.js';

const NOW = '2026-11-22T12:00:00.000Z';
const AD = loadSample('ad-platform-export-en');
const AD_SHEET = AD[0].name;
const HEADER = AD[0].rows[2] as string[];
const SPEND = HEADER.indexOf('Spend');

function setupAd(): { wb: LocalWorkbook; mapping: Mapping } {
  const wb = createWorkbook();
  const id = wb.addSheetFromRows(AD_SHEET, AD[0].rows).getSheetId();
  return { wb, mapping: mappingFor(AD, [id], { dashboardName: 'ROI' }) };
}

/** The dashboard's channel-table cell of `metric` in its Total row. */
function dashboardTotal(wb: LocalWorkbook, sheet: string, metric: string): number {
  const v = wb.snapshot(sheet).values;
  const heads = v.find((r) => r[0] === 'Channel') as string[];
  const total = v.find((r) => r[0] === 'Total');
  if (!heads || !total) throw new Error('no channel table');
  return total[heads.indexOf(metric)] as number;
}

/** Spend summed straight from the sheet: every row under the header whose first cell is not "Total". */
function naiveSpend(wb: LocalWorkbook): number {
  const v = wb.snapshot(AD_SHEET).values;
  let sum = 0;
  for (const r of v.slice(3)) if (r[0] !== 'Total' && typeof r[SPEND] === 'number') sum += r[SPEND];
  return sum;
}

function writeRow(wb: LocalWorkbook, row: number, values: CellValue[]): void {
  wb.spreadsheet.getSheetByName(AD_SHEET)!.getRange(row, 1, 1, values.length).setValues([values]);
}

const extra = (spend: number): CellValue[] => ['2026-12-29', 'Google Ads', 'Search — Brand', spend, 100, 10, 1, 0, 0, 0, 0];

describe('item 4: the table is re-found on every build', () => {
  it('rows appended below the Total row are counted on refresh; the old Total row is excluded and said so', () => {
    const { wb, mapping } = setupAd();
    expect(mapping.source.lastDataRow).toBe(731);
    buildDashboard(wb.services, mapping, { now: NOW });
    const before = dashboardTotal(wb, 'ROI', 'Spend');
    writeRow(wb, 733, extra(1000));
    writeRow(wb, 734, extra(234.5));
    const result = buildDashboard(wb.services, mapping, { now: NOW });
    expect(dashboardTotal(wb, 'ROI', 'Spend')).toBeCloseTo(before + 1234.5, 6);
    expect(dashboardTotal(wb, 'ROI', 'Spend')).toBeCloseTo(naiveSpend(wb), 6);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('table_grew');
    const totals = result.warnings.find((w) => w.code === 'totals_row_excluded');
    expect(totals?.params?.rows).toBe('732');
    // The dashboard header says it too, with the row numbers.
    expect(
      wb
        .snapshot('ROI')
        .values.flat()
        .some((x) => typeof x === 'string' && x.includes('732') && x.includes('totals')),
    ).toBe(true);
  });

  it('rows inserted above the Total row are counted, and the Total row stays out', () => {
    const { wb, mapping } = setupAd();
    const sheet = wb.spreadsheet.getSheetByName(AD_SHEET)!;
    sheet.insertRowsBefore(732, 2);
    writeRow(wb, 732, extra(500));
    writeRow(wb, 733, extra(70));
    buildDashboard(wb.services, mapping, { now: NOW });
    expect(dashboardTotal(wb, 'ROI', 'Spend')).toBeCloseTo(naiveSpend(wb), 6);
    expect(dashboardTotal(wb, 'ROI', 'Spend')).toBeCloseTo(772180.83 + 570, 4);
  });

  it('after the Total row is deleted, rows appended where it was are counted', () => {
    const { wb, mapping } = setupAd();
    wb.spreadsheet.getSheetByName(AD_SHEET)!.deleteRow(732);
    writeRow(wb, 732, extra(10));
    writeRow(wb, 733, extra(20));
    const result = buildDashboard(wb.services, mapping, { now: NOW });
    expect(dashboardTotal(wb, 'ROI', 'Spend')).toBeCloseTo(772180.83 + 30, 4);
    expect(result.warnings.find((w) => w.code === 'table_grew')?.params).toMatchObject({ from: 732, to: 733 });
  });

  it('a header row that moved (rows inserted above it) is reported with both row numbers, not summed', () => {
    const { wb, mapping } = setupAd();
    wb.spreadsheet.getSheetByName(AD_SHEET)!.insertRowsBefore(1, 2);
    expect(() => buildDashboard(wb.services, mapping, { now: NOW })).toThrow(/header of the source table moved from row 3 to row 5/u);
  });

  it('changed columns are reported (a column inserted inside the table)', () => {
    const { wb, mapping } = setupAd();
    wb.spreadsheet.getSheetByName(AD_SHEET)!.insertColumnsBefore(4, 1);
    expect(() => buildDashboard(wb.services, mapping, { now: NOW })).toThrow(/Column "Spend" moved from D to E/u);
  });
});

describe('item 5: a build checks the mapping exactly as Save does', () => {
  const cases: [string, (m: Mapping) => Mapping, RegExp][] = [
    ['margin 50', (m) => ({ ...m, options: { ...m.options, grossMargin: 50 } }), /Gross margin must be more than 0/u],
    [
      'no channel column',
      (m) => ({ ...m, source: { ...m.source, columns: m.source.columns.filter((c) => c.role !== 'channel') } }),
      /No channel\/source column/u,
    ],
    ['first data row above the header', (m) => ({ ...m, source: { ...m.source, firstDataRow: 2 } }), /rows or columns are out of order/u],
  ];
  for (const [name, change, message] of cases) {
    it(`refuses ${name}, and nothing is written`, () => {
      const { wb, mapping } = setupAd();
      const sheets = wb.sheetNames();
      expect(() => buildDashboard(wb.services, change(mapping), { now: NOW })).toThrow(message);
      expect(wb.sheetNames()).toEqual(sheets);
    });
  }

  it('coordinates beyond the sheet give a coded error naming the sheet size, not a raw range error', () => {
    const { wb, mapping } = setupAd();
    const far = { ...mapping, source: { ...mapping.source, headerRow: 5000, firstDataRow: 5001, lastDataRow: 6000 } };
    expect(() => buildDashboard(wb.services, far, { now: NOW })).toThrow(
      /lies outside the sheet "Ads export", which has 1000 rows and 26 columns/u,
    );
    const wide = { ...mapping, source: { ...mapping.source, lastColumn: 400 } };
    let code = '';
    try {
      buildDashboard(wb.services, wide, { now: NOW });
    } catch (e) {
      code = (e as { issues?: { code: string }[] }).issues?.[0]?.code ?? '';
    }
    expect(code).toBe('table_outside_sheet');
  });
});

describe('item 6: nothing silent', () => {
  const rows = (dates: string[]): CellValue[][] => [
    ['Date', 'Channel', 'Spend', 'Leads', 'Revenue'],
    ...dates.map((d, i) => [d, i % 2 ? 'Meta' : 'Google', 100 + i, 3, 400] as CellValue[]),
  ];

  it('skipped rows are counted in the result and listed with reasons and row numbers in the dashboard header', () => {
    const wb = createWorkbook();
    const data = rows(['2026-01-05', 'soon', '2026-01-19', 'n/a', '2026-02-02']);
    const id = wb.addSheetFromRows('Data', data).getSheetId();
    const result = buildDashboard(wb.services, mappingFor([{ name: 'Data', rows: data }], [id], { dashboardName: 'Dash' }), { now: NOW });
    expect(result).toMatchObject({ sourceRows: 5, usedRows: 3, skippedRows: 2 });
    const skip = result.warnings.find((w) => w.code === 'rows_skipped_date');
    expect(skip?.params).toMatchObject({ count: 2, rows: '3, 5' });
    const header = wb
      .snapshot('Dash')
      .values.slice(0, 12)
      .flat()
      .filter((x): x is string => typeof x === 'string');
    expect(header.some((x) => x.includes('2 rows skipped: the date cannot be read (Date); rows 3, 5.'))).toBe(true);
  });

  it('when no row can be read it is an error and no dashboard is made', () => {
    const wb = createWorkbook();
    const data = rows(['soon', 'later', 'n/a']);
    const id = wb.addSheetFromRows('Data', data).getSheetId();
    const names = wb.sheetNames();
    expect(() =>
      buildDashboard(wb.services, mappingFor([{ name: 'Data', rows: data }], [id], { dashboardName: 'Dash' }), { now: NOW }),
    ).toThrow(/None of the 3 source rows could be read.*3 rows skipped: the date cannot be read/u);
    expect(wb.sheetNames()).toEqual(names);
  });
});

describe('item 10: atomic rebuild', () => {
  it('a service timeout at a chart leaves the previous dashboard intact and says so', () => {
    const { wb, mapping } = setupAd();
    buildDashboard(wb.services, mapping, { now: NOW });
    const before = wb.snapshot('ROI');
    const metadata = wb.developerMetadata();
    const names = wb.sheetNames();
    wb.failOn('Sheet.insertChart', undefined, 2); // the third chart times out
    expect(() => buildDashboard(wb.services, mapping, { now: '2026-11-23T00:00:00.000Z' })).toThrow(
      /could not be rebuilt \(Service Spreadsheets timed out.*\)\. The previous dashboard "ROI" is unchanged/u,
    );
    expect(wb.sheetNames()).toEqual(names);
    expect(wb.developerMetadata()).toEqual(metadata);
    const after = wb.snapshot('ROI');
    expect(after.values).toEqual(before.values);
    expect(after.formulas).toEqual(before.formulas);
    expect(wb.spreadsheet.getSheetByName('ROI')!.getCharts()).toHaveLength(5);
  });

  it('a failed first build adds nothing', () => {
    const { wb, mapping } = setupAd();
    const names = wb.sheetNames();
    wb.failOn('Range.setValues');
    expect(() => buildDashboard(wb.services, mapping, { now: NOW })).toThrow(/could not be built .*Nothing was added/u);
    expect(wb.sheetNames()).toEqual(names);
    expect(wb.developerMetadata()).toEqual([]);
  });

  it('a successful rebuild swaps in a new sheet: name, tab position and the one metadata marker kept, no working sheet left', () => {
    const { wb, mapping } = setupAd();
    buildDashboard(wb.services, mapping, { now: NOW });
    const ss = wb.spreadsheet;
    const firstId = ss.getSheetByName('ROI')!.getSheetId();
    ss.getSheetByName('ROI')!.setName('Board');
    ss.setActiveSheet(ss.getSheetByName('Board')!);
    ss.moveActiveSheet(1);
    wb.addSheetFromRows('Notes', [['mine']]);
    const second = buildDashboard(wb.services, mapping, { now: '2026-11-23T00:00:00.000Z' });
    expect(second.sheetName).toBe('Board');
    expect(ss.getSheetByName('Board')!.getSheetId()).not.toBe(firstId);
    expect(wb.sheets().map((s) => [s.name, s.hidden])).toEqual([
      ['Board', false],
      ['Sheet1', false],
      [AD_SHEET, false],
      ['Notes', false],
    ]);
    const now = wb.developerMetadata().filter((m) => m.key === DASHBOARD_METADATA_KEY);
    expect(now.map((m) => [m.sheet, m.value])).toEqual([['Board', JSON.stringify({ schema: 1, builtAt: '2026-11-23T00:00:00.000Z' })]]);
    expect(wb.developerMetadata()).toHaveLength(1);
    expect(wb.activeSheetName()).toBe('Board');
  });

  it('the swap stays within the 40-round-trip budget of a build', () => {
    const { wb, mapping } = setupAd();
    buildDashboard(wb.services, mapping, { now: NOW });
    wb.calls.reset();
    buildDashboard(wb.services, mapping, { now: NOW });
    expect(wb.calls.roundTrips).toBeLessThanOrEqual(40);
  });
});

describe('item 11: real-Sheets details', () => {
  it('a null document lock (documented Lock|null) falls back to the user lock instead of crashing', () => {
    const { wb, mapping } = setupAd();
    wb.setDocumentLockAvailable(false);
    expect(wb.services.LockService.getDocumentLock()).toBeNull();
    expect(buildDashboard(wb.services, mapping, { now: NOW }).sheetName).toBe('ROI');
  });

  it('mapped headers compare on display text: a date-formatted header cell still matches', () => {
    const wb = createWorkbook();
    const data: CellValue[][] = [
      ['Channel', 'Spend', 'Revenue'],
      ['Google', 100, 300],
      ['Meta', 50, 80],
    ];
    const sheet = wb.addSheetFromRows('Data', data);
    // A header typed as a date shows as "Jan 2026"; detection saw (and saved) that display text.
    wb.setCell('Data', 'D1', '2026-01-01');
    sheet.getRange('D1').setNumberFormat('mmm yyyy');
    sheet.getRange('D2:D3').setValues([[1], [2]]);
    const shown = sheet.getRange('A1:D1').getDisplayValues()[0];
    expect(shown[3]).toBe('Jan 2026');
    const base = mappingFor([{ name: 'Data', rows: data }], [sheet.getSheetId()], { dashboardName: 'Dash' });
    const mapping: Mapping = {
      ...base,
      source: { ...base.source, lastColumn: 4, columns: [...base.source.columns, { index: 3, header: 'Jan 2026', role: 'leads' }] },
    };
    expect(buildDashboard(wb.services, mapping, { now: NOW }).sheetName).toBe('Dash');
  });

  it('the ROMI bar chart formats its value axis, which for a bar chart is hAxis', () => {
    const { wb, mapping } = setupAd();
    buildDashboard(wb.services, mapping, { now: NOW });
    const charts = wb.spreadsheet.getSheetByName('ROI')!.getCharts();
    const romi = charts.find((c) => c.getOptions().get('title') === DASHBOARD_LABELS.en.chart.romi);
    expect(romi?.getOptions().get('hAxis.format')).toBe('percent');
    expect(romi?.getOptions().get('vAxis.format') ?? null).toBeNull();
  });

  it('cells without a fill in the plan get no fill (null), not an explicit white', () => {
    const { wb, mapping } = setupAd();
    buildDashboard(wb.services, mapping, { now: NOW });
    const backgrounds = wb.snapshot('ROI').backgrounds.flat();
    expect(backgrounds).not.toContain('#ffffff');
    expect(backgrounds).toContain(null);
  });
});
