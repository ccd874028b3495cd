/**
 * buildDashboard: the one-click path from a saved Mapping to the dashboard sheet.
 *
 * 1. Check the mapping exactly as Save does (adapter/mapping-check.ts) against the sheet as it is now,
 *    reading each table once; re-find each table's bottom so appended rows count.
 * 2. Aggregate and plan in pure code; a table of which nothing could be read stops here with an error.
 * 3. Write the plan into a fresh working sheet and, only when it is complete, swap it in for the previous
 *    dashboard (the metadata marker on the new sheet, old sheet deleted, its name and tab position kept). A failure
 *    while writing (a service timeout at a chart) deletes the half-written sheet and leaves the previous
 *    dashboard as it was.
 *
 * Serialised by the document lock so two clicks (or two users) cannot interleave.
 */
import type { BuildResult, UiLocale, ValidationIssue } from '../../api/contract.js';
import { aggregate, nothingReadable, skipWarnings, type AggregatedData } from '../../core/aggregate/index.js';
import { aggregateWarehouse } from '../warehouse/warehouse.js';
import {
  checkDashboardLimits,
  DASHBOARD_LABELS,
  MAX_DASHBOARD_CHANNELS,
  planDashboard,
  rollUpChannels,
} from '../../core/dashboard/index.js';
import { CodedError, issue } from '../../core/issues.js';
import type { Mapping } from '../../core/mapping/types.js';
import { checkMapping, errorsOf } from '../mapping-check.js';
import type { GasServices } from '../services.js';
import { applyPlan } from './apply-plan.js';
import { buildDay, datesAfterBuild } from '../../core/dashboard/dates-after-build.js';
import { DASHBOARD_METADATA_KEY, findOwnDashboard, freeSheetName, metadataValue, type OwnDashboard } from './locate.js';
import { tableData, type TableRead } from './read-table.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 10_000;
/** The working sheet's name while it is written (plus a timestamp); renamed when it is swapped in. */
const BUILDING_NAME = 'FunnelROI building';

export interface BuildOptions {
  readonly locale?: UiLocale;
  /** ISO timestamp; defaults to now. Tests pass a fixed one. */
  readonly now?: string;
  readonly lockWaitMs?: number;
}

/**
 * LockService.getDocumentLock() returns null outside a containing document (a standalone or time-driven
 * execution): https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock().
 * The user lock then still keeps this user's executions apart.
 */
export function withDocumentLock<T>(services: GasServices, waitMs: number, work: () => T): T {
  const lock = services.LockService.getDocumentLock() ?? services.LockService.getUserLock();
  try {
    lock.waitLock(waitMs);
  } catch {
    throw new CodedError('build_busy');
  }
  try {
    return work();
  } finally {
    // "If you are working with a spreadsheet, you should call SpreadsheetApp.flush() prior to releasing
    // the lock, to commit all pending changes while you still have exclusive access" (Lock.releaseLock,
    // https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
    try {
      services.SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
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

  const read = mapping.warehouse
    ? readWarehouse(services, mapping, L, ss.getSpreadsheetTimeZone(), builtAt)
    : readSheets(ss, mapping, L, builtAt);
  const { aggregated, timeZone } = read;
  const empty = nothingReadable(aggregated);
  if (empty) throw CodedError.withIssues(empty.code, skipWarnings(aggregated), { rows: aggregated.sourceRows });
  const rolled = rollUpChannels(aggregated, L.otherChannels);
  const data = rolled.data;
  const warnings: ValidationIssue[] = [...read.notes, ...data.warnings];
  const future = datesAfterBuild(data.dateRange?.last, builtAt, timeZone);
  if (future) warnings.push(future);
  if (rolled.rolledUp > 0) {
    warnings.push(issue('warning', 'channels_rolled_up', { count: rolled.rolledUp, max: MAX_DASHBOARD_CHANNELS }));
  }

  const own = findOwnDashboard(services, ss);
  // Names are unique within a spreadsheet: comparing them costs no getSheetId round trips.
  const ownName = own ? own.sheet.getName() : null;
  if (ownName !== null && read.isSourceSheet(ownName)) {
    throw new CodedError('dashboard_is_source');
  }
  let name: string;
  if (ownName !== null) name = ownName;
  else {
    const wanted = mapping.options.dashboardName.trim() || L.title;
    name = freeSheetName(ss, wanted);
    if (name !== wanted) {
      warnings.push(issue('warning', 'dashboard_name_taken', { wanted, name }));
    }
  }
  const plan = planDashboard(data, mapping, { generatedAt: builtAt, locale, sourceA1: read.sourceA1, sheetName: name, warnings, timeZone });
  // Before anything is written: a dashboard Sheets would refuse half-way is refused here, with the reason.
  checkDashboardLimits(plan);
  writeThenSwap(services, ss, own, name, builtAt, (target) => applyPlan(services, target, plan));
  return {
    sheetName: name,
    channels: data.rows.length,
    periods: data.periods.length,
    sourceRows: data.sourceRows,
    usedRows: data.usedRows,
    skippedRows: data.skippedRows,
    warnings,
    ...(read.bytesProcessed !== undefined ? { bytesProcessed: read.bytesProcessed } : {}),
  };
}

/** What a build reads: the aggregated figures and where they came from. */
interface BuildInput {
  readonly aggregated: AggregatedData;
  readonly timeZone: string;
  readonly notes: readonly ValidationIssue[];
  /** Shown in the dashboard's header ("Source"). */
  readonly sourceA1: string;
  /** Whether the sheet named so is one the data was read from (the dashboard must not be one of them). */
  readonly isSourceSheet: (name: string) => boolean;
  /** Warehouse mode: bytes BigQuery processed for this build. */
  readonly bytesProcessed?: number | null;
}

/**
 * 1. Check the mapping exactly as Save does (adapter/mapping-check.ts) against the sheet as it is now,
 *    reading each table once; re-find each table's bottom so appended rows count. Then aggregate in memory.
 */
function readSheets(ss: Spreadsheet, mapping: Mapping, L: (typeof DASHBOARD_LABELS)[UiLocale], builtAt: string): BuildInput {
  const check = checkMapping(ss, mapping, true);
  const errors = errorsOf(check.issues);
  if (errors.length > 0 || !check.source?.block) {
    throw CodedError.withIssues('mapping_not_buildable', errors);
  }
  const source = tableData(check.source, mapping.source, check.source.block, 'source');
  const costs: TableRead | null =
    mapping.shape === 'crm' && mapping.costs && check.costs?.block
      ? tableData(check.costs, mapping.costs, check.costs.block, 'costs')
      : null;
  const survey: TableRead | null =
    mapping.survey && check.survey?.block ? tableData(check.survey, mapping.survey, check.survey.block, 'survey') : null;
  // Date cells arrive as instants of the spreadsheet's wall clock; the aggregator reads them in its zone.
  const timeZone = ss.getSpreadsheetTimeZone();
  // Text numbers whose decimal mark no cell of their column reveals are read as the sheet's locale writes
  // them; asked only then (most sheets hold real numbers).
  const sheetLocale = (): string => ss.getSpreadsheetLocale();
  const aggregated = aggregate(mapping, source.rows, costs?.rows, {
    notSetLabel: L.notSet,
    channelCostsLabel: L.channelCosts,
    timeZone,
    today: buildDay(builtAt, timeZone),
    locale: sheetLocale,
    firstRowNumber: mapping.source.firstDataRow,
    costsFirstRowNumber: mapping.costs?.firstDataRow,
    survey: survey?.rows,
    surveyFirstRowNumber: mapping.survey?.firstDataRow,
  });
  return {
    aggregated,
    timeZone,
    notes: [...source.notes, ...(costs?.notes ?? []), ...(survey?.notes ?? [])],
    sourceA1: source.a1(),
    // The source's name is read anyway (for the header); the costs and survey sheets' names only for this
    // check, so their saved names stand in: a table found by name has its saved name, and one found by id is
    // never a dashboard (Save refuses dashboard sheets, and a dashboard is always a sheet made after it).
    isSourceSheet: (name) =>
      name === source.sheetName() ||
      (costs !== null && name === mapping.costs?.sheetName) ||
      (survey !== null && name === mapping.survey?.sheetName),
  };
}

/** Warehouse mode: the aggregation runs in BigQuery (adapter/warehouse); only its small result comes back. */
function readWarehouse(
  services: GasServices,
  mapping: Mapping,
  L: (typeof DASHBOARD_LABELS)[UiLocale],
  timeZone: string,
  builtAt: string,
): BuildInput {
  const w = aggregateWarehouse(services, mapping, {
    notSetLabel: L.notSet,
    channelCostsLabel: L.channelCosts,
    timeZone,
    today: buildDay(builtAt, timeZone),
  });
  return {
    aggregated: w.data,
    timeZone,
    notes: [],
    sourceA1: `BigQuery ${w.label}`,
    // A costs sheet beside the BigQuery table is read from this spreadsheet: the dashboard must not be it.
    isSourceSheet: (name) => mapping.shape === 'crm' && !mapping.warehouse?.costs && name === mapping.costs?.sheetName,
    bytesProcessed: w.bytesProcessed,
  };
}

/**
 * Writes into a fresh working sheet, then swaps it in. Until the swap the previous dashboard is untouched;
 * if writing fails, the working sheet is deleted and the error says the previous dashboard is intact.
 * The working sheet is not hidden: hiding and showing would cost two round trips of the 40, and Sheets
 * shows a script's changes when the execution ends, by which time the working sheet is gone or swapped in.
 */
function writeThenSwap(
  services: GasServices,
  ss: Spreadsheet,
  own: OwnDashboard | null,
  name: string,
  builtAt: string,
  write: (sheet: Sheet) => void,
): Sheet {
  // Right before the old dashboard (0-based index), so once that is deleted the new one is in its place.
  // insertSheet also makes the new sheet the active one, which is where the user should land.
  const position = own ? own.sheet.getIndex() - 1 : undefined;
  const workName = `${BUILDING_NAME} ${builtAt.replace(/\D/gu, '').slice(0, 14)}`;
  const work = position === undefined ? ss.insertSheet(workName) : ss.insertSheet(workName, position);
  try {
    write(work);
  } catch (error) {
    try {
      ss.deleteSheet(work);
    } catch {
      // Nothing more to undo: the working sheet is named as such.
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw own
      ? new CodedError('rebuild_failed', { reason, sheet: name })
      : new CodedError('build_failed', {
          reason,
        });
  }
  // The marker goes onto the new sheet; the old sheet's marker is deleted with it (sheet-scoped developer
  // metadata does not outlive its sheet). One call, where moveToSheet + setValue would be two of the 40.
  work.addDeveloperMetadata(DASHBOARD_METADATA_KEY, metadataValue(builtAt), services.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  if (own) ss.deleteSheet(own.sheet);
  work.setName(name);
  return work;
}
