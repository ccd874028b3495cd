/**
 * The wizard's state and the pure operations on it: building the Mapping the server receives, keeping
 * the aggregated funnel in step with column roles, reordering stages, restoring a saved mapping.
 */
import type { DataSourceSummary, Detection, ScheduleState, SidebarContext, ValidationIssue } from '../src/api/contract.js';
import {
  type ColumnBinding,
  type ColumnRole,
  type FunnelStage,
  type Mapping,
  MAPPING_SCHEMA_VERSION,
  type ReportOptions,
  type StatusRule,
  type TableBinding,
  type WarehouseBinding,
} from '../src/core/mapping/types.js';
import { METRICS_OPTION_RULES, metricsOptionOk, type MetricsOptions } from '../src/core/definitions/rules.js';
import { parseNumberText } from '../src/core/values.js';
import { notedCurrency } from '../src/core/mapping/defaults.js';
import { parseMarginInput } from './format.js';

/** Roles that count people moving down an aggregated funnel, in their natural order. */
const FUNNEL_ROLE_RANK: Partial<Record<ColumnRole, number>> = { impressions: 0, clicks: 1, leads: 2, stage: 3, customers: 4 };

export interface TableState {
  readonly sheetName: string;
  readonly detection: Detection;
  /** Role per detection column, same order. */
  roles: ColumnRole[];
}

/** Warehouse mode: the BigQuery table(s) the source (and costs) detections were read from. */
export interface WarehouseState {
  /** project.dataset.table as the server checked it. */
  readonly table: string;
  readonly billingProject: string;
  readonly rows: number | null;
  readonly bytes: number | null;
  costsTable: string | null;
}

export interface WizardState {
  context: SidebarContext | null;
  /** Step 1's choice: a sheet of this spreadsheet, or a BigQuery table. */
  sourceKind: 'sheet' | 'bigquery';
  /** Set while the source is a BigQuery table. */
  warehouse: WarehouseState | null;
  /** Connected Sheets data source sheets, once listed (null: not asked yet). */
  dataSources: readonly DataSourceSummary[] | null;
  source: TableState | null;
  costs: TableState | null;
  /** CRM shape: the NPS survey sheet joined to the leads' customers (mapping.survey); null: none. */
  survey: SurveyState | null;
  funnel: FunnelStage[];
  statusRules: StatusRule[];
  options: ReportOptions;
  marginText: string;
  /** What the user typed in each numeric metrics field ('' = the default); options.metrics holds the valid values. */
  metricsText: Record<MetricNumberField, string>;
  issues: readonly ValidationIssue[];
  /** The saved mapping was restored into this state (shown as a notice until re-detected). */
  restored: boolean;
  /** Show the context's savedProblems (until the user re-detects or picks another sheet). */
  showSavedProblems: boolean;
  /** JSON of the last mapping the server accepted; compared to know whether Build may run. */
  savedJson: string | null;
  /** This user's scheduled rebuild as openWizard read it (null: unreadable); kept current by setSchedule. */
  schedule: ScheduleState | null;
}

/** The survey sheet and the columns chosen in it; each is a detection column index, null: none chosen. */
export interface SurveyState {
  readonly sheetName: string;
  readonly detection: Detection;
  idColumn: number | null;
  scoreColumn: number | null;
  dateColumn: number | null;
}

/** The survey columns the wizard asks for, and the role each becomes in mapping.survey. */
export const SURVEY_FIELDS = { idColumn: 'customer_id', scoreColumn: 'nps', dateColumn: 'date' } as const;
export type SurveyField = keyof typeof SURVEY_FIELDS;

/** A freshly read survey sheet: the guesser's first column of each role is proposed. */
export function surveyState(sheetName: string, detection: Detection): SurveyState {
  const first = (role: ColumnRole): number | null => detection.columns.find((c) => c.role === role)?.index ?? null;
  return { sheetName, detection, idColumn: first('customer_id'), scoreColumn: first('nps'), dateColumn: first('date') };
}

/**
 * A saved survey over a fresh read of its sheet: a saved column is kept when its position and header still
 * match, otherwise the guess stands (and validation says the header changed).
 */
export function restoredSurvey(sheetName: string, detection: Detection, saved: TableBinding): SurveyState {
  const guess = surveyState(sheetName, detection);
  const kept = (role: ColumnRole): number | undefined =>
    saved.columns.find((b) => b.role === role && detection.columns.some((c) => c.index === b.index && c.header === b.header))?.index;
  return {
    ...guess,
    idColumn: kept('customer_id') ?? guess.idColumn,
    scoreColumn: kept('nps') ?? guess.scoreColumn,
    dateColumn: saved.columns.some((b) => b.role === 'date') ? (kept('date') ?? guess.dateColumn) : null,
  };
}

function surveyBinding(survey: SurveyState): TableBinding {
  const roleOf = (index: number): ColumnRole =>
    (Object.keys(SURVEY_FIELDS) as SurveyField[]).map((f) => (survey[f] === index ? SURVEY_FIELDS[f] : null)).find((r) => r !== null) ??
    'ignore';
  return {
    ...survey.detection.table,
    columns: survey.detection.columns.map((c) => ({ index: c.index, header: c.header, role: roleOf(c.index) })),
  };
}

/** The metrics options typed as numbers in the Options step (ltvHorizonMonths keeps its default). */
export const METRIC_NUMBER_FIELDS = ['halfLifeDays', 'returnDays', 'lifespanYears', 'purchasesPerYear'] as const;
export type MetricNumberField = (typeof METRIC_NUMBER_FIELDS)[number];

/** A saved (or absent) option as the field shows it. */
export function metricsTextOf(metrics: Partial<MetricsOptions> | undefined): Record<MetricNumberField, string> {
  const text = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
  return {
    halfLifeDays: text(metrics?.halfLifeDays),
    returnDays: text(metrics?.returnDays),
    lifespanYears: text(metrics?.lifespanYears),
    purchasesPerYear: text(metrics?.purchasesPerYear),
  };
}

/**
 * A metrics field's text → null (blank: the default, or no LTV inputs), the number, or undefined when the
 * text is not a number its rule allows ("1,5" and "1.5" are both one and a half).
 */
export function parseMetricInput(field: MetricNumberField, text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const n = parseNumberText(text);
  return n !== undefined && metricsOptionOk(METRICS_OPTION_RULES[field], n) ? n : undefined;
}

/** Fields whose text cannot be stored; Save stays blocked while any is listed. */
export function invalidMetricFields(state: WizardState): MetricNumberField[] {
  return METRIC_NUMBER_FIELDS.filter((f) => parseMetricInput(f, state.metricsText[f]) === undefined);
}

/** Sets one typed field: a valid value is stored, a blank one removed (the default); an invalid one leaves the last valid. */
export function setMetricText(state: WizardState, field: MetricNumberField, text: string): void {
  state.metricsText[field] = text;
  const value = parseMetricInput(field, text);
  if (value === undefined) return;
  const metrics: Record<string, unknown> = { ...state.options.metrics };
  if (value === null) delete metrics[field];
  else metrics[field] = value;
  state.options = { ...state.options, metrics: metrics as Partial<MetricsOptions> };
}

export function tableState(sheetName: string, detection: Detection): TableState {
  return { sheetName, detection, roles: detection.columns.map((c) => c.role) };
}

function binding(table: TableState): TableBinding {
  const columns: ColumnBinding[] = table.detection.columns.map((c, i) => ({ index: c.index, header: c.header, role: table.roles[i] }));
  return { ...table.detection.table, columns };
}

export function currentMargin(state: WizardState): number | undefined {
  return parseMarginInput(state.marginText);
}

export function buildMapping(state: WizardState): Mapping | null {
  if (!state.source) return null;
  const shape = state.source.detection.shape;
  return {
    schemaVersion: MAPPING_SCHEMA_VERSION,
    shape,
    source: binding(state.source),
    costs: shape === 'crm' && state.costs ? binding(state.costs) : null,
    funnel: state.funnel.map((s) => ({ ...s })),
    statusRules: shape === 'crm' ? state.statusRules.map((r) => ({ ...r })) : [],
    // An unparsable margin keeps the last valid value; the options step blocks saving until it is fixed.
    options: { ...state.options, grossMargin: currentMargin(state) ?? state.options.grossMargin },
    ...(shape === 'crm' && state.survey && !state.warehouse ? { survey: surveyBinding(state.survey) } : {}),
    ...(state.warehouse ? { warehouse: warehouseBinding(state.warehouse, shape) } : {}),
  };
}

/** project.dataset.table → its parts (the server checked the text; a domain-scoped project keeps its dots). */
export function tableRef(text: string): { projectId: string; datasetId: string; tableId: string } {
  const parts = text.split('.');
  return { projectId: parts.slice(0, -2).join('.'), datasetId: parts[parts.length - 2] ?? '', tableId: parts[parts.length - 1] ?? '' };
}

function warehouseBinding(w: WarehouseState, shape: Mapping['shape']): WarehouseBinding {
  return {
    engine: 'bigquery',
    source: tableRef(w.table),
    costs: shape === 'crm' && w.costsTable ? tableRef(w.costsTable) : null,
    billingProject: w.billingProject,
  };
}

/** The table text of a saved warehouse mapping. */
export function refText(ref: { projectId: string; datasetId: string; tableId: string }): string {
  return `${ref.projectId}.${ref.datasetId}.${ref.tableId}`;
}

/** Moves one stage; returns a new array (out-of-range moves return the same order). */
export function moveStage<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

function uniqueId(base: string, taken: readonly FunnelStage[]): string {
  let id = base;
  for (let n = 2; taken.some((s) => s.id === id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * Aggregated shape: a column that stops being a count leaves the funnel; a column that becomes one joins
 * it at its natural place (impressions → clicks → leads → stages → customers). Renames and manual order
 * of the other stages are kept.
 */
export function syncFunnelWithRole(funnel: readonly FunnelStage[], table: TableState, columnPos: number): FunnelStage[] {
  const column = table.detection.columns[columnPos];
  const role = table.roles[columnPos];
  const rank = FUNNEL_ROLE_RANK[role];
  const without = funnel.filter((s) => s.column !== column.index);
  if (rank === undefined) return without;
  if (without.length !== funnel.length) return funnel.slice();
  const rankOf = (stage: FunnelStage): number => {
    const pos = table.detection.columns.findIndex((c) => c.index === stage.column);
    return pos < 0 ? Number.POSITIVE_INFINITY : (FUNNEL_ROLE_RANK[table.roles[pos]] ?? Number.POSITIVE_INFINITY);
  };
  const stage: FunnelStage = {
    id: uniqueId(role === 'stage' ? `stage_${column.index}` : role, funnel),
    label: column.header,
    column: column.index,
  };
  const at = without.findIndex((s) => rankOf(s) > rank);
  const next = without.slice();
  next.splice(at < 0 ? next.length : at, 0, stage);
  return next;
}

/** One rule per detected status, in detection order: the saved or guessed rule, else the first stage. */
export function rulesForStatuses(detection: Detection, known: readonly StatusRule[], funnel: readonly FunnelStage[]): StatusRule[] {
  return detection.statuses.map(({ status }) => {
    const rule = known.find((r) => r.status === status) ?? detection.statusRules.find((r) => r.status === status);
    if (rule && (rule.kind !== 'stage' || funnel.some((s) => s.id === rule.stageId))) return { ...rule };
    return { status, kind: 'stage', stageId: funnel[0]?.id };
  });
}

/** Fresh state from a detection: every guess accepted. */
export function applyDetection(state: WizardState, sheetName: string, detection: Detection): void {
  state.source = tableState(sheetName, detection);
  state.funnel = detection.funnel.map((s) => ({ ...s }));
  state.statusRules = rulesForStatuses(detection, [], state.funnel);
  state.restored = false;
  state.showSavedProblems = false;
  state.savedJson = null;
  if (detection.shape !== 'crm') {
    state.costs = null;
    state.survey = null;
  }
  // The server notes the currency it saw in the amounts ($, ₽, ¥…); that beats the locale's default.
  const noted = notedCurrency(detection);
  if (noted) state.options = { ...state.options, currency: noted };
}

/** The costs table of a CRM mapping; its amounts name the currency when the lead export's do not. */
export function applyCostsDetection(state: WizardState, sheetName: string | null, detection: Detection | null): void {
  state.costs = sheetName && detection ? tableState(sheetName, detection) : null;
  const fromSource = state.source ? notedCurrency(state.source.detection) : null;
  const fromCosts = detection ? notedCurrency(detection) : null;
  if (!fromSource && fromCosts && !state.restored) state.options = { ...state.options, currency: fromCosts };
}

/**
 * Applies a saved mapping over a fresh detection of its sheet: a column keeps its saved role when both its
 * position and header still match (otherwise the new guess stands and savedProblems explain why).
 */
export function applySaved(
  state: WizardState,
  saved: Mapping,
  detection: Detection,
  costsDetection: Detection | null,
  surveyDetection: Detection | null = null,
): void {
  const restoreRoles = (table: TableState, columns: readonly ColumnBinding[]): void => {
    table.roles = table.detection.columns.map(
      (c, i) => columns.find((b) => b.index === c.index && b.header === c.header)?.role ?? table.roles[i],
    );
  };
  state.source = tableState(detection.table.sheetName || saved.source.sheetName, detection);
  restoreRoles(state.source, saved.source.columns);
  if (saved.costs && costsDetection) {
    state.costs = tableState(costsDetection.table.sheetName || saved.costs.sheetName, costsDetection);
    restoreRoles(state.costs, saved.costs.columns);
  } else {
    state.costs = null;
  }
  state.survey =
    saved.survey && surveyDetection
      ? restoredSurvey(surveyDetection.table.sheetName || saved.survey.sheetName, surveyDetection, saved.survey)
      : null;
  state.funnel = saved.funnel.map((s) => ({ ...s }));
  state.statusRules = rulesForStatuses(detection, saved.statusRules, state.funnel);
  state.options = { ...saved.options };
  state.metricsText = metricsTextOf(saved.options.metrics);
  state.restored = true;
}
