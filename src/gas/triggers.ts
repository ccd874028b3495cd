/**
 * Simple triggers and menu actions. onOpen must stay cheap and must not touch data in AuthMode.NONE (the
 * add-on is installed but not yet authorised in this document): it only builds the menu there.
 */
import { shareReport } from '../adapter/dashboard/index.js';
import { globalServices } from '../adapter/services.js';
import { runScheduled } from '../adapter/schedule.js';
import { issueText, t, type Locale } from '../core/i18n/index.js';
import { errorText, requireScopes } from './errors.js';
import { buildFromSaved, userLocale } from './server-api.js';

function menuLocale(): Locale {
  // Session.getActiveUserLocale needs no OAuth scope, so it is allowed in AuthMode.NONE; guard anyway,
  // because a menu in English beats no menu at all.
  try {
    return userLocale(globalServices());
  } catch {
    return 'en';
  }
}

function alertError(locale: Locale, error: unknown): void {
  SpreadsheetApp.getUi().alert(t(locale, 'alert.failed', { message: errorText(locale, error) }));
}

export const triggers = {
  /**
   * The same items in every AuthMode: in NONE (installed, not yet authorised in this file) nothing but the
   * menu is built — no properties, no sheet reads; the items run later, authorised.
   */
  onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
    void e;
    const locale = menuLocale();
    SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem(t(locale, 'menu.open'), 'showSidebar')
      .addSeparator()
      .addItem(t(locale, 'menu.refresh'), 'refreshDashboard')
      .addItem(t(locale, 'menu.share'), 'shareDashboard')
      .addToUi();
  },
  onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
    triggers.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  },
  showSidebar(): void {
    requireScopes(ScriptApp);
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('FunnelROI');
    SpreadsheetApp.getUi().showSidebar(html);
  },
  /** Rebuilds from the saved mapping without opening the sidebar. */
  refreshDashboard(): void {
    const services = globalServices();
    requireScopes(services.ScriptApp);
    const locale = userLocale(services);
    try {
      const result = buildFromSaved(services, locale);
      if (!result) {
        SpreadsheetApp.getUi().alert(issueText(locale, { code: 'no_saved_mapping' }));
        return;
      }
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getSheetByName(result.sheetName);
      if (sheet) ss.setActiveSheet(sheet);
      const built = t(locale, 'alert.built', {
        sheet: result.sheetName,
        channels: result.channels,
        periods: result.periods,
        rows: result.sourceRows,
      });
      const reasons = result.warnings
        .filter((w) => w.code.startsWith('rows_skipped_'))
        .map((w) => issueText(locale, w))
        .join(' ');
      const skipped =
        result.skippedRows > 0 ? ` ${t(locale, 'alert.skipped', { skipped: result.skippedRows, rows: result.sourceRows, reasons })}` : '';
      // Skips make the toast longer; give it time to be read.
      ss.toast(built + skipped, 'FunnelROI', skipped ? 20 : 8);
    } catch (error) {
      alertError(locale, error);
    }
  },
  /**
   * The scheduled rebuild's clock trigger (adapter/schedule.ts). No UI exists in a trigger run, so a
   * failure is logged (Apps Script's execution log) and the next run tries again.
   */
  scheduledRebuild(e?: GoogleAppsScript.Events.TimeDriven): void {
    try {
      runScheduled(globalServices(), e);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
    }
  },
  shareDashboard(): void {
    const services = globalServices();
    requireScopes(services.ScriptApp);
    const locale = userLocale(services);
    try {
      const result = shareReport(services);
      SpreadsheetApp.getUi().alert(t(locale, 'alert.shared', { url: result.url }));
    } catch (error) {
      alertError(locale, error);
    }
  },
};
