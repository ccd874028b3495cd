/**
 * The OAuth scopes each feature needs and the check that asks for missing ones. In the adapter, so the
 * saved-mapping build (adapter) and the entry points (src/gas) share it.
 */
/** The manifest's scopes every feature needs (appsscript.json; README: scopes). */
export const SHEET_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
];

/**
 * Warehouse mode only: `bigquery` for Jobs.query (the BigQuery API's jobs.query accepts no read-only BigQuery
 * scope) and `bigquery.readonly`, which Connected Sheets' data source objects require
 * (https://developers.google.com/apps-script/guides/sheets/connected-sheets, "Add required authorization scopes").
 */
export const WAREHOUSE_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/bigquery',
  'https://www.googleapis.com/auth/bigquery.readonly',
];

/**
 * With granular OAuth consent a user may grant only some of the manifest's scopes; requireScopes ends
 * the execution with Google's authorization prompt for the missing ones among `scopes`, instead of failing
 * later at the first Sheets call with a raw permission error. A user who never maps a BigQuery table is
 * never asked for the BigQuery scopes. https://developers.google.com/apps-script/concepts/scopes
 * ("Granular OAuth consent"); ScriptApp.requireScopes(authMode, oAuthScopes).
 */
export function requireScopes(scriptApp: GoogleAppsScript.Script.ScriptApp, scopes: readonly string[] = SHEET_SCOPES): void {
  scriptApp.requireScopes(scriptApp.AuthMode.FULL, [...scopes]);
}
