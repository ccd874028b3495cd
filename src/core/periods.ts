/**
 * What a period is, declared once: the report's period keys (ISO week `2026-W05`, month `2026-01`, quarter
 * `2026-Q1`) and the period labels exports write instead of dates (`2026-01`, `2026年1月`, `Январь 2026`,
 * `янв. 2026`, `Jan 2026`, `2026/01`, `01.2026`, `2026-Q1`, `Q1 2026`, `1 кв. 2026`, `2026年第1季度`,
 * `2026-W05`…). The sniffer calls a cell a period exactly when parsePeriodText reads it, and every reader
 * (aggregator, CLI) reads it with the same function, so a column is never sniffed as dates and then skipped.
 */
import { MS_PER_DAY, parseDateText, type DateReader } from './dates.js';
import { monthOfName } from './month-names.js';
import { unmarked } from './text-mark.js';
import type { Granularity } from './mapping/types.js';

/** A labelled period: [start, end) in wall-clock ms (see dates.ts), and how long it is. */
export interface Period {
  readonly granularity: Granularity;
  readonly start: number;
  readonly end: number;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** ISO 8601 week: weeks start Monday; week 1 holds the year's first Thursday, so Jan 1 may be in W52/53. */
export function isoWeekKey(time: number): string {
  const d = new Date(time);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY));
  return `${year}-W${pad2(week)}`;
}

/** The key of the report period holding wall-clock `time`. */
export function periodKey(time: number, granularity: Granularity): string {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'week':
      return isoWeekKey(time);
    case 'month':
      return `${y}-${pad2(m + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
  }
}

/**
 * The report period a labelled period falls in, or undefined when it does not fit in one: a month label in a
 * weekly report, or an ISO week that straddles two months. Such rows are reported, never split or guessed. A
 * week from Sunday goes, in a weekly report, to the ISO week holding six of its days (as weekRowKeys does).
 */
export function periodKeyOf(period: Period, granularity: Granularity): string | undefined {
  if (granularity === 'week' && period.granularity === 'week') return periodKey(period.start + 3 * MS_PER_DAY, 'week');
  const first = periodKey(period.start, granularity);
  return periodKey(period.end - 1, granularity) === first ? first : undefined;
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, 一: 1, 二: 2, 三: 3, 四: 4 };

const YEAR_MIN = 1900;
const YEAR_MAX = 2199;

export function monthPeriod(year: number, month: number): Period | undefined {
  if (!(year >= YEAR_MIN && year <= YEAR_MAX && month >= 1 && month <= 12)) return undefined;
  return { granularity: 'month', start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
}

export function quarterPeriod(year: number, quarter: number): Period | undefined {
  if (!(year >= YEAR_MIN && year <= YEAR_MAX && quarter >= 1 && quarter <= 4)) return undefined;
  return { granularity: 'quarter', start: Date.UTC(year, (quarter - 1) * 3, 1), end: Date.UTC(year, quarter * 3, 1) };
}

/** ISO week `week` of ISO year `year`; W53 only in years that have one. */
export function weekPeriod(year: number, week: number): Period | undefined {
  if (!(year >= YEAR_MIN && year <= YEAR_MAX && week >= 1 && week <= 53)) return undefined;
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * MS_PER_DAY + (week - 1) * 7 * MS_PER_DAY;
  if (isoWeekKey(monday) !== `${year}-W${pad2(week)}`) return undefined;
  return { granularity: 'week', start: monday, end: monday + 7 * MS_PER_DAY };
}

const twoDigitYear = (yy: string): number => 2000 + Number(yy);

type Rule = readonly [RegExp, (m: RegExpExecArray) => Period | undefined];

// Each rule reads the whole (normalised) text; anything left over means it is not a period label.
const RULES: readonly Rule[] = [
  // Months: 2026-01, 2026/1, 2026.01 · 01.2026, 1/2026, 01-2026 · 2026年1月(份)
  [/^(\d{4})[-/.](\d{1,2})$/u, (m) => monthPeriod(+m[1], +m[2])],
  [/^(\d{1,2})[-/.](\d{4})$/u, (m) => monthPeriod(+m[2], +m[1])],
  [/^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/u, (m) => monthPeriod(+m[1], +m[2])],
  // Jan 2026, January 2026, янв. 2026, Январь 2026 (г.), Jan-26, Jan '26 · 2026 Jan
  [/^(\p{L}+)\.?[\s-]*(\d{4})$/u, (m) => monthByName(m[1], +m[2])],
  [/^(\p{L}+)\.?(?:-|\s*['’])(\d{2})$/u, (m) => monthByName(m[1], twoDigitYear(m[2]))],
  [/^(\d{4})[\s-]*(\p{L}+)\.?$/u, (m) => monthByName(m[2], +m[1])],
  // Quarters: 2026-Q1, 2026 Q1, 2026Q1, 2026 кв1 · Q1 2026, Q1-2026, Q1'26 · 1 кв. 2026, I квартал 2026, 1-й квартал 2026
  // · 2026年第1季度, 2026年Q1, 2026年一季度
  [/^(\d{4})\s*[-/]?\s*(?:q|кв\.?)\s*([1-4])$/u, (m) => quarterPeriod(+m[1], +m[2])],
  [/^q([1-4])\s*[-/]?\s*(\d{4})$/u, (m) => quarterPeriod(+m[2], +m[1])],
  [/^q([1-4])\s*['’](\d{2})$/u, (m) => quarterPeriod(twoDigitYear(m[2]), +m[1])],
  [/^([1-4]|i{1,3}|iv)(?:\s*-?й)?\s*кв(?:\.|артал)?\s*(\d{4})$/u, (m) => quarterPeriod(+m[2], ROMAN[m[1]] ?? +m[1])],
  [
    /^(\d{4})\s*年\s*(?:第\s*([1-4一二三四])\s*季度?|([1-4一二三四])\s*季度|q([1-4]))$/u,
    (m) => {
      const q = m[2] ?? m[3] ?? m[4];
      return quarterPeriod(+m[1], ROMAN[q] ?? +q);
    },
  ],
  // ISO weeks: 2026-W05, 2026W5, 2026 н5 · W05 2026 · 2026年第5周 · 5 нед. 2026, 5-я неделя 2026
  [/^(\d{4})\s*-?\s*(?:w|н)\s*(\d{1,2})$/u, (m) => weekPeriod(+m[1], +m[2])],
  [/^w(\d{1,2})\s*[-/]?\s*(\d{4})$/u, (m) => weekPeriod(+m[2], +m[1])],
  [/^(\d{4})\s*年\s*第\s*(\d{1,2})\s*周$/u, (m) => weekPeriod(+m[1], +m[2])],
  [/^(\d{1,2})(?:\s*-?я)?\s*нед(?:\.|еля)?\s*(\d{4})$/u, (m) => weekPeriod(+m[2], +m[1])],
];

function monthByName(name: string, year: number): Period | undefined {
  const month = monthOfName(name);
  return month === undefined ? undefined : monthPeriod(year, month);
}

// Between the two dates of a range: `02.03.2026 - 08.03.2026`, `2026-03-01–2026-03-31`, `Mar 2, 2026 to Mar 8, 2026`.
const RANGE_SEPARATOR = /\s*(?:[-–—~至]|to|по)\s*/gu;

/**
 * A range of two dates (dates.ts forms) that is exactly one week (Monday to Sunday, or Sunday to Saturday),
 * calendar month or quarter, as reports label a row's period; any other range (8 days, a time of day) is no period.
 */
function rangePeriod(text: string): Period | undefined {
  for (const m of text.matchAll(RANGE_SEPARATOR)) {
    const from = parseDateText(text.slice(0, m.index));
    const to = parseDateText(text.slice(m.index + m[0].length));
    if (from !== undefined && to !== undefined) return wholePeriod(from, to + MS_PER_DAY);
  }
  return undefined;
}

function wholePeriod(start: number, end: number): Period | undefined {
  if (start % MS_PER_DAY !== 0 || end % MS_PER_DAY !== 0) return undefined;
  const d = new Date(start);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  // Monday weeks (ISO) and Sunday weeks (US tools), as week rows are (rowSpan).
  if (d.getUTCDay() <= 1 && end - start === 7 * MS_PER_DAY) return { granularity: 'week', start, end };
  const whole = [monthPeriod(y, m + 1), m % 3 === 0 ? quarterPeriod(y, m / 3 + 1) : undefined];
  return whole.find((p) => p !== undefined && p.start === start && p.end === end);
}

/**
 * A month, quarter or ISO-week label, or undefined. Case, surrounding spaces and a Russian year mark
 * (`2026 г.`, `2026 года`) do not matter; an impossible month (`2026-13`), quarter or week (`2026-W54`) is
 * not a period. A range of two dates that is exactly one of them (`02.03.2026 – 08.03.2026`) is that period.
 */
export function parsePeriodText(text: string): Period | undefined {
  const trimmed = unmarked(text.normalize('NFKC').trim());
  if (trimmed.length > 24 && trimmed.length <= 64) return rangePeriod(trimmed);
  const s = trimmed
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/(\d{4})\s*(?:г\.?|года?)$/u, '$1');
  if (s.length < 4 || s.length > 24) return undefined;
  for (const [re, make] of RULES) {
    const m = re.exec(s);
    const period = m ? make(m) : undefined;
    if (period) return period;
  }
  return s.length >= 17 ? rangePeriod(trimmed) : undefined;
}

/** A cell of a date column: a day (maybe with a time) or a labelled period. */
export type Temporal = { readonly kind: 'date'; readonly time: number } | { readonly kind: 'period'; readonly period: Period };

/**
 * The one reader of date-column cells, shared by the sniffer (what it calls a date) and every reader: a
 * date first (Date, serial or date text), else a period label.
 */
export function readTemporal(value: unknown, dates: DateReader): Temporal | undefined {
  const time = dates.read(value);
  if (time !== undefined) return { kind: 'date', time };
  if (typeof value !== 'string') return undefined;
  const period = parsePeriodText(value);
  return period ? { kind: 'period', period } : undefined;
}

/** Every day of the labelled period, as [report period key, share of the period], for spreading a sum. */
export function spreadOver(period: Period, granularity: Granularity): Map<string, number> {
  const days = Math.round((period.end - period.start) / MS_PER_DAY);
  const out = new Map<string, number>();
  for (let t = period.start; t < period.end; t += MS_PER_DAY) {
    const key = periodKey(t, granularity);
    out.set(key, (out.get(key) ?? 0) + 1 / days);
  }
  return out;
}

/**
 * What one row's date stands for in an aggregated report. Monthly and weekly exports date a row by its period's
 * first day (Google Ads' "Month" segment writes `2026-11-01`, its "Week" the Monday): such a row holds the whole
 * month or week, as a label `2026-11` would, so the data reaches the period's end, not its first day.
 */
export type RowSpan = 'day' | 'week' | 'month';

/**
 * What a report's row dates show, gathered alike by the aggregator (from the dates it read) and by the warehouse
 * SQL (MIN/MAX over the rows): the first and last day, and the range of days of the month and of the week
 * (0 Sunday … 6 Saturday) they fall on.
 */
export interface RowDates {
  readonly first: number;
  readonly last: number;
  readonly monthDays: readonly [number, number];
  readonly weekdays: readonly [number, number];
  /** The span the date column's header names (namedSpan: `Month`, `Неделя`), if it names one. */
  readonly named?: RowSpan | null;
}

// Headers that name the rows' unit, as Google Ads, Яндекс Директ and Baidu title a "Month" or "Week" segment.
const NAMED_SPANS: readonly (readonly [RegExp, RowSpan])[] = [
  [/^(?:month|месяц|月份?)$/iu, 'month'],
  [/^(?:week|неделя|周)(?:\s*\(.*\))?$/iu, 'week'],
];

/** The span a date column's header names: `Month` → month rows, `Week` → week rows; else null. */
export function namedSpan(header: string): RowSpan | null {
  const h = header.normalize('NFKC').trim();
  return NAMED_SPANS.find(([re]) => re.test(h))?.[1] ?? null;
}

/** Weeks need their dates at least this far apart (three week starts), so two Mondays are not taken for weeks. */
const WEEK_ROWS_REACH = 14 * MS_PER_DAY;

/**
 * The span the row dates show: every date the 1st of a month, and more than one → months; every date a
 * Monday, or every date a Sunday (weeks starting Sunday), two weeks apart or more → weeks; else days. Under a
 * header that names the span (`Month`, `Week`), one such date is enough: a one-month export is a month.
 */
export function rowSpan(d: RowDates | null): RowSpan {
  if (d === null) return 'day';
  const firsts = d.monthDays[0] === 1 && d.monthDays[1] === 1;
  const [w0, w1] = d.weekdays;
  const weekStarts = w0 === w1 && (w0 === 1 || w0 === 0);
  if ((d.named === 'month' && firsts) || (d.named === 'week' && weekStarts)) return d.named;
  if (d.first >= d.last) return 'day';
  if (firsts) return 'month';
  return weekStarts && d.last - d.first >= WEEK_ROWS_REACH ? 'week' : 'day';
}

/** RowDates of dates read (wall-clock ms; only the day counts, as in the warehouse), or null when there are none. */
export function rowDatesOf(times: Iterable<number>, named: RowSpan | null = null): RowDates | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const monthDays: [number, number] = [32, 0];
  const weekdays: [number, number] = [7, -1];
  for (const t of times) {
    const day = Math.floor(t / MS_PER_DAY) * MS_PER_DAY;
    const d = new Date(day);
    first = Math.min(first, day);
    last = Math.max(last, day);
    monthDays[0] = Math.min(monthDays[0], d.getUTCDate());
    monthDays[1] = Math.max(monthDays[1], d.getUTCDate());
    weekdays[0] = Math.min(weekdays[0], d.getUTCDay());
    weekdays[1] = Math.max(weekdays[1], d.getUTCDay());
  }
  return first > last ? null : { first, last, monthDays, weekdays, named };
}

/**
 * The report's week keys for rows of weeks that start on Sunday (Google Ads' and other US tools' "Week"): such a
 * row is keyed by its Sunday into the ISO week that Sunday ends, but six of its seven days lie in the next one,
 * so every key moves one week on. Monday weeks, other spans and other granularities keep their keys. The rows
 * are all Sundays, so the move is one-to-one and keeps the keys' order.
 */
export function weekRowKeys(keys: readonly string[], dates: RowDates | null, granularity: Granularity | null): string[] {
  if (granularity !== 'week' || dates === null || rowSpan(dates) !== 'week' || dates.weekdays[0] !== 0) return [...keys];
  return keys.map((key) => {
    const m = /^(\d{4})-W(\d{2})$/u.exec(key);
    const week = m ? weekPeriod(+m[1], +m[2]) : undefined;
    return week ? isoWeekKey(week.end) : key;
  });
}

/**
 * Week rows in a monthly or quarterly report are keyed by their first day, so a week that runs into the next
 * month counts in the month it starts: the report says so (the `week_rows_by_start` note), as it never splits.
 */
export function weekRowsByStart(dates: RowDates | null, granularity: Granularity | null): boolean {
  return (granularity === 'month' || granularity === 'quarter') && rowSpan(dates) === 'week';
}

/** The last day (wall-clock ms) a row dated `start` holds. */
export function rowSpanEnd(start: number, span: RowSpan): number {
  if (span === 'day') return start;
  if (span === 'week') return start + 6 * MS_PER_DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - MS_PER_DAY;
}
