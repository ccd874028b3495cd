/**
 * Template filling for every catalogue: `{name}` takes a param, and `{count, plural, one {…} few {…} many {…}
 * other {…}}` picks the wording for a number by the locale's plural rules (Intl.PluralRules: Russian has
 * one/few/many, Chinese only other), with `#` standing for the number. The ICU MessageFormat subset, so a
 * translator reads familiar syntax; no library, because the shipped bundle stays lean.
 */
import type { Locale } from '../types.js';

export type Params = Readonly<Record<string, string | number>>;

/**
 * The param names a template uses, as a type: `{name}` and the selector of `{name, plural, …}`. Clause
 * bodies (`{# rows}`) have a space or `#` in them and are not names.
 */
export type TemplateParams<S extends string> = S extends `${infer Before}{${infer Inner}}${infer Rest}`
  ? (Before extends `${string}${PluralSelector} ` ? never : ParamName<Inner>) | TemplateParams<Rest>
  : never;
/** The words that open a plural clause; text before a placeholder should not end with one. */
type PluralSelector = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other' | `=${number}`;
type ParamName<Inner extends string> = Inner extends `${infer Name},${string}`
  ? Name
  : Inner extends `${string} ${string}` | `${string}#${string}` | ''
    ? never
    : Inner;

const rulesCache = new Map<Locale, Intl.PluralRules | null>();

/** 'one' | 'few' | 'many' | 'other' … for `n` in `locale`; 'other' where the runtime has no plural rules. */
export function pluralCategory(locale: Locale, n: number): string {
  let rules = rulesCache.get(locale);
  if (rules === undefined) {
    try {
      rules = typeof Intl === 'object' && typeof Intl.PluralRules === 'function' ? new Intl.PluralRules(locale) : null;
    } catch {
      rules = null;
    }
    rulesCache.set(locale, rules);
  }
  return rules ? rules.select(n) : n === 1 ? 'one' : 'other';
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    const c = template[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {…} few {…} other {…}` → clauses by selector. */
function clauses(body: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const head = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/u.exec(body.slice(i));
    if (!head) return body.slice(i).trim() === '' ? out : null;
    const open = i + head[0].length - 1;
    const close = closing(body, open);
    if (close < 0) return null;
    out.set(head[1], body.slice(open + 1, close));
    i = close + 1;
  }
  return out;
}

function plural(locale: Locale, name: string, body: string, params: Params, whole: string): string {
  const value = params[name];
  const n = typeof value === 'number' ? value : Number(value);
  const options = clauses(body);
  if (value === undefined || !Number.isFinite(n) || !options) return whole;
  const chosen = options.get(`=${n}`) ?? options.get(pluralCategory(locale, n)) ?? options.get('other');
  if (chosen === undefined) return whole;
  return format(chosen.replace(/#/gu, paramText(value, locale)), params, locale);
}

/** The decimal mark each language writes ("в 23,1 раза", not "23.1"). */
const DECIMAL_MARK: Readonly<Record<Locale, string>> = { en: '.', ru: ',', zh: '.' };

/**
 * A param as text. A fraction takes the language's decimal mark; whole numbers stay ungrouped, since most
 * are row numbers and counts a user looks up ("row 1234").
 */
function paramText(value: Params[string], locale: Locale): string {
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value))
    return String(value).replace('.', DECIMAL_MARK[locale]);
  return String(value);
}

/** Fills placeholders; one without a value stays visible rather than printing "undefined". */
export function format(template: string, params: Params = {}, locale: Locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const whole = template.slice(open, close + 1);
    const inner = template.slice(open + 1, close);
    const simple = /^(\w+)$/u.exec(inner);
    const select = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/u.exec(inner);
    if (simple) out += Object.prototype.hasOwnProperty.call(params, simple[1]) ? paramText(params[simple[1]], locale) : whole;
    else if (select) out += plural(locale, select[1], select[2], params, whole);
    else out += whole;
    i = close + 1;
  }
  return out + template.slice(i);
}

/** The param names a template uses, at run time (the test compares them across locales). */
export function templateParams(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string): void => {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) return;
      const close = closing(text, open);
      if (close < 0) return;
      const inner = text.slice(open + 1, close);
      const select = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/u.exec(inner);
      if (/^\w+$/u.test(inner)) names.add(inner);
      else if (select) {
        names.add(select[1]);
        for (const body of clauses(select[2])?.values() ?? []) walk(body);
      }
      i = close + 1;
    }
  };
  walk(template);
  return [...names].sort();
}
