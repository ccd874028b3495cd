/** Spreadsheet: the document — its sheets, metadata, locale and toasts. */
import { parseA1 } from './a1.js';
import type { Document } from './document.js';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from './document.js';
import type { SheetImpl } from './sheet.js';
import type { RangeImpl } from './range.js';
import { addMetadata, type DeveloperMetadataFinderImpl, type DeveloperMetadataImpl } from './developer-metadata-api.js';

function toSheet(doc: Document, sheet: unknown): SheetImpl {
  const raw = doc.handles.asSheet(sheet);
  if (!raw || !doc.sheets.includes(raw._state)) throw new Error('Invalid argument: sheet');
  return raw;
}

export class SpreadsheetImpl {
  constructor(private readonly doc: Document) {}

  getId(): string {
    return this.doc.options.id;
  }
  getName(): string {
    return this.doc.options.name;
  }
  rename(name: string): void {
    (this.doc.options as { name: string }).name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.doc.options.id}/edit`;
  }
  getSpreadsheetLocale(): string {
    return this.doc.options.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.doc.options.timeZone;
  }
  getSheets(): SheetImpl[] {
    return this.doc.sheets.map((s) => this.doc.handles.sheet(s));
  }
  /**
   * Connected Sheets data source sheets, as plain objects with the getters the add-on reads. In Sheets they
   * are also tabs of getSheets(); here they are not (README: warehouse mode, what the runtime leaves out).
   * Without enableBigQueryExecution() first, the runtime refuses, as Google's guide says the call is required.
   */
  getDataSourceSheets(): object[] {
    if (!this.doc.bigQueryExecution) {
      throw new Error('Exception: BigQuery data source execution is not enabled. Call SpreadsheetApp.enableBigQueryExecution() first.');
    }
    return this.doc.dataSourceSheets.map((d) => {
      const spec = {
        getType: () => 'BIGQUERY',
        getParameters: () => [],
        asBigQuery: () => ({
          getType: () => 'BIGQUERY',
          getProjectId: () => d.projectId,
          getRawQuery: () => d.rawQuery ?? '',
          getTableProjectId: () => d.table?.projectId ?? '',
          getDatasetId: () => d.table?.datasetId ?? '',
          getTableId: () => d.table?.tableId ?? '',
        }),
      };
      return { asSheet: () => ({ getName: () => d.name, getSheetName: () => d.name }), getDataSource: () => ({ getSpec: () => spec }) };
    });
  }
  getNumSheets(): number {
    return this.doc.sheets.length;
  }
  getSheetByName(name: string): SheetImpl | null {
    const state = this.doc.sheetByName(String(name));
    return state ? this.doc.handles.sheet(state) : null;
  }
  getSheetById(id: number): SheetImpl | null {
    const state = this.doc.sheetById(id);
    return state ? this.doc.handles.sheet(state) : null;
  }
  getActiveSheet(): SheetImpl {
    const state = this.doc.sheetById(this.doc.activeSheetId) ?? this.doc.sheets[0];
    return this.doc.handles.sheet(state);
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    const raw = toSheet(this.doc, sheet);
    raw._state.hidden = false;
    this.doc.activeSheetId = raw._state.id;
    return this.doc.handles.sheet(raw._state);
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') {
      index = a;
    }
    if (name === undefined) {
      let n = this.doc.sheets.length + 1;
      while (this.doc.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw new Error('Invalid argument: sheetName');
    // Apps Script inserts after the active sheet when no index is given; index is 0-based.
    const at = index ?? this.doc.sheets.findIndex((s) => s.id === this.doc.activeSheetId) + 1;
    const state = this.doc.addSheet(name, at, DEFAULT_ROWS, DEFAULT_COLUMNS);
    this.doc.activeSheetId = state.id;
    return this.doc.handles.sheet(state);
  }
  /** Moves the active sheet to 1-based position `pos` among all sheets (hidden ones count), as Apps Script does. */
  moveActiveSheet(pos: number): void {
    if (!Number.isInteger(pos) || pos < 1 || pos > this.doc.sheets.length) throw new Error('Invalid argument: pos');
    const state = this.doc.sheetById(this.doc.activeSheetId) ?? this.doc.sheets[0];
    this.doc.sheets.splice(this.doc.sheets.indexOf(state), 1);
    this.doc.sheets.splice(pos - 1, 0, state);
  }
  deleteSheet(sheet: unknown): void {
    this.doc.removeSheet(toSheet(this.doc, sheet)._state);
  }
  getRange(a1: string): RangeImpl {
    const ref = parseA1(a1);
    const state = ref.sheetName === undefined ? this.doc.sheetById(this.doc.activeSheetId) : this.doc.sheetByName(ref.sheetName);
    if (!state) throw new Error('Range not found');
    return this.doc.handles.sheet(state).getRange(a1.slice(a1.lastIndexOf('!') + 1));
  }
  getActiveRange(): RangeImpl {
    return this.getActiveSheet().getRange(1, 1);
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.doc.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      seconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): SpreadsheetImpl {
    addMetadata(this.doc, null, key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return this.doc.metadata.filter((m) => m.sheetId === null).map((m) => this.doc.handles.metadata(m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.doc.handles.metadataFinder(null);
  }
}
