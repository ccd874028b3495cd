/**
 * The few locale facts the runtime needs: how a spreadsheet locale writes numbers (display and typed
 * input) and names months. Sheets uses the spreadsheet locale for both, not the user's.
 */

export interface NumberLocale {
  /** BCP 47 tag for Intl (month names). */
  readonly tag: string;
  readonly decimal: string;
  readonly group: string;
  /** Currency mark typed before (`$12`) or after (`12 ₽`) a number that Sheets reads as currency. */
  readonly currency: { readonly symbol: string; readonly before: boolean; readonly format: string };
  /** Default format for a date cell whose format was not set. */
  readonly dateFormat: string;
}

const LOCALES: Record<string, NumberLocale> = {
  en: { tag: 'en-US', decimal: '.', group: ',', currency: { symbol: '$', before: true, format: '"$"#,##0.00' }, dateFormat: 'm/d/yyyy' },
  ru: {
    tag: 'ru-RU',
    decimal: ',',
    group: '\u00a0',
    currency: { symbol: '₽', before: false, format: '#,##0.00 [$₽-419]' },
    dateFormat: 'dd.mm.yyyy',
  },
  zh: {
    tag: 'zh-CN',
    decimal: '.',
    group: ',',
    currency: { symbol: '¥', before: true, format: '[$¥-804]#,##0.00' },
    dateFormat: 'yyyy/m/d',
  },
};

/** `ru_RU`, `ru`, `zh_CN` → the matching rules; anything unknown reads like en_US. */
export function numberLocale(spreadsheetLocale: string): NumberLocale {
  const lang = spreadsheetLocale.toLowerCase().split(/[_-]/u)[0];
  return LOCALES[lang] ?? LOCALES.en;
}
