/**
 * Simple triggers and menu actions. onOpen must stay cheap and must not touch data in AuthMode.NONE (the
 * add-on is installed but not yet authorised in this document): it only builds the menu there.
 */
import { shareReport } from '../adapter/dashboard/index.js';
import { globalServices, type GasServices } from '../adapter/services.js';
import { runScheduled } from '../adapter/schedule.js';
import { issueText, t, type Locale } from '../core/i18n/index.js';
import { buildFromSaved, userLocale } from '../adapter/saved-mapping.js';
import { requireScopes } from '../adapter/scopes.js';
import { errorText } from './errors.js';

function menuLocale(services: GasServices): Locale {
  // Session.getActiveUserLocale needs no OAuth scope, so it is allowed in AuthMode.NONE; guard anyway,
  // because a menu in English beats no menu at all.
  try {
    return userLocale(services);
  } catch {
    return 'en';
  }
}

function alertError(services: GasServices, locale: Locale, error: unknown): void {
  services.SpreadsheetApp.getUi().alert(t(locale, 'alert.failed', { message: errorText(locale, error) }));
}

export interface Triggers {
  onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void;
  onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void;
  showSidebar(): void;
  refreshDashboard(): void;
  scheduledRebuild(e?: GoogleAppsScript.Events.TimeDriven): void;
  shareDashboard(): void;
}

/**
 * The triggers over injected services, like createServerApi: `servicesOf` is called once per execution
 * (each trigger or menu click is a cold start), so the local runtime and tests can pass their own.
 */
export function createTriggers(servicesOf: () => GasServices): Triggers {
  const triggers: Triggers = {
    /**
     * The same items in every AuthMode: in NONE (installed, not yet authorised in this file) nothing but the
     * menu is built — no properties, no sheet reads; the items run later, authorised.
     */
    onOpen(e) {
      void e;
      const services = servicesOf();
      const locale = menuLocale(services);
      services.SpreadsheetApp.getUi()
        .createAddonMenu()
        .addItem(t(locale, 'menu.open'), 'showSidebar')
        .addSeparator()
        .addItem(t(locale, 'menu.refresh'), 'refreshDashboard')
        .addItem(t(locale, 'menu.share'), 'shareDashboard')
        .addToUi();
    },
    onInstall(e) {
      triggers.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
    },
    showSidebar() {
      const services = servicesOf();
      requireScopes(services.ScriptApp);
      const html = services.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('FunnelROI');
      services.SpreadsheetApp.getUi().showSidebar(html);
    },
    /** Rebuilds from the saved mapping without opening the sidebar. */
    refreshDashboard() {
      const services = servicesOf();
      requireScopes(services.ScriptApp);
      const locale = userLocale(services);
      try {
        refresh(services, locale);
      } catch (error) {
        alertError(services, locale, error);
      }
    },
    /**
     * The scheduled rebuild's clock trigger (adapter/schedule.ts). No UI exists in a trigger run, so a
     * failure is logged (Apps Script's execution log) and the next run tries again.
     */
    scheduledRebuild(e) {
      try {
        runScheduled(servicesOf(), e);
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
      }
    },
    shareDashboard() {
      const services = servicesOf();
      requireScopes(services.ScriptApp);
      const locale = userLocale(services);
      try {
        const result = shareReport(services);
        services.SpreadsheetApp.getUi().alert(t(locale, 'alert.shared', { url: result.url }));
      } catch (error) {
        alertError(services, locale, error);
      }
    },
  };
  return triggers;
}

/** Builds from the saved mapping, shows the dashboard and says what was built and what was skipped. */
function refresh(services: GasServices, locale: Locale): void {
  const result = buildFromSaved(services, locale);
  if (!result) {
    services.SpreadsheetApp.getUi().alert(issueText(locale, { code: 'no_saved_mapping' }));
    return;
  }
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
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
}

export const triggers: Triggers = createTriggers(globalServices);
