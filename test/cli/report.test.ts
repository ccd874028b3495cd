import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../src/cli/csv.js';
import { formatReport, runReport, type Report } from '../../src/cli/report.js';

/** The CLI takes its language from LC_ALL/LANG: these tests read its English, whatever the machine's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C.UTF-8' };

describe('parseCsv', () => {
  it('handles RFC 4180 quoting, CRLF, BOM and sniffs ; and tab', () => {
    const text = '\uFEFFa;b;c\r\n"x;1";"he said ""hi""";"two\nlines"\r\n';
    expect(sniffDelimiter(text)).toBe(';');
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x;1', 'he said "hi"', 'two\nlines'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n"1,5",2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/not closed/u);
  });
});

describe('runReport', () => {
  // Russian Excel export: `;` delimiter, decimal commas, ₽ and spaces in numbers.
  const csv = [
    'Дата;Канал;Расход;Клики;Лиды;Продажи;Выручка',
    '2026-01-05;Яндекс Директ;"12 000,50 ₽";400;40;4;"60 000 ₽"',
    '2026-02-05;яндекс директ;8 000;300;20;1;10000',
    '2026-01-05;VK Реклама;5000;500;25;0;0',
    '2026-01-06;"=IMPORTXML(""http://x"";""//a"")";100;10;1;0;0',
  ].join('\n');
  const report: Report = runReport(csv, { margin: 0.5 });

  it('computes per-channel metrics from the sums (hand-checked numbers)', () => {
    const y = report.channels.find((c) => c.channel === 'Яндекс Директ')!;
    expect(y.spend).toBeCloseTo(20000.5, 9);
    expect(y.leads).toBe(60);
    expect(y.customers).toBe(5);
    expect(y.revenue).toBe(70000);
    expect(y.cpl).toBeCloseTo(20000.5 / 60, 9);
    expect(y.cac).toBeCloseTo(4000.1, 9);
    expect(y.romi).toBeCloseTo((35000 - 20000.5) / 20000.5, 9);
    const vk = report.channels.find((c) => c.channel === 'VK Реклама')!;
    expect(vk.cac).toBeNull(); // no customers: blank, not Infinity
    expect(report.totals.spend).toBeCloseTo(25100.5, 9);
    expect(report.totals.romi).toBeCloseTo((70000 * 0.5 - 25100.5) / 25100.5, 9);
    expect(report.periods).toEqual(['2026-01', '2026-02']);
  });

  it('prints an aligned table with a totals line', () => {
    const text = formatReport(report);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Channel\s+Spend\s+Leads/u);
    expect(lines.find((l) => l.startsWith('Total'))).toContain('25,100.50');
    const tableLines = lines.slice(
      0,
      lines.findIndex((l) => l.startsWith('Model:')),
    );
    const widths = new Set(tableLines.filter((l) => !l.includes(':')).map((l) => l.length));
    expect(widths.size).toBe(1);
  });

  it('bin/funnel-roi.mjs runs and prints JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-'));
    const file = join(dir, 'data.csv');
    writeFileSync(file, csv);
    const out = execFileSync(process.execPath, ['bin/funnel-roi.mjs', 'report', file, '--json', '--margin', '0.5'], {
      env: ENGLISH,
      encoding: 'utf8',
    });
    const parsed = JSON.parse(out) as Report;
    expect(parsed.totals.spend).toBeCloseTo(25100.5, 9);
  });
});

describe('runReport on a CRM export with --costs', () => {
  const leads = [
    'ID,Дата создания,Источник,Статус,Сумма сделки',
    '1,2026-01-05,yandex,Успешно реализовано,"10 000,00"',
    '2,2026-01-07,yandex,В работе,',
    '3,2026-01-09,vk,Спам,',
    '4,2026-02-02,vk,Успешно реализовано,5000',
  ].join('\n');
  const costs = ['Месяц,Канал,"Расход, ₽"', '2026-01-01,yandex,4000', '2026-02-01,yandex,1000', '2026-01-01,vk,2500'].join('\n');

  it('takes spend from the costs table: yandex 5000 for 10000 revenue, vk 2500 for 5000', () => {
    const report = runReport(leads, { costsCsv: costs });
    expect(report.shape).toBe('crm');
    const y = report.channels.find((c) => c.channel === 'yandex')!;
    expect(y.spend).toBe(5000);
    expect(y.revenue).toBe(10000);
    expect(y.romi).toBeCloseTo(1, 12); // (10000 − 5000)/5000
    const vk = report.channels.find((c) => c.channel === 'vk')!;
    expect(vk.spend).toBe(2500);
    expect(report.totals.spend).toBe(7500);
    expect(report.totals.romi).toBeCloseTo((15000 - 7500) / 7500, 12);
  });

  it('without costs it says what is missing; on an aggregated file --costs is refused', () => {
    expect(runReport(leads).warnings.map((w) => w.code)).toContain('missing_costs_table');
    expect(() => runReport('Date,Channel,Spend\n2026-01-01,A,5', { costsCsv: costs })).toThrow(/--costs is for CRM exports/u);
  });

  it('refuses a file with no channel column instead of printing an empty table', () => {
    expect(() => runReport('a,b\n1,2\n3,4')).toThrow(/No channel\/source column/u);
  });
});

describe('report blocks beyond the channel table (CRM with customer ids and close dates)', () => {
  // Two customers: A touches google then buys via vk; B buys via google twice, 100 days apart (a return).
  const leads = [
    'ID,Дата создания,Источник,Статус,Сумма сделки,Дата закрытия,ID клиента',
    '1,2026-01-05,google,В работе,,,A',
    '2,2026-01-15,vk,Успешно реализовано,"1 000,00",2026-01-25,A',
    '3,2026-01-10,google,Успешно реализовано,400,2026-01-20,B',
    '4,2026-04-20,google,Успешно реализовано,600,2026-04-30,B',
  ].join('\n');
  const costs = ['Месяц,Канал,Расход', '2026-01-01,google,300', '2026-01-01,vk,400'].join('\n');

  it('JSON carries every model, LTV basis, the B2B block, findings and the definitions used', () => {
    const r = runReport(leads, { costsCsv: costs, margin: 0.5, metrics: { attribution: 'first_touch' } });
    const a = r.analysis;
    expect(a.options.attribution).toBe('first_touch');
    // First touch: A's 1000 goes to google (her first lead), so vk gets nothing; last touch gives it to vk.
    expect(r.channels.find((c) => c.channel === 'google')!.revenue).toBe(2000);
    const lastVk = a.models!.last_touch.find((m) => m.channel === 'vk')!;
    // vk makes 1000 × 0.5 − 400 under last touch and loses its 400 under first touch: the verdict flips.
    expect([lastVk.revenue, lastVk.newCustomers, lastVk.profit]).toEqual([1000, 1, 500 - 400]);
    expect(a.models!.first_touch.find((m) => m.channel === 'vk')!.revenue).toBe(0);
    expect(a.ltv.basis).toBe('cohort');
    // B returned after 90+ days (01-20 → 04-30); 600 of 2000 is repeat revenue.
    expect(a.b2b!.returnedCustomers).toBe(1);
    expect(a.b2b!.moneyTotal.repeatShare).toBeCloseTo(0.3, 12);
    expect(a.findings.map((f) => f.key)).toContain('finding.modelFlip');
    expect(a.definitions.map((d) => d.id)).toContain('returned_customer');
    expect(JSON.parse(JSON.stringify(r)).analysis.models.linear).toHaveLength(2);
  });

  it('text report prints findings, the model comparison, cohorts, the B2B block and definitions, in Russian on request', () => {
    const text = formatReport(runReport(leads, { costsCsv: costs, margin: 0.5, locale: 'ru' }), 'ru');
    for (const heading of ['Выводы:', 'Сравнение моделей атрибуции', 'LTV по когортам', 'B2B:', 'Определения:'])
      expect(text).toContain(heading);
    expect(text).not.toMatch(/^Channel .* LTV\s*$/mu); // no period "LTV" column in the channel table
  });

  it('says why a channel has no projected LTV, in JSON and in the text report, as the dashboard does', () => {
    // C came through bing two days before the data ends: too recent to project.
    const recent = `${leads}\n5,2026-04-25,bing,Успешно реализовано,300,2026-04-28,C`;
    const r = runReport(recent, { costsCsv: costs, margin: 0.5 });
    const ltv = r.analysis.ltv;
    if (ltv.basis !== 'cohort') throw new Error(`expected a cohort LTV, got ${ltv.basis}`);
    expect(ltv.ltvCac.find((c) => c.channel === 'bing')?.ltv).toBeNull();
    expect(ltv.blankReasons).toEqual(['No projected LTV for bing: none of their customers has been observed for 3 months yet.']);
    expect(formatReport(runReport(recent, { costsCsv: costs, margin: 0.5, locale: 'ru' }), 'ru')).toContain(
      'Нет прогноза LTV для каналов bing',
    );
    expect(formatReport(r)).toContain('No projected LTV for bing');
  });

  it('without customer ids there is no LTV, only revenue per customer', () => {
    const noIds = leads
      .split('\n')
      .map((l) => l.split(',').slice(0, -1).join(','))
      .join('\n');
    const a = runReport(noIds, { costsCsv: costs }).analysis;
    expect(a.ltv.basis).toBe('none');
  });

  it('the CLI takes --model and refuses an unknown one, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-'));
    writeFileSync(join(dir, 'l.csv'), leads);
    writeFileSync(join(dir, 'c.csv'), costs);
    const out = execFileSync(
      process.execPath,
      ['bin/funnel-roi.mjs', 'report', join(dir, 'l.csv'), '--costs', join(dir, 'c.csv'), '--json', '--model', 'linear'],
      { encoding: 'utf8' },
    );
    expect((JSON.parse(out) as Report).analysis.options.attribution).toBe('linear');
    expect(() =>
      execFileSync(process.execPath, ['bin/funnel-roi.mjs', 'report', join(dir, 'l.csv'), '--model', 'shapley'], {
        env: ENGLISH,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/attribution cannot be shapley; allowed: last_touch \| first_touch/u);
  });
});

describe('the CRM sample’s NPS answers reach the B2B block', () => {
  it('counts every answer, and NPS = % promoters − % detractors over them', () => {
    const dir = 'samples/csv';
    const leads = readFileSync(`${dir}/crm-leads-ru--leads.csv`, 'utf8');
    const r = runReport(leads, { costsCsv: readFileSync(`${dir}/crm-leads-ru--costs.csv`, 'utf8') });
    // Independently: the column headed "Оценка NPS" holds the answers.
    const table = Papa.parse<string[]>(leads.trim(), { skipEmptyLines: true }).data;
    const at = table[0].indexOf('Оценка NPS');
    const scores = table
      .slice(1)
      .map((row) => row[at])
      .filter((v) => v !== '')
      .map(Number);
    expect(scores.length).toBeGreaterThan(50);
    const n = r.analysis.b2b!.npsTotal!;
    expect(n.answers).toBe(scores.length);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    expect(n.nps).toBeCloseTo(((promoters - detractors) / scores.length) * 100, 9);
  });
});
