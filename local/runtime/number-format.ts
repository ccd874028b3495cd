/**
 * Renders a cell value through a Sheets number format, for getDisplayValues() and the local grid.
 * Covers what the add-on writes: `0`, `0.00`, `#,##0.00`, percents, currency (`"$"#,##0.00`,
 * `[$₽]#,##0.00`, `#,##0.00 [$₽-419]`, `#,##0.00 "₽"`), sections (`#,##0;-#,##0`, `[Red]`), text `@`,
 * dates (`yyyy-mm-dd`, `dd.mm.yyyy`, `mmm yyyy`, `yyyy-"W"ww`) and `General`.
 */
import { serialToTime } from '../../src/core/values.js';
import type { NumberLocale } from './locale.js';

export type DisplayInput = number | string | boolean | null;

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/** Splits a format into sections on `;` that are not inside quotes or brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** Quoted text, escapes and `[$₽-419]` become literals; `[Red]`-style colours are dropped. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      push('literal', section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      push('literal', section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) push('literal', inner.slice(1).split('-')[0]);
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      // `_)` reserves the width of a character: a space is close enough for text.
      push('literal', ' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if (/[0#?.,%@]/u.test(ch) || /[ymdhsaw/:]/iu.test(ch)) {
      push('code', ch);
    } else {
      push('literal', ch);
    }
  }
  return tokens;
}

function isDateCode(tokens: Token[]): boolean {
  return tokens.some((t) => t.kind === 'code' && /[ymdhsw]/iu.test(t.text));
}

/** True when the format shows dates: the runtime then returns date cells as Date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return isDateCode(tokenize(sections(format)[0] ?? ''));
}

export function formatValue(value: DisplayInput, format: string | undefined, locale: NumberLocale): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = format && format.trim() !== '' ? format : 'General';
  const secs = sections(fmt);
  if (typeof value === 'string') {
    // Only a fourth section (or a pure `@` format) applies to text.
    const textSection = secs.length >= 4 ? secs[3] : secs.find((s) => s.includes('@'));
    return textSection === undefined ? value : renderText(tokenize(textSection), value);
  }
  if (!Number.isFinite(value)) return '#NUM!';
  if (/^general$/iu.test(fmt.trim())) return general(value, locale);
  let section = secs[0];
  let number = value;
  if (value < 0 && secs.length >= 2 && secs[1] !== '') {
    section = secs[1];
    number = -value; // The negative section writes its own minus sign.
  } else if (value === 0 && secs.length >= 3 && secs[2] !== '') {
    section = secs[2];
  }
  const tokens = tokenize(section);
  if (/^\s*general\s*$/iu.test(section)) return general(number, locale);
  if (isDateCode(tokens)) return renderDate(tokens, number, locale);
  if (tokens.every((t) => t.kind === 'literal' || t.text === '@')) return renderText(tokens, String(number));
  return renderNumber(tokens, number, locale);
}

function renderText(tokens: Token[], text: string): string {
  return tokens.map((t) => (t.kind === 'literal' ? t.text : t.text.replace(/@/gu, text))).join('');
}

/** Sheets' General: integers as is, up to 10 significant digits otherwise, exponent for huge/tiny. */
function general(value: number, locale: NumberLocale): string {
  const abs = Math.abs(value);
  let s: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    s = value.toExponential(2).replace(/e\+?/u, 'E+').replace('E+-', 'E-').toUpperCase();
  } else if (Number.isInteger(value)) {
    s = String(value);
  } else {
    s = String(Number(value.toPrecision(10)));
  }
  return s.replace('.', locale.decimal);
}

function renderNumber(tokens: Token[], value: number, locale: NumberLocale): string {
  // The number pattern is the code tokens; literals before/after it are kept in place.
  const code = tokens
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  const percent = (code.match(/%/gu) ?? []).length;
  const pattern = code.replace(/%/gu, '');
  const [intPattern, fracPattern = ''] = pattern.split('.');
  const grouping = intPattern.includes(',') && /[0#?]/u.test(intPattern.slice(intPattern.indexOf(',') + 1));
  // Trailing commas scale by a thousand each (`#,##0,` shows thousands).
  const scaleCommas = /,+$/u.exec(intPattern)?.[0].length ?? 0;
  const minInt = (intPattern.match(/0/gu) ?? []).length;
  const minFrac = (fracPattern.match(/0/gu) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/gu) ?? []).length;
  let n = (Math.abs(value) * 100 ** percent) / 1000 ** scaleCommas;
  const fixed = n.toFixed(maxFrac);
  n = Number(fixed);
  let [intDigits, fracDigits = ''] = fixed.split('.');
  while (fracDigits.length > minFrac && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/gu, locale.group);
  let numberText = intDigits + (fracDigits !== '' ? locale.decimal + fracDigits : '');
  if (numberText === '') numberText = '0';
  const negative = value < 0 && n !== 0;
  // Put the number where the first code token was, the percent sign(s) where they were written.
  let placed = false;
  const parts = tokens.map((t) => {
    if (t.kind === 'literal') return t.text;
    const pct = t.text.includes('%') && !/[0#?.,]/u.test(t.text) ? '%'.repeat((t.text.match(/%/gu) ?? []).length) : '';
    if (placed) return pct || (t.text.includes('%') ? '%' : '');
    placed = true;
    return numberText + (t.text.endsWith('%') ? '%' : '');
  });
  return (negative ? '-' : '') + parts.join('');
}

const DAY_NAMES_CACHE = new Map<string, Intl.DateTimeFormat>();

function intl(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tag + JSON.stringify(options);
  let f = DAY_NAMES_CACHE.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
    DAY_NAMES_CACHE.set(key, f);
  }
  return f;
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function renderDate(tokens: Token[], serial: number, locale: NumberLocale): string {
  const d = new Date(serialToTime(serial));
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const hasAmPm = tokens.some((t) => t.kind === 'code' && /am\/pm|a\/p/iu.test(t.text));
  const out: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out.push(t.text);
      continue;
    }
    // Runs like `yyyy-mm-dd` arrive as one code token: walk it letter group by letter group.
    const groups = t.text.match(/am\/pm|a\/p|y+|m+|d+|h+|s+|w+|[^ymdhsw]/giu) ?? [];
    groups.forEach((g, i) => {
      const lower = g.toLowerCase();
      const prev =
        groups
          .slice(0, i)
          .reverse()
          .find((x) => /^[a-z]/iu.test(x))
          ?.toLowerCase() ?? '';
      const next =
        groups
          .slice(i + 1)
          .find((x) => /^[a-z]/iu.test(x))
          ?.toLowerCase() ?? '';
      if (lower === 'am/pm') out.push(d.getUTCHours() < 12 ? 'AM' : 'PM');
      else if (lower === 'a/p') out.push(d.getUTCHours() < 12 ? 'A' : 'P');
      else if (lower.startsWith('y')) out.push(lower.length <= 2 ? pad(d.getUTCFullYear() % 100) : String(d.getUTCFullYear()));
      else if (lower.startsWith('m')) {
        // `m` after hours or before seconds means minutes, as in Sheets.
        const minutes = lower.length <= 2 && (prev.startsWith('h') || next.startsWith('s'));
        if (minutes) out.push(lower.length === 2 ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes()));
        else if (lower.length === 1) out.push(String(d.getUTCMonth() + 1));
        else if (lower.length === 2) out.push(pad(d.getUTCMonth() + 1));
        else if (lower.length === 3) out.push(intl(locale.tag, { month: 'short' }).format(d));
        else out.push(intl(locale.tag, { month: 'long' }).format(d));
      } else if (lower.startsWith('d')) {
        if (lower.length === 1) out.push(String(d.getUTCDate()));
        else if (lower.length === 2) out.push(pad(d.getUTCDate()));
        else out.push(intl(locale.tag, { weekday: lower.length === 3 ? 'short' : 'long' }).format(d));
      } else if (lower.startsWith('h')) {
        let h = d.getUTCHours();
        if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
        out.push(lower.length === 2 ? pad(h) : String(h));
      } else if (lower.startsWith('s')) out.push(lower.length === 2 ? pad(d.getUTCSeconds()) : String(d.getUTCSeconds()));
      else if (lower.startsWith('w')) out.push(pad(isoWeek(d)));
      else out.push(g);
    });
  }
  return out.join('');
}
