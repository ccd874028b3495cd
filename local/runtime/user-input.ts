/**
 * How Sheets reads text typed into a cell or passed to Range.setValues (both are "user entered"):
 * `=…` is a formula; `+…`, `-…` and `@…` that are not numbers are formula attempts too (the
 * spreadsheet-formula-injection behaviour our generator must defend against); a leading apostrophe keeps
 * the rest as text; numbers, percents and currency in the spreadsheet locale become numbers with a
 * matching format; ISO dates (and the locale's own date order) become dates.
 */
import type { NumberLocale } from './locale.js';

export type ParsedInput =
  | { readonly kind: 'blank' }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format?: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly serial: number; readonly format: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A plain number in the locale: `1234`, `1,234.5` (en), `1 234,5` (ru), `-3`, `1e3`. */
export function parseLocaleNumber(text: string, locale: NumberLocale): number | undefined {
  const group = locale.group === '\u00a0' ? '[ \\u00a0\\u202f]' : escapeRe(locale.group);
  const dec = escapeRe(locale.decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([+-]?\\d+))?$`, 'u');
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const digits = (m[2] ?? '0').replace(/\D/gu, '');
  const n = Number(`${m[1]}${digits}${m[3] ? '.' + m[3] : ''}${m[4] ? 'e' + m[4] : ''}`);
  return Number.isFinite(n) ? n : undefined;
}

function decimalsOf(text: string, locale: NumberLocale): number {
  const i = text.lastIndexOf(locale.decimal);
  return i < 0 ? 0 : text.length - i - 1 - (text.match(/%$/u) ? 1 : 0);
}

function serialOf(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return t / 86_400_000 + 25569;
}

function parseDateText(text: string, locale: NumberLocale): { serial: number; format: string } | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (m) {
    const serial = serialOf(+m[1], +m[2], +m[3]);
    return serial === undefined ? undefined : { serial, format: 'yyyy-mm-dd' };
  }
  // Year-first with slashes (how zh_CN writes dates) is unambiguous in every locale.
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u.exec(text);
  if (m) {
    const serial = serialOf(+m[1], +m[2], +m[3]);
    return serial === undefined ? undefined : { serial, format: locale.dateFormat };
  }
  if (locale.decimal === ',') {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u.exec(text);
    if (m) {
      const serial = serialOf(+m[3], +m[2], +m[1]);
      return serial === undefined ? undefined : { serial, format: 'dd.mm.yyyy' };
    }
  } else if (locale.tag === 'en-US') {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(text);
    if (m) {
      const serial = serialOf(+m[3], +m[1], +m[2]);
      return serial === undefined ? undefined : { serial, format: 'm/d/yyyy' };
    }
  }
  return undefined;
}

export function parseUserInput(input: string, locale: NumberLocale): ParsedInput {
  if (input === '') return { kind: 'blank' };
  if (input.startsWith("'")) return { kind: 'text', text: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  const plain = parseLocaleNumber(trimmed, locale);
  if (plain !== undefined) {
    return {
      kind: 'number',
      value: plain,
      ...(trimmed.includes(locale.group) || /\s/u.test(trimmed)
        ? { format: '#,##0' + (decimalsOf(trimmed, locale) > 0 ? '.' + '0'.repeat(decimalsOf(trimmed, locale)) : '') }
        : {}),
    };
  }
  if (trimmed.endsWith('%')) {
    const n = parseLocaleNumber(trimmed.slice(0, -1).trim(), locale);
    if (n !== undefined) {
      const dec = decimalsOf(trimmed, locale);
      return { kind: 'number', value: n / 100, format: dec > 0 ? `0.${'0'.repeat(dec)}%` : '0%' };
    }
  }
  const { symbol, before, format } = locale.currency;
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const unsigned = trimmed.replace(/^[+-]/u, '');
  const body = before
    ? unsigned.startsWith(symbol)
      ? unsigned.slice(symbol.length)
      : undefined
    : unsigned.endsWith(symbol)
      ? unsigned.slice(0, -symbol.length)
      : undefined;
  if (body !== undefined) {
    const n = parseLocaleNumber(body.trim(), locale);
    if (n !== undefined && n >= 0) return { kind: 'number', value: sign * n, format };
  }
  const date = parseDateText(trimmed, locale);
  if (date) return { kind: 'date', ...date };
  // Sheets (like Excel) takes a leading + - @ as the start of a formula: `+cmd` is stored as `=+cmd`.
  if (/^[+\-@]/u.test(input) && input.trim().length > 1) return { kind: 'formula', formula: '=' + input };
  return { kind: 'text', text: input };
}
