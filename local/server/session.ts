/**
 * One running add-on: an in-memory workbook with the sample data, the built dist/Code.js loaded into a
 * bare V8 context against it (as Apps Script runs it), and the views the grid page asks for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createWorkbook,
  loadBundle,
  type BundleCall,
  type ChartSnapshot,
  type DataSourceSheetState,
  type LocalWorkbook,
  type SheetSnapshot,
} from '../runtime/index.js';
import type { AppState, CellView, ChartView, MenuItemView, RunResponse, SheetView } from '../web/view-types.js';
import { addSample, freezeHeaderRow, readSample, SAMPLE_NAMES } from './samples.js';
import { readTableFile, type ImportedSheet } from './import-file.js';
import { chartOption, parseUserInput } from '../runtime/index.js';

export interface LocalSession {
  readonly workbook: LocalWorkbook;
  state(): AppState;
  sheetView(name: string, fromRow: number, count: number): SheetView;
  setCell(sheet: string, a1: string, input: string): void;
  activate(name: string): void;
  run(functionName: string, args: readonly unknown[]): RunResponse;
  sidebarHtml(): string | null;
  closeSidebar(): void;
  /** Opens a CSV/TSV/XLSX file as new tab(s); returns their names. */
  importFile(fileName: string, bytes: Uint8Array): Promise<string[]>;
}

export interface SessionOptions {
  /** Directory holding the built Code.js and Sidebar.html (default: dist/). */
  readonly distDir?: string;
  /** Sample workbooks to load (default: all of them, one after the other, as one spreadsheet). */
  readonly samples?: readonly string[];
  /** The user's locale (`en`, `ru`, `zh_CN`…): the add-on's menu and sidebar language. */
  readonly userLocale?: string;
  /** The spreadsheet's locale (`en_US`, `ru_RU`…): number display and typed input. */
  readonly spreadsheetLocale?: string;
  /** The spreadsheet's time zone (default: the natural zone of the user's language; the script stays in Etc/UTC). */
  readonly timeZone?: string;
  /** Warehouse mode: the BigQuery advanced service (a FakeBigQuery's `service`) and Connected Sheets data source sheets. */
  readonly bigQuery?: { readonly service: object; readonly dataSourceSheets?: readonly DataSourceSheetState[] };
}

const SPREADSHEET_LOCALE: Readonly<Record<string, string>> = { en: 'en_US', ru: 'ru_RU', zh: 'zh_CN' };
/** Where a spreadsheet made by a user of that language usually is: east and west of the script's Etc/UTC. */
export const NATURAL_TIME_ZONE: Readonly<Record<string, string>> = { en: 'America/New_York', ru: 'Europe/Moscow', zh: 'Asia/Shanghai' };

/**
 * The language of the spreadsheet: the samples' own when they share one (`crm-leads-ru` is a Russian
 * export in a Russian spreadsheet, whoever opens it), else the user's. Its zone and locale follow.
 */
function sheetLanguage(samples: readonly string[], userLocale: string): string {
  const languages = new Set(samples.map((name) => name.slice(name.lastIndexOf('-') + 1)));
  return languages.size === 1 ? [...languages][0] : userLocale.slice(0, 2);
}

export function createSession(options: SessionOptions = {}): LocalSession {
  const distDir = options.distDir ?? join(process.cwd(), 'dist');
  const userLocale = options.userLocale ?? 'en';
  const language = sheetLanguage(options.samples ?? SAMPLE_NAMES, userLocale);
  const workbook = createWorkbook({
    name: 'FunnelROI demo',
    userLocale,
    locale: options.spreadsheetLocale ?? SPREADSHEET_LOCALE[language] ?? 'en_US',
    timeZone: options.timeZone ?? NATURAL_TIME_ZONE[language] ?? NATURAL_TIME_ZONE.en,
    htmlDir: distDir,
  });
  const blank = workbook.sheetNames();
  for (const name of options.samples ?? SAMPLE_NAMES) addSample(workbook, readSample(name));
  // The new spreadsheet's empty "Sheet1" only gets in the way once samples are there.
  for (const name of blank) {
    const sheet = workbook.spreadsheet.getSheetByName(name);
    if (sheet && workbook.sheetNames().length > 1) workbook.spreadsheet.deleteSheet(sheet);
  }
  workbook.activate(workbook.sheetNames()[0]);
  if (options.bigQuery) workbook.connectBigQuery(options.bigQuery.service, options.bigQuery.dataSourceSheets);
  const call: BundleCall = loadBundle(workbook, readFileSync(join(distDir, 'Code.js'), 'utf8'));
  call('onOpen', { authMode: 'FULL' });
  let seenAlerts = 0;
  let seenToasts = 0;

  return {
    workbook,
    state(): AppState {
      const ui = workbook.ui;
      const menu = ui.menus.find((m) => m.addon) ?? null;
      const alerts = ui.alerts.slice(seenAlerts).map((a) => a.prompt);
      const toasts = ui.toasts.slice(seenToasts).map((x) => x.message);
      seenAlerts = ui.alerts.length;
      seenToasts = ui.toasts.length;
      return {
        title: workbook.spreadsheet.getName(),
        sheets: workbook
          .sheets()
          .filter((s) => !s.hidden)
          .map((s) => ({ name: s.name, sheetId: s.sheetId })),
        activeSheet: workbook.activeSheetName(),
        menu: menu && { title: menu.title, items: menuItems(menu.entries) },
        sidebar: ui.sidebar && { title: ui.sidebar.title },
        toasts,
        alerts,
      };
    },
    sheetView(name, fromRow, count) {
      return toSheetView(
        workbook.snapshot(name, { fromRow, numRows: count }),
        (f) => workbook.formulaForDisplay(f),
        workbook.numberLocale.tag,
      );
    },
    setCell(sheet, a1, input) {
      workbook.setCell(sheet, a1, input);
    },
    activate(name) {
      workbook.activate(name);
    },
    run(functionName, args) {
      try {
        // A JSON round trip, as google.script.run does: Dates and class instances do not survive it.
        const value: unknown = call(functionName, ...args);
        return { ok: true, value: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown) };
      } catch (e) {
        // The bundle runs in its own realm: its Errors are not `instanceof Error` here, so read `message`.
        const message =
          typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
            ? (e as { message: string }).message
            : String(e);
        return { ok: false, error: message };
      }
    },
    async importFile(fileName, bytes) {
      const added = addImported(workbook, await readTableFile(fileName, bytes));
      if (added.length > 0) workbook.activate(added[0]);
      // Started with files only: the new spreadsheet's empty "Sheet1" goes once there is something else.
      for (const name of blank) {
        const sheet = workbook.spreadsheet.getSheetByName(name);
        if (sheet && sheet.getLastRow() === 0 && workbook.sheetNames().length > 1) workbook.spreadsheet.deleteSheet(sheet);
      }
      return added;
    },
    sidebarHtml: () => workbook.ui.sidebar?.html ?? null,
    closeSidebar() {
      workbook.ui.sidebar = null;
    },
  };
}

/**
 * Imported tables become new tabs with free names. Text that Sheets would read as a formula (`=…`, `+…`)
 * is kept as text: a file is data, and user text is never written as a formula.
 */
export function addImported(workbook: LocalWorkbook, sheets: readonly ImportedSheet[]): string[] {
  const names: string[] = [];
  for (const sheet of sheets) {
    const name = freeName(workbook, sheet.name.slice(0, 90));
    const rows = sheet.rows.map((r) =>
      r.map((v) => (typeof v === 'string' && parseUserInput(v, workbook.numberLocale).kind === 'formula' ? `'${v}` : v)),
    );
    const added = workbook.addSheetFromRows(name, rows);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (sheet.formats.length > 0 && rows.length > 0 && width > 0) {
      const formats = rows.map((_, r) => Array.from({ length: width }, (_, c) => sheet.formats[r]?.[c] || 'General'));
      if (formats.some((r) => r.some((f) => f !== 'General'))) added.getRange(1, 1, rows.length, width).setNumberFormats(formats);
    }
    freezeHeaderRow(added, rows, width);
    names.push(name);
  }
  return names;
}

function freeName(workbook: LocalWorkbook, wanted: string): string {
  const taken = new Set(workbook.sheetNames().map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

type MenuEntries = LocalWorkbook['ui']['menus'][number]['entries'];

function menuItems(entries: MenuEntries): MenuItemView[] {
  return entries.flatMap((e): MenuItemView[] => {
    if (e.kind === 'item') return [{ caption: e.caption, functionName: e.functionName }];
    if (e.kind === 'separator') return [{ caption: '' }];
    return menuItems(e.menu.entries);
  });
}

function toSheetView(s: SheetSnapshot, localFormula: (formula: string) => string = (f) => f, localeTag = 'en-US'): SheetView {
  const cells: CellView[][] = s.values.map((row, r) =>
    row.map((value, c): CellView => {
      const formula = s.formulas[r]?.[c] ?? '';
      const own = {
        text: s.display[r]?.[c] ?? '',
        bold: s.fontWeights[r]?.[c] === 'bold' || undefined,
        wrap: s.wraps[r]?.[c] || undefined,
        color: s.conditional[r]?.[c]?.fontColor ?? s.fontColors[r]?.[c] ?? undefined,
        background: s.conditional[r]?.[c]?.background ?? s.backgrounds[r]?.[c] ?? undefined,
        align: alignment(s.alignments[r]?.[c] ?? null, value),
        note: s.notes[r]?.[c] || undefined,
        error: s.errors[r]?.[c] || undefined,
      };
      return formula ? { ...own, formula: localFormula(formula) } : { ...own, input: inputText(value, s.display[r]?.[c] ?? '') };
    }),
  );
  return {
    name: s.name,
    sheetId: s.sheetId,
    rows: s.lastRow,
    columns: s.lastColumn,
    fromRow: s.fromRow,
    cells,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    localeTag,
    columnWidths: s.columnWidths,
    charts: s.charts.map(toChartView),
  };
}

/** Sheets' default alignment: numbers and dates right, booleans centred, text (even `2026-01 – …`) left. */
function alignment(own: string | null, value: unknown): CellView['align'] {
  if (own === 'left' || own === 'right' || own === 'center') return own;
  if (typeof value === 'boolean') return 'center';
  if (typeof value === 'string') return value === '' ? undefined : 'left';
  return typeof value === 'number' || value instanceof Date || (typeof value === 'object' && value !== null) ? 'right' : undefined;
}

/** What the formula bar shows for a plain cell: the raw number rather than its formatted text. */
function inputText(value: unknown, display: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return display;
}

function toNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Sheets' reading of a chart's data: ranges side by side, first column the domain, the others one series
 * each (rows instead of columns when transposed), the first `numHeaders` rows naming the series.
 */
export function toChartView(chart: ChartSnapshot): ChartView {
  const height = Math.max(0, ...chart.ranges.map((r) => r.values.length));
  let table: unknown[][] = Array.from({ length: height }, (_, i) => chart.ranges.flatMap((r) => r.values[i] ?? []));
  let display: string[][] = Array.from({ length: height }, (_, i) => chart.ranges.flatMap((r) => r.display[i] ?? []));
  let formats: string[][] = Array.from({ length: height }, (_, i) => chart.ranges.flatMap((r) => r.formats[i] ?? []));
  if (chart.transpose) {
    table = transpose(table);
    display = transpose(display);
    formats = transpose(formats);
  }
  const headers = Math.max(0, chart.numHeaders);
  const body = table.slice(headers);
  const width = table[0]?.length ?? 0;
  const option = (key: string): unknown => chartOption(chart.options, key);
  const title = option('title');
  // A horizontal BAR chart's value axis is its hAxis; every other type's is the vAxis (Google Charts).
  const [valueKey, domainKey] = chart.type === 'BAR' ? ['hAxis', 'vAxis'] : ['vAxis', 'hAxis'];
  const legendOption = option('legend.position') ?? option('legend');
  const legendPosition = (['top', 'bottom', 'right', 'left', 'none'] as const).find((p) => p === legendOption) ?? 'right';
  const seriesCount = Math.max(0, width - 1);
  const colors = option('colors');
  return {
    type: chart.type,
    title: typeof title === 'string' ? title : '',
    categories: display.slice(headers).map((row) => row[0] ?? ''),
    series: Array.from({ length: seriesCount }, (_, j) => ({
      // Sheets names a series without a header row "Series N"; our e2e suite checks that never happens.
      name: headers > 0 ? (display[0]?.[j + 1] ?? '') : `Series ${j + 1}`,
      values: body.map((row) => toNumber(row[j + 1])),
    })),
    legend: legendPosition !== 'none',
    legendPosition,
    valueAxis: {
      title: stringOption(option(`${valueKey}.title`)),
      // No format option: Sheets labels the value axis in the number format of the series' cells.
      format:
        stringOption(option(`${valueKey}.format`)) ??
        formats
          .slice(headers)
          .map((row) => row[1])
          .find((f) => f && f !== 'General'),
      logScale: option(`${valueKey}.logScale`) === true || option(`${valueKey}.scaleType`) === 'log',
      min: numberOption(option(`${valueKey}.viewWindow.min`)),
      max: numberOption(option(`${valueKey}.viewWindow.max`)),
    },
    domainAxisTitle: stringOption(option(`${domainKey}.title`)),
    dataLabels: Array.from({ length: seriesCount }, (_, j) => option(`series.${j}.dataLabel`)).some((v) => v === 'value'),
    colors: Array.from(
      { length: seriesCount },
      (_, j) => stringOption(option(`series.${j}.color`)) ?? (Array.isArray(colors) ? stringOption(colors[j]) : undefined),
    ),
    row: chart.position.anchorRow,
    column: chart.position.anchorColumn,
    offsetX: chart.position.offsetX,
    offsetY: chart.position.offsetY,
    width: positiveNumber(option('width')) ?? 600,
    height: positiveNumber(option('height')) ?? 371,
  };
}

function stringOption(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function numberOption(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function positiveNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

function transpose<T>(m: T[][]): T[][] {
  const w = Math.max(0, ...m.map((r) => r.length));
  return Array.from({ length: w }, (_, j) => m.map((r) => r[j]));
}
