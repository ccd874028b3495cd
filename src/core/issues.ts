/**
 * Coded messages: every issue the core or the adapter reports and every error a user can see is a code
 * from the catalogue (`enIssues` in i18n/en.ts) with params. The code is declared once, by its English
 * template; ru.ts and zh.ts must list it (typecheck), and a test checks their params agree. The text is
 * chosen at the edge (sidebar, menu alerts, CLI, dashboard notes) with `issueText(locale, …)`; the English
 * `message` carried along is for logs and for callers that do not translate.
 */
import { en, enIssues, type IssueCode, type MessageKey } from './i18n/en.js';
import { format, type Params, type TemplateParams } from './i18n/format.js';
import type { Locale, ValidationIssue } from './types.js';

export type { IssueCode } from './i18n/en.js';

/** A technical reason (what a damaged field should have held): a catalogue message, in a `detail` param. */
export type DetailKey = Extract<MessageKey, `detail.${string}`>;

/**
 * A `detail` param names a `detail.*` message; its text (with the same params) replaces the key. Given the
 * locale's messages, so English here and the reader's language in i18n/index.ts's issueText.
 */
export function withDetail(params: Params, messages: Readonly<Record<string, string>>, locale: Locale): Params {
  const key = params.detail;
  if (typeof key !== 'string' || !key.startsWith('detail.') || !Object.prototype.hasOwnProperty.call(messages, key)) return params;
  return { ...params, detail: format(messages[key], params, locale) };
}

/** The params a code's template needs, by name (a compile error when one is missing); extra ones are allowed. */
export type IssueParams<C extends IssueCode> = Readonly<Record<TemplateParams<(typeof enIssues)[C]>, string | number>> & Params;

/** `[params]` when the template has placeholders, `[params?]` when it has none. */
export type ParamsArg<C extends IssueCode> = C extends IssueCode
  ? [TemplateParams<(typeof enIssues)[C]>] extends [never]
    ? [params?: Params]
    : [params: IssueParams<C>]
  : never;

export function isIssueCode(code: unknown): code is IssueCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(enIssues, code);
}

/** The English text of a coded message. */
export function englishText(code: IssueCode, params: Params = {}): string {
  // A code from outside the types (decoded JSON, a cast) still yields text rather than a crash.
  return isIssueCode(code) ? format(enIssues[code], withDetail(params, en, 'en'), 'en') : String(code);
}

/** A ValidationIssue whose English message comes from the catalogue. */
export function issue<C extends IssueCode>(
  severity: ValidationIssue['severity'],
  code: C,
  params: IssueParams<C>,
  metrics?: readonly string[],
): ValidationIssue {
  const base = { severity, code, message: englishText(code, params), params };
  return metrics ? { ...base, metrics } : base;
}

/** A coded message without severity: what an error carries, and what crosses to the sidebar. */
export interface CodedMessage {
  readonly code: IssueCode;
  readonly params: Params;
  /** The issues behind a refusal (a mapping that fails validation), each translated on its own. */
  readonly issues?: readonly CodedMessage[];
}

/**
 * The one error class for anything a user may read. `message` is the English text (logs, tests); the
 * sidebar, menus and CLI show `issueText(locale, error)` instead.
 */
export class CodedError<C extends IssueCode = IssueCode> extends Error implements CodedMessage {
  readonly code: C;
  readonly params: Params;
  readonly issues: readonly CodedMessage[];

  constructor(code: C, ...[params]: ParamsArg<C>) {
    super(englishText(code, params ?? {}));
    this.name = 'CodedError';
    this.code = code;
    this.params = params ?? {};
    this.issues = [];
  }

  /** The error form of an issue (a build that stops on it). */
  static from(issue: {
    readonly code: IssueCode;
    readonly params?: Params;
    readonly issues?: readonly { readonly code: IssueCode; readonly params?: Params }[];
  }): CodedError {
    if (issue.issues && issue.issues.length > 0) return CodedError.withIssues(issue.code, issue.issues, issue.params);
    return new (CodedError as new (c: IssueCode, p: Params) => CodedError)(issue.code, issue.params ?? {});
  }

  /**
   * A refusal that carries the issues behind it: its `{problems}` param is their texts joined, in English
   * here and in the reader's language wherever it is translated.
   */
  static withIssues<C extends IssueCode>(
    code: C,
    issues: readonly { readonly code: IssueCode; readonly params?: Params }[],
    params: Params = {},
  ): CodedError<C> {
    const problems = issues.map((i) => englishText(i.code, i.params)).join(' ');
    // The params of a union of codes cannot be checked here; `problems` is what these templates take.
    const error = new (CodedError as new (c: C, p: Params) => CodedError<C>)(code, { ...params, problems });
    return Object.assign(error, { issues: issues.map((i) => ({ code: i.code, params: i.params ?? {} })) });
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
