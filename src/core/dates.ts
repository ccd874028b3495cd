/**
 * The one date reader. A date in a sheet is a wall-clock time (a calendar day, maybe with a time of day) in
 * the *spreadsheet's* time zone. Apps Script hands a date cell to the script as the instant of that wall-clock
 * time in the spreadsheet's zone, while the script's own zone (appsscript.json) may differ, so local getters
 * (`getDate()`, `getMonth()`) would split the instant in the wrong zone. Every reader — custom functions, the
 * sheet reader, the aggregator, the CLI — turns a value into "wall-clock ms": the fields as written, encoded
 * as if they were UTC, so day arithmetic is exact and never crosses a DST jump.
 */
import { monthOfName } from './month-names.js';
import { unmarked } from './text-mark.js';

export const MS_PER_DAY = 86_400_000;

/** Days between the Sheets epoch (1899-12-30) and the Unix epoch. */
const SHEETS_EPOCH_OFFSET_DAYS = 25569;

/** A Sheets serial day number (what a date cell holds) to wall-clock ms. */
export function serialToTime(serial: number): number {
  return Math.round((serial - SHEETS_EPOCH_OFFSET_DAYS) * MS_PER_DAY);
}

export function timeToSerial(time: number): number {
  return time / MS_PER_DAY + SHEETS_EPOCH_OFFSET_DAYS;
}

/** `instanceof Date` fails across realms (Apps Script, node:vm), so check the internal tag. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

type WallClockOf = (time: number) => number;

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const zones = new Map<string, WallClockOf>();

/** The wall-clock ms of an instant in `timeZone` (an IANA name, or `GMT+03:00` as Sheets may report). */
export function wallClock(time: number, timeZone: string): number {
  let of = zones.get(timeZone);
  if (!of) {
    of = zoneReader(timeZone);
    zones.set(timeZone, of);
  }
  return of(time);
}

function zoneReader(timeZone: string): WallClockOf {
  const fixed = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/iu.exec(timeZone.trim());
  if (fixed) {
    const offset = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000;
    return (time) => time + offset;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new Error(`unknown time zone "${timeZone}"`);
  }
  return (time) => {
    const f: Record<string, string> = {};
    for (const p of format.formatToParts(time)) f[p.type] = p.value;
    const year = f.era === 'BC' || f.era === 'B' ? 1 - Number(f.year) : Number(f.year);
    const ms = ((time % 1000) + 1000) % 1000;
    const d = new Date(0);
    d.setUTCFullYear(year, Number(f.month) - 1, Number(f.day));
    d.setUTCHours(Number(f.hour), Number(f.minute), Number(f.second), ms);
    return d.getTime();
  };
}

/**
 * The instant at which clocks in `timeZone` show `wall` (inverse of wallClock): how Apps Script turns a date
 * cell into a Date. A wall time skipped by a DST jump takes the offset in force before the jump, so it
 * lands after the jump, as java.util.Calendar (lenient) does.
 */
export function instantOf(wall: number, timeZone: string): number {
  const offsetAt = (t: number): number => wallClock(t, timeZone) - t;
  // The offsets a day either side; equal away from a transition. Ambiguous (fall-back) times take the first.
  const early = wall - offsetAt(wall - MS_PER_DAY);
  if (wallClock(early, timeZone) === wall) return early;
  const late = wall - offsetAt(wall + MS_PER_DAY);
  return wallClock(late, timeZone) === wall ? late : early;
}

/**
 * The date text forms exports write, declared once: parseDateText reads them and the warehouse SQL translates
 * the very same regexes (warehouse/readers.ts). Named groups: `y`; `mo` (a month number) or `mon` (a month name,
 * month-names.ts); `d`; the time `h`, `mi`, `s`, `f` (fraction of a second) and `ap` (AM/PM); `off`, a zone
 * that makes the text an instant. Every other group is non-capturing. The forms exclude one another, and a form
 * must hold the whole cell: `2026-01-31junk` is not a date.
 */
export const DATE_FORMS: readonly RegExp[] = [
  // ISO 2026-03-01, 2026-03-01 12:30[:05[.123]], 2026-03-01T12:30:05Z, 2026-03-02 14:22:10 UTC
  /^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,3})\d*)?)?\s*(?<off>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/iu,
  // 2026/3/1 [12:30[:05]], 2026.03.01
  /^(?<y>\d{4})[/.](?<mo>\d{1,2})[/.](?<d>\d{1,2})(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?$/u,
  // 2026年3月1日 [12:30[:05]], 12时30分05秒
  /^(?<y>\d{4})年(?<mo>\d{1,2})月(?<d>\d{1,2})日(?:\s*(?<h>\d{1,2})[:：时](?<mi>\d{2})(?:[:：分](?<s>\d{2})秒?)?)?$/u,
  // 01.03.2026 [12:30[:05]]
  /^(?<d>\d{1,2})\.(?<mo>\d{1,2})\.(?<y>\d{4})(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?$/u,
  // 20260314: the compact text GA4's BigQuery export writes (event_date); as a number see compactDay
  /^(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})$/u,
  // Mar 14, 2026 [10:22[:05] [AM]] (Magento, Marketo, Zoom)
  /^(?<mon>\p{L}+)\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4}),?(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ap>[ap]\.?m\.?))?)?$/iu,
  // 14 Mar 2026, 14-Mar-2026, 14 марта 2026 г.[, 10:22] (1С, Lazada)
  /^(?<d>\d{1,2})[\s-]+(?<mon>\p{L}+)\.?[\s-]+(?<y>\d{4})(?:\s*г\.?)?,?(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ap>[ap]\.?m\.?))?)?$/iu,
];

/** The order of month and day in `03/14/2026`: one convention per report, decided by dayOrderOf. */
export type DayOrder = 'mdy' | 'dmy';

// 03/14/2026 or 14/03/2026 [10:22[:05] [AM]] (Salesforce, Stripe, Excel exports): `first` and `second` become the
// month and the day by the report's DayOrder. One cell cannot tell 03/04/2026's order, so without one it is no date.
const SLASHED_DAY_SOURCE = String.raw`^(?<first>\d{1,2})\/(?<second>\d{1,2})\/(?<y>\d{4}),?(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ap>[ap]\.?m\.?))?)?$`;

const slashedDay = (order: DayOrder): RegExp =>
  new RegExp(
    order === 'mdy'
      ? SLASHED_DAY_SOURCE.replace('(?<first>', '(?<mo>').replace('(?<second>', '(?<d>')
      : SLASHED_DAY_SOURCE.replace('(?<first>', '(?<d>').replace('(?<second>', '(?<mo>'),
    'iu',
  );

const FORMS_BY_ORDER: Readonly<Record<DayOrder, readonly RegExp[]>> = {
  mdy: [...DATE_FORMS, slashedDay('mdy')],
  dmy: [...DATE_FORMS, slashedDay('dmy')],
};

/** The date forms a report reads: DATE_FORMS, and `03/14/2026` once its DayOrder is known. */
export function dateForms(order?: DayOrder): readonly RegExp[] {
  return order === undefined ? DATE_FORMS : FORMS_BY_ORDER[order];
}

const SLASHED_ANY = new RegExp(SLASHED_DAY_SOURCE, 'iu');

/** `03/14/2026`-like text: a date only in a report whose DayOrder is known. */
export const isSlashedDay = (v: unknown): boolean => typeof v === 'string' && SLASHED_ANY.test(unmarked(v.trim()));

/**
 * The month/day order that `a/b/yyyy` text dates show: cells with a day over 12 decide (`14/03/2026` → dmy,
 * `03/14/2026` → mdy). Undefined when no cell decides, or when cells decide both ways: such dates are then
 * not read (and reported as unreadable), never guessed.
 */
export function dayOrderOf(values: Iterable<unknown>): DayOrder | undefined {
  const votes = new DayOrderVotes();
  for (const v of values) votes.add(v);
  return votes.order();
}

/** dayOrderOf, a cell at a time: the aggregator feeds it the date columns of every sheet in plain loops. */
export class DayOrderVotes {
  private mdy = false;
  private dmy = false;
  private readonly seen = new Set<string>();
  /** The first `a/b/yyyy` date met, to quote when the order stays unknown. */
  example: string | undefined;

  add(v: unknown): void {
    // Cheap for the usual column of Date cells or ISO text; a column repeats a few hundred dates.
    if (typeof v !== 'string' || !v.includes('/') || this.seen.has(v)) return;
    this.seen.add(v);
    const g = SLASHED_ANY.exec(unmarked(v.trim()))?.groups;
    if (!g) return;
    this.example ??= v.trim();
    if (+(g.first ?? 0) > 12) this.dmy = true;
    if (+(g.second ?? 0) > 12) this.mdy = true;
  }

  order(): DayOrder | undefined {
    return this.mdy === this.dmy ? undefined : this.mdy ? 'mdy' : 'dmy';
  }
}

/**
 * A date written as text, in one of the DATE_FORMS: ISO `2026-03-01` (with a time; with a zone it is an
 * instant, read as its wall clock in `timeZone`), `2026/3/1`, Russian `01.03.2026`, Chinese `2026年3月1日`, compact
 * `20260314`, or with a month name (`Mar 14, 2026 10:22 AM`, `14 марта 2026 г.`). Anything after the date or time
 * (`2026-01-31junk`), an impossible day (`31.02.2026`), month name (`Foo 14, 2026`) or time (`12:99`,
 * `13:05 PM`) is not a date. `03/14/2026` is read only in the report's DayOrder (dayOrderOf), never guessed.
 */
export function parseDateText(text: string, timeZone = 'Etc/UTC', order?: DayOrder): number | undefined {
  const s = unmarked(text.trim());
  for (const form of dateForms(order)) {
    const g = form.exec(s)?.groups;
    if (g) return dateOfFields(g, timeZone);
  }
  return undefined;
}

function dateOfFields(g: Readonly<Record<string, string | undefined>>, timeZone: string): number | undefined {
  const month = g.mo !== undefined ? +g.mo : monthOfName(g.mon ?? '');
  const hour = hourOf(g.h, g.ap);
  if (month === undefined || hour === undefined) return undefined;
  const wall = fromFields(+(g.y ?? ''), month, +(g.d ?? ''), hour, g.mi, g.s, g.f);
  if (wall === undefined || g.off === undefined) return wall;
  const offset = /^(?:z|utc|gmt)$/iu.test(g.off) ? 0 : offsetMs(g.off);
  return offset === undefined ? undefined : wallClock(wall - offset, timeZone);
}

/** The hour on a 24-hour clock: `12:05 AM` is 0:05, `1 PM` 13:00; `13 PM` is no time. */
function hourOf(h: string | undefined, ap: string | undefined): number | undefined {
  if (h === undefined) return 0;
  if (ap === undefined) return +h;
  if (+h < 1 || +h > 12) return undefined;
  return (+h % 12) + (/^p/iu.test(ap) ? 12 : 0);
}

function offsetMs(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/u.exec(text);
  if (!m || +m[2] > 14 || +m[3] > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]) * 60_000;
}

function fromFields(y: number, mo: number, d: number, hour: number, mi?: string, se?: string, frac?: string): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const minute = mi === undefined ? 0 : +mi;
  const second = se === undefined ? 0 : +se;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  const t = Date.UTC(y, mo - 1, d, hour, minute, second, ms);
  // Reject 31.02.2026 and friends rather than rolling over.
  return new Date(t).getUTCDate() === d ? t : undefined;
}

/** The whole numbers read as `yyyymmdd`: years 1900..2199. Sheets serials stay below 3,000,000 (year 9999). */
export const COMPACT_MIN = 19000101;
export const COMPACT_MAX = 21991231;

/**
 * `20260314` — a day written as the whole number yyyymmdd, as the GA4 API, Supermetrics and Chinese payment
 * bills write it — as wall-clock ms, or undefined. No serial is that large, so the two readings never meet.
 */
export function compactDay(n: number): number | undefined {
  return isCompact(n) ? fromFields(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, 0) : undefined;
}

const isCompact = (n: number): boolean => Number.isInteger(n) && n >= COMPACT_MIN && n <= COMPACT_MAX;

/** A serial of a day in years 1..9999 (1899-12-30 is 0); beyond them there is no calendar day. */
const isSerialDay = (n: number): boolean => n > -693594 && n < 2958466;

function numberDate(n: number): number | undefined {
  if (isCompact(n)) return compactDay(n);
  return isSerialDay(n) ? serialToTime(n) : undefined;
}

/**
 * Reads a date from a Date (either realm: its wall clock in the spreadsheet's `timeZone`), a Sheets serial
 * number or a compact `yyyymmdd` number, or text (parseDateText). Returns wall-clock ms, or undefined when it
 * is not a date.
 */
export function parseDateValue(value: unknown, timeZone: string, order?: DayOrder): number | undefined {
  if (isDate(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? undefined : wallClock(t, timeZone);
  }
  if (typeof value === 'number') return numberDate(value);
  if (typeof value === 'string') return parseDateText(value, timeZone, order);
  return undefined;
}

/** `yyyy-mm-dd` of wall-clock ms. */
export function isoDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/**
 * parseDateValue for one sheet, with caches: exports repeat the same few hundred dates across a million
 * rows, and reading a Date's wall clock in a zone goes through Intl.
 */
export class DateReader {
  private readonly text = new Map<string, number | undefined>();
  private readonly serial = new Map<number, number | undefined>();
  private readonly instants = new Map<number, number>();

  /** `order`: how the report writes `03/14/2026` (dayOrderOf), if it does. */
  constructor(
    readonly timeZone: string,
    readonly order?: DayOrder,
  ) {}

  read(value: unknown): number | undefined {
    if (typeof value === 'string') {
      let t = this.text.get(value);
      if (t === undefined && !this.text.has(value)) {
        t = parseDateText(value, this.timeZone, this.order);
        this.text.set(value, t);
      }
      return t;
    }
    if (typeof value === 'number') {
      let t = this.serial.get(value);
      if (t === undefined && !this.serial.has(value)) {
        t = parseDateValue(value, this.timeZone);
        this.serial.set(value, t);
      }
      return t;
    }
    if (isDate(value)) {
      const instant = value.getTime();
      if (Number.isNaN(instant)) return undefined;
      let t = this.instants.get(instant);
      if (t === undefined) {
        t = wallClock(instant, this.timeZone);
        this.instants.set(instant, t);
      }
      return t;
    }
    return undefined;
  }

  /** A Date cell as its calendar day in the spreadsheet's zone (channel or id columns holding dates). */
  dayText(value: Date): string {
    const t = this.read(value);
    return t === undefined ? '' : isoDay(t);
  }
}
