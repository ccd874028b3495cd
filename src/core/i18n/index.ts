/**
 * The en/ru/zh message catalogue shared by the sidebar and server-side text (menu captions). Pure: no
 * DOM, no Apps Script, so both bundles can import it.
 */
import { isIssueCode, withDetail } from '../issues.js';
import { COLUMN_ROLES, type ColumnRole } from '../mapping/types.js';
import type { Locale } from '../types.js';
import { en, enIssues, enRoles, type IssueTemplates, type MessageKey, type Messages } from './en.js';
import { format, type Params } from './format.js';
import { ru, ruIssues, ruRoles } from './ru.js';
import { zh, zhIssues, zhRoles } from './zh.js';

export type { IssueCode, MessageKey, Messages } from './en.js';
export type { Locale } from '../types.js';
export { LOCALES } from '../types.js';
export { format, pluralCategory, templateParams, type Params } from './format.js';

interface Pack {
  readonly messages: Messages;
  readonly roles: Readonly<Record<ColumnRole, string>>;
  readonly issues: IssueTemplates;
}

const PACKS: Readonly<Record<Locale, Pack>> = {
  en: { messages: en, roles: enRoles, issues: enIssues },
  ru: { messages: ru, roles: ruRoles, issues: ruIssues },
  zh: { messages: zh, roles: zhRoles, issues: zhIssues },
};

/** 'ru_RU', 'ru-RU', 'zh_CN', 'zh-Hant-TW', 'EN' → a supported locale; anything else → 'en'. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const base = String(tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/u)[0];
  return base === 'ru' || base === 'zh' ? base : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return format(PACKS[locale].messages[key], params, locale);
}

function isRole(value: unknown): value is ColumnRole {
  return typeof value === 'string' && (COLUMN_ROLES as readonly string[]).includes(value);
}

export function roleLabel(locale: Locale, role: ColumnRole): string {
  return PACKS[locale].roles[role];
}

export interface IssueLike {
  readonly code: string;
  /** English fallback, shown for a code the catalogue does not know (an older or newer server). */
  readonly message?: string;
  readonly params?: Params;
  /** The issues behind a refusal: `{problems}` is their texts in the same language. */
  readonly issues?: readonly IssueLike[];
}

/** Template text for the params that name things in the catalogue's own words: roles and tables. */
function localParams(locale: Locale, params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(out)) {
    if ((name === 'role' || name.endsWith('Role')) && isRole(value)) out[name] = roleLabel(locale, value);
    if (name === 'table' && (value === 'source' || value === 'costs')) out[name] = t(locale, `table.${value}`);
  }
  return out;
}

/**
 * A coded message in the user's language: the code's template with its params (a `role` param is shown
 * as the localised role name, a `table` param as the table's name). Falls back to the English `message`
 * for a code the catalogue does not know or when the template needs a param that was not sent.
 */
export function issueText(locale: Locale, issue: IssueLike): string {
  const fallback = issue.message ?? issue.code;
  if (!isIssueCode(issue.code)) return fallback;
  const params = localParams(locale, withDetail(issue.params ?? {}, PACKS[locale].messages, locale));
  if (issue.issues && issue.issues.length > 0) params.problems = issue.issues.map((i) => issueText(locale, i)).join(' ');
  const text = format(PACKS[locale].issues[issue.code], params, locale);
  return /\{\w+\}/u.test(text) ? fallback : text;
}
