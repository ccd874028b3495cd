/**
 * The one date reader (src/core/dates.ts): a date cell is a wall-clock time in the spreadsheet's zone, and
 * Apps Script hands it over as the instant of that wall-clock time there, whatever the script's own zone.
 * Google's custom-function guide (https://developers.google.com/apps-script/guides/sheets/functions, "Data
 * types": Date) says a custom function must compensate when the script's and the spreadsheet's time zones
 * differ; these tests hold the reader to Sheets' answers east and west of UTC and across DST.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTH_NAMES } from '../src/core/month-names.js';
import {
  dayOrderOf,
  DateReader,
  instantOf,
  isoDay,
  parseDateText,
  parseDateValue,
  serialToTime,
  timeToSerial,
  wallClock,
} from '../src/core/dates.js';

const ZONES = [
  'Etc/UTC',
  'Europe/Moscow',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Adelaide',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kathmandu',
];
const zone = fc.constantFrom(...ZONES);
/** Wall-clock ms between 1990 and 2100, whole seconds. */
const wall = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000);

describe('parseDateText: the forms exports write, nothing more', () => {
  const day = Date.UTC(2026, 2, 1);
  it.each([
    ['2026-03-01', day],
    ['2026-3-1', day],
    ['2026/03/01', day],
    ['2026.3.1', day],
    ['01.03.2026', day],
    ['2026年3月1日', day],
    ['  2026-03-01  ', day],
    ['2026-03-01 12:30', Date.UTC(2026, 2, 1, 12, 30)],
    ['2026-03-01T12:30:05', Date.UTC(2026, 2, 1, 12, 30, 5)],
    ['2026-03-01T12:30:05.250', Date.UTC(2026, 2, 1, 12, 30, 5, 250)],
    ['01.03.2026 23:59:59', Date.UTC(2026, 2, 1, 23, 59, 59)],
    ['2026年3月1日 9:05', Date.UTC(2026, 2, 1, 9, 5)],
    // Month names: Magento and Zoom (`Mar 1, 2026 10:22:33 AM`), 1С (`1 марта 2026 г.`), Lazada (`01 Mar 2026`).
    ['Mar 1, 2026', day],
    ['March 1 2026', day],
    ['Mar 1, 2026 10:22:33 AM', Date.UTC(2026, 2, 1, 10, 22, 33)],
    ['Mar 1, 2026, 12:05 am', Date.UTC(2026, 2, 1, 0, 5)],
    ['mar. 1, 2026 12:05 P.M.', Date.UTC(2026, 2, 1, 12, 5)],
    ['Mar 1, 2026 11:59 PM', Date.UTC(2026, 2, 1, 23, 59)],
    ['1 марта 2026 г.', day],
    ['01 МАР. 2026, 9:05', Date.UTC(2026, 2, 1, 9, 5)],
    ['1 марта 2026 г. 18:40', Date.UTC(2026, 2, 1, 18, 40)],
    ['01 Mar 2026', day],
    ['1-Mar-2026', day],
    // GA4's BigQuery export: event_date is the text 20260301.
    ['20260301', day],
  ])('%s', (text, want) => {
    expect(parseDateText(text)).toBe(want);
  });

  it.each([
    '2026-01-31junk',
    '2026-01-02 12:99',
    '2026-01-02 24:00',
    '2026-01-02 12:30:61',
    '31.02.2026',
    '2026-13-01',
    '2026-02-30',
    '03/01/2026',
    '2026-03-01 12',
    'soon',
    '2026',
    '46082',
    '2026-03-01T10:00:00+25:00',
    'Foo 1, 2026',
    'Mar 30, 2026 13:05 PM',
    'Mar 30, 2026 0:05 AM',
    'Feb 29, 2026',
    '30 февраля 2026 г.',
    'Mar 1, 2026 10:22 AMX',
    'Jan 2026',
    '20260230',
    '2026030',
    '202603011',
  ])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it('an explicit instant (Z or an offset) is read as its wall clock in the spreadsheet zone', () => {
    expect(parseDateText('2026-03-01T22:30:00Z', 'Europe/Moscow')).toBe(Date.UTC(2026, 2, 2, 1, 30));
    expect(parseDateText('2026-03-01T01:00:00+03:00', 'America/New_York')).toBe(Date.UTC(2026, 1, 28, 17, 0));
    // Thinkific and Wootric write the zone's name: "2026-03-02 14:22:10 UTC".
    expect(parseDateText('2026-03-01 22:30:00 UTC', 'Europe/Moscow')).toBe(Date.UTC(2026, 2, 2, 1, 30));
    expect(parseDateText('2026-03-01 22:30 gmt', 'Etc/UTC')).toBe(Date.UTC(2026, 2, 1, 22, 30));
    expect(parseDateText('2026-03-01 22:30 UTCX')).toBeUndefined();
  });

  it('property: every valid calendar day and time written in each form reads back as itself', () => {
    fc.assert(
      fc.property(wall, (t) => {
        const d = new Date(t);
        const p = (n: number) => String(n).padStart(2, '0');
        const [y, mo, da, h, mi, s] = [
          d.getUTCFullYear(),
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
        ];
        expect(parseDateText(`${y}-${p(mo)}-${p(da)} ${p(h)}:${p(mi)}:${p(s)}`)).toBe(t);
        expect(parseDateText(`${p(da)}.${p(mo)}.${y} ${h}:${p(mi)}:${p(s)}`)).toBe(t);
        expect(parseDateText(`${y}年${mo}月${da}日`)).toBe(Date.UTC(y, mo - 1, da));
        // Every spelling of the month's name, with a 12-hour and a 24-hour time.
        const h12 = `${h % 12 === 0 ? 12 : h % 12}:${p(mi)}:${p(s)} ${h < 12 ? 'AM' : 'PM'}`;
        for (const name of MONTH_NAMES[mo - 1]) {
          expect(parseDateText(`${name} ${da}, ${y} ${h12}`)).toBe(t);
          expect(parseDateText(`${da} ${name.toUpperCase()}. ${y} г., ${h}:${p(mi)}:${p(s)}`)).toBe(t);
        }
      }),
    );
  });

  it('property: trailing text after a date is never ignored', () => {
    fc.assert(
      fc.property(
        wall,
        fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /^\S/u.test(s) && !/^[\s.:0-9TZz+-]/u.test(s)),
        (t, junk) => {
          expect(parseDateText(isoDay(t) + junk)).toBeUndefined();
        },
      ),
    );
  });
});

describe('03/14/2026: month/day order decided by the report, never per cell', () => {
  it.each([
    [['03/14/2026', '03/02/2026'], 'mdy'],
    [['14/03/2026', '02/03/2026'], 'dmy'],
    [['3/1/2026 10:22 AM', '12/31/2026, 11:59 PM'], 'mdy'],
    [['03/02/2026', '04/01/2026'], undefined], // nothing over 12: either order fits
    [['03/14/2026', '14/03/2026'], undefined], // both orders: a mixed column is not guessed
    [[new Date(Date.UTC(2026, 0, 1)), '2026-03-14', 46082, '31/12/2026'], 'dmy'], // other cells say nothing
    [[], undefined],
  ] as const)('%j → %s', (values, order) => {
    expect(dayOrderOf(values)).toBe(order);
  });

  it('reads a/b/yyyy only in a given order; other forms read as before', () => {
    expect(parseDateText('03/14/2026')).toBeUndefined();
    expect(parseDateText('03/14/2026', 'Etc/UTC', 'mdy')).toBe(Date.UTC(2026, 2, 14));
    expect(parseDateText('03/14/2026', 'Etc/UTC', 'dmy')).toBeUndefined(); // month 14
    expect(parseDateText('14/03/2026 18:40', 'Etc/UTC', 'dmy')).toBe(Date.UTC(2026, 2, 14, 18, 40));
    expect(parseDateText('3/1/2026 12:05 AM', 'Etc/UTC', 'mdy')).toBe(Date.UTC(2026, 2, 1, 0, 5));
    expect(parseDateText('2026-03-14', 'Etc/UTC', 'mdy')).toBe(Date.UTC(2026, 2, 14));
    expect(new DateReader('Etc/UTC', 'dmy').read('02/03/2026')).toBe(Date.UTC(2026, 2, 2));
  });

  it('property: every day written m/d/yyyy or d/m/yyyy reads back in its order', () => {
    fc.assert(
      fc.property(wall, (t) => {
        const d = new Date(t);
        const [y, mo, da] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const day = Date.UTC(y, mo - 1, da);
        expect(parseDateText(`${mo}/${da}/${y}`, 'Etc/UTC', 'mdy')).toBe(day);
        expect(parseDateText(`${String(da).padStart(2, '0')}/${String(mo).padStart(2, '0')}/${y}`, 'Etc/UTC', 'dmy')).toBe(day);
      }),
    );
  });
});

describe('parseDateValue: numbers are serials or compact yyyymmdd days, never both', () => {
  it.each([
    [46082, Date.UTC(2026, 2, 1)],
    [46082.5, Date.UTC(2026, 2, 1, 12)],
    // The GA4 API and Supermetrics write 20260301 as a number; no serial is that large (year 9999 is 2958465).
    [20260301, Date.UTC(2026, 2, 1)],
    [19000101, Date.UTC(1900, 0, 1)],
    [20260230, undefined],
    [20260301.5, undefined],
    [3_000_000, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])('%d', (n, want) => {
    expect(parseDateValue(n, 'Europe/Moscow')).toBe(want);
  });

  it('property: every day of 1900..2199 written as yyyymmdd reads back as itself, as a number and as text', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 }), (days) => {
        const t = days * 86_400_000;
        const compact = isoDay(t).replaceAll('-', '');
        expect(parseDateValue(Number(compact), 'Etc/UTC')).toBe(t);
        expect(parseDateText(compact)).toBe(t);
      }),
    );
  });
});

describe('wall clock in a zone', () => {
  it("a Moscow spreadsheet's 1 January is 31 December 21:00 UTC, and reads back as 1 January", () => {
    const instant = instantOf(Date.UTC(2026, 0, 1), 'Europe/Moscow');
    expect(new Date(instant).toISOString()).toBe('2025-12-31T21:00:00.000Z');
    expect(parseDateValue(new Date(instant), 'Europe/Moscow')).toBe(Date.UTC(2026, 0, 1));
    // Read in the script's zone (UTC) instead, the row would land in the previous month: the old bug.
    expect(isoDay(wallClock(instant, 'Etc/UTC'))).toBe('2025-12-31');
  });

  it('west of UTC: a New York 1 March is 05:00 UTC and stays 1 March', () => {
    const instant = instantOf(Date.UTC(2026, 2, 1), 'America/New_York');
    expect(new Date(instant).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(parseDateValue(new Date(instant), 'America/New_York')).toBe(Date.UTC(2026, 2, 1));
  });

  it('across DST, day differences stay whole: Berlin 1 March → 1 April is 31 days, not 30.958', () => {
    const start = new Date(instantOf(Date.UTC(2026, 2, 1), 'Europe/Berlin'));
    const close = new Date(instantOf(Date.UTC(2026, 3, 1), 'Europe/Berlin'));
    expect((close.getTime() - start.getTime()) / 86_400_000).toBeCloseTo(30.958, 3);
    expect(((parseDateValue(close, 'Europe/Berlin') ?? 0) - (parseDateValue(start, 'Europe/Berlin') ?? 0)) / 86_400_000).toBe(31);
  });

  it('a wall time skipped by the spring-forward jump lands after it; a repeated one takes the first', () => {
    // Berlin 2026-03-29 02:30 does not exist (02:00 → 03:00).
    const gap = instantOf(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin');
    expect(new Date(gap).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25 02:30 happens twice; the first is CEST (+2).
    expect(new Date(instantOf(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it("Sheets' custom zones such as GMT+03:00 are fixed offsets; an unknown zone is an error naming it", () => {
    expect(wallClock(Date.UTC(2026, 0, 1), 'GMT+03:00')).toBe(Date.UTC(2026, 0, 1, 3));
    expect(wallClock(Date.UTC(2026, 0, 1), 'GMT-07:30')).toBe(Date.UTC(2025, 11, 31, 16, 30));
    expect(() => wallClock(0, 'Mars/Olympus_Mons')).toThrow('unknown time zone "Mars/Olympus_Mons"');
  });

  it('property: instantOf and wallClock are inverses for every wall time that exists, in every zone', () => {
    fc.assert(
      fc.property(wall, zone, (w, z) => {
        const t = instantOf(w, z);
        const back = wallClock(t, z);
        // Inside a spring-forward gap the wall time does not exist: it moves forward by the jump (≤ 1 h).
        expect(back - w).toBeGreaterThanOrEqual(0);
        expect(back - w).toBeLessThanOrEqual(3_600_000);
        if (back === w) expect(instantOf(back, z)).toBe(t);
      }),
    );
  });

  it("property: a date cell read by DateReader is its serial's calendar day in every zone (script zone varied too)", () => {
    const saved = process.env.TZ;
    try {
      fc.assert(
        fc.property(fc.integer({ min: 32874, max: 73050 }), zone, zone, (serial, sheetZone, scriptZone) => {
          process.env.TZ = scriptZone; // what local getters would use: must not matter
          const cell = new Date(instantOf(serialToTime(serial), sheetZone));
          const reader = new DateReader(sheetZone);
          expect(timeToSerial(reader.read(cell) ?? Number.NaN)).toBe(serial);
          expect(reader.read(serial)).toBe(serialToTime(serial));
        }),
        { numRuns: 200 },
      );
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('DateReader', () => {
  it('reads text, serials and Dates of another realm alike, and says undefined for anything else', () => {
    const r = new DateReader('Asia/Shanghai');
    const jan1 = Date.UTC(2026, 0, 1);
    expect(r.read('2026-01-01')).toBe(jan1);
    expect(r.read(46023)).toBe(jan1);
    expect(r.read(new Date(instantOf(jan1, 'Asia/Shanghai')))).toBe(jan1);
    expect(r.dayText(new Date(instantOf(jan1, 'Asia/Shanghai')))).toBe('2026-01-01');
    for (const v of [true, null, undefined, 'Jan', new Date(Number.NaN), Number.NaN]) expect(r.read(v)).toBeUndefined();
  });
});
