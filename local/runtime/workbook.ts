/**
 * createWorkbook: one in-memory spreadsheet with the Apps Script services bound to it, plus the helpers
 * tests and the local web UI use to seed data, type into cells and look at the result.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../../src/core/values.js';
import type { GasServices } from '../../src/adapter/services.js';
import { parseA1 } from './a1.js';
import type { CallCounter } from './calls.js';
import { Document, DEFAULT_COLUMNS, DEFAULT_ROWS, type DataSourceSheetState, type RuntimeOptions } from './document.js';
import { createServices, lockState, type RuntimeServices } from './services.js';
import { Handles } from './handles.js';
import { newUiRecord, type UiRecord } from './ui.js';
import { parseUserInput } from './user-input.js';
import { formulaFromLocale, formulaToLocale } from './formula-locale.js';
import type { NumberLocale } from './locale.js';
import { conditionalColours, snapshotSheet, type SheetSnapshot } from './snapshot.js';
import type { CellColours } from './conditional-format.js';

/** The Apps Script globals the add-on uses (GasServices) plus Utilities, which tests use. */
export interface AppsScriptServices extends GasServices {
  readonly Utilities: GoogleAppsScript.Utilities.Utilities;
}

export interface LocalWorkbook {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly services: AppsScriptServices;
  /** Calls into service objects (`Range.getValues`…); `reset()` between phases of a test. */
  readonly calls: CallCounter;
  /** Menus, sidebar, dialogs, alerts and toasts the add-on produced. */
  readonly ui: UiRecord;
  /** Adds a sheet holding `rows` as if pasted/imported (strings parsed like typed input). */
  addSheetFromRows(name: string, rows: CellValue[][]): GoogleAppsScript.Spreadsheet.Sheet;
  /** Types `input` into one cell exactly as a user would in the grid (formulas in the locale's syntax, numbers, text, 'escape). */
  setCell(sheetName: string, a1: string, input: string): void;
  /** The spreadsheet locale's number rules (decimal mark, BCP 47 tag). */
  readonly numberLocale: NumberLocale;
  /** A stored formula as the grid's formula bar shows it in the spreadsheet locale (`;` in ru_RU). */
  formulaForDisplay(formula: string): string;
  snapshot(sheetName: string, window?: { fromRow?: number; numRows?: number }): SheetSnapshot;
  /** Conditional-format colours for a window of a sheet (the grid asks per page). */
  conditionalColours(sheetName: string, fromRow: number, numRows: number): (CellColours | null)[][];
  sheetNames(): string[];
  /** Tabs in order, without counting service calls (for the web UI's tab bar). */
  sheets(): { name: string; sheetId: number; hidden: boolean }[];
  /** All developer metadata, spreadsheet-level (sheet null) and per sheet. */
  developerMetadata(): { id: number; key: string; value: string | null; sheet: string | null }[];
  activeSheetName(): string;
  activate(sheetName: string): void;
  /** Test hook: the `skip`-th next call of `method` (`Sheet.insertChart`) throws `message`, like a service timeout. */
  failOn(method: string, message?: string, skip?: number): void;
  /** Test hook: LockService.getDocumentLock() returns null (no containing document), as documented. */
  setDocumentLockAvailable(available: boolean): void;
  /** Test hook: the user left these manifest scopes unticked on the granular consent screen. */
  denyScopes(scopes: readonly string[]): void;
  /** Test hook: another execution holds the document (or script) lock until the returned release(). */
  holdLockElsewhere(kind: 'document' | 'script'): () => void;
  /** Stored properties, bypassing quotas and counters. */
  peekProperties(kind: 'document' | 'user' | 'script'): Record<string, string>;
  /** Dates handed to add-on code are made with this constructor (a node:vm realm's Date). */
  setDateConstructor(ctor: DateConstructor): void;
  /** Installable triggers, with their owners. */
  triggers(): { uid: string; handler: string; owner: string; everyHours: number | null; everyDays: number | null; atHour: number | null }[];
  /**
   * Runs `run` as a time-driven execution: no UI, document properties or document lock; the active
   * spreadsheet is the trigger's document unless `seesDocument` is false.
   */
  asClockExecution<T>(run: () => T, options?: { readonly seesDocument?: boolean }): T;
  /** Spreadsheets the add-on created (SpreadsheetApp.create), each readable like this one. */
  createdSpreadsheets(): {
    readonly name: string;
    readonly url: string;
    sheetNames(): string[];
    snapshot(sheetName: string): SheetSnapshot;
  }[];
  /**
   * Enables the BigQuery advanced service (a FakeBigQuery's `service`) and adds Connected Sheets data source
   * sheets. Call before loadBundle, which copies the services into the script's global scope.
   */
  connectBigQuery(service: object, dataSourceSheets?: readonly DataSourceSheetState[]): void;
  /** Routes formula custom functions to another implementation (loadBundle: the bundle's own); null restores the registry. */
  setCustomFunctionInvoker(invoke: ((name: string, args: unknown[], fallback: () => unknown) => unknown) | null): void;
}

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_HTML_DIR = resolve(here, '../../dist');
/** The manifest's zone: where the shipped script runs on Google's servers. */
const MANIFEST = JSON.parse(readFileSync(resolve(here, '../../appsscript.json'), 'utf8')) as { timeZone: string; oauthScopes?: string[] };
const MANIFEST_TIME_ZONE = MANIFEST.timeZone;
/** The scopes the add-on is authorised with: calls that need another one fail, as in Apps Script. */
const MANIFEST_SCOPES: readonly string[] = MANIFEST.oauthScopes ?? [];

/**
 * Script code (the bundle in node:vm shares this process's clock) splits Dates with local getters in the
 * process zone, so the script's zone is made the process zone. Node re-reads TZ when it is assigned.
 */
function useScriptTimeZone(zone: string): void {
  if (process.env.TZ !== zone) process.env.TZ = zone;
}

/**
 * The single boundary cast: runtime objects implement the Apps Script subset structurally but not every
 * overload and enum of the declarations, so they are presented under the official types here only.
 */
function asAppsScript<T>(value: object): T {
  return value as unknown as T;
}

export function createWorkbook(options: RuntimeOptions = {}): LocalWorkbook {
  const ui = newUiRecord();
  const doc = new Document(
    {
      name: options.name ?? 'Untitled spreadsheet',
      locale: options.locale ?? 'en_US',
      userLocale: options.userLocale ?? 'en',
      userEmail: options.userEmail ?? 'me@example.com',
      timeZone: options.timeZone ?? 'Etc/UTC',
      scriptTimeZone: options.scriptTimeZone ?? MANIFEST_TIME_ZONE,
      scopes: options.scopes ?? MANIFEST_SCOPES,
      id: options.id ?? 'local-spreadsheet-0001',
      htmlDir: options.htmlDir ?? DEFAULT_HTML_DIR,
    },
    ui,
    (d) => new Handles(d),
  );
  useScriptTimeZone(doc.options.scriptTimeZone);
  doc.addSheet('Sheet1', 0);
  const services = createServices(doc);
  const defaultInvoke = doc.invokeCustom;

  const workbook: LocalWorkbook = {
    spreadsheet: asAppsScript<GoogleAppsScript.Spreadsheet.Spreadsheet>(doc.handles.spreadsheet()),
    services: asAppsScript<AppsScriptServices>(services satisfies RuntimeServices),
    calls: doc.calls,
    ui,
    numberLocale: doc.locale,
    addSheetFromRows(name, rows) {
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      const state = doc.addSheet(name, doc.sheets.length, Math.max(DEFAULT_ROWS, rows.length), Math.max(DEFAULT_COLUMNS, width));
      if (rows.length > 0 && width > 0) {
        doc.writeBlock(
          state,
          0,
          0,
          rows.map((r) => Array.from({ length: width }, (_, j) => doc.parseValue(r[j], false))),
        );
      }
      return asAppsScript<GoogleAppsScript.Spreadsheet.Sheet>(doc.handles.sheet(state));
    },
    setCell(sheetName, a1, input) {
      const state = doc.requireSheet(sheetName);
      const ref = parseA1(a1);
      if (ref.lastRow !== ref.row || ref.lastColumn !== ref.column) throw new Error(`local runtime: setCell takes one cell, got ${a1}`);
      if (ref.row > state.maxRows || ref.column > state.maxColumns)
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      const parsed = parseUserInput(input, doc.locale);
      // Typed in the grid, a formula is in the locale's syntax (`;` in ru_RU); the engine keeps en_US.
      const cell =
        parsed.kind === 'formula' ? { kind: 'formula' as const, formula: formulaFromLocale(parsed.formula, doc.locale) } : parsed;
      doc.writeBlock(state, ref.row - 1, ref.column - 1, [[cell]]);
    },
    formulaForDisplay(formula) {
      return formulaToLocale(formula, doc.locale);
    },
    snapshot(sheetName, window) {
      return snapshotSheet(doc, doc.requireSheet(sheetName), window);
    },
    conditionalColours(sheetName, fromRow, numRows) {
      const state = doc.requireSheet(sheetName);
      return conditionalColours(doc, state, fromRow, numRows, doc.contentExtent(state).columns);
    },
    sheetNames() {
      return doc.sheets.map((s) => s.name);
    },
    sheets() {
      return doc.sheets.map((s) => ({ name: s.name, sheetId: s.id, hidden: s.hidden }));
    },
    developerMetadata() {
      return doc.metadata.map((m) => ({
        id: m.id,
        key: m.key,
        value: m.value,
        sheet: m.sheetId === null ? null : (doc.sheetById(m.sheetId)?.name ?? null),
      }));
    },
    activeSheetName() {
      return (doc.sheetById(doc.activeSheetId) ?? doc.sheets[0]).name;
    },
    activate(sheetName) {
      doc.activeSheetId = doc.requireSheet(sheetName).id;
    },
    failOn(method, message = `Service Spreadsheets timed out while accessing document with id ${doc.options.id}.`, skip = 0) {
      doc.calls.failOn(method, message, skip);
    },
    setDocumentLockAvailable(available) {
      doc.documentLockAvailable = available;
    },
    denyScopes(scopes) {
      for (const s of scopes) doc.ungrantedScopes.add(s);
    },
    holdLockElsewhere(kind) {
      const state = lockState(doc, kind);
      if (state.holder !== null) throw new Error(`local runtime: the ${kind} lock is already held`);
      state.holder = 'other';
      return () => {
        if (state.holder === 'other') state.holder = null;
      };
    },
    triggers() {
      return doc.triggers.map((t) => ({ ...t }));
    },
    asClockExecution(run, options = {}) {
      doc.execution = 'clock';
      doc.clockSeesDocument = options.seesDocument ?? true;
      try {
        return run();
      } finally {
        doc.execution = 'interactive';
        doc.clockSeesDocument = true;
      }
    },
    createdSpreadsheets() {
      return doc.created.map((child) => ({
        name: child.options.name,
        url: child.handles.spreadsheet().getUrl(),
        sheetNames: () => child.sheets.map((s) => s.name),
        snapshot: (sheetName: string) => snapshotSheet(child, child.requireSheet(sheetName)),
      }));
    },
    peekProperties(kind) {
      return doc.properties.get(kind)?.all() ?? {};
    },
    setDateConstructor(ctor) {
      doc.DateCtor = ctor;
    },
    setCustomFunctionInvoker(invoke) {
      doc.invokeCustom = invoke ? (name, args) => invoke(name, args, () => defaultInvoke(name, args)) : defaultInvoke;
    },
    connectBigQuery(service, dataSourceSheets = []) {
      doc.bigQuery = service;
      doc.dataSourceSheets.push(...dataSourceSheets);
    },
  };
  return workbook;
}
