/**
 * The generated sample workbooks: regenerating is byte-identical, the numbers are plausible B2B figures
 * (computed here from the rows, independently of the generator), and detection reads each sheet right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSamples, SAMPLES_DIR, type SampleSheet, type SampleWorkbook } from '../../scripts/generate-samples.js';
import { detectSheet, type ColumnRole } from '../../src/core/mapping/index.js';
import { parseNumberText, type Matrix } from '../../src/core/values.js';

function load(name: string): SampleWorkbook {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, `${name}.json`), 'utf8')) as SampleWorkbook;
}

/** As Range.getValues() would return the sheet: date-formatted ISO strings become Dates (script time zone). */
function toMatrix(sheet: SampleSheet): Matrix {
  return sheet.rows.map((row, r) =>
    row.map((v, c) => {
      const fmt = sheet.numberFormats[r]?.[c] ?? 'General';
      if (typeof v === 'string' && /[yd]/u.test(fmt) && /^\d{4}-\d{2}-\d{2}$/u.test(v)) {
        const [y, m, d] = v.split('-').map(Number);
        return new Date(y, m - 1, d);
      }
      return v ?? '';
    }),
  );
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

const rolesOf = (d: ReturnType<typeof detectSheet>): Record<string, ColumnRole> =>
  Object.fromEntries(d.columns.map((c) => [c.header, c.role]));

describe('sample generator', () => {
  it('regenerates byte-identical files, and samples/ holds nothing else', () => {
    const generated = generateSamples();
    const onDisk = listFiles(SAMPLES_DIR)
      .map((f) => relative(SAMPLES_DIR, f).split('\\').join('/'))
      .sort();
    expect(onDisk).toEqual([...generated.keys()].sort());
    for (const [rel, content] of generated) expect(readFileSync(join(SAMPLES_DIR, rel), 'utf8'), rel).toBe(content);
  });
});

describe('ad-platform export sample (en)', () => {
  const sheet = load('ad-platform-export-en').sheets[0];
  const header = sheet.rows[2] as string[];
  const col = (name: string): number => header.indexOf(name);
  const data = sheet.rows.slice(3, -1);

  it('has a title row, 8+ channels, a year of rows and a Total row', () => {
    expect(String(sheet.rows[0][0])).toMatch(/export/iu);
    expect(new Set(data.map((r) => r[col('Channel')])).size).toBeGreaterThanOrEqual(8);
    const dates = data.map((r) => String(r[col('Date')])).sort();
    expect(dates[0].slice(0, 7)).toBe('2026-01');
    expect(dates.at(-1)?.slice(0, 7)).toBe('2026-12');
    expect(sheet.rows.at(-1)?.[0]).toBe('Total');
    expect(data.some((r) => r.includes(null))).toBe(true);
  });

  it('has plausible B2B numbers per channel', () => {
    const sums = new Map<string, Record<string, number>>();
    for (const r of data) {
      const s = sums.get(String(r[col('Channel')])) ?? {};
      for (const k of ['Spend', 'Impressions', 'Clicks', 'Leads', 'Customers', 'Revenue']) s[k] = (s[k] ?? 0) + Number(r[col(k)] ?? 0);
      sums.set(String(r[col('Channel')]), s);
    }
    const totalSpend = [...sums.values()].reduce((n, s) => n + s.Spend, 0);
    let losing = 0;
    for (const [channel, s] of sums) {
      const leadToCustomer = s.Customers / s.Leads;
      expect(leadToCustomer, channel).toBeGreaterThanOrEqual(0.02);
      expect(leadToCustomer, channel).toBeLessThanOrEqual(0.1);
      const deal = s.Revenue / s.Customers;
      expect(deal, channel).toBeGreaterThanOrEqual(2000);
      expect(deal, channel).toBeLessThanOrEqual(30000);
      const cpc = s.Spend / s.Clicks;
      if (cpc >= 0.5 && s.Impressions > 0) {
        // Paid ad channels.
        expect(s.Clicks / s.Impressions, channel).toBeGreaterThanOrEqual(0.005);
        expect(s.Clicks / s.Impressions, channel).toBeLessThanOrEqual(0.03);
        expect(cpc, channel).toBeGreaterThanOrEqual(1);
        expect(cpc, channel).toBeLessThanOrEqual(8);
      }
      if (s.Revenue < s.Spend) losing++;
    }
    expect(losing).toBeGreaterThanOrEqual(2);
    const organic = sums.get('SEO / Organic');
    expect(organic && organic.Spend / totalSpend).toBeLessThan(0.01);
  });

  it('the Total row equals the column sums', () => {
    const total = sheet.rows.at(-1) ?? [];
    for (const k of ['Spend', 'Clicks', 'Leads', 'Revenue']) {
      const sum = data.reduce((n, r) => n + Number(r[col(k)] ?? 0), 0);
      expect(Number(total[col(k)])).toBeCloseTo(sum, 1);
    }
  });

  it('is detected: title skipped, Total excluded, every column mapped, aggregated funnel', () => {
    const d = detectSheet(toMatrix(sheet), undefined, { sheetName: 'Ads export' });
    expect(d.table).toMatchObject({ headerRow: 3, firstDataRow: 4, lastDataRow: sheet.rows.length - 1, firstColumn: 1, lastColumn: 11 });
    expect(d.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['title_rows_skipped', 'totals_row_excluded']));
    expect(d.shape).toBe('aggregated');
    expect(rolesOf(d)).toEqual({
      Date: 'date',
      Channel: 'channel',
      Campaign: 'campaign',
      Spend: 'spend',
      Impressions: 'impressions',
      Clicks: 'clicks',
      Leads: 'leads',
      MQL: 'stage',
      SQL: 'stage',
      Customers: 'customers',
      Revenue: 'revenue',
    });
    expect(d.funnel.map((s) => s.id)).toEqual(['impressions', 'clicks', 'leads', 'mql', 'sql', 'customers']);
    expect(d.columns.find((c) => c.header === 'Date')?.valueType).toBe('date');
  });
});

describe('CRM sample (ru) with its costs table', () => {
  const wb = load('crm-leads-ru');
  const leads = wb.sheets[0];
  const costs = wb.sheets[1];
  const rows = leads.rows.slice(1);

  it('has 2,000–5,000 leads over 12 months, repeat customers, text and numeric amounts', () => {
    expect(rows.length).toBeGreaterThanOrEqual(2000);
    expect(rows.length).toBeLessThanOrEqual(5000);
    expect(new Set(rows.map((r) => String(r[1]).slice(0, 7))).size).toBe(12);
    const won = rows.filter((r) => r[4] === 'Успешно реализовано');
    const perCustomer = new Map<string, number>();
    for (const r of won) perCustomer.set(String(r[7]), (perCustomer.get(String(r[7])) ?? 0) + 1);
    expect([...perCustomer.values()].some((n) => n > 1)).toBe(true);
    const texts = won.map((r) => r[5]).filter((v): v is string => typeof v === 'string');
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.every((t) => (parseNumberText(t) ?? 0) > 0)).toBe(true);
    expect(won.some((r) => typeof r[5] === 'number')).toBe(true);
  });

  it('every lead source has a costs row for every month', () => {
    const sources = new Set(rows.map((r) => r[2]));
    const costKeys = new Set(costs.rows.slice(1).map((r) => `${r[0]}|${r[1]}`));
    for (const s of sources) for (let m = 1; m <= 12; m++) expect(costKeys.has(`2026-${String(m).padStart(2, '0')}-01|${s}`)).toBe(true);
  });

  it('is detected as a CRM export with statuses, counts and a pipeline-ordered funnel', () => {
    const d = detectSheet(toMatrix(leads), undefined, { locale: 'ru' });
    expect(d.shape).toBe('crm');
    expect(rolesOf(d)).toEqual({
      ID: 'lead_id',
      'Дата создания': 'date',
      Источник: 'channel',
      Кампания: 'campaign',
      Статус: 'status',
      'Сумма сделки': 'revenue',
      'Дата закрытия': 'close_date',
      'ID клиента': 'customer_id',
      'Оценка NPS': 'nps',
      // One identity column is guessed; e-mail and phone join it when the user maps them as customer ID too.
      'E-mail': 'ignore',
      Телефон: 'ignore',
    });
    const counted = new Map<string, number>();
    for (const r of rows) counted.set(String(r[4]), (counted.get(String(r[4])) ?? 0) + 1);
    expect(new Map(d.statuses.map((s) => [s.status, s.count]))).toEqual(counted);
    const kind = (s: string): string | undefined => d.statusRules.find((r) => r.status === s)?.kind;
    expect([kind('Успешно реализовано'), kind('Закрыто и не реализовано'), kind('Спам'), kind('Новый')]).toEqual([
      'won',
      'lost',
      'junk',
      'stage',
    ]);
    expect(d.funnel.map((s) => s.id)).toEqual(['leads', 'contacted', 'qualified', 'meeting', 'proposal', 'customers']);
    expect(d.funnel[0].label).toBe('Лиды');
    expect(d.notes.map((n) => n.code)).not.toContain('unknown_statuses');
  });

  it('the costs sheet is detected as month × channel × spend in roubles', () => {
    const d = detectSheet(toMatrix(costs));
    expect(rolesOf(d)).toEqual({ Месяц: 'date', Канал: 'channel', 'Расход, ₽': 'spend' });
    expect(d.notes.find((n) => n.code === 'currency_detected')?.params).toEqual({ currency: 'RUB' });
  });
});

describe('Chinese aggregated sample', () => {
  it('is detected with Chinese headers', () => {
    const d = detectSheet(toMatrix(load('channel-monthly-zh').sheets[0]), undefined, { locale: 'zh' });
    expect(d.shape).toBe('aggregated');
    expect(d.columns.map((c) => c.role)).toEqual(['channel', 'date', 'spend', 'impressions', 'clicks', 'leads', 'customers', 'revenue']);
  });
});
