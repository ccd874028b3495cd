/**
 * The mapping saved in this spreadsheet, read back for the sidebar, the menu's Refresh and the scheduled
 * rebuild: loaded, checked against the sheet as it is now, and built. Over injected services, so the Apps
 * Script entry points (src/gas) only call it.
 */
import type { BuildResult } from '../api/contract.js';
import { resolveLocale, type Locale } from '../core/i18n/index.js';
import { CodedError, englishText, issue } from '../core/issues.js';
import type { Mapping } from '../core/mapping/index.js';
import { validateMapping } from '../core/mapping/validate.js';
import type { ValidationIssue } from '../core/types.js';
import { buildDashboard as buildWithServices } from './dashboard/index.js';
import { checkMapping, dashboardTableIssues } from './mapping-check.js';
import { loadMapping } from './mapping-store.js';
import { requireScopes, WAREHOUSE_SCOPES } from './scopes.js';
import type { GasServices } from './services.js';
import { checkWarehouseMapping } from './warehouse/warehouse.js';

/** The user's language (Session.getActiveUserLocale); English when it cannot be read. */
export function userLocale(services: GasServices): Locale {
  try {
    return resolveLocale(services.Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * Validation against the sheet as it is now: a moved, renamed or deleted column is reported, not guessed
 * around. The same check (mapping-check.ts) runs again inside every build.
 */
export function validateAgainstSheet(services: GasServices, mapping: Mapping): ValidationIssue[] {
  if (mapping.warehouse) {
    // Warehouse mode: the core rules on the mapping, then the table's columns and a dry run (warehouse/).
    requireScopes(services.ScriptApp, WAREHOUSE_SCOPES);
    const ss = services.SpreadsheetApp.getActiveSpreadsheet();
    return [...validateMapping(mapping), ...checkWarehouseMapping(services, mapping, { timeZone: ss.getSpreadsheetTimeZone() })];
  }
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  return [...checkMapping(ss, mapping, false).issues, ...dashboardTableIssues(services, ss, mapping)];
}

/** The saved mapping, loaded and checked; used by the sidebar and the menu's Refresh dashboard. */
export function savedMapping(services: GasServices): { mapping: Mapping | null; problems: ValidationIssue[] } {
  const stored = loadMapping(services);
  if (stored.kind === 'none') return { mapping: null, problems: [] };
  if (stored.kind === 'unreadable') {
    return {
      mapping: null,
      problems: [
        {
          ...issue('error', 'mapping_unreadable', { problems: englishText(stored.problem.code, stored.problem.params) }),
          issues: [stored.problem],
        },
      ],
    };
  }
  // A BigQuery table is not read when the wizard opens (each call is a round trip); the wizard reads it itself.
  const problems = stored.mapping.warehouse ? validateMapping(stored.mapping) : validateAgainstSheet(services, stored.mapping);
  return { mapping: stored.mapping, problems: problems.filter((i) => i.severity === 'error') };
}

/**
 * Builds from the saved mapping; null when there is none yet. The build runs the same check as Save
 * (checkMapping) on what it reads, so a stored mapping Save would refuse never builds.
 */
export function buildFromSaved(services: GasServices, locale: Locale): BuildResult | null {
  const stored = loadMapping(services);
  if (stored.kind === 'none') return null;
  if (stored.kind === 'unreadable') throw CodedError.withIssues('mapping_unreadable', [stored.problem]);
  if (stored.mapping.warehouse) requireScopes(services.ScriptApp, WAREHOUSE_SCOPES);
  return buildWithServices(services, stored.mapping, { locale });
}
