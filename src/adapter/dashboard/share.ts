/**
 * shareReport: a values-only copy of the dashboard in a new spreadsheet, without the source data (raw CRM
 * rows often hold personal data). Formulas become their values and the margin cell a plain number, so the
 * copy cannot reach back into the original file.
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
    const backgrounds = range.getBackgrounds();
    const name = options.name ?? `${sheet.getName()} — ${ss.getName()}`.slice(0, 100);
    const copy = services.SpreadsheetApp.create(name);
    const target = copy.getSheets()[0];
    target.setName(sheet.getName());
    const out = target.getRange(1, 1, rows, cols);
    // getValues drops the apostrophe guard; guard again so `=…`/`+cmd` labels stay text in the copy.
    out.setValues(values.map((r) => r.map((v) => (typeof v === 'string' ? sheetText(v) : v))));
    out.setNumberFormats(formats);
    out.setFontWeights(weights);
    out.setBackgrounds(backgrounds);
    target.setFrozenRows(sheet.getFrozenRows());
    return { url: copy.getUrl(), name };
  });
}
