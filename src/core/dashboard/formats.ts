/**
 * Number formats. Limited to patterns the local runtime renders as Sheets does (`#,##0`, `0.0%`,
 * `"$"#,##0.00`, `[$₽-419]`-style locale tags, quoted suffixes), so what tests see is what users see.
 */
const CURRENCY_FORMATS: Readonly<Record<string, { readonly prefix: string; readonly suffix: string }>> = {
  RUB: { prefix: '', suffix: ' [$₽-419]' },
  USD: { prefix: '"$"', suffix: '' },
  EUR: { prefix: '[$€]', suffix: '' },
  CNY: { prefix: '[$¥-804]', suffix: '' },
  GBP: { prefix: '[$£]', suffix: '' },
  KZT: { prefix: '', suffix: ' [$₸]' },
};

export const FORMAT = {
  general: 'General',
  count: '#,##0',
  ratio: '#,##0.00',
  percent: '0.0%',
} as const;

export function moneyFormat(currency: string, decimals: 0 | 2): string {
  const body = decimals === 2 ? '#,##0.00' : '#,##0';
  const known = CURRENCY_FORMATS[currency.toUpperCase()];
  if (known) return `${known.prefix}${body}${known.suffix}`;
  // Unknown code: show it as a quoted suffix; only letters, so it cannot break the format.
  const code = currency.toUpperCase().replace(/[^A-Z]/gu, '').slice(0, 3);
  return code ? `${body} "${code}"` : body;
}
