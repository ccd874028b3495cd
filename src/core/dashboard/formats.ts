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
  /** Grouped, so ROMI reads 71,034.6% (71 034,6% in ru), not 71034.6%. */
  percent: '#,##0.0%',
} as const;

/**
 * A count an attribution model may split (customers, won deals, returns credited to a channel): whole
 * numbers as such ("43", not "43.0"), a share with one place ("2.3"). Float sums of shares that land on a
 * whole number count as whole.
 */
export function creditFormat(value: number): string {
  return countFormatFor([value]);
}

/**
 * One format for a whole count column (its channel rows and total): `#,##0` while every figure is whole,
 * one place as soon as one is a share, so a split model's 2.33 customers never reads "2" in a column
 * whose total is a whole 43, and the rows of one column keep one look.
 */
export function countFormatFor(values: readonly number[]): string {
  return values.every((v) => !Number.isFinite(v) || Math.abs(v - Math.round(v)) < 1e-9) ? FORMAT.count : '#,##0.0';
}

/** A grouped percent with `decimals` places. */
export function percentFormat(decimals: number): string {
  return decimals <= 0 ? '#,##0%' : `#,##0.${'0'.repeat(decimals)}%`;
}

/**
 * Places a percent column needs so that no non-zero rate reads 0.0% (impressions → deals is often
 * 0.004%): one place, more while the smallest non-zero |rate| would round to zero; at most four.
 */
export function percentDecimalsFor(rates: readonly (number | null)[]): number {
  // A loop, not Math.min(...spread): one rate per channel, and an export may have 100k+ channels.
  let small = Number.POSITIVE_INFINITY;
  for (const r of rates) if (r !== null && Number.isFinite(r) && r !== 0) small = Math.min(small, Math.abs(r));
  let decimals = 1;
  while (Number.isFinite(small) && decimals < 4 && Math.round(small * 100 * 10 ** decimals) === 0) decimals++;
  return decimals;
}

export function moneyFormat(currency: string, decimals: 0 | 2): string {
  const body = decimals === 2 ? '#,##0.00' : '#,##0';
  const known = CURRENCY_FORMATS[currency.toUpperCase()];
  if (known) return `${known.prefix}${body}${known.suffix}`;
  // Unknown code: show it as a quoted suffix; only letters, so it cannot break the format.
  const code = currency
    .toUpperCase()
    .replace(/[^A-Z]/gu, '')
    .slice(0, 3);
  return code ? `${body} "${code}"` : body;
}
