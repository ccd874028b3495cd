import type { IssueCode } from './i18n/en.js';
/**
 * Types every part of the core shares. They live here, not in the API contract, so the core imports
 * nothing above it; src/api/contract.ts re-exports them for the sidebar and the server.
 */

/** The user-interface languages. Declared once; i18n, the dashboard and the contract all use it. */
export const LOCALES = ['en', 'ru', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
/** The same union, under the name the API contract has always used. */
export type UiLocale = Locale;

export interface ValidationIssue {
  readonly severity: 'error' | 'warning' | 'info';
  /** A stable code the sidebar localises, e.g. "missing_role". */
  readonly code: IssueCode;
  /** English text, used when the sidebar has no translation. */
  readonly message: string;
  /** Values for the localised template, e.g. { role: 'spend' }. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** The coded problems behind this one (e.g. why a saved mapping cannot be read); `{problems}` shows them. */
  readonly issues?: readonly { readonly code: IssueCode; readonly params: Readonly<Record<string, string | number>> }[];
  /** Metrics this problem makes impossible (e.g. ["ROMI", "CAC"]). */
  readonly metrics?: readonly string[];
}
