/**
 * shareReport: a values-only copy of the dashboard in a new spreadsheet, without the source data (raw CRM
 * rows often hold personal data). Formulas become their values and the margin cell a plain number, so the
 * copy cannot reach back into the original file; formats, notes (metric definitions), column widths,
 * frozen rows, red/green ROMI rules and the charts come along, so it reads like the original.
 *
 * Scope: SpreadsheetApp.create needs `https://www.googleapis.com/auth/spreadsheets` (full Sheets scope);
 * `spreadsheets.currentonly` cannot create files and `drive.file` alone does not authorise
 * SpreadsheetApp.create. This one feature is why appsscript.json asks for it (README, "Scopes").
 */
import type { ShareResult } from '../../api/contract.js';
import { sheetText } from '../../core/dashboard/index.js';
import type { GasServices } from '../services.js';
import { withDocumentLock } from './build.js';
import { findOwnDashboard } from './locate.js';

export function shareReport(services: GasServices, options: { readonly name?: string } = {}): ShareResult {
  return withDocumentLock(services, 10_000, () => {
    const ss = services.SpreadsheetApp.getActiveSpreadsheet();
    const own = findOwnDashboard(services, ss);
    if (!own) throw new Error('FunnelROI: there is no dashboard to share yet. Build the dashboard first.');
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
    const name = options.name ?? `${sheet.getName()} — ${ss.getName()}`.slice(0, 100);
    const copy = services.SpreadsheetApp.create(name);
    const target = copy.getSheets()[0];
    target.setName(sheet.getName());
    if (target.getMaxRows() < rows) target.insertRowsAfter(target.getMaxRows(), rows - target.getMaxRows());
    if (target.getMaxColumns() < cols) target.insertColumnsAfter(target.getMaxColumns(), cols - target.getMaxColumns());
    const out = target.getRange(1, 1, rows, cols);
    // getValues drops the apostrophe guard; guard again so `=…`/`+cmd` labels stay text in the copy.
    out.setValues(values.map((r) => r.map((v) => (typeof v === 'string' ? sheetText(v) : v))));
    out.setNumberFormats(formats);
    out.setFontWeights(weights);
    out.setFontColors(colors);
    out.setBackgrounds(backgrounds);
    out.setNotes(notes);
    target.setFrozenRows(sheet.getFrozenRows());
    for (let c = 1; c <= cols; c++) target.setColumnWidth(c, sheet.getColumnWidth(c));
    // Red/green ROMI and the charts read cells that sit at the same addresses in the copy.
    target.setConditionalFormatRules(
      sheet.getConditionalFormatRules().map((rule) =>
        rule
          .copy()
          .setRanges(rule.getRanges().map((r) => target.getRange(r.getA1Notation())))
          .build(),
      ),
    );
    for (const chart of sheet.getCharts()) target.insertChart(copyChart(target, chart));
    return { url: copy.getUrl(), name };
  });
}

function copyChart(target: GoogleAppsScript.Spreadsheet.Sheet, chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const at = chart.getContainerInfo();
  const options = chart.getOptions();
  let builder = target
    .newChart()
    .setChartType(chart.modify().getChartType())
    .setNumHeaders(chart.getNumHeaders())
    .setPosition(at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY());
  for (const r of chart.getRanges()) builder = builder.addRange(target.getRange(r.getA1Notation()));
  for (const key of ['title', 'width', 'height', 'legend']) {
    const value: unknown = options.get(key);
    if (value !== null && value !== undefined) builder = builder.setOption(key, value);
  }
  return builder.build();
}
