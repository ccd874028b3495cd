/**
 * SQL readers for one column, mirroring core/aggregate/cells.ts and core/values.ts: cell text, a measure
 * (text numbers in any locale, error values, blanks as 0) and a date (core/dates.ts DATE_FORMS, serials,
 * typed dates). Each reader adds its steps to a Pipeline of CTE layers, so no expression is repeated.
 */
import { TOTALS_LABEL } from '../mapping/detect-table.js';
import { CURRENCY, GROUP_SPACES, NO_VALUE, SHEET_ERROR } from '../values.js';
import { TEXT_MARK } from '../text-mark.js';
import { COMPACT_MAX, COMPACT_MIN, dateForms, type DayOrder } from '../dates.js';
import { MONTH_NAMES } from '../month-names.js';
import type { Dialect } from './dialect.js';
import { toRe2, WS } from './regex.js';
import type { ColumnKind } from './types.js';

/** CTE layers `name0`, `name1`, …: each selects everything of the one before plus its own columns. */
export class Pipeline {
  private readonly layers: { cols: [string, string][]; where?: string }[] = [];

  constructor(
    readonly name: string,
    private readonly base: string,
  ) {}

  /** Adds columns to layer `at` (1-based; layer 0 is the base select). Returns the alias. */
  add(at: number, alias: string, expr: string): string {
    while (this.layers.length < at) this.layers.push({ cols: [] });
    this.layers[at - 1].cols.push([alias, expr]);
    return alias;
  }

  where(at: number, condition: string): void {
    while (this.layers.length < at) this.layers.push({ cols: [] });
    this.layers[at - 1].where = condition;
  }

  /** Layers with nothing to add are left out. */
  private rendered(): { name: string; sql: string }[] {
    const out = [{ name: `${this.name}0`, sql: this.base }];
    this.layers.forEach((l, i) => {
      if (l.cols.length === 0 && !l.where) return;
      const cols = l.cols.map(([a, e]) => `, ${e} AS ${a}`).join('');
      out.push({
        name: `${this.name}${i + 1}`,
        sql: `SELECT *${cols} FROM ${out[out.length - 1].name}${l.where ? ` WHERE ${l.where}` : ''}`,
      });
    });
    return out;
  }

  get last(): string {
    const all = this.rendered();
    return all[all.length - 1].name;
  }

  ctes(): string[] {
    return this.rendered().map((r) => `${r.name} AS (${r.sql})`);
  }
}

export const TRIM = `^${WS}+|${WS}+$`;
const INT = (d: Dialect, x: string): string => d.tryInt(x);
/** What the CLI's CSV reader turns into a number (cellsFromCsv): a whole number of up to 15 digits. */
const PLAIN_DECIMAL = '^-?[0-9]{1,15}$';

/** String(n) for a double: integers without a decimal part. */
function numberText(d: Dialect, x: string): string {
  return `CASE WHEN ${d.isFinite(x)} AND ${x} = TRUNC(${x}) AND ABS(${x}) < 1e15 THEN ${d.toText(d.tryInt(x))} ELSE ${d.toText(x)} END`;
}

/** core/dates.ts parseDateValue of a number: a compact `yyyymmdd` (compactDay), else a serial. */
function serialDate(d: Dialect, x: string): string {
  const n = INT(d, x);
  const [y, m, day] = [d.idiv(n, '10000'), `MOD(${d.idiv(n, '100')}, 100)`, `MOD(${n}, 100)`];
  const compact = `${x} = TRUNC(${x}) AND ${x} BETWEEN ${COMPACT_MIN} AND ${COMPACT_MAX}`;
  // A Sheets serial day number (1899-12-30 is 0); outside years 1..9999 there is no calendar day.
  const ok = `${d.isFinite(x)} AND ${x} > -693594 AND ${x} < 2958466`;
  return (
    `CASE WHEN ${d.isFinite(x)} AND ${compact} THEN (CASE WHEN ${validDay(y, m, day)} THEN ${d.dateFromDays(civilDays(d, y, m, day))} END)` +
    ` WHEN ${ok} THEN ${d.dateFromDays(`${INT(d, `FLOOR(${x})`)} - 25569`)} END`
  );
}

/** Day `day` exists in month `m` of year `y` (Gregorian leap years). */
function validDay(y: string, m: string, day: string): string {
  const leap = `((MOD(${y}, 4) = 0 AND MOD(${y}, 100) <> 0) OR MOD(${y}, 400) = 0)`;
  const dim = `CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `${m} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND ${dim}`;
}

/**
 * Layer 1: the cell as text, as cellText() shows it (trimmed string without a text-forcing mark, number in
 * JS spelling, ISO date).
 */
export function textOf(d: Dialect, kind: ColumnKind, c: string): string {
  const unmarked = (x: string): string => d.regexReplace(x, toRe2(TEXT_MARK), '\\1');
  switch (kind) {
    case 'string':
      return unmarked(d.regexReplace(c, TRIM, ''));
    case 'csv': {
      const t = unmarked(d.regexReplace(c, TRIM, ''));
      return `CASE WHEN ${d.regexContains(t, PLAIN_DECIMAL)} THEN ${numberText(d, d.tryDouble(t))} ELSE ${t} END`;
    }
    case 'number':
      return numberText(d, c);
    case 'bool':
      return `CASE WHEN ${c} THEN 'true' ELSE 'false' END`;
    case 'date':
    case 'datetime':
    case 'timestamp':
      return d.formatDate(`CAST(${c} AS DATE)`, '%Y-%m-%d');
    default:
      return d.toText(c);
  }
}

export function blankOf(kind: ColumnKind, c: string, t: string): string {
  return kind === 'string' || kind === 'csv' ? `(${c} IS NULL OR ${t} = '')` : `${c} IS NULL`;
}

/** isNoValue(): blank, or a no-value marker ("N/A", "—") in a text cell. */
export function noValueOf(d: Dialect, kind: ColumnKind, c: string, t: string): string {
  const blank = blankOf(kind, c, t);
  return kind === 'string' || kind === 'csv' ? `(${blank} OR ${d.regexContains(t, toRe2(NO_VALUE))})` : blank;
}

/** normalizeName(): NFKC, trimmed, inner whitespace collapsed, lower case. */
export function normalizedName(d: Dialect, text: string): string {
  return `LOWER(${d.regexReplace(d.regexReplace(d.nfkc(text), TRIM, ''), `${WS}+`, ' ')})`;
}

/** isTotalsLabel() on a string cell. */
export function totalsLabel(d: Dialect, c: string): string {
  const unmarked = d.regexReplace(d.regexReplace(d.nfkc(c), TRIM, ''), toRe2(TEXT_MARK), '\\1');
  return `COALESCE(${d.regexContains(unmarked, toRe2(TOTALS_LABEL))}, FALSE)`;
}

/** The column a reader adds its layers for: the cell `c` (as typed), its text `t`, and its aliases' suffix. */
export interface ReaderColumn {
  readonly d: Dialect;
  readonly p: Pipeline;
  readonly kind: ColumnKind;
  readonly c: string;
  readonly t: string;
  readonly key: string;
}

/**
 * readMeasure(): adds layers 2..9 and returns the aliases of the value (NULL when unreadable) and the
 * status (0 read, 1 not a number, 2 an error value such as #N/A).
 */
export function measureReader({ d, p, kind, c, t, key }: ReaderColumn): { value: string; status: string } {
  const value = `x_${key}`;
  const status = `k_${key}`;
  if (kind === 'number') {
    p.add(2, value, `CASE WHEN ${c} IS NULL THEN 0 WHEN ${d.isFinite(c)} THEN ${c} END`);
    p.add(2, status, `CASE WHEN ${c} IS NULL OR ${d.isFinite(c)} THEN 0 ELSE 1 END`);
    return { value, status };
  }
  if (kind !== 'string' && kind !== 'csv') {
    // A date or TRUE/FALSE in a measure column is a mis-mapped column, not a figure.
    p.add(2, value, `CASE WHEN ${c} IS NULL THEN 0 END`);
    p.add(2, status, `CASE WHEN ${c} IS NULL THEN 0 ELSE 1 END`);
    return { value, status };
  }
  const v = (s: string): string => `${s}_${key}`;
  const unParen = d.regexReplace(t, '^\\((.*)\\)$', '\\1');
  const cleaned = d.regexReplace(
    d.regexReplace(d.regexReplace(unParen, toRe2(CURRENCY), ''), toRe2(GROUP_SPACES), ''),
    '[\\x{2212}\\x{2012}\\x{2013}]',
    '-',
  );
  p.add(2, v('ne'), d.regexContains(t, toRe2(SHEET_ERROR)));
  p.add(2, v('np'), d.regexContains(t, '^\\(.*\\)$'));
  p.add(2, v('ns'), cleaned);
  p.add(3, v('nq'), d.regexContains(v('ns'), '%$'));
  p.add(3, v('nu'), d.regexReplace(v('ns'), '%$', ''));
  p.add(4, v('ng'), d.regexContains(v('nu'), '^-'));
  p.add(4, v('nv'), d.regexReplace(v('nu'), '^[-+]', ''));
  const nv = v('nv');
  p.add(5, v('nok'), `(${d.regexContains(nv, '^[0-9.,]+(?:[eE][+-]?[0-9]+)?$')} AND ${d.regexContains(nv, '[0-9]')})`);
  p.add(5, v('nm'), d.regexReplace(nv, '[eE][+-]?[0-9]+$', ''));
  p.add(5, v('nx'), `COALESCE(${d.regexExtract(nv, '([eE][+-]?[0-9]+)$')}, '')`);
  const m = v('nm');
  const has = (re: string): string => d.regexContains(m, re);
  // normalizeSeparators(): the separator that comes last is the decimal one; one comma before exactly
  // three digits (not after a lone 0) groups thousands; anything else is not a number.
  p.add(
    6,
    v('nn'),
    `CASE WHEN ${has('^[0-9]{1,3}(?:\\.[0-9]{3})+,[0-9]+$')} THEN REPLACE(REPLACE(${m}, '.', ''), ',', '.')` +
      ` WHEN ${has('^[0-9]{1,3}(?:,[0-9]{3})+\\.[0-9]+$')} THEN REPLACE(${m}, ',', '')` +
      ` WHEN ${has(',')} AND ${has('\\.')} THEN NULL` +
      ` WHEN ${has('^[0-9]{1,3}(?:,[0-9]{3}){2,}$')} THEN REPLACE(${m}, ',', '')` +
      ` WHEN ${has('^[0-9]{1,3}(?:\\.[0-9]{3}){2,}$')} THEN REPLACE(${m}, '.', '')` +
      ` WHEN ${has(',.*,|\\..*\\.')} THEN NULL` +
      ` WHEN ${has('^[0-9]{1,3},[0-9]{3}$')} AND NOT ${has('^0,')} THEN REPLACE(${m}, ',', '')` +
      ` WHEN ${has(',')} THEN REPLACE(${m}, ',', '.')` +
      ` ELSE ${m} END`,
  );
  const nn = v('nn');
  p.add(
    7,
    v('nd'),
    d.tryDouble(
      `CONCAT(CASE WHEN ${d.regexContains(nn, '\\.$')} THEN NULL WHEN ${d.regexContains(nn, '^\\.')} THEN CONCAT('0', ${nn}) ELSE ${nn} END, ${v('nx')})`,
    ),
  );
  const nd = v('nd');
  const blank = noValueOf(d, 'string', c, t);
  const readable = `${v('nok')} AND ${nd} IS NOT NULL AND ${d.isFinite(nd)}`;
  const scaled = `CASE WHEN ${v('nq')} THEN ${nd} / 100 ELSE ${nd} END`;
  p.add(
    8,
    value,
    `CASE WHEN ${blank} THEN 0 WHEN ${v('ne')} THEN NULL WHEN ${readable} THEN (CASE WHEN ${v('np')} <> ${v('ng')} THEN -1 ELSE 1 END) * (${scaled}) END`,
  );
  p.add(8, status, `CASE WHEN ${blank} THEN 0 WHEN ${v('ne')} THEN 2 WHEN ${readable} THEN 0 ELSE 1 END`);
  return { value, status };
}

/** A date form's source with only the named group `pick` capturing (BigQuery's REGEXP_EXTRACT takes one group). */
function formPattern(form: RegExp, pick: string | null): string {
  const source = form.source.replace(/\(\?<(\w+)>/gu, (_, name: string) => (name === pick ? '(' : '(?:'));
  return toRe2(new RegExp(source, form.flags));
}

const groupsOf = (form: RegExp): Set<string> => new Set([...form.source.matchAll(/\(\?<(\w+)>/gu)].map((m) => m[1]));
/** The number fields of a date form; `mon`, `ap` and `off` are read as text. */
const NUMBER_FIELDS = ['y', 'mo', 'd', 'h', 'mi', 's'] as const;
const TEXT_FIELDS = ['mon', 'ap', 'off'] as const;

/**
 * Layers 2..5: the calendar day (DATE) or NULL when the cell is blank or not a date. Text is matched against
 * each of the report's date forms (core/dates.ts dateForms) once (layer 2), and only the matching form's
 * fields are extracted (layer 3).
 */
export function dateReader({ d, p, kind, c, t, key }: ReaderColumn, timeZone: string, order: DayOrder | undefined): string {
  const out = `d_${key}`;
  switch (kind) {
    case 'date':
      p.add(2, out, c);
      return out;
    case 'datetime':
      p.add(2, out, `CAST(${c} AS DATE)`);
      return out;
    case 'timestamp':
      p.add(2, out, d.instantToDate(c, timeZone));
      return out;
    case 'number':
      p.add(2, out, serialDate(d, c));
      return out;
    case 'string':
    case 'csv':
      break;
    default:
      p.add(2, out, 'CAST(NULL AS DATE)');
      return out;
  }
  const v = (s: string): string => `${s}_${key}`;
  const forms = dateForms(order);
  const form = v('df');
  p.add(2, form, `CASE ${forms.map((f, i) => `WHEN ${d.regexContains(t, formPattern(f, null))} THEN ${i}`).join(' ')} END`);
  const field = (name: string, read: (x: string) => string): string => {
    const whens = forms.flatMap((f, i) =>
      groupsOf(f).has(name) ? [`WHEN ${i} THEN ${read(`NULLIF(${d.regexExtract(t, formPattern(f, name))}, '')`)}`] : [],
    );
    return p.add(3, v(`d${name}`), whens.length > 0 ? `CASE ${form} ${whens.join(' ')} END` : 'NULL');
  };
  const [y, mo, dd, h, mi, s] = NUMBER_FIELDS.map((name) => field(name, (x) => INT(d, x)));
  const [mon, ap, off] = TEXT_FIELDS.map((name) => field(name, (x) => x));
  // One lookup, not twelve `IN` tests (which took DuckDB past a 64 MB cap on a 3,200-row sample): `|name|` is
  // found in a literal where each month holds a fixed-width block of its names. STRPOS counts characters.
  // eslint-disable-next-line no-restricted-syntax -- twelve months
  const block = Math.max(...MONTH_NAMES.map((names) => names.map((n) => `|${n}|`).join('').length));
  const table = MONTH_NAMES.map((names) =>
    names
      .map((n) => `|${n}|`)
      .join('')
      .padEnd(block, ' '),
  ).join('');
  const at = `STRPOS(${d.literal(table)}, CONCAT('|', LOWER(${mon}), '|'))`;
  const M = p.add(4, v('dmonth'), `CASE WHEN ${mon} IS NULL THEN ${mo} WHEN ${at} > 0 THEN ${d.idiv(`${at} - 1`, String(block))} + 1 END`);
  // core/dates.ts hourOf(): 12:05 AM is 0:05, 1 PM is 13:00, 13 PM is no time (NULL).
  const H = p.add(
    4,
    v('dhour'),
    `CASE WHEN ${h} IS NULL THEN 0 WHEN ${ap} IS NULL THEN ${h} WHEN ${h} BETWEEN 1 AND 12 THEN MOD(${h}, 12) + (CASE WHEN LOWER(SUBSTR(${ap}, 1, 1)) = 'p' THEN 12 ELSE 0 END) END`,
  );
  // Date.UTC reads years 0..99 as 1900..1999.
  const Y = p.add(4, v('dyear'), `CASE WHEN ${y} < 100 THEN ${y} + 1900 ELSE ${y} END`);
  const time = p.add(4, v('dtime'), `${H} * 3600 + COALESCE(${mi}, 0) * 60 + COALESCE(${s}, 0)`);
  // An explicit offset (Z, +03:00) makes the text an instant: its day is read in the spreadsheet's zone.
  const offHours = INT(d, `SUBSTR(${off}, 2, 2)`);
  const offMinutes = INT(d, `SUBSTR(${off}, LENGTH(${off}) - 1, 2)`);
  const zone = p.add(
    4,
    v('dzone'),
    `CASE WHEN ${off} IS NULL THEN NULL WHEN UPPER(${off}) IN ('Z', 'UTC', 'GMT') THEN 0 WHEN ${offHours} <= 14 AND ${offMinutes} <= 59 THEN (CASE WHEN SUBSTR(${off}, 1, 1) = '-' THEN -1 ELSE 1 END) * (${offHours} * 3600 + ${offMinutes} * 60) END`,
  );
  const valid =
    `${y} IS NOT NULL AND ${validDay(Y, M, dd)}` +
    ` AND ${H} <= 23 AND COALESCE(${mi}, 0) <= 59 AND COALESCE(${s}, 0) <= 59 AND (${off} IS NULL OR ${zone} IS NOT NULL)`;
  const days = civilDays(d, Y, M, dd);
  const wall = d.dateFromDays(days);
  const instant = d.instantSecondsToDate(`${days} * 86400 + ${time} - ${zone}`, timeZone);
  // A NULL part (13 PM, an unknown month name) makes `valid` NULL: no date.
  const text = `CASE WHEN ${valid} THEN (CASE WHEN ${off} IS NULL THEN ${wall} ELSE ${instant} END) END`;
  // In a CSV a plain decimal is a number, and a number in a date column is a serial day.
  p.add(
    5,
    out,
    kind === 'csv' ? `CASE WHEN ${d.regexContains(t, PLAIN_DECIMAL)} THEN ${serialDate(d, d.tryDouble(t))} ELSE ${text} END` : text,
  );
  return out;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; year ≥ 1). */
function civilDays(d: Dialect, y: string, m: string, day: string): string {
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = d.idiv(yy, '400');
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(${d.idiv(`153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2`, '5')} + ${day} - 1)`;
  const doe = `(${yoe} * 365 + ${d.idiv(yoe, '4')} - ${d.idiv(yoe, '100')} + ${doy})`;
  return `(${era} * 146097 + ${doe} - 719468)`;
}
