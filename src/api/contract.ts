/**
 * The server API the sidebar calls through google.script.run, typed end to end: the sidebar's client
 * wrapper and src/gas/server-api.ts both use this interface, so a renamed field fails the typecheck on both
 * sides. Everything crossing it is plain JSON (google.script.run rejects Dates and class instances).
 */
import type { Detection, Mapping, ReportOptions } from '../core/mapping/types.js';
import type { UiLocale, ValidationIssue } from '../core/types.js';

// Defined in the core (which imports nothing above it) and re-exported here for the sidebar and server.
export type { UiLocale, ValidationIssue } from '../core/types.js';
export type { DetectedColumn, Detection, StatusCount, ValueType } from '../core/mapping/types.js';

export interface SheetSummary {
  readonly sheetId: number;
  readonly name: string;
  readonly lastRow: number;
  readonly lastColumn: number;
  /** A dashboard this add-on generated (found by developer metadata). Not offered as a data source. */
  readonly isDashboard: boolean;
}

export interface SidebarContext {
  readonly locale: UiLocale;
  readonly activeSheetName: string;
  readonly sheets: readonly SheetSummary[];
  /** The mapping saved in this document, if any. */
  readonly saved: Mapping | null;
  /** Why the saved mapping no longer fits the sheet (deleted column, renamed header…); empty when it fits. */
  readonly savedProblems: readonly ValidationIssue[];
  readonly defaultOptions: ReportOptions;
}

export interface BuildResult {
  readonly sheetName: string;
  readonly channels: number;
  readonly periods: number;
  readonly sourceRows: number;
  /** Source rows that went into the figures; the rest were skipped, each reason in `warnings`. */
  readonly usedRows: number;
  readonly skippedRows: number;
  readonly warnings: readonly ValidationIssue[];
  /** Warehouse mode: bytes BigQuery processed for this build (null when it did not say). */
  readonly bytesProcessed?: number | null;
}

/** A Connected Sheets data source sheet; its BigQuery table can be mapped by picking the sheet. */
export interface DataSourceSummary {
  readonly name: string;
  /** project.dataset.table; null for a custom-query data source (not mappable). */
  readonly table: string | null;
  readonly billingProject: string;
}

/** A BigQuery table read for the wizard: its columns guessed from the first rows, as a sheet's are. */
export interface WarehouseDetection {
  /** project.dataset.table as checked by the server. */
  readonly table: string;
  readonly billingProject: string;
  readonly detection: Detection;
  /** The table's size from its metadata (tables.get), shown before anything is queried. */
  readonly rows: number | null;
  readonly bytes: number | null;
}

export interface ShareResult {
  readonly url: string;
  readonly name: string;
}

/** Everything the wizard needs to open on a full guessed (or restored) mapping, in one server call. */
export interface WizardOpening {
  readonly context: SidebarContext;
  /** The detections the sidebar will ask for first (core/mapping/wizard-start.ts decides which sheets). */
  readonly detections: readonly { readonly sheetName: string; readonly detection: Detection }[];
  /** This user's scheduled rebuild, so the Options step needs no call of its own; null when it cannot be read. */
  readonly schedule: ScheduleState | null;
}

export interface SidebarApi {
  getContext(): SidebarContext;
  /** getContext plus the detections of the sheets the wizard opens on: one cold execution instead of up to three. */
  openWizard(): WizardOpening;
  /** Finds the header row and data region of a sheet and guesses every column's role. */
  detect(sheetName: string): Detection;
  validate(mapping: Mapping): readonly ValidationIssue[];
  /** Validates and saves to document properties; refuses (throws) when an error-level issue remains. */
  saveMapping(mapping: Mapping): readonly ValidationIssue[];
  /** Connected Sheets data source sheets in this spreadsheet (warehouse mode). */
  listDataSources(): readonly DataSourceSummary[];
  /** Reads a BigQuery table's columns and first rows (no query job) and guesses its mapping. */
  detectWarehouse(table: string, billingProject: string): WarehouseDetection;
  /** Builds or rebuilds the dashboard from the saved mapping. */
  buildDashboard(): BuildResult;
  shareReport(): ShareResult;
  /** This user's scheduled rebuild of this spreadsheet. */
  getSchedule(): ScheduleState;
  /** Sets or removes (off) this user's scheduled rebuild: an installable time-driven trigger they own. */
  setSchedule(interval: ScheduleInterval): ScheduleState;
}

export type ScheduleInterval = 'off' | 'hourly' | 'daily';

export interface ScheduleState {
  readonly interval: ScheduleInterval;
}

export type SidebarMethod = keyof SidebarApi;
