/**
 * `report --engine duckdb` gives the default engine's Report (the --json output) for the same file and
 * flags: the sample CSVs, a hostile CSV (title and empty lines, `;`, locale numbers, totals lines, SQL and
 * formulas in names), a file sampled by head and tail, and the same data as Parquet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReport, type ReportOptions } from '../../src/cli/report.js';
import { runReportDuckDb } from '../../src/cli/report-duckdb.js';
import { openDuckDb } from '../../src/cli/duckdb.js';
import { expectSame } from '../support/warehouse-parity.js';
import { hostileAggregated } from '../support/warehouse-hostile.js';

/** The CLI takes its language from LC_ALL/LANG: these tests read its English, whatever the machine's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C.UTF-8' };

const sample = (name: string): string => fileURLToPath(new URL(`../../samples/csv/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-engine-'));

async function same(file: string, options: ReportOptions & { costsFile?: string } = {}, wholeSampleBytes?: number): Promise<void> {
  const { costsFile, ...rest } = options;
  const memory = runReport(readFileSync(file, 'utf8'), {
    ...rest,
    costsCsv: costsFile === undefined ? undefined : readFileSync(costsFile, 'utf8'),
  });
  const duck = await runReportDuckDb(file, { ...rest, costsFile, wholeSampleBytes });
  if (wholeSampleBytes === undefined) expectSame(comparable(duck), comparable(memory));
  else {
    // Sampled by head and tail, detection notes count rows of the sample (README: warehouse mode).
    const strip = (r: unknown): unknown => ({
      ...(comparable(r) as object),
      warnings: (comparable(r) as { warnings: { code: string }[] }).warnings.filter(
        (w) => !w.code.startsWith('totals_') && !w.code.startsWith('footer'),
      ),
    });
    expectSame(strip(duck), strip(memory));
  }
}

/**
 * Everything — the model comparison, cohort LTV and findings included (DuckDB computes them from
 * per-customer sums) — except for CRM files the B2B block, which needs the lead rows (README: warehouse mode).
 */
function comparable(report: unknown): unknown {
  const r = JSON.parse(JSON.stringify(report)) as { shape: string; analysis: Record<string, unknown> };
  if (r.shape === 'crm') for (const k of ['b2b', 'b2bReason']) delete r.analysis[k];
  return r;
}

describe('report --engine duckdb equals the default engine', () => {
  for (const granularity of ['week', 'month', 'quarter'] as const) {
    it(`samples, ${granularity}, with and without --by-campaign`, async () => {
      for (const byCampaign of [false, true]) {
        await same(sample('ad-platform-export-en--ads-export.csv'), { granularity, byCampaign, margin: 0.4 });
        await same(sample('channel-monthly-zh--channel-monthly.csv'), { granularity, byCampaign });
        await same(sample('crm-leads-ru--leads.csv'), { granularity, byCampaign, costsFile: sample('crm-leads-ru--costs.csv') });
      }
    });
  }

  it('a hostile CSV, read whole and sampled by head and tail', async () => {
    const { source } = hostileAggregated(7, 3000);
    const header = ['Дата', 'Канал', 'Кампания', 'Расход', 'Клики', 'Лиды', 'Продажи', 'Выручка'];
    const cell = (v: unknown): string => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);
      return /[;"\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
    };
    const lines = [
      'Отчёт по рекламе;;',
      '',
      header.join(';'),
      ...source.map((r) => r.map(cell).join(';')),
      'Итого;;;1;1;1;1;1',
      '',
      'Выгружено из CRM',
    ];
    const file = join(dir, 'hostile.csv');
    writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
    await same(file, { granularity: 'month' });
    await same(file, { granularity: 'week', byCampaign: true }, 4096);
  });

  it('Parquet with typed columns gives the CSV figures', async () => {
    const csv = sample('ad-platform-export-en--ads-export.csv');
    const parquet = join(dir, 'ads.parquet');
    const db = await openDuckDb();
    await db.connection.run(`COPY (SELECT * FROM read_csv('${csv}', skip = 2, header = true)) TO '${parquet}' (FORMAT parquet)`);
    db.close();
    const memory = runReport(readFileSync(csv, 'utf8'), { granularity: 'month' });
    const duck = await runReportDuckDb(parquet, { granularity: 'month' });
    expectSame(duck.channels, memory.channels);
    expectSame(duck.totals, memory.totals);
    expect(duck.periods).toEqual(memory.periods);
  });

  it('the CLI prints the same --json with either engine', () => {
    const bin = fileURLToPath(new URL('../../bin/funnel-roi.mjs', import.meta.url));
    const args = [
      'report',
      sample('crm-leads-ru--leads.csv'),
      '--costs',
      sample('crm-leads-ru--costs.csv'),
      '--json',
      '--granularity',
      'week',
    ];
    const memory = execFileSync(process.execPath, [bin, ...args], { env: ENGLISH, encoding: 'utf8' });
    const duck = execFileSync(process.execPath, [bin, ...args, '--engine', 'duckdb'], { env: ENGLISH, encoding: 'utf8' });
    expectSame(comparable(JSON.parse(duck)), comparable(JSON.parse(memory)));
    const analysis = (JSON.parse(duck) as { analysis: { models: unknown; ltv: { basis: string }; b2b: unknown; b2bReason: string } })
      .analysis;
    expect(analysis.models).not.toBeNull();
    expect(analysis.ltv.basis).toBe('cohort');
    expect(analysis.b2b).toBeNull();
    expect(analysis.b2bReason).toMatch(/warehouse mode/u);
    expect(() =>
      execFileSync(process.execPath, [bin, ...args, '--engine', 'spark'], { env: ENGLISH, encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/--engine must be one of memory, duckdb, got spark/u);
    // DuckDB's memory cap is a flag; a small one still gives the same report (DuckDB spills instead).
    const capped = execFileSync(process.execPath, [bin, ...args, '--engine', 'duckdb', '--memory-limit', '64MB'], { encoding: 'utf8' });
    expectSame(JSON.parse(capped), JSON.parse(duck));
    for (const bad of ['1 GBs']) {
      expect(() =>
        execFileSync(process.execPath, [bin, ...args, '--engine', 'duckdb', '--memory-limit', bad], {
          env: ENGLISH,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      ).toThrow(/--memory-limit takes a size such as 512MB or 4GB/u);
    }
    expect(() =>
      execFileSync(process.execPath, [bin, ...args, '--memory-limit', '2GB'], { env: ENGLISH, encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/--memory-limit applies only with --engine duckdb/u);
  }, 120_000);
});

describe('report --engine duckdb refuses what it would sum differently', () => {
  it('a date column of period labels', async () => {
    const file = join(dir, 'months.csv');
    writeFileSync(file, 'Month,Channel,Spend,Leads\n2026-01,Google,100,3\n2026-02,Google,120,4\n');
    expect(runReport(readFileSync(file, 'utf8')).channels[0].spend).toBe(220);
    await expect(runReportDuckDb(file)).rejects.toThrow(/period labels such as "2026-01" in Month/u);
  });
});

describe('--engine duckdb on a file small enough to sample whole but 200k rows long', () => {
  it('reads every row (the sample width is found without spreading 200k rows into Math.max)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-long-'));
    const file = join(dir, 'long.csv');
    const lines = ['Date,Channel,Spend,Leads'];
    for (let i = 0; i < 200_000; i++) lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},ch${i % 50},1,1`);
    writeFileSync(file, lines.join('\n'));
    const report = await runReportDuckDb(file, { today: '2026-11-24' });
    expect(report.rows).toMatchObject({ source: 200_000, used: 200_000, skipped: 0 });
    expect(report.totals.spend).toBe(200_000);
  }, 120_000);
});
