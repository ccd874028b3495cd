/**
 * The text-forcing mark ("`4200001234202603011234", "'0012"): every reader reads the value after it, through
 * the one pattern in src/core/text-mark.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../src/core/aggregate/cells.js';
import { parseDateText } from '../src/core/dates.js';
import { identifierOf } from '../src/core/definitions/index.js';
import { columnNumbers } from '../src/core/numbers.js';
import { parsePeriodText } from '../src/core/periods.js';
import { TEXT_MARK, unmarked } from '../src/core/text-mark.js';
import { isNoValue, parseNumberText } from '../src/core/values.js';

describe('a leading backtick or apostrophe forces text in exports; readers read past it', () => {
  it.each([
    ['`¥12.00', 12],
    ['`4200', 4200],
    ["'1 234,56 ₽", 1234.56],
    ['`-5.5', -5.5],
    ['`(1 200)', -1200],
    ['`15%', 0.15],
    ["'$1,234.50", 1234.5],
  ])('number %s → %s', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
    expect(columnNumbers([text], { fallback: '.' }).read(text)).toBe(value);
  });

  it.each([
    ['`2026-03-01 10:22:33', Date.UTC(2026, 2, 1, 10, 22, 33)],
    ["'2026-03-01", Date.UTC(2026, 2, 1)],
    ['`01.03.2026', Date.UTC(2026, 2, 1)],
    ["'2026年3月1日", Date.UTC(2026, 2, 1)],
  ])('date %s', (text, wall) => {
    expect(parseDateText(text)).toBe(wall);
  });

  it('periods, ids, names and no-value markers', () => {
    expect(parsePeriodText('`2026-01')).toEqual(parsePeriodText('2026-01'));
    expect(parsePeriodText("'Январь 2026")).toEqual(parsePeriodText('Январь 2026'));
    // A WeChat Pay transaction id: kept whole as text, without the mark, so it matches the same id elsewhere.
    expect(cellText('  `4200001234202603011234 ')).toBe('4200001234202603011234');
    expect(identifierOf('id', cellText('`4200001234202603011234'))).toBe(identifierOf('id', '4200001234202603011234'));
    expect(identifierOf('email', cellText("'Ann@Mail.ru"))).toBe('email:ann@mail.ru');
    expect(identifierOf('phone', cellText('`+7 912 000-11-22'))).toBe('tel:79120001122');
    expect(cellText('`微信支付')).toBe('微信支付');
    expect(isNoValue('`-')).toBe(true);
  });

  it('only one mark, and only before a value: a lone mark, a mark before a space or inside stays', () => {
    expect(unmarked('`')).toBe('`');
    expect(unmarked("'")).toBe("'");
    expect(unmarked('` 12')).toBe('` 12');
    expect(parseNumberText('` 12')).toBeUndefined();
    expect(unmarked("O'Brien")).toBe("O'Brien");
    expect(unmarked('12`')).toBe('12`');
    expect(unmarked('``12')).toBe('`12');
    expect(parseNumberText('``12')).toBeUndefined();
    expect(parseDateText('2026-03-01`')).toBeUndefined();
  });

  it('property: a marked value reads as the value, for numbers, dates and ids', () => {
    const mark = fc.constantFrom('`', "'");
    const numberText = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }))
      .map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`);
    const dateText = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString().slice(0, 19).replace('T', ' '),
          `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`,
          `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
        ),
      );
    const idText = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== '' && !/^[\s`']/u.test(s));
    fc.assert(
      fc.property(mark, numberText, dateText, idText, (m, n, d, id) => {
        expect(parseNumberText(m + n)).toBe(parseNumberText(n));
        expect(parseNumberText(n)).toBe(Number(n));
        expect(parseDateText(m + d)).toBe(parseDateText(d));
        expect(parseDateText(d)).not.toBeUndefined();
        expect(cellText(m + id)).toBe(cellText(id));
      }),
    );
  });

  it('the pattern has no lookaround, so the warehouse SQL (RE2) uses it as is', () => {
    expect(TEXT_MARK.source).not.toMatch(/\(\?[=!<]/u);
  });
});
