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
  /** The BigQuery advanced service (warehouse mode); undefined where it is not enabled. */
  readonly BigQuery: BigQueryService | undefined;
}

/**
 * The part of the BigQuery advanced service the add-on calls (https://developers.google.com/apps-script/advanced/bigquery):
 * the same methods and JSON shapes as the REST API v2. Declared narrowly so the local runtime's fake
 * implements exactly what is used.
 */
export interface BigQueryService {
  readonly Tables: {
    get(projectId: string, datasetId: string, tableId: string): GoogleAppsScript.BigQuery.Schema.Table;
  };
  readonly Tabledata: {
    list(projectId: string, datasetId: string, tableId: string, optionalArgs: object): GoogleAppsScript.BigQuery.Schema.TableDataList;
  };
  readonly Jobs: {
    query(resource: GoogleAppsScript.BigQuery.Schema.QueryRequest, projectId: string): GoogleAppsScript.BigQuery.Schema.QueryResponse;
    getQueryResults(projectId: string, jobId: string, optionalArgs: object): GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse;
  };
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
    BigQuery: typeof BigQuery === 'undefined' ? undefined : BigQuery,
  };
}
