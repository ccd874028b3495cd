/**
 * The saved mapping: versioned JSON in a document property. Apps Script caps one property value at 9 KB,
 * so the stored form is compact (positional arrays, short role codes) and is checked against the cap; the
 * readable Mapping type is what the rest of the code sees.
 *
 * Reading is strict: the property may have been written by an older version, by hand, or by someone else's
 * script. Anything unexpected becomes a CodedError naming the path ("source.columns[3].role"), never a crash.
 */
import { ATTRIBUTION_MODELS, PERIOD_BASES, type MetricsOptions } from '../definitions/rules.js';
import type { Params } from '../i18n/format.js';
import { CodedError, type DetailKey } from '../issues.js';
import { parseProjectId, parseTableRef } from '../warehouse/bigquery.js';
import {
  type BigQueryTableRef,
  COLUMN_ROLES,
  type ColumnBinding,
  type ColumnRole,
  type FunnelStage,
  MAPPING_SCHEMA_VERSION,
  type Mapping,
  type ReportOptions,
  type StatusRule,
  type TableBinding,
  type WarehouseBinding,
} from './types.js';

export const CURRENT_SCHEMA_VERSION = MAPPING_SCHEMA_VERSION;
/** Apps Script's per-value limit for PropertiesService, in UTF-8 bytes. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

const ROLE_CODES: Readonly<Record<ColumnRole, string>> = {
  date: 'd',
  channel: 'ch',
  campaign: 'cp',
  lead_id: 'li',
  customer_id: 'ci',
  status: 'st',
  spend: 'sp',
  impressions: 'im',
  clicks: 'cl',
  leads: 'le',
  stage: 'sg',
  customers: 'cu',
  orders: 'or',
  revenue: 'rv',
  gross_profit: 'gp',
  nps: 'np',
  close_date: 'cd',
  ignore: 'x',
};
const ROLE_BY_CODE = new Map<string, ColumnRole>(COLUMN_ROLES.map((r) => [ROLE_CODES[r], r]));
const KIND_CODES = { stage: 's', won: 'w', lost: 'l', junk: 'j' } as const;
const KIND_BY_CODE = new Map<string, StatusRule['kind']>([
  ['s', 'stage'],
  ['w', 'won'],
  ['l', 'lost'],
  ['j', 'junk'],
]);
const GRANULARITY = ['week', 'month', 'quarter'] as const;

const MAX_STRING = 2000;
const MAX_ITEMS = 2000;

/**
 * Upgrades from older schema versions: MIGRATIONS[n] turns a parsed version-n object into version n+1.
 * Add an entry with every schema change (and bump MAPPING_SCHEMA_VERSION in types.ts).
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /**
   * 1 → 2: version 2 may hold the metrics options (`m`) and a survey sheet (`sv`). A version-1 mapping
   * written before they existed has neither, so it reads with the metrics defaults of definitions/rules.ts
   * and no survey. One written by the builds that added them inside version 1 already has the version-2
   * form; either way the keys are checked by the version-2 decoder, nothing is guessed.
   */
  1: (old) => ({ ...old, schemaVersion: 2 }),
};

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function serializeMapping(m: Mapping): string {
  const full = JSON.stringify(encode(m, true));
  if (utf8Length(full) <= PROPERTY_VALUE_LIMIT) return full;
  // Ignored columns carry no meaning; dropping them is the one loss-free-for-reports saving left.
  const lean = JSON.stringify(encode(m, false));
  const size = utf8Length(lean);
  if (size <= PROPERTY_VALUE_LIMIT) return lean;
  throw new CodedError('mapping_too_large', { kb: Math.ceil(size / 1024), bytes: size, limit: PROPERTY_VALUE_LIMIT });
}

function encode(m: Mapping, keepIgnored: boolean): Record<string, unknown> {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    sh: m.shape === 'crm' ? 'c' : 'a',
    src: encodeTable(m.source, keepIgnored),
    cst: m.costs ? encodeTable(m.costs, keepIgnored) : null,
    f: m.funnel.map((s) => (s.column === undefined ? [s.id, s.label] : [s.id, s.label, s.column])),
    sr: m.statusRules.map((r) => (r.stageId === undefined ? [r.status, KIND_CODES[r.kind]] : [r.status, KIND_CODES[r.kind], r.stageId])),
    o: [m.options.granularity, m.options.grossMargin, m.options.currency, m.options.dashboardName, m.options.byCampaign ? 1 : 0],
    ...metricsEntry(m.options.metrics),
    ...(m.warehouse ? { wh: encodeWarehouse(m.warehouse) } : {}),
    ...(m.survey ? { sv: encodeTable(m.survey, keepIgnored) } : {}),
  };
}

/** Only the metrics options the user set (the rest are the defaults of definitions/rules.ts); none: no `m` key. */
function metricsEntry(metrics: Partial<MetricsOptions> | undefined): { m?: Record<string, unknown> } {
  const set = Object.entries(metrics ?? {}).filter(([, v]) => v !== undefined && v !== null);
  return set.length > 0 ? { m: Object.fromEntries(set) } : {};
}

const refOf = (r: BigQueryTableRef): string[] => [r.projectId, r.datasetId, r.tableId];

function encodeWarehouse(w: WarehouseBinding): unknown[] {
  return ['bq', refOf(w.source), w.costs ? refOf(w.costs) : null, w.billingProject];
}

/** The stored parts are re-checked by the same rules as typed input: a property edited by hand cannot smuggle SQL. */
function decodeWarehouse(x: unknown): WarehouseBinding {
  const a = list(x, 'warehouse');
  if (a.length !== 4 || a[0] !== 'bq') throw invalid('warehouse', 'detail.expectedShape', { shape: '[bq, source, costs, billingProject]' });
  const ref = (y: unknown, path: string): BigQueryTableRef => {
    const parts = list(y, path).map((p, i) => str(p, `${path}[${i}]`));
    if (parts.length !== 3) throw invalid(path, 'detail.expectedShape', { shape: '[project, dataset, table]' });
    try {
      return parseTableRef(parts.join('.'));
    } catch {
      throw invalid(path, 'detail.notTable');
    }
  };
  const source = ref(a[1], 'warehouse.source');
  const costs = a[2] === null ? null : ref(a[2], 'warehouse.costs');
  let billingProject: string;
  try {
    billingProject = parseProjectId(str(a[3], 'warehouse.billingProject'), source.projectId);
  } catch {
    throw invalid('warehouse.billingProject', 'detail.notProject');
  }
  return { engine: 'bigquery', source, costs, billingProject };
}

function encodeTable(t: TableBinding, keepIgnored: boolean): unknown[] {
  const cols = t.columns.filter((c) => keepIgnored || c.role !== 'ignore');
  // A column at its own position needs no index: [header, role]; otherwise [index, header, role].
  const encoded = cols.map((c, pos) => (c.index === pos ? [c.header, ROLE_CODES[c.role]] : [c.index, c.header, ROLE_CODES[c.role]]));
  return [t.sheetId, t.sheetName, t.headerRow, t.firstDataRow, t.lastDataRow, t.firstColumn, t.lastColumn, encoded];
}

export function parseMapping(json: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): Mapping {
  if (typeof json !== 'string' || json.trim() === '') throw invalid('', 'detail.empty');
  if (utf8Length(json) > PROPERTY_VALUE_LIMIT * 4) throw invalid('', 'detail.tooLarge');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CodedError('invalid_mapping_json');
  }
  return decode(upgradeSaved(record(raw, ''), migrations, CURRENT_SCHEMA_VERSION));
}

/**
 * Brings a parsed saved object up to `target` through the migration chain. Exported so the chain can be
 * tested before a second version exists.
 */
export function upgradeSaved(
  saved: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>>,
  target: number,
): Record<string, unknown> {
  let obj = saved;
  let version = obj.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalid('schemaVersion', 'detail.noVersion');
  }
  if (version > target) {
    throw new CodedError('mapping_from_newer_version', { version, supported: target });
  }
  while (version < target) {
    const migrate = migrations[version];
    if (!migrate) throw new CodedError('mapping_no_migration', { version });
    let next: unknown;
    try {
      next = migrate(obj);
    } catch (e) {
      throw new CodedError('mapping_migration_failed', { version, reason: e instanceof Error ? e.message : String(e) });
    }
    obj = record(next, '');
    version += 1;
    if (obj.schemaVersion !== version) throw invalid('schemaVersion', 'detail.migrationVersion', { version });
  }
  return obj;
}

function decode(o: Record<string, unknown>): Mapping {
  onlyKeys(o, ['schemaVersion', 'sh', 'src', 'cst', 'f', 'sr', 'o', 'm', 'wh', 'sv'], '');
  const sh = o.sh;
  if (sh !== 'a' && sh !== 'c') throw invalid('shape', 'detail.oneOf', { allowed: 'a, c' });
  const shape = sh === 'c' ? 'crm' : 'aggregated';
  const source = decodeTable(o.src, 'source');
  const costs = o.cst === null || o.cst === undefined ? null : decodeTable(o.cst, 'costs');
  const funnel = list(o.f, 'funnel').map((x, i) => decodeStage(x, `funnel[${i}]`));
  const statusRules = list(o.sr, 'statusRules').map((x, i) => decodeRule(x, `statusRules[${i}]`));
  const metrics = o.m === undefined ? undefined : decodeMetrics(o.m);
  const options = metrics ? { ...decodeOptions(o.o), metrics } : decodeOptions(o.o);
  const mapping: Mapping = { schemaVersion: MAPPING_SCHEMA_VERSION, shape, source, costs, funnel, statusRules, options };
  const withSurvey = o.sv === undefined ? mapping : { ...mapping, survey: decodeTable(o.sv, 'survey') };
  return o.wh === undefined ? withSurvey : { ...withSurvey, warehouse: decodeWarehouse(o.wh) };
}

function decodeTable(x: unknown, path: string): TableBinding {
  const a = list(x, path);
  if (a.length !== 8) throw invalid(path, 'detail.fields', { count: 8 });
  const lastDataRow = a[4] === null ? null : int(a[4], `${path}.lastDataRow`, 1);
  const columns = list(a[7], `${path}.columns`).map((c, pos) => decodeColumn(c, pos, `${path}.columns[${pos}]`));
  return {
    sheetId: int(a[0], `${path}.sheetId`, 0),
    sheetName: str(a[1], `${path}.sheetName`),
    headerRow: int(a[2], `${path}.headerRow`, 1),
    firstDataRow: int(a[3], `${path}.firstDataRow`, 1),
    lastDataRow,
    firstColumn: int(a[5], `${path}.firstColumn`, 1),
    lastColumn: int(a[6], `${path}.lastColumn`, 1),
    columns,
  };
}

function decodeColumn(x: unknown, pos: number, path: string): ColumnBinding {
  const a = list(x, path);
  const [index, header, code] =
    a.length === 2 ? [pos, a[0], a[1]] : a.length === 3 ? [a[0], a[1], a[2]] : [undefined, undefined, undefined];
  if (index === undefined) throw invalid(path, 'detail.expectedShape', { shape: '[header, role] | [index, header, role]' });
  const role = typeof code === 'string' ? ROLE_BY_CODE.get(code) : undefined;
  if (!role) throw invalid(`${path}.role`, 'detail.unknownValue', { value: JSON.stringify(code) });
  return { index: int(index, `${path}.index`, 0), header: str(header, `${path}.header`), role };
}

function decodeStage(x: unknown, path: string): FunnelStage {
  const a = list(x, path);
  if (a.length !== 2 && a.length !== 3) throw invalid(path, 'detail.expectedShape', { shape: '[id, label] | [id, label, column]' });
  const id = str(a[0], `${path}.id`);
  const label = str(a[1], `${path}.label`);
  return a.length === 3 ? { id, label, column: int(a[2], `${path}.column`, 0) } : { id, label };
}

function decodeRule(x: unknown, path: string): StatusRule {
  const a = list(x, path);
  if (a.length !== 2 && a.length !== 3) throw invalid(path, 'detail.expectedShape', { shape: '[status, kind] | [status, kind, stageId]' });
  const status = str(a[0], `${path}.status`);
  const kind = typeof a[1] === 'string' ? KIND_BY_CODE.get(a[1]) : undefined;
  if (!kind) throw invalid(`${path}.kind`, 'detail.unknownValue', { value: JSON.stringify(a[1]) });
  return a.length === 3 ? { status, kind, stageId: str(a[2], `${path}.stageId`) } : { status, kind };
}

function decodeOptions(x: unknown): ReportOptions {
  const a = list(x, 'options');
  if (a.length !== 5) throw invalid('options', 'detail.fields', { count: 5 });
  const granularity = GRANULARITY.find((g) => g === a[0]);
  if (!granularity) throw invalid('options.granularity', 'detail.oneOf', { allowed: 'week, month, quarter' });
  if (typeof a[1] !== 'number' || !Number.isFinite(a[1])) throw invalid('options.grossMargin', 'detail.number');
  if (a[4] !== 0 && a[4] !== 1) throw invalid('options.byCampaign', 'detail.oneOf', { allowed: '0, 1' });
  return {
    granularity,
    grossMargin: a[1],
    currency: str(a[2], 'options.currency'),
    dashboardName: str(a[3], 'options.dashboardName'),
    byCampaign: a[4] === 1,
  };
}

const METRIC_TEXT: Readonly<Record<string, readonly string[]>> = { attribution: ATTRIBUTION_MODELS, periodBasis: PERIOD_BASES };
const METRIC_NUMBERS = ['returnDays', 'halfLifeDays', 'lifespanYears', 'purchasesPerYear', 'ltvHorizonMonths'];

/**
 * The saved metrics options (schema 2; a mapping without `m` uses the defaults). Types and
 * names are checked here; ranges by validateMapping, as for the margin, so the message is the same as Save's.
 */
function decodeMetrics(x: unknown): Partial<MetricsOptions> {
  const m = record(x, 'options.metrics');
  onlyKeys(m, [...Object.keys(METRIC_TEXT), ...METRIC_NUMBERS], 'options.metrics');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(m)) {
    const path = `options.metrics.${key}`;
    if (v === null) continue;
    const allowed = METRIC_TEXT[key];
    if (allowed) {
      if (typeof v !== 'string' || !allowed.includes(v)) throw invalid(path, 'detail.oneOf', { allowed: allowed.join(', ') });
    } else if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(path, 'detail.number');
    out[key] = v;
  }
  return out as Partial<MetricsOptions>;
}

/**
 * Damage at `path`: `detail` is a `detail.*` key of the catalogue with its params, so the technical reason
 * (which field, what was expected) reads in the user's language too (issueText translates it).
 */
function invalid(path: string, detail: DetailKey, params: Params = {}): CodedError {
  return new CodedError('invalid_mapping', { ...params, path: path || 'mapping', detail });
}

function record(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw invalid(path, 'detail.object');
  return x as Record<string, unknown>;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw invalid(path ? `${path}.${k}` : k, 'detail.unexpected');
}

function list(x: unknown, path: string): unknown[] {
  if (!Array.isArray(x)) throw invalid(path, 'detail.list');
  if (x.length > MAX_ITEMS) throw invalid(path, 'detail.tooMany');
  return x;
}

function str(x: unknown, path: string): string {
  if (typeof x !== 'string') throw invalid(path, 'detail.text');
  if (x.length > MAX_STRING) throw invalid(path, 'detail.textLong');
  return x;
}

function int(x: unknown, path: string, min: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) throw invalid(path, 'detail.whole', { min });
  return x;
}
