/**
 * Thrown errors in the user's language: a coded error (MappingError) is shown through its issue template,
 * an IssuesError lists each of its issues translated; anything else keeps its own message.
 */
import { issueText, type Locale } from '../core/i18n/index.js';
import { IssuesError, MappingError } from '../core/mapping/errors.js';

export function errorText(locale: Locale, error: unknown): string {
  if (error instanceof IssuesError) {
    const problems = error.issues.map((i) => issueText(locale, i)).join(' ');
    return issueText(locale, { code: error.code, message: error.message, params: { ...error.params, problems } });
  }
  if (error instanceof MappingError) return issueText(locale, { code: error.code, message: error.message, params: error.params });
  return error instanceof Error ? error.message : String(error);
}

/**
 * With granular OAuth consent a user may grant only some of the manifest's scopes; requireAllScopes ends
 * the execution with Google's authorization prompt for the missing ones, instead of failing later at the
 * first Sheets call with a raw permission error. https://developers.google.com/apps-script/concepts/scopes
 * ("Granular OAuth consent"); ScriptApp.requireAllScopes(authMode).
 */
export function requireAllScopes(scriptApp: GoogleAppsScript.Script.ScriptApp): void {
  scriptApp.requireAllScopes(scriptApp.AuthMode.FULL);
}
