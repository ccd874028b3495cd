/**
 * SQL readers for one column, mirroring core/aggregate/cells.ts and core/values.ts: cell text, a measure
 * (text numbers in any locale, error values, blanks as 0) and a date (ISO, Russian, Chinese, serials,
 * typed dates). Each reader adds its steps to a Pipeline of CTE layers, so no expression is repeated.
 */
import { TOTALS_LABEL } from '../mapping/detect-table.js';
import { CURRENCY, GROUP_SPACES, NO_VALUE, SHEET_ERROR } from '../values.js';
import { TEXT_MARK } from '../text-mark.js';
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

function serialDate(d: Dialect, x: string): string {
  // A Sheets serial day number (1899-12-30 is 0); outside years 1..9999 there is no calendar day.
  const ok = `${d.isFinite(x)} AND ${x} > -693594 AND ${x} < 2958466`;
  return `CASE WHEN ${ok} THEN ${d.dateFromDays(`${INT(d, `FLOOR(${x})`)} - 25569`)} END`;
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

/**
 * readMeasure(): adds layers 2..9 and returns the aliases of the value (NULL when unreadable) and the
 * status (0 read, 1 not a number, 2 an error value such as #N/A).
 */
export function measureReader(
  d: Dialect,
  p: Pipeline,
  kind: ColumnKind,
  c: string,
  t: string,
  key: string,
): { value: string; status: string } {
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

/** One date format: capture groups year, month, day, hour, minute, second (the last three optional). */
interface DateFormat {
  readonly parts: readonly string[];
  /** Index in `parts` of each captured field, in y, m, d, h, mi, s, UTC offset order (-1: not in this format). */
  readonly fields: readonly number[];
}

const G = (re: string): string => `\u0000${re}`;
// core/dates.ts parseDateText(): whole-cell ISO `2026-03-01[ 12:30[:05[.123]]][Z|+03:00|UTC]`, `2026/3/1 [12:30]`,
// Chinese `2026年3月1日 [12:30]`, Russian `01.03.2026 [12:30]`.
const ISO: DateFormat = {
  parts: [
    '^',
    G('[0-9]{4}'),
    '-',
    G('[0-9]{1,2}'),
    '-',
    G('[0-9]{1,2}'),
    '(?:[ T]',
    G('[0-9]{1,2}'),
    ':',
    G('[0-9]{2}'),
    '(?::',
    G('[0-9]{2}'),
    '(?:\\.[0-9]{1,3}[0-9]*)?)?',
    `${WS}*`,
    G('[Zz]|[+-][0-9]{2}:?[0-9]{2}|[Uu][Tt][Cc]|[Gg][Mm][Tt]'),
    '?)?$',
  ],
  fields: [1, 3, 5, 7, 9, 11, 14],
};
const SLASHED: DateFormat = {
  parts: [
    '^',
    G('[0-9]{4}'),
    '[/.]',
    G('[0-9]{1,2}'),
    '[/.]',
    G('[0-9]{1,2}'),
    `(?:${WS}+`,
    G('[0-9]{1,2}'),
    ':',
    G('[0-9]{2}'),
    '(?::',
    G('[0-9]{2}'),
    ')?)?$',
  ],
  fields: [1, 3, 5, 7, 9, 11, -1],
};
const ZH: DateFormat = {
  parts: [
    '^',
    G('[0-9]{4}'),
    '年',
    G('[0-9]{1,2}'),
    '月',
    G('[0-9]{1,2}'),
    '日',
    `(?:${WS}*`,
    G('[0-9]{1,2}'),
    '[:：时]',
    G('[0-9]{2}'),
    '(?:[:：分]',
    G('[0-9]{2}'),
    '秒?)?)?$',
  ],
  fields: [1, 3, 5, 8, 10, 12, -1],
};
const RU: DateFormat = {
  parts: [
    '^',
    G('[0-9]{1,2}'),
    '\\.',
    G('[0-9]{1,2}'),
    '\\.',
    G('[0-9]{4}'),
    `(?:${WS}+`,
    G('[0-9]{1,2}'),
    ':',
    G('[0-9]{2}'),
    '(?::',
    G('[0-9]{2}'),
    ')?)?$',
  ],
  fields: [5, 3, 1, 7, 9, 11, -1],
};
const FORMATS = [ISO, SLASHED, ZH, RU];

/** The format's regex with only part `pick` capturing (BigQuery's REGEXP_EXTRACT takes one group). */
function pattern(f: DateFormat, pick: number): string {
  return f.parts
    .map((part, i) => (part.startsWith('\u0000') ? (i === pick ? `(${part.slice(1)})` : `(?:${part.slice(1)})`) : part))
    .join('');
}

/** Layers 2..4: the calendar day (DATE) or NULL when the cell is blank or not a date. */
export function dateReader(d: Dialect, p: Pipeline, kind: ColumnKind, c: string, t: string, key: string, timeZone: string): string {
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
  const names = ['dy', 'dm', 'dd', 'dh', 'di', 'ds', 'do'];
  names.forEach((name, f) => {
    const branches = FORMATS.filter((fmt) => fmt.fields[f] >= 0).map((fmt) => {
      const extract = d.regexExtract(t, pattern(fmt, fmt.fields[f]));
      return `WHEN ${d.regexContains(t, pattern(fmt, -1))} THEN ${name === 'do' ? `NULLIF(${extract}, '')` : INT(d, `NULLIF(${extract}, '')`)}`;
    });
    p.add(2, v(name), `CASE ${branches.join(' ')} END`);
  });
  const [y, m, dd, h, mi, s, off] = names.map(v);
  // Date.UTC reads years 0..99 as 1900..1999.
  p.add(3, v('dY'), `CASE WHEN ${y} < 100 THEN ${y} + 1900 ELSE ${y} END`);
  p.add(3, v('dt'), `COALESCE(${h}, 0) * 3600 + COALESCE(${mi}, 0) * 60 + COALESCE(${s}, 0)`);
  // An explicit offset (Z, +03:00) makes the text an instant: its day is read in the spreadsheet's zone.
  const offHours = INT(d, `SUBSTR(${off}, 2, 2)`);
  const offMinutes = INT(d, `SUBSTR(${off}, LENGTH(${off}) - 1, 2)`);
  p.add(
    3,
    v('dz'),
    `CASE WHEN ${off} IS NULL THEN NULL WHEN UPPER(${off}) IN ('Z', 'UTC', 'GMT') THEN 0 WHEN ${offHours} <= 14 AND ${offMinutes} <= 59 THEN (CASE WHEN SUBSTR(${off}, 1, 1) = '-' THEN -1 ELSE 1 END) * (${offHours} * 3600 + ${offMinutes} * 60) END`,
  );
  const Y = v('dY');
  const leap = `((MOD(${Y}, 4) = 0 AND MOD(${Y}, 100) <> 0) OR MOD(${Y}, 400) = 0)`;
  const dim = `CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const valid =
    `${y} IS NOT NULL AND ${m} BETWEEN 1 AND 12 AND ${dd} BETWEEN 1 AND ${dim}` +
    ` AND COALESCE(${h}, 0) <= 23 AND COALESCE(${mi}, 0) <= 59 AND COALESCE(${s}, 0) <= 59 AND (${off} IS NULL OR ${v('dz')} IS NOT NULL)`;
  const days = civilDays(d, Y, m, dd);
  const wall = d.dateFromDays(days);
  const instant = d.instantSecondsToDate(`${days} * 86400 + ${v('dt')} - ${v('dz')}`, timeZone);
  const text = `CASE WHEN NOT (${valid}) THEN NULL WHEN ${off} IS NULL THEN ${wall} ELSE ${instant} END`;
  // In a CSV a plain decimal is a number, and a number in a date column is a serial day.
  p.add(
    4,
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
