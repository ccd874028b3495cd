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
