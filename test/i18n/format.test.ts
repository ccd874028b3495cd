/**
 * Plural forms without Intl.PluralRules. Apps Script's V8 documents no Intl support either way (README),
 * so the fallback is CLDR's rules for our three locales written out; here it must give exactly what
 * Intl.PluralRules gives in Node (full ICU) for whole numbers and fractions.
 */
import { describe, expect, it } from 'vitest';
import { cldrPlural, pluralCategory } from '../../src/core/i18n/format.js';
import { LOCALES } from '../../src/core/types.js';

const NUMBERS = [...Array.from({ length: 1201 }, (_, i) => i), 0.5, 1.5, 2.25, 5.1, 11.5, 21.0, 101, 111, 1001, 1e6];

describe('plural categories', () => {
  for (const locale of LOCALES) {
    it(`the fallback agrees with Intl.PluralRules for ${locale}`, () => {
      const intl = new Intl.PluralRules(locale);
      for (const n of NUMBERS) expect(cldrPlural(locale, n), `${locale} ${n}`).toBe(intl.select(n));
    });
  }

  it('Russian has one / few / many, and other for fractions', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111, 1.5].map((n) => cldrPlural('ru', n))).toEqual([
      'one',
      'few',
      'many',
      'many',
      'one',
      'few',
      'many',
      'many',
      'other',
    ]);
    expect(pluralCategory('ru', 3)).toBe('few');
  });
});
