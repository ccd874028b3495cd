/** Developer metadata on the spreadsheet or a sheet: where the add-on keeps per-document markers. */

export const DeveloperMetadataLocationType = Object.freeze({ SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' });
export const DeveloperMetadataVisibility = Object.freeze({ DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' });

export interface MetadataState {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** null for spreadsheet-level metadata. */
  sheetId: number | null;
}

export interface MetadataQuery {
  key?: string;
  value?: string;
  locationType?: string;
  id?: number;
}

export function metadataMatches(m: MetadataState, q: MetadataQuery): boolean {
  if (q.key !== undefined && m.key !== q.key) return false;
  if (q.value !== undefined && m.value !== q.value) return false;
  if (q.id !== undefined && m.id !== q.id) return false;
  if (q.locationType !== undefined && q.locationType !== (m.sheetId === null ? 'SPREADSHEET' : 'SHEET')) return false;
  return true;
}

/** Apps Script's limits for keys (and value length), so oversized markers fail here too. */
export function checkMetadata(key: unknown, value: unknown): void {
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  if (key.length > 256) throw new Error('The developer metadata key is too long (max 256 characters).');
  if (value !== undefined && value !== null && String(value).length > 30_000) throw new Error('The developer metadata value is too long.');
}
