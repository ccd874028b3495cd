/**
 * Warehouse mode end to end through the built bundle: the server API as google.script.run calls it, on the
 * local runtime with the BigQuery advanced service faked at its boundary (local/runtime/bigquery: DuckDB
 * running the DuckDB twin of the BigQuery SQL the bundle sends). The dashboard built from the BigQuery
 * table must equal the one built from the same rows on a sheet.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildResult, DataSourceSummary, ValidationIssue, WarehouseDetection } from '../../src/api/contract.js';
import { defaultMapping, type Detection, type Mapping } from '../../src/core/mapping/index.js';
import { createSession, type LocalSession } from '../../local/server/session.js';
import { readSample } from '../../local/server/samples.js';
import { FakeBigQuery, type FakeBigQueryOptions } from '../../local/runtime/index.js';
import { addSheetTable } from '../../local/runtime/bigquery/sample-tables.js';

const fakes: FakeBigQuery[] = [];
afterAll(() => fakes.forEach((f) => f.close()));

const ADS = { projectId: 'acme-marketing', datasetId: 'ads', tableId: 'weekly_export' };
const LEADS = { projectId: 'acme-marketing', datasetId: 'crm', tableId: 'leads' };
const COSTS = { projectId: 'acme-marketing', datasetId: 'crm', tableId: 'costs' };

function warehouse(options: FakeBigQueryOptions = {}): FakeBigQuery {
  const fake = new FakeBigQuery(options);
  fakes.push(fake);
  addSheetTable(fake, ADS, readSample('ad-platform-export-en').sheets[0].rows);
  const crm = readSample('crm-leads-ru').sheets;
  addSheetTable(fake, LEADS, crm[0].rows);
  addSheetTable(fake, COSTS, crm[1].rows);
  return fake;
}

function run<T>(s: LocalSession, fn: string, ...args: unknown[]): T {
  const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn} failed: ${res.error}`);
  return res.value as T;
}

function fails(s: LocalSession, fn: string, ...args: unknown[]): string {
  const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (res.ok) throw new Error(`${fn} unexpectedly succeeded`);
  return res.error ?? '';
}

function session(sample: string, fake: FakeBigQuery, userLocale = 'en'): LocalSession {
  return createSession({
    samples: [sample],
    userLocale,
    bigQuery: {
      service: fake.service,
      dataSourceSheets: [
        { name: 'Ads (BigQuery)', projectId: 'acme-billing', table: ADS },
        { name: 'Custom SQL', projectId: 'acme-billing', rawQuery: 'SELECT 1' },
      ],
    },
  });
}

function warehouseMapping(d: WarehouseDetection, costs: WarehouseDetection | null, billingProject: string): Mapping {
  const m = defaultMapping(d.detection, { costs: costs?.detection.table ?? null });
  const ref = (text: string) => {
    const [projectId, datasetId, tableId] = text.split('.');
    return { projectId, datasetId, tableId };
  };
  return { ...m, warehouse: { engine: 'bigquery', source: ref(d.table), costs: costs ? ref(costs.table) : null, billingProject } };
}

/** Numbers equal to 1e-12 relative: BigQuery and the in-memory path add in different orders. */
function sameCell(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));
  return JSON.stringify(x) === JSON.stringify(y);
}

function expectSameDashboard(a: unknown[][], b: unknown[][]): void {
  const diffs: string[] = [];
  for (let r = 0; r < Math.max(a.length, b.length); r++)
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++)
      if (!sameCell(a[r]?.[c], b[r]?.[c])) diffs.push(`R${r + 1}C${c + 1}: ${JSON.stringify(a[r]?.[c])} ≠ ${JSON.stringify(b[r]?.[c])}`);
  expect(diffs.slice(0, 30)).toEqual([]);
}

/**
 * The dashboard's rows of figures and labels. Left out: the header's "Source" cell (a sheet range in one,
 * a table name in the other), the build time (wall-clock text), blank rows, and the reading notes (bullets): the sheet path
 * adds its detection notes (a totals row excluded) and, for CRM, findings that compare attribution models
 * on per-deal records, which stay in the warehouse (README: warehouse mode).
 */
function dashboardValues(s: LocalSession, name: string): unknown[][] {
  const snap = s.workbook.snapshot(name);
  return snap.values
    .filter((row) => row.some((v) => v !== '') && !(typeof row[0] === 'string' && /^(•|Excluded|Исключен|已排除)/u.test(row[0])))
    .map((row) =>
      row.map((v) =>
        Object.prototype.toString.call(v) === '[object Date]' ||
        (typeof v === 'string' &&
          (v.startsWith('BigQuery ') ||
            v.startsWith("'") ||
            /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{1,4}[./]\d{1,2}[./]\d{1,4} \d\d:\d\d$)/u.test(v)))
          ? '·'
          : v,
      ),
    );
}

describe('BigQuery data source, end to end on the bundle', () => {
  it('lists Connected Sheets data source sheets with their tables', () => {
    const s = session('ad-platform-export-en', warehouse());
    expect(run<DataSourceSummary[]>(s, 'listDataSources')).toEqual([
      { name: 'Ads (BigQuery)', table: 'acme-marketing.ads.weekly_export', billingProject: 'acme-billing' },
      { name: 'Custom SQL', table: null, billingProject: 'acme-billing' },
    ]);
  });

  it('reads columns and sample rows without a query job, and guesses them as on a sheet', () => {
    const fake = warehouse();
    const s = session('ad-platform-export-en', fake);
    const d = run<WarehouseDetection>(s, 'detectWarehouse', '`acme-marketing.ads.weekly_export`', '');
    expect(d.table).toBe('acme-marketing.ads.weekly_export');
    expect(d.billingProject).toBe('acme-marketing');
    expect(fake.log).toEqual(['tables.get', 'tabledata.list']);
    const onSheet = run<Detection>(s, 'detect', 'Ads export');
    expect(d.detection.shape).toBe(onSheet.shape);
    expect(d.detection.columns.map((c) => c.role)).toEqual(onSheet.columns.map((c) => c.role));
    expect(d.detection.table).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: null, firstColumn: 1 });
  });

  it('aggregated export: validate shows the dry-run bytes; the dashboard equals the one built from the sheet', () => {
    const fake = warehouse({ pageRows: 7, pendingPolls: 2 });
    const s = session('ad-platform-export-en', fake);
    const d = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', 'acme-billing');
    const mapping = warehouseMapping(d, null, 'acme-billing');
    const issues = run<ValidationIssue[]>(s, 'validate', mapping);
    const estimate = issues.find((i) => i.code === 'warehouse_bytes_estimate');
    expect(estimate?.params?.project).toBe('acme-billing');
    expect(fake.log).toContain('jobs.query dryRun');
    run(s, 'saveMapping', mapping);
    fake.log.length = 0;
    const built = run<BuildResult>(s, 'buildDashboard');
    // Job still running twice, then results in pages of 7 rows.
    expect(fake.log.filter((l) => l === 'jobs.getQueryResults').length).toBe(2);
    expect(fake.log.filter((l) => l === 'jobs.getQueryResults page').length).toBeGreaterThan(0);
    expect(built.bytesProcessed).toBeGreaterThan(0);

    const plain = createSession({ samples: ['ad-platform-export-en'] });
    const sheetMapping = defaultMapping(run<Detection>(plain, 'detect', 'Ads export'));
    run(plain, 'saveMapping', sheetMapping);
    const fromSheet = run<BuildResult>(plain, 'buildDashboard');
    expect(built.usedRows).toBe(fromSheet.usedRows);
    expect(built.channels).toBe(fromSheet.channels);
    expect(built.periods).toBe(fromSheet.periods);
    expectSameDashboard(dashboardValues(s, built.sheetName), dashboardValues(plain, fromSheet.sheetName));
  });

  it('CRM leads and costs tables: the same dashboard as from the sheets; a multi-touch model keeps the totals', () => {
    const fake = warehouse();
    const s = session('crm-leads-ru', fake, 'ru');
    const leads = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.crm.leads', '');
    const costs = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.crm.costs', '');
    expect(leads.detection.shape).toBe('crm');
    const mapping = warehouseMapping(leads, costs, 'acme-marketing');
    run(s, 'saveMapping', mapping);
    const built = run<BuildResult>(s, 'buildDashboard');

    const plain = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    const sheetMapping = defaultMapping(run<Detection>(plain, 'detect', 'Лиды'), {
      costs: run<Detection>(plain, 'detect', 'Расходы').table,
    });
    run(plain, 'saveMapping', sheetMapping);
    const fromSheet = run<BuildResult>(plain, 'buildDashboard');
    expect(built.usedRows).toBe(fromSheet.usedRows);
    // The per-customer blocks (the attribution-model comparison, cohort LTV, LTV by channel) come from the
    // SQL's per-customer sums and equal the sheet's; only the B2B block needs the lead rows themselves, and
    // the BigQuery dashboard says so where the sheet's has it. The definitions below agree again.
    const fromBigQuery = dashboardValues(s, built.sheetName);
    const onSheet = dashboardValues(plain, fromSheet.sheetName);
    const starts = (values: unknown[][], text: string) => values.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith(text));
    const cut = starts(fromBigQuery, 'Цикл сделки, доля повторных продаж');
    expect(cut).toBeGreaterThan(50);
    expect(starts(onSheet, 'B2B: цикл сделки')).toBe(cut);
    for (const block of ['Сравнение моделей атрибуции', 'LTV по когортам']) expect(starts(fromBigQuery, block)).toBeGreaterThan(0);
    expect(starts(fromBigQuery, 'Нет истории клиентов')).toBe(-1);
    expectSameDashboard(fromBigQuery.slice(0, cut), onSheet.slice(0, cut));
    const definitions = (values: unknown[][]) => values.slice(starts(values, 'Определения'));
    expectSameDashboard(definitions(fromBigQuery), definitions(onSheet));

    // Linear attribution, as the Options step saves it, runs in BigQuery too: each deal is split over its
    // customer's touches, and the weights of a deal sum to 1, so the per-channel table's totals row stands.
    // A customer's leads of one day are ordered by their cells in both paths (not by sheet row, which a
    // BigQuery table lacks), so the whole dashboard equals the sheet's under linear credit as well.
    const totalsRow = (values: unknown[][]) => values.find((row) => row[0] === 'Итого') ?? [];
    const linearOptions = { ...mapping.options, metrics: { attribution: 'linear' as const } };
    run(s, 'saveMapping', { ...mapping, options: linearOptions });
    fake.log.length = 0;
    const linear = run<BuildResult>(s, 'buildDashboard');
    expect(fake.log).toContain('jobs.query');
    expect(fake.queries.at(-1)).toContain('l_credit');
    const linearValues = dashboardValues(s, linear.sheetName);
    expectSameDashboard([totalsRow(linearValues)], [totalsRow(fromBigQuery)]);
    run(plain, 'saveMapping', { ...sheetMapping, options: { ...sheetMapping.options, metrics: { attribution: 'linear' as const } } });
    const linearSheet = dashboardValues(plain, run<BuildResult>(plain, 'buildDashboard').sheetName);
    const linearCut = starts(linearValues, 'Цикл сделки, доля повторных продаж');
    expect(linearCut).toBeGreaterThan(50);
    expectSameDashboard(linearValues.slice(0, linearCut), linearSheet.slice(0, linearCut));
  });
});

describe('BigQuery leads with their ad costs on a sheet of the spreadsheet', () => {
  it('the costs sheet goes into the query; the dashboard equals the one built from the two sheets', () => {
    const fake = warehouse();
    const s = session('crm-leads-ru', fake, 'ru');
    const leads = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.crm.leads', '');
    const costsSheet = run<Detection>(s, 'detect', 'Расходы');
    const mapping: Mapping = {
      ...defaultMapping(leads.detection, { costs: costsSheet.table }),
      warehouse: { engine: 'bigquery', source: LEADS, costs: null, billingProject: 'acme-marketing' },
    };
    const issues = run<ValidationIssue[]>(s, 'validate', mapping);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    run(s, 'saveMapping', mapping);
    const built = run<BuildResult>(s, 'buildDashboard');
    // One query; the sheet's rows travel inside it (no costs table is read from BigQuery).
    expect(fake.queries.at(-1)).toContain('sheet_row');
    expect(fake.log.filter((l) => l.startsWith('tables.get')).length).toBeGreaterThan(0);

    const plain = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    const sheetMapping = defaultMapping(run<Detection>(plain, 'detect', 'Лиды'), {
      costs: run<Detection>(plain, 'detect', 'Расходы').table,
    });
    run(plain, 'saveMapping', sheetMapping);
    const fromSheet = run<BuildResult>(plain, 'buildDashboard');
    expect(built.usedRows).toBe(fromSheet.usedRows);
    const fromBigQuery = dashboardValues(s, built.sheetName);
    const onSheet = dashboardValues(plain, fromSheet.sheetName);
    const cut = fromBigQuery.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith('Цикл сделки, доля повторных продаж'));
    expect(cut).toBeGreaterThan(50);
    expectSameDashboard(fromBigQuery.slice(0, cut), onSheet.slice(0, cut));
  });
});

describe('BigQuery failures reach the user coded and translated', () => {
  it('hostile table names are refused before any call', () => {
    const fake = warehouse();
    const s = session('ad-platform-export-en', fake);
    for (const input of ['acme-marketing.ads.weekly_export`; DROP TABLE x; --', "a.b.c' OR 1=1", 'ads.weekly_export', '', 'ACME.ads.t']) {
      expect(fails(s, 'detectWarehouse', input, '')).toMatch(/is not a BigQuery table/u);
    }
    expect(fails(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', 'x;DROP')).toMatch(/not a Google Cloud project id/u);
    expect(fake.log).toEqual([]);
  });

  it('a dataset without BigQuery Data Viewer: permission error in Russian', () => {
    const s = session('ad-platform-export-en', warehouse({ viewableDatasets: ['acme-marketing.crm'] }), 'ru');
    expect(fails(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', '')).toMatch(
      /^BigQuery отказал в доступе к acme-marketing\.ads\.weekly_export/u,
    );
  });

  it('a table that does not exist: not found, in Chinese', () => {
    const s = session('ad-platform-export-en', warehouse(), 'zh-CN');
    expect(fails(s, 'detectWarehouse', 'acme-marketing.ads.nope', '')).toMatch(/^BigQuery 找不到 acme-marketing\.ads\.nope/u);
  });

  it('no bigquery.jobUser on the billing project: validate says so, and Save refuses', () => {
    const s = session('ad-platform-export-en', warehouse({ jobProjects: ['acme-marketing'] }));
    const d = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', 'other-project');
    const mapping = warehouseMapping(d, null, 'other-project');
    const issues = run<ValidationIssue[]>(s, 'validate', mapping);
    expect(issues.map((i) => [i.severity, i.code])).toContainEqual(['error', 'warehouse_permission']);
    expect(fails(s, 'saveMapping', mapping)).toMatch(/not saved/u);
  });

  it('a quota error during the build leaves no half-written dashboard', () => {
    const fake = warehouse();
    const s = session('ad-platform-export-en', fake);
    const d = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', '');
    run(s, 'saveMapping', warehouseMapping(d, null, 'acme-marketing'));
    const before = s.workbook.sheetNames();
    fake.failNext('jobs.query', 'quota');
    expect(fails(s, 'buildDashboard')).toMatch(/quota or rate limit was reached \(Quota exceeded/u);
    expect(s.workbook.sheetNames()).toEqual(before);
  });

  it('a column renamed in BigQuery after mapping: the build names it', () => {
    const fake = warehouse();
    const s = session('ad-platform-export-en', fake);
    const d = run<WarehouseDetection>(s, 'detectWarehouse', 'acme-marketing.ads.weekly_export', '');
    run(s, 'saveMapping', warehouseMapping(d, null, 'acme-marketing'));
    const rows = readSample('ad-platform-export-en').sheets[0].rows.map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === 'Date');
    rows[header][3] = 'Cost';
    addSheetTable(fake, ADS, rows);
    expect(fails(s, 'buildDashboard')).toMatch(/Column “Spend” of acme-marketing\.ads\.weekly_export is no longer at position 4/u);
  });
});
