/** The CLI says what it did not count (issue 9 item 6): in text, in --json, and by its exit code. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, runReport } from '../../src/cli/report.js';

/** The CLI takes its language from LC_ALL/LANG: these tests read its English, whatever the machine's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C.UTF-8' };

const AD_CSV = readFileSync(new URL('../../samples/csv/ad-platform-export-en--ads-export.csv', import.meta.url), 'utf8');

function cli(csv: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'funnel-roi-')), 'data.csv');
  writeFileSync(file, csv);
  const res = spawnSync(process.execPath, ['bin/funnel-roi.mjs', 'report', file, ...args], { env: ENGLISH, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('CLI: nothing silent', () => {
  it('--json warnings include the skipped title row and the excluded totals row, and rows are counted', () => {
    const out = cli(AD_CSV, '--json');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as ReturnType<typeof runReport>;
    const codes = report.warnings.map((w) => w.code);
    expect(codes).toContain('title_rows_skipped');
    expect(codes).toContain('totals_row_excluded');
    expect(report.warnings.find((w) => w.code === 'totals_row_excluded')?.params?.rows).toBe('732');
    expect(report.rows).toEqual({ source: 728, used: 728, skipped: 0 });
  });

  it('text output counts rows and lists each skip reason with row numbers', () => {
    const csv = ['Date,Channel,Spend,Leads', '2026-01-05,Google,10,1', 'soon,Meta,5,1', '2026-01-07,Meta,7,2', 'later,Google,1,1'].join(
      '\n',
    );
    const text = formatReport(runReport(csv));
    expect(text).toContain('Rows: 2 of 4 used, 2 skipped.');
    expect(text).toContain('warning: 2 rows skipped: the date cannot be read (Date); rows 3, 5.');
  });

  it('when nothing can be read it is an error and the CLI exits non-zero, in text and --json', () => {
    const csv = ['Date,Channel,Spend,Leads', 'soon,Google,10,1', 'later,Meta,5,1'].join('\n');
    expect(() => runReport(csv)).toThrow(/None of the 2 source rows could be read/u);
    for (const args of [[], ['--json']]) {
      const out = cli(csv, ...args);
      expect(out.status).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/funnel-roi: None of the 2 source rows could be read.*the date cannot be read \(Date\); rows 2, 3/u);
    }
  });

  it('a header with no data rows is an error too, not an all-zero table', () => {
    expect(() => runReport('Date,Channel,Spend\n')).toThrow(/no data rows/u);
  });
});

describe('CLI: CRM rows created in a period label', () => {
  const csv = [
    'Дата создания,Источник,Статус,Сумма сделки,Дата закрытия,ID клиента',
    'Январь 2026,yandex,Успешно реализовано,1000,2026-01-20,c1',
    '2026-01,vk,Новый,,,c2',
    '2026年2月,yandex,Успешно реализовано,500,2026-02-10,c3',
    '2026-02-03,vk,Успешно реализовано,700,2026-02-13,c4',
  ].join('\n');

  it('reads them into their period, says so, and measures the deal cycle on day-dated deals only (text and --json)', () => {
    const out = cli(csv, '--json');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as ReturnType<typeof runReport>;
    expect(report.rows).toEqual({ source: 4, used: 4, skipped: 0 });
    expect(report.periods).toEqual(['2026-01', '2026-02']);
    expect(report.totals.revenue).toBe(2200);
    expect(report.warnings.find((w) => w.code === 'created_period_labels')?.params).toMatchObject({ count: 3, deals: 2 });
    expect(report.analysis?.b2b?.cycleTotal).toMatchObject({ count: 1, medianDays: 10 });
    const text = cli(csv).stdout;
    expect(text).toContain('Rows: 4 of 4 used, 0 skipped.');
    expect(text).toContain('warning: 3 lead rows are dated by a period label in Дата создания (e.g. Январь 2026), not a day');
  });
});

describe('CLI: month/day dates (03/14/2026) read in the order the report shows, or said why not', () => {
  const rows = (dates: readonly string[]) => ['Date,Channel,Spend,Leads', ...dates.map((d, i) => `${d},ch${i % 2},10,1`)].join('\n');

  it.each([
    ['a US export', ['03/02/2026', '03/14/2026', '04/01/2026']],
    ['a European export', ['02/03/2026', '14/03/2026', '01/04/2026']],
  ])('%s: every row read, March and April', (_, dates) => {
    const r = runReport(rows(dates), { granularity: 'month', today: '2026-11-24' });
    expect(r.periods).toEqual(['2026-03', '2026-04']);
    expect(r.rows).toEqual({ source: 3, used: 3, skipped: 0 });
  });

  it('no day over 12 anywhere: not guessed — the CLI exits non-zero and says why', () => {
    const out = cli(rows(['02/03/2026', '04/01/2026']));
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('Dates such as “02/03/2026” (Date) can be month/day or day/month');
  });

  it('some rows readable: the report says which dates it could not read and why', () => {
    const r = runReport(rows(['2026-03-02', '02/03/2026']), { granularity: 'month', today: '2026-11-24' });
    expect(r.rows).toEqual({ source: 2, used: 1, skipped: 1 });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['rows_skipped_date', 'dates_day_order']));
  });

  it('--engine duckdb reads them in the order its sample shows, and refuses a file whose sample does not say', () => {
    const us = rows(['03/02/2026', '03/14/2026', '04/01/2026']);
    const duck = JSON.parse(cli(us, '--engine', 'duckdb', '--json').stdout) as ReturnType<typeof runReport>;
    expect([duck.periods, duck.rows]).toEqual([['2026-03', '2026-04'], { source: 3, used: 3, skipped: 0 }]);
    const out = cli(rows(['02/03/2026', '04/01/2026']), '--engine', 'duckdb');
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('--engine duckdb cannot tell whether dates such as "02/03/2026" in Date are month/day or day/month');
  });
});
