/** Spreadsheet: the document — its sheets, metadata, locale and toasts. */
import { counted, unwrap } from './calls.js';
import { parseA1 } from './a1.js';
import type { Document } from './document.js';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from './document.js';
import { sheetObject, SheetImpl } from './sheet.js';
import type { RangeImpl } from './range.js';
import { DeveloperMetadataFinderImpl, addMetadata, metadataObject, type DeveloperMetadataImpl } from './developer-metadata-api.js';

const spreadsheetObjects = new WeakMap<Document, SpreadsheetImpl>();

export function spreadsheetObject(doc: Document): SpreadsheetImpl {
  let ss = spreadsheetObjects.get(doc);
  if (!ss) {
    ss = counted(new SpreadsheetImpl(doc), 'Spreadsheet', doc.calls);
    spreadsheetObjects.set(doc, ss);
  }
  return ss;
}

function toSheet(doc: Document, sheet: unknown): SheetImpl {
  const raw = unwrap(sheet);
  if (!(raw instanceof SheetImpl) || !doc.sheets.includes(raw._state)) throw new Error('Invalid argument: sheet');
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
    return this.doc.sheets.map((s) => sheetObject(this.doc, s));
  }
  getNumSheets(): number {
    return this.doc.sheets.length;
  }
  getSheetByName(name: string): SheetImpl | null {
    const state = this.doc.sheetByName(String(name));
    return state ? sheetObject(this.doc, state) : null;
  }
  getSheetById(id: number): SheetImpl | null {
    const state = this.doc.sheetById(id);
    return state ? sheetObject(this.doc, state) : null;
  }
  getActiveSheet(): SheetImpl {
    const state = this.doc.sheetById(this.doc.activeSheetId) ?? this.doc.sheets[0];
    return sheetObject(this.doc, state);
  }
  setActiveSheet(sheet: unknown): SheetImpl {
    const raw = toSheet(this.doc, sheet);
    raw._state.hidden = false;
    this.doc.activeSheetId = raw._state.id;
    return sheetObject(this.doc, raw._state);
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
    return sheetObject(this.doc, state);
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
    return sheetObject(this.doc, state).getRange(a1.slice(a1.lastIndexOf('!') + 1));
  }
  getActiveRange(): RangeImpl {
    return this.getActiveSheet().getRange(1, 1);
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.doc.ui.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), seconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5 });
  }
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): SpreadsheetImpl {
    addMetadata(this.doc, null, key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return this.doc.metadata.filter((m) => m.sheetId === null).map((m) => metadataObject(this.doc, m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return counted(new DeveloperMetadataFinderImpl(this.doc, null), 'DeveloperMetadataFinder', this.doc.calls);
  }
}
