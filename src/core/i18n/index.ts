/**
 * The en/ru/zh message catalogue shared by the sidebar and server-side text (menu captions). Pure: no
 * DOM, no Apps Script, so both bundles can import it.
 */
import { COLUMN_ROLES, type ColumnRole } from '../mapping/types.js';
import type { Locale } from '../types.js';
import { en, enIssues, enRoles, type IssueCode, type IssueTemplates, type MessageKey, type Messages } from './en.js';
import { ru, ruIssues, ruRoles } from './ru.js';
import { zh, zhIssues, zhRoles } from './zh.js';

export type { IssueCode, MessageKey, Messages } from './en.js';
export type { Locale } from '../types.js';
export { LOCALES } from '../types.js';
export type Params = Readonly<Record<string, string | number>>;

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

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than printing "undefined". */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return format(PACKS[locale].messages[key], params);
}

function isRole(value: unknown): value is ColumnRole {
  return typeof value === 'string' && (COLUMN_ROLES as readonly string[]).includes(value);
}

export function roleLabel(locale: Locale, role: ColumnRole): string {
  return PACKS[locale].roles[role];
}

function isIssueCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(enIssues, code);
}

export interface IssueLike {
  readonly code: string;
  readonly message: string;
  readonly params?: Params;
}

/**
 * An issue in the user's language: the code's template with its params (a `role` param is shown as the
 * localised role label). Falls back to the server's English message for unknown codes or when the
 * template needs a param the server did not send.
 */
export function issueText(locale: Locale, issue: IssueLike): string {
  if (!isIssueCode(issue.code)) return issue.message;
  const params: Record<string, string | number> = { ...(issue.params ?? {}) };
  for (const [name, value] of Object.entries(params)) {
    if ((name === 'role' || name.endsWith('Role')) && isRole(value)) params[name] = roleLabel(locale, value);
  }
  const text = format(PACKS[locale].issues[issue.code], params);
  return /\{\w+\}/u.test(text) ? issue.message : text;
}
