/**
 * The Apps Script services the add-on uses, injected rather than read from globals so the same adapter
 * code runs on Google's servers (globalServices) and on the local runtime in tests.
 */
export interface GasServices {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  readonly LockService: GoogleAppsScript.Lock.LockService;
  readonly Session: GoogleAppsScript.Base.Session;
  readonly HtmlService: GoogleAppsScript.HTML.HtmlService;
  readonly Charts: GoogleAppsScript.Charts.Charts;
  readonly ScriptApp: GoogleAppsScript.Script.ScriptApp;
  /** The Sheets advanced service (appsscript.json enables it); undefined where it is not enabled. */
  readonly Sheets: GoogleAppsScript.Sheets | undefined;
}

/** The Apps Script globals. Only the src/gas entry calls this; everything below it takes GasServices. */
export function globalServices(): GasServices {
  // An advanced service that is not enabled is no global at all: typeof keeps that from throwing.
  return {
    SpreadsheetApp,
    PropertiesService,
    LockService,
    Session,
    HtmlService,
    Charts,
    ScriptApp,
    Sheets: typeof Sheets === 'undefined' ? undefined : Sheets,
  };
}
