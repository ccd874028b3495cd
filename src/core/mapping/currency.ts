/**
 * Which currency the money columns are in, read from currency marks in headers ("Расход (руб.)",
 * "Amount spent (USD)") and display strings ("$1,234.50", "1 234 ₽"). Counted, not first-seen, so one
 * stray "$" in a comment does not outvote a column of roubles.
 */
import type { UiLocale } from '../types.js';

const CURRENCY_MARKS: readonly { readonly code: string; readonly pattern: RegExp }[] = [
  { code: 'RUB', pattern: /₽|руб|\brub\b|\brur\b/giu },
  { code: 'USD', pattern: /\$|\busd\b|us\$/giu },
  { code: 'EUR', pattern: /€|\beur\b/giu },
  { code: 'CNY', pattern: /¥|元|\bcny\b|\brmb\b|人民币/giu },
  { code: 'GBP', pattern: /£|\bgbp\b/giu },
  { code: 'KZT', pattern: /₸|\bkzt\b/giu },
  { code: 'UAH', pattern: /₴|\buah\b/giu },
];

export const LOCALE_CURRENCY: Readonly<Record<UiLocale, string>> = { en: 'USD', ru: 'RUB', zh: 'CNY' };

const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
/** Region of a spreadsheet locale → its currency (the regions our users' sheets come from). */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO.map((r) => [r, 'EUR'])),
  RU: 'RUB',
  BY: 'BYN',
  KZ: 'KZT',
  UA: 'UAH',
  CN: 'CNY',
  HK: 'HKD',
  TW: 'TWD',
  SG: 'SGD',
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  IN: 'INR',
};
/** A locale without a region ("ru", "zh"): the currency of the language's main region. */
const LANGUAGE_CURRENCY: Readonly<Record<string, string>> = { ru: 'RUB', zh: 'CNY', kk: 'KZT', uk: 'UAH', be: 'BYN', en: 'USD' };

/**
 * The currency a spreadsheet's locale implies (`ru_RU` → RUB, `zh_CN` → CNY, `de_DE` → EUR): the
 * spreadsheet's locale says where its numbers come from, unlike the viewer's UI language. Undefined when
 * the locale is unknown.
 */
export function currencyOfLocale(locale: string | null | undefined): string | undefined {
  if (!locale) return undefined;
  const [language, region] = locale.replace('-', '_').split('_');
  return (region && REGION_CURRENCY[region.toUpperCase()]) || LANGUAGE_CURRENCY[language.toLowerCase()];
}

/** The most frequent currency mark in the texts, or undefined when there is none. */
export function detectCurrency(texts: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text) continue;
    for (const { code, pattern } of CURRENCY_MARKS) {
      pattern.lastIndex = 0;
      const n = text.match(pattern)?.length ?? 0;
      if (n > 0) counts.set(code, (counts.get(code) ?? 0) + n);
    }
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [code, n] of counts) if (n > bestN) [best, bestN] = [code, n];
  return best;
}
