/**
 * Scheduled rebuild: an installable time-driven trigger, owned by the user who set it, that rebuilds this
 * spreadsheet's dashboard hourly or daily (for data fed by a connector). One per user and spreadsheet.
 *
 * Scopes decide how the run reaches the file. `SpreadsheetApp.openById` needs the full `spreadsheets`
 * scope, even for the add-on's own file, and this add-on asks only for `spreadsheets.currentonly`; so the
 * run builds the spreadsheet Apps Script gives it as active (the trigger's document) and never opens one
 * by id. Whether an editor add-on's clock trigger gets that document is not documented (README, "Stays
 * current"): without it the run stops with a logged reason and writes nothing. Document properties and
 * the document lock may be unavailable in a clock run, so the schedule, kept in the user's own
 * properties, holds the spreadsheet id and a copy of the saved mapping (refreshed whenever this user saves
 * it), and the build takes the script lock when there is no document lock.
 */
import { CodedError } from '../core/issues.js';
import type { BuildResult, ScheduleInterval, ScheduleState, UiLocale } from '../api/contract.js';
import { buildDashboard } from './dashboard/index.js';
import { loadMapping, MAPPING_PROPERTY_KEY } from './mapping-store.js';
import type { GasServices } from './services.js';

export const SCHEDULE_HANDLER = 'scheduledRebuild';
const KEY_PREFIX = 'funnelroi.schedule.';

interface Entry {
  readonly uid: string;
  readonly interval: Exclude<ScheduleInterval, 'off'>;
  readonly spreadsheetId: string;
  readonly locale: UiLocale;
  /** The saved mapping's JSON, for runs where document properties are not readable. */
  readonly mapping: string;
}

function readEntry(raw: string | null): Entry | null {
  if (!raw) return null;
  try {
    const e = JSON.parse(raw) as Partial<Entry>;
    return typeof e.uid === 'string' &&
      (e.interval === 'hourly' || e.interval === 'daily') &&
      typeof e.spreadsheetId === 'string' &&
      typeof e.mapping === 'string'
      ? { uid: e.uid, interval: e.interval, spreadsheetId: e.spreadsheetId, locale: e.locale ?? 'en', mapping: e.mapping }
      : null;
  } catch {
    return null;
  }
}

function activeId(services: GasServices): string {
  return services.SpreadsheetApp.getActiveSpreadsheet().getId();
}

function ownTrigger(services: GasServices, uid: string): GoogleAppsScript.Script.Trigger | undefined {
  return services.ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
}

export function getSchedule(services: GasServices): ScheduleState {
  const entry = readEntry(services.PropertiesService.getUserProperties().getProperty(KEY_PREFIX + activeId(services)));
  // A trigger the user deleted elsewhere (Apps Script dashboard) means the schedule is off.
  return { interval: entry && ownTrigger(services, entry.uid) ? entry.interval : 'off' };
}

export function setSchedule(services: GasServices, interval: ScheduleInterval, locale: UiLocale): ScheduleState {
  if (interval !== 'off' && interval !== 'hourly' && interval !== 'daily') throw new CodedError('schedule_invalid');
  const props = services.PropertiesService.getUserProperties();
  const id = activeId(services);
  const old = readEntry(props.getProperty(KEY_PREFIX + id));
  if (old) {
    const trigger = ownTrigger(services, old.uid);
    if (trigger) services.ScriptApp.deleteTrigger(trigger);
    props.deleteProperty(KEY_PREFIX + id);
  }
  if (interval === 'off') return { interval };
  const stored = services.PropertiesService.getDocumentProperties().getProperty(MAPPING_PROPERTY_KEY);
  if (!stored) throw new CodedError('schedule_needs_mapping');
  const clock = services.ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
  // Add-ons may run clock triggers at most hourly; daily runs near 6:00 in the script's time zone.
  const trigger = (interval === 'hourly' ? clock.everyHours(1) : clock.everyDays(1).atHour(6)).create();
  const entry: Entry = { uid: trigger.getUniqueId(), interval, spreadsheetId: id, locale, mapping: stored };
  props.setProperty(KEY_PREFIX + id, JSON.stringify(entry));
  return { interval };
}

/** After this user saves the mapping: their schedule for this spreadsheet builds from the new one. */
export function refreshScheduledMapping(services: GasServices, mappingJson: string): void {
  const props = services.PropertiesService.getUserProperties();
  const id = activeId(services);
  const entry = readEntry(props.getProperty(KEY_PREFIX + id));
  if (entry) props.setProperty(KEY_PREFIX + id, JSON.stringify({ ...entry, mapping: mappingJson }));
}

/** The clock trigger's run: which spreadsheet, then a build as if it were open. */
export function runScheduled(services: GasServices, event: { readonly triggerUid?: string } | undefined): BuildResult | null {
  const props = services.PropertiesService.getUserProperties();
  const entry = Object.entries(props.getProperties())
    .filter(([k]) => k.startsWith(KEY_PREFIX))
    .map(([, v]) => readEntry(v))
    .find((e) => e !== null && e.uid === event?.triggerUid);
  if (!entry) return null;
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss || ss.getId() !== entry.spreadsheetId)
    throw new Error(
      `FunnelROI: scheduled rebuild of ${entry.spreadsheetId}: Apps Script gave this run ${ss ? 'another spreadsheet' : 'no active spreadsheet'}, and opening it by id needs the full spreadsheets scope this add-on does not ask for. Nothing was written.`,
    );
  const documentProps = services.PropertiesService.getDocumentProperties();
  const fallbackProps = {
    getProperty: (k: string) => (k === MAPPING_PROPERTY_KEY ? entry.mapping : null),
  } as unknown as GoogleAppsScript.Properties.Properties;
  const opened: GasServices = {
    ...services,
    SpreadsheetApp: withOverrides(services.SpreadsheetApp, { getActiveSpreadsheet: () => ss, getActive: () => ss }),
    PropertiesService: withOverrides(services.PropertiesService, { getDocumentProperties: () => documentProps ?? fallbackProps }),
    LockService: withOverrides(services.LockService, {
      getDocumentLock: () => services.LockService.getDocumentLock() ?? services.LockService.getScriptLock(),
    }),
  };
  const stored = loadMapping(opened);
  if (stored.kind === 'none') throw new CodedError('scheduled_no_mapping', { spreadsheet: entry.spreadsheetId });
  if (stored.kind === 'unreadable') throw CodedError.withIssues('mapping_unreadable', [stored.problem]);
  return buildDashboard(opened, stored.mapping, { locale: entry.locale });
}

/** The same service with some methods replaced; everything else goes to the real one, bound to it. */
function withOverrides<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return (overrides as Record<PropertyKey, unknown>)[prop];
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}
