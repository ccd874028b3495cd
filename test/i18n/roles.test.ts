/** Role names come from one place, the i18n catalogue (src/core/i18n), in every UI language. */
import { describe, expect, it } from 'vitest';
import { LOCALES, roleLabel } from '../../src/core/i18n/index.js';
import { COLUMN_ROLES } from '../../src/core/mapping/types.js';

describe('role names', () => {
  it('names every role in every UI language', () => {
    for (const locale of LOCALES) {
      for (const role of COLUMN_ROLES) expect(roleLabel(locale, role), `${locale}.${role}`).toMatch(/\S/u);
    }
  });

  it('names roles apart within a language, so the role select never shows two equal options', () => {
    for (const locale of LOCALES) expect(new Set(COLUMN_ROLES.map((r) => roleLabel(locale, r))).size, locale).toBe(COLUMN_ROLES.length);
  });
});
