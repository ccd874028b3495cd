import { describe, expect, it } from 'vitest';
import {
  currencyOfLocale,
  defaultMapping,
  detectCurrency,
  detectSheet,
  parseMapping,
  serializeMapping,
  validateMapping,
} from '../../src/core/mapping/index.js';
import type { Matrix } from '../../src/core/values.js';

describe('detectSheet', () => {
  const values: Matrix = [
    ['Отчёт по каналам', '', '', '', ''],
    ['', '', '', '', ''],
    ['Канал', 'Месяц', 'Расход, ₽', 'Лиды', 'Выручка'],
    ['=IMPORTXML("http://evil","//a")', new Date(2026, 0, 1), '1 234,56 ₽', 10, '250 000 ₽'],
    ['<img src=x onerror=alert(1)>', new Date(2026, 0, 1), 500, '#N/A', '0 ₽'],
    ['+cmd', new Date(2026, 1, 1), 700, 4, ''],
    ['Итого', '', 2434.56, 14, 250000],
  ];
  const d = detectSheet(values, undefined, { sheetId: 42, sheetName: 'Каналы', locale: 'ru' });

  it('returns a Detection the sidebar can show and a binding the server can save', () => {
    expect(d.table).toMatchObject({
      sheetId: 42,
      sheetName: 'Каналы',
      headerRow: 3,
      firstDataRow: 4,
      lastDataRow: 6,
      firstColumn: 1,
      lastColumn: 5,
    });
    expect(d.columns.map((c) => c.role)).toEqual(['channel', 'date', 'spend', 'leads', 'revenue']);
    expect(d.table.columns.map((c) => c.role)).toEqual(['channel', 'date', 'spend', 'leads', 'revenue']);
    expect(d.shape).toBe('aggregated');
    expect(d.funnel.map((s) => s.id)).toEqual(['leads']);
  });

  it('keeps hostile text as text in samples and preview, and renders dates plainly', () => {
    expect(d.columns[0].samples).toEqual(['=IMPORTXML("http://evil","//a")', '<img src=x onerror=alert(1)>', '+cmd']);
    expect(d.preview[0]).toEqual(['Канал', 'Месяц', 'Расход, ₽', 'Лиды', 'Выручка']);
    expect(d.preview[1][1]).toBe('2026-01-01');
    expect(d.preview).toHaveLength(4);
  });

  it('notes the skipped title, the excluded total and the currency', () => {
    const codes = d.notes.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['title_rows_skipped', 'totals_row_excluded', 'currency_detected']));
    expect(d.notes.find((n) => n.code === 'currency_detected')?.params).toEqual({ currency: 'RUB' });
  });

  it('prefers display strings for samples when given', () => {
    const display = [
      ['Channel', 'Spend'],
      ['Google', '$1,200.00'],
      ['SEO', '$0.00'],
    ];
    const dd = detectSheet(
      [
        ['Channel', 'Spend'],
        ['Google', 1200],
        ['SEO', 0],
      ],
      display,
    );
    expect(dd.columns[1].samples).toEqual(['$1,200.00', '$0.00']);
    expect(dd.notes.find((n) => n.code === 'currency_detected')?.params).toEqual({ currency: 'USD' });
  });

  it('flags unknown CRM statuses and counts them as leads', () => {
    const crm: Matrix = [
      ['ID', 'Статус', 'Источник'],
      ...Array.from({ length: 12 }, (_, i) => [
        i + 1,
        i % 3 === 0 ? 'Загадочный этап' : i % 3 === 1 ? 'Новый' : 'Успешно реализовано',
        'yandex',
      ]),
    ];
    const dc = detectSheet(crm);
    expect(dc.shape).toBe('crm');
    expect(dc.statuses).toEqual([
      { status: 'Загадочный этап', count: 4 },
      { status: 'Новый', count: 4 },
      { status: 'Успешно реализовано', count: 4 },
    ]);
    expect(dc.statusRules[0]).toEqual({ status: 'Загадочный этап', kind: 'stage', stageId: 'leads' });
    expect(dc.notes.find((n) => n.code === 'unknown_statuses')?.params?.count).toBe(1);
  });

  it('is open-ended (lastDataRow null) when nothing sits under the data', () => {
    expect(
      detectSheet([
        ['Channel', 'Spend'],
        ['A', 1],
      ]).table.lastDataRow,
    ).toBeNull();
  });
});

describe('defaultMapping → validate → save → load', () => {
  it('a detected aggregated sheet becomes a valid mapping with localised defaults that survives a round trip', () => {
    const d = detectSheet(
      [
        ['Канал', 'Месяц', 'Расход, ₽', 'Лиды', 'Сделки', 'Выручка'],
        ['VK', '2026-01', 100, 5, 1, 900],
      ],
      undefined,
      { locale: 'ru' },
    );
    const m = defaultMapping(d, { locale: 'ru' });
    expect(m.options).toEqual({
      granularity: 'month',
      grossMargin: 1,
      currency: 'RUB',
      dashboardName: 'Дашборд FunnelROI',
      byCampaign: false,
    });
    expect(validateMapping(m).filter((i) => i.severity === 'error')).toEqual([]);
    expect(parseMapping(serializeMapping(m))).toEqual(m);
  });

  it('currency falls back to the locale, and a found currency wins over it', () => {
    const d = detectSheet([
      ['渠道', '花费'],
      ['百度', 100],
    ]);
    expect(defaultMapping(d, { locale: 'zh' }).options).toMatchObject({ currency: 'CNY', dashboardName: 'FunnelROI 仪表板' });
    expect(defaultMapping(d, { locale: 'zh', currency: 'USD' }).options.currency).toBe('USD');
    expect(detectCurrency(['1 000 ₽', '$5', '2 000 руб.'])).toBe('RUB');
    expect(detectCurrency(['¥1,000', '500元'])).toBe('CNY');
    expect(detectCurrency(['€5'])).toBe('EUR');
    expect(detectCurrency(['plain'])).toBeUndefined();
  });

  it('without a currency mark the spreadsheet locale names it, whatever the UI language', () => {
    const plain = detectSheet([
      ['Канал', 'Расход'],
      ['seo', 100],
    ]);
    expect(currencyOfLocale('ru_RU')).toBe('RUB');
    expect(currencyOfLocale('zh_CN')).toBe('CNY');
    expect(currencyOfLocale('de_DE')).toBe('EUR');
    expect(currencyOfLocale('en_GB')).toBe('GBP');
    expect(currencyOfLocale('ru')).toBe('RUB');
    expect(currencyOfLocale('xx_YY')).toBeUndefined();
    expect(defaultMapping(plain, { locale: 'en', spreadsheetLocale: 'ru_RU' }).options.currency).toBe('RUB');
    expect(defaultMapping(plain, { locale: 'en', spreadsheetLocale: 'xx_YY' }).options.currency).toBe('USD');
    // A CRM export whose lead sheet shows no currency: the costs sheet's amounts name it, over the locale.
    const costs = detectSheet([
      ['Месяц', 'Канал', 'Расход, $'],
      ['2026-01-01', 'seo', 100],
    ]);
    const mapping = defaultMapping(plain, { locale: 'ru', spreadsheetLocale: 'ru_RU', costsDetection: costs });
    expect(mapping.options.currency).toBe('USD');
    expect(defaultMapping(plain, { spreadsheetLocale: 'ru_RU', costsDetection: costs, currency: 'EUR' }).options.currency).toBe('EUR');
  });
});
