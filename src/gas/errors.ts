/**
 * Thrown errors in the user's language: a coded error is shown through its template (its issues, if any,
 * each translated); anything else (a Google service error) keeps its own message.
 */
import { toWireMessage } from '../api/errors.js';
import { issueText, type Locale } from '../core/i18n/index.js';
import { CodedError } from '../core/issues.js';

export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof CodedError) return issueText(locale, error);
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a server function rethrows for the sidebar: a coded error becomes an Error whose message is its
 * text in the user's language (what any client shows), followed by the code and params (api/errors.ts);
 * any other error passes through untouched (Google's authorization prompt must reach the client as it
 * was thrown).
 */
export function forClient(error: unknown, locale: Locale): unknown {
  return error instanceof CodedError ? new Error(toWireMessage(issueText(locale, error), error)) : error;
}
