/**
 * The local Sheets runtime (dev/test only, never bundled into dist/Code.js): an in-memory spreadsheet
 * with the Apps Script services the add-on uses and HyperFormula computing its formulas.
 */
export { createWorkbook, type LocalWorkbook, type AppsScriptServices } from './workbook.js';
export { loadBundle, type BundleCall } from './bundle.js';
export type { RuntimeOptions, AppsValue } from './document.js';
export type { SheetSnapshot, ChartSnapshot } from './snapshot.js';
export type { CellColours, Criterion } from './conditional-format.js';
export type { UiRecord, MenuRecord, MenuEntry, AlertRecord } from './ui.js';
export { CallCounter } from './calls.js';
export { parseA1, renderA1, columnToLetters, lettersToColumn, type A1Range } from './a1.js';
export { formatValue, isDateFormat } from './number-format.js';
export { numberLocale, type NumberLocale } from './locale.js';
export { parseUserInput, type ParsedInput } from './user-input.js';
export { argumentSeparator, formulaFromLocale, formulaToLocale } from './formula-locale.js';
export { spillRule, SHADOWED_BY_BUILTINS, type SpillRule } from './custom-functions-plugin.js';
export { VALUE_LIMIT_BYTES, STORE_LIMIT_BYTES } from './properties.js';
export { ADDON_MENU_TITLE } from './ui.js';
export { chartOption } from './charts.js';
export { SUPPORTED_REQUESTS } from './sheets-api.js';
export { FakeBigQuery, BigQueryApiError, type FakeBigQueryOptions, type FakeTableRef } from './bigquery/fake-bigquery.js';
export type { DataSourceSheetState } from './document.js';
