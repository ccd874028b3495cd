/**
 * The state behind one in-memory spreadsheet: the HyperFormula engine (one engine sheet per Sheet),
 * cell properties, charts, rules, metadata, properties, locks and what the UI recorded; plus the value
 * conversions between Sheets semantics (Dates, '' for blank, error codes as text) and the engine.
 */
import { DetailedCellError, ExportedCellChange, HyperFormula, type ExportedChange, type RawCellContent } from 'hyperformula';
import { instantOf, isDate, serialToTime, timeToSerial, wallClock } from '../../src/core/dates.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import { resolveLocale } from '../../src/core/i18n/index.js';
import { CallCounter } from './calls.js';
import { CellPropsStore } from './cell-props.js';
import { attachHooks, registerCustomFunctions, sheetsErrorCode } from './custom-functions-plugin.js';
import { numberLocale, type NumberLocale } from './locale.js';
import { formatValue, isDateFormat } from './number-format.js';
import { parseUserInput, type ParsedInput } from './user-input.js';
import type { ChartState } from './charts.js';
import type { ConditionalRuleState } from './conditional-format.js';
import type { MetadataState } from './developer-metadata.js';
import type { UiRecord } from './ui.js';
import type { PropertyStore } from './properties.js';
import type { LockState } from './lock.js';
import type { BlockRef } from './ranges-ref.js';
import type { TriggerState } from './script-app.js';
import type { Handles } from './handles.js';

export interface RuntimeOptions {
  readonly name?: string;
  /** Spreadsheet locale (`en_US`, `ru_RU`, `zh_CN`): number display and typed-input parsing. */
  readonly locale?: string;
  /** Session.getActiveUserLocale(): `en`, `ru`, `zh_CN`… */
  readonly userLocale?: string;
  /** The user running the script (Session.getEffectiveUser); owns the triggers they create. */
  readonly userEmail?: string;
  /** The spreadsheet's time zone (File > Settings): date cells are wall-clock times there. */
  readonly timeZone?: string;
  /**
   * The script's time zone (appsscript.json `timeZone`, default: this repo's manifest). Script code splits
   * Dates with local getters in this zone, so the runtime makes it the process zone (TZ): one per process.
   */
  readonly scriptTimeZone?: string;
  /** OAuth scopes granted (default: appsscript.json's oauthScopes); SpreadsheetApp.create needs `spreadsheets`. */
  readonly scopes?: readonly string[];
  /** Where HtmlService.createHtmlOutputFromFile reads `<name>.html` (default: dist/). */
  readonly htmlDir?: string;
  /** Spreadsheet id; deterministic by default. */
  readonly id?: string;
}

export interface SheetState {
  readonly id: number;
  /** The engine's sheet id (stable across renames). */
  readonly hfId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  readonly columnWidths: Map<number, number>;
  tabColor: string | null;
  hidden: boolean;
  readonly props: CellPropsStore;
  charts: ChartState[];
  conditionalRules: ConditionalRuleState[];
  merges: BlockRef[];
}

export type AppsValue = number | string | boolean | Date;

/** A Connected Sheets data source sheet: a BigQuery table (or a custom query) and the project it runs in. */
export interface DataSourceSheetState {
  readonly name: string;
  readonly projectId: string;
  readonly table?: { readonly projectId: string; readonly datasetId: string; readonly tableId: string };
  readonly rawQuery?: string;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
/** Sheets' per-cell text limit. */
export const MAX_CELL_CHARS = 50_000;

// Sheets caps a spreadsheet at 10 million cells; the engine's own default is far smaller.
// smartRounding off: Sheets keeps full double precision in cells (it rounds only for display).
const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  maxRows: 10_000_000,
  maxColumns: 18_278,
  useArrayArithmetic: false,
  smartRounding: false,
} as const;

export class Document {
  readonly hf: HyperFormula;
  readonly calls = new CallCounter();
  readonly sheets: SheetState[] = [];
  readonly locale: NumberLocale;
  readonly metadata: MetadataState[] = [];
  readonly properties = new Map<'document' | 'user' | 'script', PropertyStore>();
  readonly locks = new Map<'document' | 'script' | 'user', LockState>();
  /**
   * LockService.getDocumentLock() is documented as `Lock|null` (null outside a containing document, e.g.
   * a standalone or time-driven execution); tests switch this off to take that path.
   */
  documentLockAvailable = true;
  /** Manifest scopes the user left unticked on Google's granular consent screen. */
  readonly ungrantedScopes = new Set<string>();
  activeSheetId = 0;
  /** The Date constructor of the realm add-on code runs in (node:vm contexts have their own). */
  DateCtor: DateConstructor = Date;
  /** Runs custom functions for formulas; replaced by loadBundle to call the bundle's own functions. */
  invokeCustom: (name: string, args: unknown[]) => unknown = (name, args) =>
    defaultInvoke(name, args, this.options.timeZone, this.options.locale);
  private nextSheetId = 0;
  private nextIdCounter = 1;
  /** Spreadsheets this one's scripts made with SpreadsheetApp.create (share copies), in order. */
  readonly created: Document[] = [];
  /** Installable triggers of the script (ScriptApp), each owned by one user. */
  readonly triggers: TriggerState[] = [];
  /**
   * What kind of execution is running: 'interactive' (menu, sidebar, custom function) or 'clock' (a
   * time-driven trigger: no active spreadsheet, no UI, no document properties or lock).
   */
  execution: 'interactive' | 'clock' = 'interactive';
  /** The BigQuery advanced service (a FakeBigQuery's `service`); undefined: not enabled for the script. */
  bigQuery: object | undefined = undefined;
  /** Connected Sheets data source sheets (their BigQuery spec); see spreadsheet.ts getDataSourceSheets. */
  readonly dataSourceSheets: DataSourceSheetState[] = [];
  /** SpreadsheetApp.enableBigQueryExecution() was called in this execution. */
  bigQueryExecution = false;
  /**
   * Whether a time-driven run sees the document it was set up in as the active spreadsheet. Google does
   * not document it for editor add-ons (README, "Stays current"); container-bound scripts do get it.
   * Tests run both ways.
   */
  clockSeesDocument = true;

  /** Makes and recognises this document's Apps Script objects (see handles.ts). */
  readonly handles: Handles;

  constructor(
    readonly options: Required<Omit<RuntimeOptions, 'htmlDir'>> & { htmlDir: string },
    readonly ui: UiRecord,
    // Passed in rather than imported: handles.ts imports the object classes, which import this module.
    private readonly makeHandles: (doc: Document) => Handles,
  ) {
    this.handles = makeHandles(this);
    registerCustomFunctions();
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    // Sheets accepts TRUE/FALSE as literals in formulas; HyperFormula only as functions.
    for (const name of ['TRUE', 'FALSE']) {
      try {
        this.hf.addNamedExpression(name, `=${name}()`);
      } catch {
        // Not allowed as a name in this engine version: formulas must write TRUE()/FALSE().
      }
    }
    this.locale = numberLocale(options.locale);
    attachHooks(this.hf, {
      invoke: (name, args) => this.invokeCustom(name, args),
      cellArgument: (hfSheet, row, column, value) => {
        const sheet = this.sheets.find((s) => s.hfId === hfSheet);
        return sheet && isDateFormat(sheet.props.get(row, column)?.numberFormat) ? this.makeDate(value) : value;
      },
      dateToSerial: (date) => this.dateToSerial(date),
    });
  }

  /** Throws Apps Script's permission error unless one of `scopes` was granted. */
  requireScope(what: string, ...scopes: string[]): void {
    const full = scopes.map((s) => `https://www.googleapis.com/auth/${s}`);
    if (full.some((s) => this.options.scopes.includes(s))) return;
    throw new Error(`You do not have permission to call ${what}. Required permissions: ${full.join(' || ')}`);
  }

  /** Chart, metadata and uuid numbers: one counter, so a run's ids are the same every time. */
  newId(): number {
    return this.nextIdCounter++;
  }

  addSheet(name: string, index: number, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SheetState {
    if (this.sheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const hfName = this.hf.addSheet(name);
    const hfId = this.hf.getSheetId(hfName);
    if (hfId === undefined) throw new Error('local runtime: engine did not create the sheet');
    // Sheet ids (gid) are 0 for the first sheet and large numbers after, as in Sheets; fixed for tests.
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId;
    this.nextSheetId++;
    const sheet: SheetState = {
      id,
      hfId,
      name,
      maxRows: rows,
      maxColumns: columns,
      frozenRows: 0,
      frozenColumns: 0,
      columnWidths: new Map(),
      tabColor: null,
      hidden: false,
      props: new CellPropsStore(),
      charts: [],
      conditionalRules: [],
      merges: [],
    };
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): SheetState {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`local runtime: no sheet named "${name}"`);
    return sheet;
  }

  removeSheet(sheet: SheetState): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.hf.removeSheet(sheet.hfId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.metadata.length - 1; i >= 0; i--) if (this.metadata[i].sheetId === sheet.id) this.metadata.splice(i, 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  renameSheet(sheet: SheetState, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
  }

  /** A date cell as Apps Script hands it over: the instant of its wall-clock time in the spreadsheet's zone. */
  makeDate(serial: number): Date {
    return new this.DateCtor(instantOf(serialToTime(serial), this.options.timeZone));
  }

  /** A Date written by a script: its wall-clock time in the spreadsheet's zone (the inverse of makeDate). */
  dateToSerial(date: Date): number {
    return timeToSerial(wallClock(date.getTime(), this.options.timeZone));
  }

  private isDateCell(sheet: SheetState, row: number, col: number, hasFormula: boolean): boolean {
    const format = sheet.props.get(row, col)?.numberFormat;
    if (format) return isDateFormat(format);
    if (!hasFormula) return false;
    const type = this.hf.getCellValueDetailedType({ sheet: sheet.hfId, row, col });
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME';
  }

  /** The format a cell is shown with: its own, a date format for date-valued formulas, else General. */
  effectiveFormat(sheet: SheetState, row: number, col: number, hasFormula: boolean): string {
    const own = sheet.props.get(row, col)?.numberFormat;
    if (own) return own;
    return hasFormula && this.isDateCell(sheet, row, col, true) ? this.locale.dateFormat : 'General';
  }

  /** Values as Apps Script returns them for a block (0-based start). */
  readBlock(
    sheet: SheetState,
    row: number,
    col: number,
    rows: number,
    cols: number,
    mode: 'values' | 'display' | 'formulas' | 'errors',
  ): (AppsValue | string)[][] {
    if (rows === 0 || cols === 0) return [];
    const range = { start: { sheet: sheet.hfId, row, col }, end: { sheet: sheet.hfId, row: row + rows - 1, col: col + cols - 1 } };
    const formulas = this.hf.getRangeFormulas(range);
    if (mode === 'formulas') return formulas.map((r) => r.map((f) => f ?? ''));
    const values = this.hf.getRangeValues(range);
    return values.map((r, i) =>
      r.map((v, j) => {
        const hasFormula = formulas[i][j] !== undefined;
        if (mode === 'errors') return v instanceof DetailedCellError ? v.message || sheetsErrorCode(v.value) : '';
        if (v instanceof DetailedCellError) return sheetsErrorCode(v.value);
        if (v === null || v === undefined) return '';
        if (mode === 'display') {
          return formatValue(v, this.effectiveFormat(sheet, row + i, col + j, hasFormula), this.locale);
        }
        if (typeof v === 'number' && this.isDateCell(sheet, row + i, col + j, hasFormula)) return this.makeDate(v);
        return v;
      }),
    );
  }

  /** Parses one Apps Script value as Sheets does for user-entered input. */
  /** SpreadsheetApp.create: a new, separate file with one empty "Sheet1", as Drive makes it. */
  createSpreadsheet(name: string): Document {
    const child = new Document(
      { ...this.options, name, id: `${this.options.id}-created-${this.created.length + 1}` },
      this.ui,
      this.makeHandles,
    );
    child.DateCtor = this.DateCtor;
    child.invokeCustom = this.invokeCustom;
    child.addSheet('Sheet1', 0);
    this.created.push(child);
    return child;
  }

  parseValue(value: unknown, asFormula: boolean): ParsedInput {
    if (value === null || value === undefined) return { kind: 'blank' };
    if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text', text: '#NUM!' };
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (isDate(value)) {
      const serial = this.dateToSerial(value);
      const hasTime = serial % 1 !== 0;
      return { kind: 'date', serial, format: hasTime ? `${this.locale.dateFormat} h:mm:ss` : this.locale.dateFormat };
    }
    const text = typeof value === 'string' ? value : String(value);
    if (text.length > MAX_CELL_CHARS)
      throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    if (asFormula && text.startsWith('=')) return { kind: 'formula', formula: text };
    return parseUserInput(text, this.locale);
  }

  /** Writes parsed cells in one engine call (0-based start), and the formats typed input implies. */
  writeBlock(sheet: SheetState, row: number, col: number, cells: ParsedInput[][]): void {
    // Array.from, not map: arrays from the bundle's vm realm would make `map` return vm-realm arrays,
    // which the engine's `instanceof Array` rejects ("Unable to parse value").
    const content: RawCellContent[][] = Array.from(cells, (r, i) =>
      Array.from(r, (cell, j) => {
        const current = sheet.props.get(row + i, col + j)?.numberFormat;
        switch (cell.kind) {
          case 'blank':
            return null;
          case 'formula':
            return cell.formula;
          case 'text':
            // The apostrophe makes the engine keep the text as is (never a formula, number or date).
            return `'${cell.text}`;
          case 'boolean':
            return cell.value;
          case 'number':
            if (cell.format && (!current || current === 'General')) sheet.props.set(row + i, col + j, 'numberFormat', cell.format);
            return cell.value;
          case 'date':
            if (!isDateFormat(current)) sheet.props.set(row + i, col + j, 'numberFormat', cell.format);
            return cell.serial;
        }
      }),
    );
    this.setContents(sheet.hfId, row, col, content);
  }

  /**
   * The engine sizes a spill when the formula is set and never retries, so an array formula once blocked
   * by a value stays #SPILL! even after that value is cleared. Sheets re-spills; to match, blocked anchors
   * are remembered and their formulas set again after later writes.
   */
  private readonly spillBlocked = new Map<string, { sheet: number; row: number; col: number; formula: string }>();

  setContents(hfSheet: number, row: number, col: number, content: RawCellContent[][]): void {
    this.noteSpills(this.hf.setCellContents({ sheet: hfSheet, row, col }, content));
    if (this.spillBlocked.size === 0) return;
    for (const [key, anchor] of [...this.spillBlocked]) {
      this.spillBlocked.delete(key);
      const address = { sheet: anchor.sheet, row: anchor.row, col: anchor.col };
      // Only if the anchor still holds that formula and is still blocked (rows may have moved since).
      if (!this.hf.doesSheetExist(this.hf.getSheetName(anchor.sheet) ?? '')) continue;
      if (this.hf.getCellFormula(address) !== anchor.formula) continue;
      const value = this.hf.getCellValue(address);
      if (!(value instanceof DetailedCellError) || value.type !== 'SPILL') continue;
      this.noteSpills(this.hf.setCellContents(address, anchor.formula));
    }
  }

  private noteSpills(changes: ExportedChange[]): void {
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const v = change.newValue;
      if (!(v instanceof DetailedCellError) || v.type !== 'SPILL') continue;
      const { sheet, row, col } = change.address;
      const formula = this.hf.getCellFormula(change.address);
      if (formula !== undefined) this.spillBlocked.set(`${sheet},${row},${col}`, { sheet, row, col, formula });
    }
  }

  formatForDisplay(value: AppsValue | null, format: string | undefined): string {
    return formatValue(isDate(value) ? this.dateToSerial(value) : value, format, this.locale);
  }

  /**
   * Last row/column holding content (0 when empty), as Sheet.getLastRow/getLastColumn report. The engine's
   * dimensions may include cleared cells, so step back from its edge; usually one row and one column read.
   */
  contentExtent(sheet: SheetState): { rows: number; columns: number } {
    const { width, height } = this.hf.getSheetDimensions(sheet.hfId);
    if (width === 0 || height === 0) return { rows: 0, columns: 0 };
    const block = (row: number, col: number, rows: number, cols: number) =>
      this.hf.getRangeValues({
        start: { sheet: sheet.hfId, row, col },
        end: { sheet: sheet.hfId, row: row + rows - 1, col: col + cols - 1 },
      });
    const filled = (v: unknown): boolean => v !== null && v !== undefined;
    const CHUNK = 64;
    let rows = 0;
    for (let end = height; end > 0 && rows === 0; end -= CHUNK) {
      const start = Math.max(0, end - CHUNK);
      const values = block(start, 0, end - start, width);
      for (let i = values.length - 1; i >= 0 && rows === 0; i--) if (values[i].some(filled)) rows = start + i + 1;
    }
    if (rows === 0) return { rows: 0, columns: 0 };
    let columns = 0;
    for (let end = width; end > 0 && columns === 0; end -= 1) {
      if (block(0, end - 1, rows, 1).some((r) => filled(r[0]))) columns = end;
    }
    return { rows, columns };
  }
}

function defaultInvoke(name: string, args: unknown[], timeZone: string, locale: string | undefined): unknown {
  const fn = CUSTOM_FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`Unknown function: ${name}`);
  return fn.run({ timeZone: () => timeZone, locale: () => resolveLocale(locale) }, args);
}
