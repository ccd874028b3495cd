/**
 * The server functions the sidebar calls through google.script.run, implementing the typed SidebarApi.
 * Every argument from the client is re-parsed (the sidebar runs in the user's browser and is untrusted);
 * every failure is a thrown Error whose message the sidebar shows as text.
 */
import { CodedError } from '../core/issues.js';
import type {
  BuildResult,
  DataSourceSummary,
  Detection,
  ScheduleInterval,
  ScheduleState,
  ShareResult,
  SidebarApi,
  SidebarContext,
  ValidationIssue,
  WarehouseDetection,
  WizardOpening,
} from '../api/contract.js';
import { defaultSheet, guessCostsSheet, savedSheetName } from '../core/mapping/wizard-start.js';
import { getSchedule, refreshScheduledMapping, setSchedule } from '../adapter/schedule.js';
import { shareReport as shareWithServices } from '../adapter/dashboard/index.js';
import { MAPPING_PROPERTY_KEY, sanitizeMapping, saveMapping as storeMapping } from '../adapter/mapping-store.js';
import { readSheet, sheetSummaries } from '../adapter/sheets-read.js';
import { globalServices, type GasServices } from '../adapter/services.js';
import { forClient } from './errors.js';
import { requireScopes, WAREHOUSE_SCOPES } from '../adapter/scopes.js';
import { buildFromSaved, savedMapping, userLocale, validateAgainstSheet } from '../adapter/saved-mapping.js';
import { detectWarehouseTable, listDataSources } from '../adapter/warehouse/warehouse.js';
import { defaultOptions, detectSheet, type Mapping } from '../core/mapping/index.js';
import type { Locale } from '../core/i18n/index.js';

function contextOf(s: GasServices): SidebarContext {
  const ss = s.SpreadsheetApp.getActiveSpreadsheet();
  const locale = userLocale(s);
  const saved = savedMapping(s);
  return {
    locale,
    activeSheetName: ss.getActiveSheet().getName(),
    sheets: sheetSummaries(s, ss),
    saved: saved.mapping,
    savedProblems: saved.problems,
    // The spreadsheet's locale names the default currency (a ru_RU sheet reports in roubles whoever opens it).
    defaultOptions: defaultOptions({ locale, spreadsheetLocale: ss.getSpreadsheetLocale() }),
  };
}

function detectNamed(s: GasServices, sheetName: string): Detection {
  const { sheet, values, display } = readSheet(s.SpreadsheetApp.getActiveSpreadsheet(), sheetName);
  return detectSheet(values, display, { sheetId: sheet.getSheetId(), sheetName: sheet.getName(), locale: userLocale(s) });
}

/**
 * The sheets the sidebar's boot detects, in its order (sidebar/main.ts restore/loadSource): the saved
 * mapping's source and costs sheets, or the default sheet and, for a CRM export, a costs sheet guessed by
 * name. A sheet that cannot be read is left out; the sidebar then asks for it itself and shows the error.
 */
function openingDetections(s: GasServices, context: SidebarContext): WizardOpening['detections'] {
  const out: { sheetName: string; detection: Detection }[] = [];
  const detect = (name: string | null | undefined): Detection | null => {
    if (!name) return null;
    try {
      const detection = detectNamed(s, name);
      out.push({ sheetName: name, detection });
      return detection;
    } catch {
      return null;
    }
  };
  const saved = context.saved;
  if (saved?.warehouse) return out;
  const savedSource = saved ? savedSheetName(context.sheets, saved.source) : undefined;
  if (saved && savedSource) {
    detect(savedSource);
    if (saved.costs) detect(savedSheetName(context.sheets, saved.costs));
    if (saved.survey) detect(savedSheetName(context.sheets, saved.survey));
    return out;
  }
  const name = defaultSheet(context.sheets, context.activeSheetName);
  const source = detect(name);
  if (name && source?.shape === 'crm') detect(guessCostsSheet(context.sheets, name));
  return out;
}

export function createServerApi(servicesOf: () => GasServices): SidebarApi {
  // Every google.script.run call is its own execution: each checks the consent it relies on first.
  const services = (): GasServices => {
    const s = servicesOf();
    requireScopes(s.ScriptApp);
    return s;
  };
  const warehouseServices = (): GasServices => {
    const s = services();
    requireScopes(s.ScriptApp, WAREHOUSE_SCOPES);
    return s;
  };
  return forTheClient(() => userLocale(servicesOf()), {
    getContext(): SidebarContext {
      return contextOf(services());
    },
    openWizard(): WizardOpening {
      const s = services();
      const context = contextOf(s);
      return { context, detections: openingDetections(s, context), schedule: scheduleOrNull(s) };
    },
    detect(sheetName: string): Detection {
      if (typeof sheetName !== 'string') throw new CodedError('sheet_name_not_text');
      return detectNamed(services(), sheetName);
    },
    validate(mapping: Mapping): readonly ValidationIssue[] {
      return validateAgainstSheet(services(), sanitizeMapping(mapping));
    },
    saveMapping(mapping: Mapping): readonly ValidationIssue[] {
      const s = services();
      const clean = sanitizeMapping(mapping);
      const issues = validateAgainstSheet(s, clean);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) throw CodedError.withIssues('mapping_not_saved', errors);
      storeMapping(s, clean);
      const stored = s.PropertiesService.getDocumentProperties().getProperty(MAPPING_PROPERTY_KEY);
      if (stored) refreshScheduledMapping(s, stored);
      return issues;
    },
    buildDashboard(): BuildResult {
      const s = services();
      const result = buildFromSaved(s, userLocale(s));
      if (!result) throw new CodedError('no_saved_mapping');
      return result;
    },
    shareReport(): ShareResult {
      return shareWithServices(services());
    },
    getSchedule(): ScheduleState {
      return getSchedule(services());
    },
    listDataSources(): readonly DataSourceSummary[] {
      const s = warehouseServices();
      return listDataSources(s);
    },
    detectWarehouse(table: string, billingProject: string): WarehouseDetection {
      const s = warehouseServices();
      return detectWarehouseTable(s, table, billingProject, userLocale(s));
    },
    setSchedule(interval: ScheduleInterval): ScheduleState {
      const s = services();
      return setSchedule(s, interval, userLocale(s));
    },
  });
}

/** Each method's coded errors cross google.script.run with their code (gas/errors.ts forClient). */
function forTheClient(localeOf: () => Locale, api: SidebarApi): SidebarApi {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(api) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] = (...args: unknown[]): unknown => {
      try {
        return method(...args);
      } catch (error) {
        throw forClient(error, localeOf());
      }
    };
  }
  return wrapped as unknown as SidebarApi;
}

export const serverApi: SidebarApi = createServerApi(globalServices);

/** The trigger list can be unreadable (a partial grant); the wizard still opens, the schedule field says so. */
function scheduleOrNull(services: GasServices): ScheduleState | null {
  try {
    return getSchedule(services);
  } catch {
    return null;
  }
}
