/**
 * Sheets API v4 fields that @types/google-apps-script 2.x does not declare yet but the API has
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/charts): an axis' view window
 * and a series' data labels and colour style. Used by Share report and the local runtime's API subset.
 */
export interface ChartAxisWithView extends GoogleAppsScript.Sheets.Schema.BasicChartAxis {
  viewWindowOptions?: {
    viewWindowMin?: number;
    viewWindowMax?: number;
    viewWindowMode?: 'DEFAULT_VIEW_WINDOW_MODE' | 'VIEW_WINDOW_MODE_UNSUPPORTED' | 'EXPLICIT' | 'PRETTY';
  };
}

export interface ChartSeriesWithLabels extends GoogleAppsScript.Sheets.Schema.BasicChartSeries {
  dataLabel?: { type?: 'DATA_LABEL_TYPE_UNSPECIFIED' | 'NONE' | 'DATA' | 'CUSTOM' };
  colorStyle?: { rgbColor?: GoogleAppsScript.Sheets.Schema.Color };
}
