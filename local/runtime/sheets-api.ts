/**
 * The Sheets advanced service (`Sheets.Spreadsheets…`, the Sheets API v4 called from Apps Script), the
 * subset Share report uses: create, values.batchUpdate and batchUpdate with updateCells,
 * updateDimensionProperties, updateSheetProperties, mergeCells, addConditionalFormatRule and addChart.
 * Anything else throws, so a new request type cannot pass untested. Requests land in the same state the
 * SpreadsheetApp objects use, so a copy made this way reads back through snapshots like any sheet.
 * Reference: https://developers.google.com/apps-script/advanced/sheets (same objects as the REST API).
 */
import { counted } from './calls.js';
import type { Document, SheetState } from './document.js';
import { parseA1 } from './a1.js';
import type { BlockRef } from './ranges-ref.js';
import type { Criterion } from './conditional-format.js';
import type { ParsedInput } from './user-input.js';
import type { ChartAxisWithView, ChartSeriesWithLabels } from '../../src/adapter/sheets-schema.js';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type Color = GoogleAppsScript.Sheets.Schema.Color;

/** The request kinds implemented; the API's others throw here. */
export const SUPPORTED_REQUESTS = [
  'updateCells',
  'updateDimensionProperties',
  'updateSheetProperties',
  'mergeCells',
  'addConditionalFormatRule',
  'addChart',
] as const;

function fail(message: string): never {
  throw new Error(`local runtime: Sheets API: ${message}`);
}

export function colorToHex(c: Color | undefined): string | null {
  if (!c) return null;
  const h = (v: number | undefined): string =>
    Math.round(Math.max(0, Math.min(1, v ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.red)}${h(c.green)}${h(c.blue)}`;
}

export class SheetsAdvancedImpl {
  readonly Spreadsheets: {
    create: (resource: Schema) => Schema;
    batchUpdate: (
      resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ) => GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
    Values: {
      batchUpdate: (
        resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest,
        spreadsheetId: string,
      ) => GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse;
    };
  };

  constructor(private readonly doc: Document) {
    // Each call is one API round trip; counted like SpreadsheetApp calls.
    const values = counted(
      {
        batchUpdate: (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest, id: string) =>
          this.valuesBatchUpdate(resource, id),
      },
      'Sheets.Spreadsheets.Values',
      doc.calls,
    );
    this.Spreadsheets = counted(
      {
        create: (resource: Schema) => this.create(resource),
        batchUpdate: (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, id: string) => this.batchUpdate(resource, id),
        Values: values,
      },
      'Sheets.Spreadsheets',
      doc.calls,
    );
  }

  /** The open file under spreadsheets.currentonly; files this script created under drive.file. */
  private find(id: string): Document {
    if (id !== this.doc.options.id) this.doc.requireScope('the Sheets API on another file', 'drive.file', 'drive', 'spreadsheets');
    else this.doc.requireScope('the Sheets API', 'spreadsheets.currentonly', 'drive.file', 'drive', 'spreadsheets');
    const all = [this.doc, ...this.doc.created];
    return all.find((d) => d.options.id === id) ?? fail(`Requested entity was not found (spreadsheet ${id})`);
  }

  private sheet(target: Document, sheetId: number | undefined): SheetState {
    return target.sheetById(sheetId ?? 0) ?? fail(`No grid with id: ${sheetId}`);
  }

  private create(resource: Schema): Schema {
    this.doc.requireScope('Sheets.Spreadsheets.create', 'drive.file', 'drive', 'spreadsheets');
    const title = resource.properties?.title ?? 'Untitled spreadsheet';
    const child = this.doc.createSpreadsheet(title);
    const first = child.sheets[0];
    for (const [i, s] of (resource.sheets ?? []).entries()) {
      const p = s.properties ?? {};
      const g = p.gridProperties ?? {};
      const state = i === 0 ? first : child.addSheet(p.title ?? `Sheet${i + 1}`, i);
      if (i === 0 && p.title) child.renameSheet(state, p.title);
      if (g.rowCount) state.maxRows = g.rowCount;
      if (g.columnCount) state.maxColumns = g.columnCount;
      state.frozenRows = g.frozenRowCount ?? 0;
      state.frozenColumns = g.frozenColumnCount ?? 0;
    }
    return {
      spreadsheetId: child.options.id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${child.options.id}/edit`,
      properties: { title },
      sheets: child.sheets.map((s) => ({
        properties: { sheetId: s.id, title: s.name, gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns } },
      })),
    };
  }

  private valuesBatchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest,
    id: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    const target = this.find(id);
    const option = resource.valueInputOption;
    if (option !== 'RAW' && option !== 'USER_ENTERED') fail(`valueInputOption must be RAW or USER_ENTERED, got ${String(option)}`);
    let cells = 0;
    for (const vr of resource.data ?? []) {
      const ref = parseA1(vr.range ?? fail('a ValueRange needs a range'));
      const sheet =
        ref.sheetName !== undefined ? (target.sheetByName(ref.sheetName) ?? fail(`Unable to parse range: ${vr.range}`)) : target.sheets[0];
      const rows = (vr.values ?? []) as unknown[][];
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      if (ref.row - 1 + rows.length > sheet.maxRows || ref.column - 1 + width > sheet.maxColumns)
        fail(`Range ${vr.range} exceeds grid limits`);
      // RAW stores strings as they are (never a formula or number); USER_ENTERED parses like typing.
      const parsed: ParsedInput[][] = rows.map((r) =>
        Array.from({ length: width }, (_, j): ParsedInput => {
          const v = r[j];
          if (v === null || v === undefined || v === '') return { kind: 'blank' };
          if (option === 'USER_ENTERED') return target.parseValue(v, true);
          if (typeof v === 'number') return { kind: 'number', value: v };
          if (typeof v === 'boolean') return { kind: 'boolean', value: v };
          return { kind: 'text', text: String(v) };
        }),
      );
      target.writeBlock(sheet, ref.row - 1, ref.column - 1, parsed);
      cells += rows.length * width;
    }
    return { spreadsheetId: id, totalUpdatedCells: cells };
  }

  private batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    id: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const target = this.find(id);
    const requests = resource.requests ?? [];
    // The API validates every request before applying any: unknown kinds fail the whole batch.
    for (const r of requests) {
      const kinds = Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) fail(`each Request must hold exactly one kind, got ${kinds.join(', ') || 'none'}`);
      if (!(SUPPORTED_REQUESTS as readonly string[]).includes(kinds[0]))
        fail(`request "${kinds[0]}" is not implemented in the local runtime`);
    }
    const replies = requests.map((r) => this.apply(target, r));
    return { spreadsheetId: id, replies };
  }

  private apply(target: Document, r: Request): GoogleAppsScript.Sheets.Schema.Response {
    if (r.updateCells) {
      const u = r.updateCells;
      if (!u.fields) fail('updateCells needs fields');
      const sheet = this.sheet(target, u.start?.sheetId ?? u.range?.sheetId);
      const row0 = u.start?.rowIndex ?? u.range?.startRowIndex ?? 0;
      const col0 = u.start?.columnIndex ?? u.range?.startColumnIndex ?? 0;
      (u.rows ?? []).forEach((row, i) =>
        (row.values ?? []).forEach((cell, j) => {
          const f = cell.userEnteredFormat;
          const set = sheet.props.set.bind(sheet.props);
          const [r0, c0] = [row0 + i, col0 + j];
          set(r0, c0, 'numberFormat', f?.numberFormat?.pattern || undefined);
          set(r0, c0, 'fontWeight', f?.textFormat?.bold ? 'bold' : undefined);
          set(r0, c0, 'fontColor', colorToHex(f?.textFormat?.foregroundColor) ?? undefined);
          set(r0, c0, 'background', colorToHex(f?.backgroundColor) ?? undefined);
          set(r0, c0, 'wrap', f?.wrapStrategy === 'WRAP' ? true : undefined);
          set(r0, c0, 'horizontalAlignment', f?.horizontalAlignment ? f.horizontalAlignment.toLowerCase() : undefined);
          set(r0, c0, 'note', cell.note || undefined);
        }),
      );
      return {};
    }
    if (r.updateDimensionProperties) {
      const u = r.updateDimensionProperties;
      const range = u.range ?? fail('updateDimensionProperties needs a range');
      const sheet = this.sheet(target, range.sheetId);
      const size = u.properties?.pixelSize;
      if (range.dimension !== 'COLUMNS' || size === undefined) fail('only column pixelSize is implemented');
      for (let c = (range.startIndex ?? 0) + 1; c <= (range.endIndex ?? sheet.maxColumns); c++) sheet.columnWidths.set(c, size);
      return {};
    }
    if (r.updateSheetProperties) {
      const p = r.updateSheetProperties.properties ?? {};
      const sheet = this.sheet(target, p.sheetId);
      const g = p.gridProperties ?? {};
      if (g.frozenRowCount !== undefined) sheet.frozenRows = g.frozenRowCount;
      if (g.frozenColumnCount !== undefined) sheet.frozenColumns = g.frozenColumnCount;
      if (p.title) target.renameSheet(sheet, p.title);
      return {};
    }
    if (r.mergeCells) {
      const range = r.mergeCells.range ?? fail('mergeCells needs a range');
      const sheet = this.sheet(target, range.sheetId);
      sheet.merges.push(block(sheet, range));
      return {};
    }
    if (r.addConditionalFormatRule) {
      const rule = r.addConditionalFormatRule.rule ?? fail('addConditionalFormatRule needs a rule');
      const ranges = (rule.ranges ?? []).map((g) => block(this.sheet(target, g.sheetId), g));
      const sheet = ranges[0]?.sheet ?? fail('a conditional format rule needs ranges');
      const b = rule.booleanRule ?? fail('only booleanRule is implemented');
      const value = Number(b.condition?.values?.[0]?.userEnteredValue);
      const type = b.condition?.type;
      const criterion: Criterion =
        type === 'NUMBER_LESS'
          ? { type: 'NUMBER_LESS_THAN', value }
          : type === 'NUMBER_GREATER'
            ? { type: 'NUMBER_GREATER_THAN', value }
            : fail(`condition ${String(type)} is not implemented`);
      const state = {
        criterion,
        ranges,
        fontColor: colorToHex(b.format?.textFormat?.foregroundColor),
        background: colorToHex(b.format?.backgroundColor),
      };
      sheet.conditionalRules.splice(r.addConditionalFormatRule.index ?? sheet.conditionalRules.length, 0, state);
      return {};
    }
    if (r.addChart) return { addChart: { chart: this.addChart(target, r.addChart.chart ?? fail('addChart needs a chart')) } };
    return fail('unreachable');
  }

  private addChart(target: Document, chart: GoogleAppsScript.Sheets.Schema.EmbeddedChart): GoogleAppsScript.Sheets.Schema.EmbeddedChart {
    const spec = chart.spec ?? fail('a chart needs a spec');
    const basic = spec.basicChart ?? fail('only basicChart is implemented');
    const at = chart.position?.overlayPosition ?? fail('only overlayPosition is implemented');
    const anchor = at.anchorCell ?? fail('overlayPosition needs an anchorCell');
    const sheet = this.sheet(target, anchor.sheetId);
    const source = (s: GoogleAppsScript.Sheets.Schema.ChartData | undefined): BlockRef => {
      const g = s?.sourceRange?.sources?.[0] ?? fail('chart data needs a sourceRange');
      return block(this.sheet(target, g.sheetId), g);
    };
    const options: Record<string, unknown> = {};
    if (spec.title) options.title = spec.title;
    const legend = { BOTTOM_LEGEND: 'bottom', TOP_LEGEND: 'top', RIGHT_LEGEND: 'right', LEFT_LEGEND: 'left', NO_LEGEND: 'none' }[
      basic.legendPosition ?? ''
    ];
    if (legend) options.legend = legend;
    for (const axis of (basic.axis ?? []) as ChartAxisWithView[]) {
      const key =
        axis.position === 'BOTTOM_AXIS'
          ? 'hAxis'
          : axis.position === 'LEFT_AXIS'
            ? 'vAxis'
            : fail(`axis ${String(axis.position)} is not implemented`);
      if (axis.title) options[`${key}.title`] = axis.title;
      if (axis.viewWindowOptions?.viewWindowMin !== undefined) options[`${key}.viewWindow.min`] = axis.viewWindowOptions.viewWindowMin;
      if (axis.viewWindowOptions?.viewWindowMax !== undefined) options[`${key}.viewWindow.max`] = axis.viewWindowOptions.viewWindowMax;
    }
    ((basic.series ?? []) as ChartSeriesWithLabels[]).forEach((s, i) => {
      if (s.dataLabel?.type === 'DATA') options[`series.${i}.dataLabel`] = 'value';
      const color = colorToHex(s.colorStyle?.rgbColor ?? s.color);
      if (color) options[`series.${i}.color`] = color;
    });
    if (at.widthPixels) options.width = at.widthPixels;
    if (at.heightPixels) options.height = at.heightPixels;
    const chartId = target.newId();
    sheet.charts.push({
      chartId,
      type: basic.chartType ?? fail('basicChart needs a chartType'),
      ranges: [...(basic.domains ?? []).map((d) => source(d.domain)), ...(basic.series ?? []).map((s) => source(s.series))],
      position: {
        anchorRow: (anchor.rowIndex ?? 0) + 1,
        anchorColumn: (anchor.columnIndex ?? 0) + 1,
        offsetX: at.offsetXPixels ?? 0,
        offsetY: at.offsetYPixels ?? 0,
      },
      options,
      numHeaders: basic.headerCount ?? 0,
      transpose: false,
      mergeStrategy: 'MERGE_COLUMNS',
      hiddenDimensionStrategy: 'IGNORE_BOTH',
    });
    return { ...chart, chartId };
  }
}

/** A GridRange (0-based, end-exclusive) as the 1-based block charts and rules keep. */
function block(sheet: SheetState, g: GridRange): BlockRef {
  const row = (g.startRowIndex ?? 0) + 1;
  const column = (g.startColumnIndex ?? 0) + 1;
  return {
    sheet,
    row,
    column,
    numRows: (g.endRowIndex ?? sheet.maxRows) - row + 1,
    numColumns: (g.endColumnIndex ?? sheet.maxColumns) - column + 1,
  };
}
