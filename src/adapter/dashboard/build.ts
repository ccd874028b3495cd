/**
 * buildDashboard: the one-click path from a saved Mapping to the dashboard sheet. Reads each table once,
 * aggregates and plans in pure code, then applies the plan in batches. Serialised by the document lock so
 * two clicks (or two users) cannot interleave writes on the same sheet.
 */
import type { BuildResult, UiLocale, ValidationIssue } from '../../api/contract.js';
import { aggregate } from '../../core/aggregate/index.js';
import { DASHBOARD_LABELS, planDashboard } from '../../core/dashboard/index.js';
import type { Mapping } from '../../core/mapping/types.js';
import type { GasServices } from '../services.js';
import { applyPlan, clearDashboard } from './apply-plan.js';
import { DASHBOARD_METADATA_KEY, findOwnDashboard, freeSheetName, metadataValue } from './locate.js';
import { readTable } from './read-table.js';

const LOCK_WAIT_MS = 10_000;

export interface BuildOptions {
  readonly locale?: UiLocale;
  /** ISO timestamp; defaults to now. Tests pass a fixed one. */
  readonly now?: string;
  readonly lockWaitMs?: number;
}

export function withDocumentLock<T>(services: GasServices, waitMs: number, work: () => T): T {
  const lock = services.LockService.getDocumentLock();
  try {
    lock.waitLock(waitMs);
  } catch {
    throw new Error('Another dashboard build is running in this spreadsheet. Wait a minute and try again.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

export function buildDashboard(services: GasServices, mapping: Mapping, options: BuildOptions = {}): BuildResult {
  return withDocumentLock(services, options.lockWaitMs ?? LOCK_WAIT_MS, () => build(services, mapping, options));
}

function build(services: GasServices, mapping: Mapping, options: BuildOptions): BuildResult {
  const locale = options.locale ?? 'en';
  const L = DASHBOARD_LABELS[locale];
  const builtAt = options.now ?? new Date().toISOString();
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const source = readTable(ss, mapping.source, 'source');
  const costs = mapping.shape === 'crm' && mapping.costs ? readTable(ss, mapping.costs, 'costs') : null;
  // Date cells arrive as instants of the spreadsheet's wall clock; the aggregator reads them in its zone.
  const timeZone = ss.getSpreadsheetTimeZone();
  // Text numbers whose decimal mark no cell of their column reveals are read as the sheet's locale writes them.
  const sheetLocale = ss.getSpreadsheetLocale();
  const data = aggregate(mapping, source.rows, costs?.rows, { notSetLabel: L.notSet, channelCostsLabel: L.channelCosts, timeZone, locale: sheetLocale });
  const warnings: ValidationIssue[] = [...data.warnings];

  const own = findOwnDashboard(services, ss);
  let sheet: GoogleAppsScript.Spreadsheet.Sheet;
  if (own) {
    sheet = own.sheet;
    // Names are unique within a spreadsheet: comparing them costs no getSheetId round trips.
    const name = sheet.getName();
    if (name === source.sheetName || (costs && name === costs.sheetName)) {
      throw new Error('FunnelROI: the mapped data is on the dashboard sheet itself. Map the original data sheet instead.');
    }
    clearDashboard(sheet);
    own.metadata.setValue(metadataValue(builtAt));
  } else {
    const wanted = mapping.options.dashboardName.trim() || L.title;
    const name = freeSheetName(ss, wanted);
    if (name !== wanted) {
      warnings.push({
        severity: 'warning',
        code: 'dashboard_name_taken',
        message: `A sheet named "${wanted}" already exists and is not a FunnelROI dashboard, so it was left untouched; the dashboard is "${name}".`,
        params: { wanted, name },
      });
    }
    sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(DASHBOARD_METADATA_KEY, metadataValue(builtAt), services.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }
  const sheetName = sheet.getName();
  const plan = planDashboard(data, mapping, { generatedAt: builtAt, locale, sourceA1: source.a1, sheetName, timeZone });
  applyPlan(services, sheet, plan);
  return {
    sheetName,
    sheetId: sheet.getSheetId(),
    channels: data.rows.length,
    periods: data.periods.length,
    sourceRows: data.sourceRows,
    warnings,
  };
}
