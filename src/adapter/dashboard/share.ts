/**
 * shareReport: a values-only copy of the dashboard in a new spreadsheet, without the source data (raw CRM
 * rows often hold personal data). Formulas become their values and the margin cell a plain number, so the
 * copy cannot reach back into the original file; formats, notes (metric definitions), column widths,
 * frozen rows and columns, merges, red/green sign rules and the charts with their titles, axis titles,
 * legends, data labels and clipped axes come along, so it reads like the original.
 *
 * Scopes: the original is read through SpreadsheetApp under `spreadsheets.currentonly`; the copy is
 * created and written through the Sheets advanced service (the Sheets API) under `drive.file`, which
 * covers files this add-on creates. SpreadsheetApp.create would need the full `spreadsheets` scope (every
 * spreadsheet of the user; "sensitive", a Marketplace listing then needs verification). Three API calls
 * write the copy: create (sheet size and frozen panes), values.batchUpdate (RAW: text is stored as text,
 * never parsed as a formula) and one batchUpdate with formats, widths, merges, rules and charts.
 */
import { CodedError } from '../../core/issues.js';
import type { ShareResult } from '../../api/contract.js';
import { isDate, timeToSerial } from '../../core/values.js';
import { wallClock } from '../../core/dates.js';
import type { GasServices } from '../services.js';
import { withDocumentLock } from './build.js';
import { findOwnDashboard } from './locate.js';
import type { ChartAxisWithView, ChartSeriesWithLabels } from '../sheets-schema.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

export function shareReport(services: GasServices, options: { readonly name?: string } = {}): ShareResult {
  const api = services.Sheets;
  if (!api) throw new CodedError('sheets_service_disabled');
  return withDocumentLock(services, 10_000, () => {
    const ss = services.SpreadsheetApp.getActiveSpreadsheet();
    const own = findOwnDashboard(services, ss);
    if (!own) throw new CodedError('nothing_to_share');
    const sheet = own.sheet;
    const rows = Math.max(sheet.getLastRow(), 1);
    const cols = Math.max(sheet.getLastColumn(), 1);
    const range = sheet.getRange(1, 1, rows, cols);
    // Display strings would lose numbers; values keep them, and number formats carry the look.
    const values = range.getValues();
    const formats = range.getNumberFormats();
    const weights = range.getFontWeights();
    const colors = range.getFontColors();
    const backgrounds = range.getBackgrounds();
    const notes = range.getNotes();
    const wraps = range.getWraps();
    const name = options.name ?? `${sheet.getName()} — ${ss.getName()}`.slice(0, 100);
    const timeZone = ss.getSpreadsheetTimeZone();

    const created = api.Spreadsheets.create({
      properties: { title: name, locale: ss.getSpreadsheetLocale(), timeZone },
      sheets: [
        {
          properties: {
            title: sheet.getName(),
            gridProperties: {
              rowCount: rows,
              columnCount: cols,
              frozenRowCount: sheet.getFrozenRows(),
              frozenColumnCount: sheet.getFrozenColumns(),
            },
          },
        },
      ],
    });
    const id = created.spreadsheetId ?? '';
    const sheetId = created.sheets?.[0]?.properties?.sheetId ?? 0;
    api.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [{ range: `${quoteSheetName(sheet.getName())}!A1`, values: values.map((r) => r.map((v) => rawValue(v, timeZone))) }],
      },
      id,
    );
    const requests: Request[] = [
      {
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          fields: 'userEnteredFormat(numberFormat,textFormat,backgroundColor,wrapStrategy),note',
          rows: values.map((row, r) => ({
            values: row.map((_, c) => ({
              userEnteredFormat: {
                ...(formats[r][c] && formats[r][c] !== 'General'
                  ? { numberFormat: { type: numberFormatType(formats[r][c]), pattern: formats[r][c] } }
                  : {}),
                textFormat: { bold: weights[r][c] === 'bold', foregroundColor: apiColor(colors[r][c]) },
                ...(backgrounds[r][c] && backgrounds[r][c] !== '#ffffff' ? { backgroundColor: apiColor(backgrounds[r][c]) } : {}),
                ...(wraps[r][c] ? { wrapStrategy: 'WRAP' } : {}),
              },
              ...(notes[r][c] ? { note: notes[r][c] } : {}),
            })),
          })),
        },
      },
      ...widthRequests(sheet, sheetId, cols),
      ...range.getMergedRanges().map((m): Request => ({ mergeCells: { range: gridRange(sheetId, m), mergeType: 'MERGE_ALL' } })),
      ...sheet.getConditionalFormatRules().flatMap((rule, index): Request[] => {
        const condition = rule.getBooleanCondition();
        const type = condition ? String(condition.getCriteriaType()) : '';
        const apiType = type === 'NUMBER_LESS_THAN' ? 'NUMBER_LESS' : type === 'NUMBER_GREATER_THAN' ? 'NUMBER_GREATER' : null;
        if (!condition || !apiType) return [];
        return [
          {
            addConditionalFormatRule: {
              index,
              rule: {
                ranges: rule.getRanges().map((r) => gridRange(sheetId, r)),
                booleanRule: {
                  condition: { type: apiType, values: [{ userEnteredValue: String(condition.getCriteriaValues()[0]) }] },
                  format: {
                    textFormat: { foregroundColor: apiColor(condition.getFontColor()) },
                    backgroundColor: apiColor(condition.getBackground()),
                  },
                },
              },
            },
          },
        ];
      }),
      ...sheet.getCharts().flatMap((chart) => chartRequest(chart, sheetId)),
    ];
    api.Spreadsheets.batchUpdate({ requests }, id);
    return { url: created.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit`, name };
  });
}

function quoteSheetName(name: string): string {
  return `'${name.replace(/'/gu, "''")}'`;
}

/**
 * RAW input takes strings, numbers and booleans; a date goes in as its serial (the format shows it): the
 * wall-clock time the instant has in the spreadsheet's zone, which is what the cell held.
 */
function rawValue(v: unknown, timeZone: string): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (isDate(v)) return timeToSerial(wallClock(v.getTime(), timeZone));
  return v === null || v === undefined ? '' : String(v);
}

function numberFormatType(pattern: string): string {
  if (pattern.includes('%')) return 'PERCENT';
  if (/[dy]/iu.test(pattern.replace(/"[^"]*"|\[[^\]]*\]/gu, ''))) return 'DATE';
  return 'NUMBER';
}

function apiColor(hex: string | null | undefined): GoogleAppsScript.Sheets.Schema.Color | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex ?? '');
  if (!m) return undefined;
  return { red: parseInt(m[1], 16) / 255, green: parseInt(m[2], 16) / 255, blue: parseInt(m[3], 16) / 255 };
}

function gridRange(sheetId: number, r: GoogleAppsScript.Spreadsheet.Range): GridRange {
  return {
    sheetId,
    startRowIndex: r.getRow() - 1,
    endRowIndex: r.getLastRow(),
    startColumnIndex: r.getColumn() - 1,
    endColumnIndex: r.getLastColumn(),
  };
}

/** Consecutive columns of one width become one request. */
function widthRequests(sheet: Sheet, sheetId: number, cols: number): Request[] {
  const out: Request[] = [];
  let start = 1;
  for (let c = 2; c <= cols + 1; c++) {
    const width = sheet.getColumnWidth(start);
    if (c <= cols && sheet.getColumnWidth(c) === width) continue;
    out.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: start - 1, endIndex: c - 1 },
        properties: { pixelSize: width },
        fields: 'pixelSize',
      },
    });
    start = c;
  }
  return out;
}

const LEGEND: Readonly<Record<string, string>> = {
  bottom: 'BOTTOM_LEGEND',
  top: 'TOP_LEGEND',
  right: 'RIGHT_LEGEND',
  left: 'LEFT_LEGEND',
  none: 'NO_LEGEND',
};
const BASIC_TYPES = new Set(['BAR', 'COLUMN', 'LINE', 'AREA', 'SCATTER', 'COMBO', 'STEPPED_AREA']);

/**
 * An embedded chart as an addChart request: first range the domain, the others one series each, and the
 * options the dashboard sets mapped onto the API's fields (hAxis = bottom axis, vAxis = left axis).
 */
function chartRequest(chart: EmbeddedChart, sheetId: number): Request[] {
  const type = String(chart.modify().getChartType());
  if (!BASIC_TYPES.has(type)) return [];
  const options = chart.getOptions();
  const get = (key: string): unknown => options.get(key);
  const at = chart.getContainerInfo();
  const [domain, ...series] = chart.getRanges();
  if (!domain) return [];
  const source = (r: GoogleAppsScript.Spreadsheet.Range) => ({ sourceRange: { sources: [gridRange(sheetId, r)] } });
  const axis = (['hAxis', 'vAxis'] as const).map((key): ChartAxisWithView => {
    const min = get(`${key}.viewWindow.min`);
    const max = get(`${key}.viewWindow.max`);
    const title = get(`${key}.title`);
    return {
      position: key === 'hAxis' ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
      ...(typeof title === 'string' ? { title } : {}),
      ...(typeof min === 'number' || typeof max === 'number'
        ? {
            viewWindowOptions: {
              viewWindowMode: 'EXPLICIT',
              ...(typeof min === 'number' ? { viewWindowMin: min } : {}),
              ...(typeof max === 'number' ? { viewWindowMax: max } : {}),
            },
          }
        : {}),
    };
  });
  const legend = get('legend.position') ?? get('legend');
  const title = get('title');
  const width = get('width');
  const height = get('height');
  return [
    {
      addChart: {
        chart: {
          spec: {
            ...(typeof title === 'string' ? { title } : {}),
            basicChart: {
              chartType: type,
              legendPosition: typeof legend === 'string' ? (LEGEND[legend] ?? 'RIGHT_LEGEND') : 'RIGHT_LEGEND',
              headerCount: Math.max(0, chart.getNumHeaders()),
              axis,
              domains: [{ domain: source(domain) }],
              series: series.map((r, i): ChartSeriesWithLabels => {
                const color = get(`series.${i}.color`);
                return {
                  series: source(r),
                  targetAxis: type === 'BAR' ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
                  ...(get(`series.${i}.dataLabel`) === 'value' ? { dataLabel: { type: 'DATA' } } : {}),
                  ...(typeof color === 'string' ? { colorStyle: { rgbColor: apiColor(color) } } : {}),
                };
              }),
            },
          },
          position: {
            overlayPosition: {
              anchorCell: { sheetId, rowIndex: at.getAnchorRow() - 1, columnIndex: at.getAnchorColumn() - 1 },
              offsetXPixels: at.getOffsetX(),
              offsetYPixels: at.getOffsetY(),
              ...(typeof width === 'number' ? { widthPixels: width } : {}),
              ...(typeof height === 'number' ? { heightPixels: height } : {}),
            },
          },
        },
      },
    },
  ];
}
