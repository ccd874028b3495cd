/**
 * Finding "our" dashboard by developer metadata, never by name: the user may rename it, and a sheet of
 * their own that happens to carry the dashboard's name must never be cleared.
 */
import type { GasServices } from '../services.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_METADATA_KEY = 'funnelroi.dashboard';
export const DASHBOARD_SCHEMA = 1;

export interface OwnDashboard {
  readonly sheet: Sheet;
  readonly metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

/** Every sheet carrying our dashboard marker (normally one; copies of a dashboard sheet carry it too). */
export function ownDashboards(services: GasServices, ss: Spreadsheet): OwnDashboard[] {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(DASHBOARD_METADATA_KEY)
    .withLocationType(services.SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const out: OwnDashboard[] = [];
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) out.push({ sheet, metadata });
  }
  return out;
}

export function findOwnDashboard(services: GasServices, ss: Spreadsheet): OwnDashboard | null {
  return ownDashboards(services, ss)[0] ?? null;
}

/** `name`, or `name (2)`, `name (3)`… the first that no sheet uses. Sheets caps names at 100 characters. */
export function freeSheetName(ss: Spreadsheet, name: string): string {
  const base = name.trim().slice(0, 90) || 'FunnelROI';
  if (!ss.getSheetByName(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}

export function metadataValue(builtAt: string): string {
  return JSON.stringify({ schema: DASHBOARD_SCHEMA, builtAt });
}
