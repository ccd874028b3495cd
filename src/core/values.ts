/**
 * Cell values as Apps Script hands them to us (custom-function arguments, Range.getValues()),
 * and the one place where pasted-from-export text is turned into numbers (dates: ./dates.ts).
 */
import { isDate } from './dates.js';
import { unmarked } from './text-mark.js';

export type CellValue = number | string | boolean | Date | null | undefined;
export type Matrix = CellValue[][];

/** Error codes Sheets may hand over as text when a referenced cell holds an error. */
export const SHEET_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;

// Dates have their own module (time zones); re-exported so callers keep one import for cell values.
export { isDate, MS_PER_DAY, parseDateValue, serialToTime, timeToSerial } from './dates.js';

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * What exports write in a measure cell that has no figure: a dash, "N/A", "None", "нет данных", "无". It reads
 * as a blank (nothing to add), not as unreadable text: AppsFlyer writes "N/A" for organic cost and Chinese
 * reports "-", and skipping those rows would drop their installs and revenue. Whole cell, trimmed, any case.
 */
export const NO_VALUE = /^(?:[-\u2012-\u2015\u2212]{1,3}|n\/a|na|none|null|nil|nan|н\/д|нет|нет данных|无|暂无|－)$/iu;

/** A blank cell or a no-value marker (NO_VALUE): nothing to sum. */
export function isNoValue(value: unknown): boolean {
  return isBlank(value) || (typeof value === 'string' && NO_VALUE.test(unmarked(value.trim())));
}

export function isSheetError(value: unknown): value is string {
  return typeof value === 'string' && SHEET_ERROR.test(unmarked(value.trim()));
}

// Currency marks seen in Google Ads / Yandex Direct / Meta / Bitrix24 / amoCRM / Shopline exports; a dollar with
// its country first ("US$ 86.10", "HK$", "S$", "NT$") before the bare sign, so no letters are left behind.
export const CURRENCY =
  /(?:руб\.?|р\.|грн\.?|₽|(?:us|hk|nt|au|ca|nz|sg|mx|[acrs])\$|\$|€|£|¥|元|₸|₴|₹|₩|₺|₪|₫|₱|usd|rub|eur|cny|rmb|kzt|gbp|uah|byn|hkd|twd|sgd|aud|cad|chf|jpy|inr|pln|brl)/giu;
// Every kind of space used as a thousands separator: normal, NBSP, narrow NBSP, thin, figure, apostrophe (Swiss).
export const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007']/gu;

/**
 * Reads a number written as text the way exports write it: `1 234,56 ₽`, `$1,234.50`, `2,5`, `15%`,
 * `(1 200)` (accounting negative), `1.234.567,8`, `−42` (Unicode minus). Returns undefined when the
 * text is not a number, so callers can name the field in their own error.
 *
 * One comma followed by exactly three digits (`1,234`) is read as a thousands separator, as US exports
 * write it; a leading `0,` (`0,123`) or any other digit count (`2,5`) is a decimal comma.
 */
export function parseNumberText(text: string): number | undefined {
  const parts = numberParts(text);
  if (!parts) return undefined;
  const normalized = normalizeSeparators(parts.body);
  return normalized === undefined ? undefined : finish(Number(normalized), parts);
}

/** The sign, percent and digits-and-separators body of a text number; undefined when it is not one. */
export interface NumberParts {
  readonly negative: boolean;
  readonly percent: boolean;
  /** Digits, `.` and `,` with an optional exponent; currency marks and group spaces removed. */
  readonly body: string;
}

export function numberParts(text: string): NumberParts | undefined {
  let s = unmarked(text.trim());
  if (s === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/u.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s
    .replace(CURRENCY, '')
    .replace(GROUP_SPACES, '')
    .replace(/[\u2212\u2012\u2013]/gu, '-');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // Currency may also sit between sign and digits: "-$12" → after removal "-12"; handled above.
  if (!/^[0-9.,]+(?:e[+-]?\d+)?$/iu.test(s) || !/\d/u.test(s)) return undefined;
  return { negative, percent, body: s };
}

/** The value of parts whose body became the plain decimal `n`; undefined when not finite. */
export function finish(n: number, parts: NumberParts): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  const v = parts.percent ? n / 100 : n;
  return parts.negative ? -v : v;
}

/**
 * The body read strictly under one convention: `.` decimal with `,` groups, or `,` decimal with `.` groups
 * (groups of exactly three digits after a first group of 1–3 that is not 0). Undefined when the body does
 * not fit the convention.
 */
export function bodyUnder(body: string, decimal: '.' | ','): number | undefined {
  const [mantissa, exponent] = splitExponent(body);
  const group = decimal === '.' ? ',' : '.';
  const at = mantissa.indexOf(decimal);
  if (at !== mantissa.lastIndexOf(decimal)) return undefined;
  const intPart = at < 0 ? mantissa : mantissa.slice(0, at);
  const frac = at < 0 ? '' : mantissa.slice(at + 1);
  if (frac.includes(group) || (at >= 0 && frac === '')) return undefined;
  if (intPart === '' && frac === '') return undefined;
  if (intPart.includes(group)) {
    const groups = intPart.split(group);
    if (!/^[1-9]\d{0,2}$/u.test(groups[0]) || !groups.slice(1).every((g) => /^\d{3}$/u.test(g))) return undefined;
  } else if (!/^\d*$/u.test(intPart)) return undefined;
  return Number(`${intPart.split(group).join('') || '0'}.${frac || '0'}${exponent}`);
}

function normalizeSeparators(s: string): string | undefined {
  const [mantissa, exponent] = splitExponent(s);
  const commas = count(mantissa, ',');
  const dots = count(mantissa, '.');
  let out: string;
  if (commas > 0 && dots > 0) {
    // The separator that comes last is the decimal one: 1,234.56 or 1.234,56.
    const decimal = mantissa.lastIndexOf(',') > mantissa.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [intPart, frac, ...rest] = mantissa.split(decimal);
    if (rest.length > 0 || frac === undefined || frac.includes(group)) return undefined;
    if (!validGroups(intPart, group)) return undefined;
    out = intPart.split(group).join('') + '.' + frac;
  } else if (commas > 1 || dots > 1) {
    const group = commas > 1 ? ',' : '.';
    if (!validGroups(mantissa, group)) return undefined;
    out = mantissa.split(group).join('');
  } else if (commas === 1) {
    const [intPart, frac] = mantissa.split(',');
    const thousands = frac.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0';
    out = thousands ? intPart + frac : intPart + '.' + frac;
  } else {
    out = mantissa;
  }
  if (out.startsWith('.')) out = '0' + out;
  if (out.endsWith('.')) return undefined;
  return exponent ? out + exponent : out;
}

function splitExponent(s: string): [string, string] {
  const m = /^(.*?)(e[+-]?\d+)?$/iu.exec(s);
  return m ? [m[1], m[2] ?? ''] : [s, ''];
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** `1,234,567` is valid grouping; `12,34` is not. */
function validGroups(intPart: string, group: string): boolean {
  const parts = intPart.split(group);
  if (parts.length === 1) return /^\d+$/u.test(parts[0]);
  return /^\d{1,3}$/u.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/u.test(p));
}

/** Shows a user value inside an error message without letting a huge cell flood it. */
export function describeValue(value: unknown): string {
  if (isDate(value)) return 'a date';
  if (typeof value === 'string') {
    const s = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
