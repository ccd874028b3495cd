/** DeveloperMetadata objects and the finder, over spreadsheet- and sheet-level metadata. */
import { counted } from './calls.js';
import type { Document } from './document.js';
import { checkMetadata, metadataMatches, type MetadataQuery, type MetadataState } from './developer-metadata.js';
import type { SheetImpl } from './sheet.js';
import type { SpreadsheetImpl } from './spreadsheet.js';

export function addMetadata(doc: Document, sheetId: number | null, key: unknown, value: unknown, visibility: unknown): MetadataState {
  checkMetadata(key, value);
  const state: MetadataState = {
    id: doc.newId(),
    key: key as string,
    value: value === undefined || value === null ? null : String(value),
    visibility: visibility === undefined ? 'DOCUMENT' : String(visibility),
    sheetId,
  };
  doc.metadata.push(state);
  return state;
}

export class DeveloperMetadataImpl {
  constructor(
    private readonly doc: Document,
    private readonly state: MetadataState,
  ) {}

  getId(): number {
    return this.state.id;
  }
  getKey(): string {
    return this.state.key;
  }
  getValue(): string | null {
    return this.state.value;
  }
  getVisibility(): string {
    return this.state.visibility;
  }
  setKey(key: string): DeveloperMetadataImpl {
    checkMetadata(key, this.state.value);
    this.state.key = key;
    return this;
  }
  setValue(value: string): DeveloperMetadataImpl {
    checkMetadata(this.state.key, value);
    this.state.value = String(value);
    return this;
  }
  getLocation(): DeveloperMetadataLocationImpl {
    // A service object like the rest, so its getters are counted as round trips too (calls.ts).
    return counted(new DeveloperMetadataLocationImpl(this.doc, this.state.sheetId), 'DeveloperMetadataLocation', this.doc.calls);
  }
  /** Moves sheet-level (or spreadsheet-level) metadata onto another sheet; its id and value stay. */
  moveToSheet(sheet: SheetImpl): DeveloperMetadataImpl {
    const target = this.doc.handles.asSheet(sheet)?._state ?? null;
    if (!target || !this.doc.sheetById(target.id)) throw new Error('Invalid argument: sheet');
    this.state.sheetId = target.id;
    return this;
  }
  remove(): void {
    const i = this.doc.metadata.indexOf(this.state);
    if (i >= 0) this.doc.metadata.splice(i, 1);
  }
}

export class DeveloperMetadataLocationImpl {
  constructor(
    private readonly doc: Document,
    private readonly sheetId: number | null,
  ) {}

  getLocationType(): string {
    return this.sheetId === null ? 'SPREADSHEET' : 'SHEET';
  }
  getSheet(): SheetImpl | null {
    const sheet = this.sheetId === null ? undefined : this.doc.sheetById(this.sheetId);
    return sheet ? this.doc.handles.sheet(sheet) : null;
  }
  getSpreadsheet(): SpreadsheetImpl | null {
    return this.sheetId === null ? this.doc.handles.spreadsheet() : null;
  }
}

export class DeveloperMetadataFinderImpl {
  private readonly query: MetadataQuery = {};

  /** `sheetId` null searches the whole spreadsheet (its own metadata and every sheet's). */
  constructor(
    private readonly doc: Document,
    private readonly sheetId: number | null,
  ) {}

  withKey(key: string): DeveloperMetadataFinderImpl {
    this.query.key = String(key);
    return this;
  }
  withValue(value: string): DeveloperMetadataFinderImpl {
    this.query.value = String(value);
    return this;
  }
  withId(id: number): DeveloperMetadataFinderImpl {
    this.query.id = id;
    return this;
  }
  withLocationType(type: unknown): DeveloperMetadataFinderImpl {
    this.query.locationType = String(type);
    return this;
  }
  find(): DeveloperMetadataImpl[] {
    return this.doc.metadata
      .filter((m) => (this.sheetId === null || m.sheetId === this.sheetId) && metadataMatches(m, this.query))
      .map((m) => this.doc.handles.metadata(m));
  }
}
