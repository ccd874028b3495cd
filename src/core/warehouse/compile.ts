/**
 * compileAggregation(mapping, tables, dialect): the SQL that sums a mapped warehouse table per channel
 * (× campaign) × period exactly as core/aggregate does in memory — same readers, same skip rules, same
 * CRM status rules and first-won customers, costs joined by normalised channel and period. The result is
 * small (one row per group × period, plus one per skip reason) and decodeAggregation() turns it into the
 * AggregatedData the dashboard planner and the CLI already take.
 *
 * The costs "join" is a union of lead facts and cost facts grouped on the same keys: that is the full
 * outer join on (channel, campaign, period) the in-memory accumulator performs, without a join's fan-out.
 */
import { CodedError } from '../issues.js';
import { columnOf, crmColumns, crmTieColumns, headerOf } from '../aggregate/rows.js';
import { MEASURE_COUNT, measureField } from '../aggregate/accumulator.js';
import type { ColumnRole, Granularity, Mapping, TableBinding } from '../mapping/types.js';
import { MEASURE_ROLES } from '../mapping/types.js';
import type { Dialect } from './dialect.js';
import {
  blankOf,
  dateReader,
  measureReader,
  type ReaderColumn,
  noValueOf,
  normalizedName,
  Pipeline,
  textOf,
  totalsLabel,
  TRIM as TRIM_RE,
} from './readers.js';
import type { DayOrder } from '../dates.js';
import { callingCodeForCurrency, identifierKind, metricsOptions, type IdentifierKind, type MetricsOptions } from '../definitions/index.js';
import { ATTRIBUTION_MODELS, POSITION_WEIGHTS, type AttributionModel } from '../definitions/rules.js';
import { WS_CLASS } from './regex.js';
import { cellText, normalizeName } from '../aggregate/cells.js';
import type { Matrix } from '../values.js';
import type { WarehouseOptions, WarehouseTable } from './types.js';

export interface CompiledAggregation {
  readonly sql: string;
  /** Summed fields per group: 8 measures, one per funnel stage, then junk (as the Accumulator lays them out). */
  readonly width: number;
  readonly granularity: Granularity | null;
  /** The source table has a row-number column, so labels and row numbers follow the export's order. */
  readonly ordered: boolean;
  readonly byCampaign: boolean;
  readonly costsUsed: boolean;
  readonly metrics: MetricsOptions;
  /** CRM shape: the result also carries the per-customer sums (credits under every model, cohorts). */
  readonly customers: boolean;
  /** …including cohort sums (a customer-identity column is mapped). */
  readonly cohort: boolean;
}

const JUNK = -2;
const WON = -3;
/** Cost rows sort after every source row, as the accumulator meets them after the leads. */
const COSTS_ORDER_OFFSET = '1000000000000';

export function compileAggregation(
  mapping: Mapping,
  source: WarehouseTable,
  costs: WarehouseTable | null,
  dialect: Dialect,
  opts: WarehouseOptions = {},
): CompiledAggregation {
  const d = dialect;
  const src = mapping.source;
  const byCampaign = mapping.options.byCampaign && columnOf(src, 'campaign') >= 0;
  const costTable = mapping.shape === 'crm' ? mapping.costs : null;
  const costsDated = !costTable || columnOf(costTable, 'date') >= 0;
  const hasDate = columnOf(src, 'date') >= 0;
  const granularity: Granularity | null = hasDate && costsDated ? mapping.options.granularity : null;
  const width = MEASURE_COUNT + mapping.funnel.length + 1;
  const ordered = source.rowNumber !== undefined && (!costs || !costTable || costs.rowNumber !== undefined);
  const metrics = metricsOptions({ ...mapping.options.metrics, ...opts.metrics });
  checkSupported(mapping);
  const ctx: Ctx = {
    d,
    mapping,
    width,
    granularity,
    byCampaign,
    ordered,
    notSet: opts.notSetLabel ?? '(not set)',
    timeZone: opts.timeZone ?? 'Etc/UTC',
    metrics,
    identityKind: opts.identityKind ?? 'id',
    dayOrder: opts.dayOrder,
  };

  const ctes: string[] = [];
  const facts: string[] = [];
  const lead = mapping.shape === 'crm' ? crmFacts(ctx, source) : aggregatedFacts(ctx, source);
  ctes.push(...lead.ctes);
  facts.push(lead.select);
  const costsUsed = !!(costTable && costs && columnOf(costTable, 'channel') >= 0 && columnOf(costTable, 'spend') >= 0);
  if (costTable && costs && costsUsed) {
    const c = costFacts(ctx, costTable, costs, opts.channelCostsLabel ?? '(channel costs)');
    ctes.push(...c.ctes);
    facts.push(c.select);
  }
  ctes.push(`facts AS (${facts.join(' UNION ALL ')})`);
  const customers = lead.customers ?? null;
  const fieldCount = Math.max(width, customers ? CUSTOMER_FIELDS : 0);
  const columns = resultColumns(d, fieldCount);
  const first = (x: string): string => (ordered ? d.firstBy(x, 'ord') : `MIN(${x})`);
  const main: Record<string, string> = {
    src: 'src',
    reason: 'reason',
    chk: 'chk',
    campk: 'campk',
    period: 'period',
    unknown_status: 'unknown_status',
    n: 'COUNT(*)',
    ...(ordered ? { first_ord: 'MIN(ord)' } : {}),
    ch: first('ch'),
    camp: first('camp'),
    detail: first('detail'),
    row_numbers: ordered ? d.smallestList('rn', 5) : "''",
    dmin: d.formatDate('MIN(dseen)', '%Y-%m-%d'),
    dmax: d.formatDate('MAX(dseen)', '%Y-%m-%d'),
    dmin2: d.formatDate('MIN(dseen2)', '%Y-%m-%d'),
    dmax2: d.formatDate('MAX(dseen2)', '%Y-%m-%d'),
    // The days of the month and of the week the row dates fall on (periods.ts RowDates): a month dated by its 1st.
    ddmin: `MIN(${d.formatDate('dseen', '%d')})`,
    ddmax: `MAX(${d.formatDate('dseen', '%d')})`,
    dwmin: `MIN(${d.formatDate('dseen', '%w')})`,
    dwmax: `MAX(${d.formatDate('dseen', '%w')})`,
    spread: 'MAX(spread)',
    no_close: 'SUM(no_close)',
  };
  for (let i = 0; i < width; i++) main[`f${i}`] = `SUM(f${i})`;
  const selects = [`SELECT ${resultRow(columns, main)}\nFROM facts GROUP BY src, reason, chk, campk, period, unknown_status`];
  if (customers) {
    ctes.push(...customers.ctes);
    selects.push(...customers.selects.map((sel) => sel(columns)));
  }
  const sql = `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`;
  return {
    sql,
    width,
    granularity,
    ordered,
    byCampaign,
    costsUsed,
    metrics,
    customers: customers !== null,
    cohort: customers?.cohort ?? false,
  };
}

/** Result columns: the sums' (src … f{n}) and the customer sums' (model, acq, pmonth, bucket), each typed. */
function resultColumns(d: Dialect, fields: number): [string, string][] {
  const t = textType(d);
  const i = intType(d);
  const texts = ['src', 'reason', 'chk', 'campk', 'period', 'unknown_status'].map((c): [string, string] => [c, t]);
  return [
    ...texts,
    ['n', i],
    ['first_ord', i],
    ...['ch', 'camp', 'detail', 'row_numbers', 'dmin', 'dmax', 'dmin2', 'dmax2', 'ddmin', 'ddmax', 'dwmin', 'dwmax'].map(
      (c): [string, string] => [c, t],
    ),
    ['spread', i],
    ['no_close', i],
    ['model', t],
    ['acq', t],
    ['pmonth', i],
    ['bucket', i],
    ...Array.from({ length: fields }, (_, k): [string, string] => [`f${k}`, floatType(d)]),
  ];
}

/** One branch of the result's UNION ALL: every column in order, typed NULL where the branch has none. */
function resultRow(columns: readonly [string, string][], given: Readonly<Record<string, string>>): string {
  return columns.map(([name, type]) => `${given[name] ?? `CAST(NULL AS ${type})`} AS ${name}`).join(', ');
}

interface Ctx {
  readonly d: Dialect;
  readonly mapping: Mapping;
  readonly width: number;
  readonly granularity: Granularity | null;
  readonly byCampaign: boolean;
  readonly ordered: boolean;
  readonly notSet: string;
  readonly timeZone: string;
  readonly metrics: MetricsOptions;
  /** What the customer-identity column holds (identifierKind on a sample, as the in-memory path judges it). */
  readonly identityKind: IdentifierKind;
  /** The report's month/day order for `03/14/2026` dates, as aggregate() decides it; undefined: not read. */
  readonly dayOrder: DayOrder | undefined;
}

/** What the SQL path does not compute (yet): the caller falls back to the in-memory engine or says so. */
/** What warehouse mode cannot compute: a coded error, shown in the reader's language wherever it surfaces. */
export class WarehouseUnsupportedError extends CodedError<'warehouse_identity' | 'warehouse_period_labels'> {
  override name = 'WarehouseUnsupportedError';
}

/**
 * The CRM definitions the SQL mirrors: every attribution model, and one identity column (an id, e-mail or
 * phone column, normalised as definitions/identity.ts does). Several identity columns are linked by
 * union–find in memory (a lead with a phone and a later one with phone and e-mail are one customer):
 * connected components have no bounded SQL form, so they need the in-memory engine (README: warehouse mode).
 */
export function checkSupported(mapping: Mapping): void {
  if (mapping.shape !== 'crm') return;
  if (mapping.source.columns.filter((c) => c.role === 'customer_id').length > 1) {
    throw new WarehouseUnsupportedError('warehouse_identity');
  }
}

const intType = (d: Dialect): string => (d.name === 'bigquery' ? 'INT64' : 'BIGINT');
const textType = (d: Dialect): string => (d.name === 'bigquery' ? 'STRING' : 'VARCHAR');
const floatType = (d: Dialect): string => (d.name === 'bigquery' ? 'FLOAT64' : 'DOUBLE');

/** The columns of a table the compiler reads: raw value `c_i` (layer 0), text `t_i` (layer 1). */
class TableReader {
  readonly pipeline: Pipeline;
  private readonly used: number[];
  private readonly measures = new Map<number, { value: string; status: string }>();
  private readonly dates = new Map<number, string>();

  constructor(
    private readonly ctx: Ctx,
    name: string,
    private readonly table: WarehouseTable,
    binding: TableBinding,
    roles: readonly (ColumnRole | number)[],
    private readonly orderOffset: string,
  ) {
    const d = ctx.d;
    this.used = [...new Set(roles.map((r) => (typeof r === 'number' ? r : columnOf(binding, r))).filter((c) => c >= 0))].sort(
      (a, b) => a - b,
    );
    for (const c of this.used)
      if (!table.columns[c]) throw new Error(`warehouse: column #${c + 1} of ${binding.sheetName} is not in the table`);
    const rn = table.rowNumber !== undefined ? `CAST(${d.ident(table.rowNumber)} AS ${intType(d)})` : `CAST(NULL AS ${intType(d)})`;
    const cols = this.used.map((c) => `${d.ident(table.columns[c].name)} AS c_${c}`);
    const from = table.inline !== undefined ? `(${table.inline}) AS ${d.ident(`${name}_inline`)}` : d.table(table.path);
    this.pipeline = new Pipeline(name, `SELECT ${[`${rn} AS rn`, ...cols].join(', ')} FROM ${from}`);
    for (const c of this.used) this.pipeline.add(1, `t_${c}`, textOf(d, this.kind(c), `c_${c}`));
  }

  kind(c: number) {
    return this.table.columns[c].kind;
  }

  /** Drops rows blank in every watched column, as isBlankRow does. */
  dropBlank(watched: readonly number[]): void {
    const cols = watched.filter((c) => c >= 0);
    if (cols.length === 0) return;
    this.pipeline.where(2, `NOT (${cols.map((c) => blankOf(this.kind(c), `c_${c}`, `t_${c}`)).join(' AND ')})`);
  }

  private column(c: number): ReaderColumn {
    return { d: this.ctx.d, p: this.pipeline, kind: this.kind(c), c: `c_${c}`, t: `t_${c}`, key: String(c) };
  }

  text(c: number): string {
    return c >= 0 ? `t_${c}` : "''";
  }

  /** A column read twice (a stage column that is also the leads measure) is read once. */
  measure(c: number): { value: string; status: string } {
    let m = this.measures.get(c);
    if (!m) {
      m = measureReader(this.column(c));
      this.measures.set(c, m);
    }
    return m;
  }

  date(c: number): string {
    let out = this.dates.get(c);
    if (!out) {
      out = dateReader(this.column(c), this.ctx.timeZone, this.ctx.dayOrder);
      this.dates.set(c, out);
    }
    return out;
  }

  isBlank(c: number): string {
    return blankOf(this.kind(c), `c_${c}`, `t_${c}`);
  }

  noValue(c: number): string {
    return noValueOf(this.ctx.d, this.kind(c), `c_${c}`, `t_${c}`);
  }

  orderExpr(): string {
    return this.ctx.ordered ? `(rn + ${this.orderOffset})` : `CAST(NULL AS ${intType(this.ctx.d)})`;
  }
}

/** Group label and key columns: blank → the "(not set)" label, key = normalizeName(label). */
function groupColumns(ctx: Ctx, channelText: string, campaignText: string | null): [string, string][] {
  const d = ctx.d;
  const ch = `COALESCE(NULLIF(${channelText}, ''), ${d.literal(ctx.notSet)})`;
  const camp = campaignText === null ? "''" : `COALESCE(NULLIF(${campaignText}, ''), ${d.literal(ctx.notSet)})`;
  return [
    ['ch', ch],
    ['chk', normalizedName(d, ch)],
    ['camp', camp],
    ['campk', campaignText === null ? "''" : normalizedName(d, camp)],
  ];
}

function periodOf(ctx: Ctx, date: string): string {
  const d = ctx.d;
  switch (ctx.granularity) {
    case null:
      return "'all'";
    case 'week':
      return d.formatDate(date, '%G-W%V');
    case 'month':
      return d.formatDate(date, '%Y-%m');
    case 'quarter':
      return `CONCAT(${d.formatDate(date, '%Y')}, '-Q', ${d.toText(`EXTRACT(QUARTER FROM ${date})`)})`;
  }
}

/** The first unreadable measure column in mapping order names the reason and the column. */
function firstBad(
  ctx: Ctx,
  binding: TableBinding,
  readers: readonly { col: number; status: string }[],
): { reason: string[]; detail: string[] } {
  const reason: string[] = [];
  const detail: string[] = [];
  for (const r of readers) {
    reason.push(`WHEN ${r.status} = 2 THEN 'rows_skipped_error' WHEN ${r.status} = 1 THEN 'rows_skipped_number'`);
    detail.push(`WHEN ${r.status} <> 0 THEN ${ctx.d.literal(headerOf(binding, r.col))}`);
  }
  return { reason, detail };
}

interface FactSelect {
  readonly ctes: string[];
  readonly select: string;
  /** CRM: the per-customer sums, as CTEs and result branches (given the result's columns). */
  readonly customers?: CustomerQuery;
}

interface CustomerQuery {
  readonly ctes: string[];
  readonly selects: ((columns: readonly [string, string][]) => string)[];
  readonly cohort: boolean;
}

/**
 * One fact row per source row, all with the same columns: src ('L' leads / 'C' costs), reason (NULL when
 * used), rn, ord, detail, ch/chk/camp/campk, period, unknown_status, dseen (date that widens the date
 * range), spread, f0..f{width-1}.
 */
interface FactParts {
  readonly src: string;
  readonly reason: string;
  readonly detail: string;
  readonly group: string[];
  readonly period: string;
  readonly unknown: string;
  /** Dates that widen the reported range (creation or the only date; a close date). */
  readonly dseen: string;
  readonly dseen2?: string;
  readonly spread: string;
  /** Won deals without a readable close date. */
  readonly noClose?: string;
  readonly fields: Map<number, string>;
}

function factColumns(ctx: Ctx, parts: FactParts, ord: string): string {
  const d = ctx.d;
  const fields = Array.from({ length: ctx.width }, (_, i) => `CAST(${parts.fields.get(i) ?? '0'} AS ${floatType(d)}) AS f${i}`);
  return [
    `'${parts.src}' AS src`,
    `${parts.reason} AS reason`,
    'rn',
    `${ord} AS ord`,
    `${parts.detail} AS detail`,
    ...parts.group,
    `${parts.period} AS period`,
    `${parts.unknown} AS unknown_status`,
    `${parts.dseen} AS dseen`,
    `${parts.dseen2 ?? 'CAST(NULL AS DATE)'} AS dseen2`,
    `${parts.spread} AS spread`,
    `${parts.noClose ?? '0'} AS no_close`,
    ...fields,
  ].join(', ');
}

function aggregatedFacts(ctx: Ctx, table: WarehouseTable): FactSelect {
  const { d, mapping } = ctx;
  const src = mapping.source;
  const chCol = columnOf(src, 'channel');
  const campCol = ctx.byCampaign ? columnOf(src, 'campaign') : -1;
  const dateCol = columnOf(src, 'date');
  const measureCols: { col: number; field: number }[] = [];
  for (const role of MEASURE_ROLES) {
    const c = columnOf(src, role);
    if (c >= 0) measureCols.push({ col: c, field: measureField(role) });
  }
  mapping.funnel.forEach((stage, i) => {
    if (stage.column !== undefined) measureCols.push({ col: stage.column, field: MEASURE_COUNT + i });
  });
  const reader = new TableReader(ctx, 'l', table, src, [chCol, campCol, dateCol, ...measureCols.map((m) => m.col)], '0');
  reader.dropBlank([chCol, dateCol, ...measureCols.map((m) => m.col)]);
  const readers = measureCols.map((m) => ({ ...m, ...reader.measure(m.col) }));
  const date = dateCol >= 0 && ctx.granularity !== null ? reader.date(dateCol) : null;
  const p = reader.pipeline;
  // A "Total"/"Итого" line at the bottom of an export would double every sum.
  const totals =
    chCol >= 0 && (reader.kind(chCol) === 'string' || reader.kind(chCol) === 'csv')
      ? `(${totalsLabel(d, `c_${chCol}`)} AND ${dateCol >= 0 ? reader.isBlank(dateCol) : 'TRUE'})`
      : 'FALSE';
  const bad = firstBad(
    ctx,
    src,
    readers.map((r) => ({ col: r.col, status: r.status })),
  );
  const dateHeader = dateCol >= 0 ? headerOf(src, dateCol) : '';
  const reason =
    `CASE WHEN ${totals} THEN 'rows_skipped_totals'` +
    (date ? ` WHEN ${date} IS NULL THEN 'rows_skipped_date'` : '') +
    ` ${bad.reason.join(' ')} END`;
  const detail =
    `CASE WHEN ${totals} THEN ${reader.text(chCol)}` +
    (date ? ` WHEN ${date} IS NULL THEN ${d.literal(dateHeader)}` : '') +
    ` ${bad.detail.join(' ')} ELSE '' END`;
  const stage = 9;
  p.add(stage, 'reason', reason);
  p.add(stage, 'detail', detail);
  const fields = new Map<number, string>();
  for (const r of readers) {
    const prev = fields.get(r.field);
    fields.set(r.field, prev ? `${prev} + ${r.value}` : r.value);
  }
  for (const [f, e] of fields) fields.set(f, `CASE WHEN reason IS NULL THEN ${e} ELSE 0 END`);
  const used = (x: string): string => `CASE WHEN reason IS NULL THEN ${x} END`;
  const group = groupColumns(ctx, reader.text(chCol), campCol >= 0 ? reader.text(campCol) : ctx.byCampaign ? "''" : null).map(
    ([alias, expr]) => `${used(expr)} AS ${alias}`,
  );
  const select = `SELECT ${factColumns(
    ctx,
    {
      src: 'L',
      reason: 'reason',
      detail: 'detail',
      group,
      period: used(date ? periodOf(ctx, date) : "'all'"),
      unknown: `CAST(NULL AS ${textType(d)})`,
      dseen: date ? `CASE WHEN reason IS NULL OR reason <> 'rows_skipped_totals' THEN ${date} END` : 'CAST(NULL AS DATE)',
      spread: '0',
      fields,
    },
    reader.orderExpr(),
  )} FROM ${p.last}`;
  return { ctes: p.ctes(), select };
}

/**
 * CRM rows give two kinds of facts: the lead's own (leads, funnel stages, junk) in the period of its
 * creation, and, for a won deal, the sale (won deals, revenue, gross profit, new customers) credited to
 * the group the attribution model picks, in the period the period basis picks (definitions/rules.ts).
 */
function crmFacts(ctx: Ctx, table: WarehouseTable): FactSelect {
  const { d, mapping, metrics } = ctx;
  const src = mapping.source;
  const stageIndex = new Map(mapping.funnel.map((s, i) => [s.id, i]));
  const last = mapping.funnel.length - 1;
  const {
    channel: chCol,
    campaign: campCol,
    date: dateCol,
    close: closeCol,
    status: statusCol,
    revenue: revenueCol,
    profit: profitCol,
    identity: identityCols,
    lead: leadCol,
  } = crmColumns(mapping);
  const customerCol = identityCols.length > 0 ? identityCols[0] : -1;
  const reader = new TableReader(
    ctx,
    'l',
    table,
    src,
    [chCol, campCol, dateCol, closeCol, statusCol, revenueCol, profitCol, customerCol, leadCol],
    '0',
  );
  reader.dropBlank([chCol, dateCol, statusCol, revenueCol, ...identityCols, leadCol]);
  const p = reader.pipeline;
  const created = dateCol >= 0 ? reader.date(dateCol) : null;
  const closed = closeCol >= 0 ? reader.date(closeCol) : null;
  const revenue = revenueCol >= 0 ? reader.measure(revenueCol) : null;
  const profit = profitCol >= 0 ? reader.measure(profitCol) : null;
  // Status rules: first rule per normalised status wins, as the wizard lists them.
  const seen = new Set<string>();
  const whens: string[] = [];
  for (const rule of mapping.statusRules) {
    const key = normalizeName(rule.status);
    if (seen.has(key)) continue;
    seen.add(key);
    const reach =
      rule.kind === 'junk' ? JUNK : rule.kind === 'won' ? WON : rule.stageId !== undefined ? (stageIndex.get(rule.stageId) ?? 0) : 0;
    whens.push(`WHEN ${d.literal(key)} THEN ${reach}`);
  }
  const statusText = reader.text(statusCol);
  p.add(2, 'status_key', normalizedName(d, statusText));
  if (customerCol >= 0) identityKey(ctx, p, reader.text(customerCol));
  else p.add(4, 'cust_key', "''");
  p.add(3, 'reach', whens.length > 0 ? `CASE status_key ${whens.join(' ')} END` : `CAST(NULL AS ${intType(d)})`);
  const won = `COALESCE(reach = ${WON}, FALSE)`;
  const junk = `COALESCE(reach = ${JUNK}, FALSE)`;
  const profitRead = profit ? `${won} AND NOT ${reader.noValue(profitCol)}` : 'FALSE';
  const reason =
    'CASE' +
    (created ? ` WHEN ${created} IS NULL THEN 'rows_skipped_date'` : '') +
    (revenue
      ? ` WHEN ${won} AND ${revenue.status} = 2 THEN 'rows_skipped_error' WHEN ${won} AND ${revenue.status} = 1 THEN 'rows_skipped_number'`
      : '') +
    (profit
      ? ` WHEN ${profitRead} AND ${profit.status} = 2 THEN 'rows_skipped_error' WHEN ${profitRead} AND ${profit.status} = 1 THEN 'rows_skipped_number'`
      : '') +
    ' END';
  const detail =
    'CASE' +
    (created ? ` WHEN ${created} IS NULL THEN ${d.literal(headerOf(src, dateCol))}` : '') +
    (revenue ? ` WHEN ${won} AND ${revenue.status} <> 0 THEN ${d.literal(headerOf(src, revenueCol))}` : '') +
    (profit ? ` WHEN ${profitRead} AND ${profit.status} <> 0 THEN ${d.literal(headerOf(src, profitCol))}` : '') +
    " ELSE '' END";
  p.add(9, 'reason', reason);
  p.add(9, 'detail', detail);
  const group = groupColumns(ctx, reader.text(chCol), campCol >= 0 ? reader.text(campCol) : ctx.byCampaign ? "''" : null);
  for (const [alias, expr] of group) p.add(9, alias, expr);
  p.add(9, 'ord', reader.orderExpr());
  const usedWon = `(reason IS NULL AND ${won})`;
  const usedLead = `(reason IS NULL AND NOT ${junk})`;
  const purchase = closed && created ? `COALESCE(${closed}, ${created})` : (closed ?? created ?? 'CAST(NULL AS DATE)');
  // Leads of one day go by the tie cells, each by length then code points (definitions/journeys.ts byTie),
  // as in memory; rows equal in all of them are interchangeable, so row order is never needed here.
  const tie = crmTieColumns(mapping)
    .map((c) => {
      const t = `COALESCE(${reader.text(c)}, '')`;
      return `LENGTH(${t}), ${t}`;
    })
    .join(', ');
  const tieOrder = tie === '' ? '' : `, ${tie}`;
  // A customer's first won deal (by purchase date, then the tie cells) makes a new customer.
  p.add(10, 'first_sale', `ROW_NUMBER() OVER (PARTITION BY cust_key, ${usedWon} ORDER BY ${purchase} ${nullsFirst(d)}${tieOrder})`);
  // First touch: the customer's earliest lead (by creation, then the tie cells).
  const firstTouch = (x: string): string =>
    `FIRST_VALUE(${x}) OVER (PARTITION BY cust_key, ${usedLead} ORDER BY ${created ?? 'NULL'} ${nullsFirst(d)}${tieOrder})`;
  const credited =
    metrics.attribution === 'first_touch'
      ? ['ch', 'chk', 'camp', 'campk', 'ord'].map((c) => [c, `CASE WHEN cust_key = '' THEN ${c} ELSE ${firstTouch(c)} END`] as const)
      : [];
  for (const [c, e] of credited) p.add(10, `credit_${c}`, e);
  // Multi-touch models: each lead's place in its customer's journey, in the same order first touch uses.
  const journeys = customerCol >= 0;
  if (MULTI_TOUCH.has(metrics.attribution) || journeys) {
    p.add(10, 'pos', `ROW_NUMBER() OVER (PARTITION BY cust_key, ${usedLead} ORDER BY ${created ?? 'NULL'} ${nullsFirst(d)}${tieOrder})`);
  }
  const creditOf = (c: string): string => (credited.length > 0 ? `credit_${c}` : c);

  const leadFields = new Map<number, string>();
  leadFields.set(measureField('leads'), `CASE WHEN ${usedLead} THEN 1 ELSE 0 END`);
  leadFields.set(ctx.width - 1, `CASE WHEN reason IS NULL AND ${junk} THEN 1 ELSE 0 END`);
  for (let k = 0; k <= last; k++) {
    leadFields.set(MEASURE_COUNT + k, `CASE WHEN ${usedLead} AND (${won} OR COALESCE(reach, 0) >= ${k}) THEN 1 ELSE 0 END`);
  }
  const used = (x: string): string => `CASE WHEN reason IS NULL THEN ${x} END`;
  const leadSelect = `SELECT ${factColumns(
    ctx,
    {
      src: 'L',
      reason: 'reason',
      detail: 'detail',
      group: group.map(([alias]) => `${used(alias)} AS ${alias}`),
      period: used(created ? periodOf(ctx, created) : "'all'"),
      unknown: `CASE WHEN reason IS NULL AND reach IS NULL THEN ${statusText} END`,
      dseen: created ?? 'CAST(NULL AS DATE)',
      dseen2: closed ? used(closed) : 'CAST(NULL AS DATE)',
      spread: '0',
      noClose: closed ? `CASE WHEN ${usedWon} AND ${closed} IS NULL THEN 1 ELSE 0 END` : '0',
      fields: leadFields,
    },
    'ord',
  )} FROM ${p.last}`;

  const dealDate = metrics.periodBasis === 'close' ? purchase : (created ?? 'CAST(NULL AS DATE)');
  const profitValue = profit ? `CASE WHEN ${reader.noValue(profitCol)} THEN 0 ELSE ${profit.value} END` : '0';
  const ctes = p.ctes();
  ctes.push(
    `l_deal AS (SELECT *, ${created || closed ? periodOf(ctx, dealDate) : "'all'"} AS dperiod, ${revenue ? revenue.value : '0'} AS rev, ` +
      `${profitValue} AS gp, CASE WHEN cust_key = '' OR first_sale = 1 THEN 1 ELSE 0 END AS is_new, ` +
      `${created ?? 'CAST(NULL AS DATE)'} AS dday FROM ${p.last} WHERE ${usedWon})`,
  );
  let from = 'l_deal';
  let weight = '1';
  let dealGroup = ['ch', 'chk', 'camp', 'campk'].map((c) => `${creditOf(c)} AS ${c}`);
  let ord = creditOf('ord');
  if (MULTI_TOUCH.has(metrics.attribution) || journeys) {
    ctes.push(
      `l_touch AS (SELECT cust_key, pos, ch, chk, camp, campk, ord, ${created ?? 'CAST(NULL AS DATE)'} AS tday FROM ${p.last} ` +
        `WHERE ${usedLead} AND cust_key <> '')`,
    );
  }
  if (MULTI_TOUCH.has(metrics.attribution)) {
    // A deal's touches are its customer's leads up to and including its own, in journey order (pos, the
    // order first touch uses); each (deal, touch) pair carries the touch's weight. A deal without an
    // identity is its own only touch.
    ctes.push(
      `l_credit AS (SELECT dl.rn AS rn, tc.ch AS ch, tc.chk AS chk, tc.camp AS camp, tc.campk AS campk, tc.ord AS ord, ` +
        `dl.dperiod AS dperiod, dl.rev AS rev, dl.gp AS gp, dl.is_new AS is_new, ${touchWeight(ctx, 'dl', 'tc')} AS w ` +
        `FROM l_deal dl JOIN l_touch tc ON tc.cust_key = dl.cust_key AND tc.pos <= dl.pos WHERE dl.cust_key <> '' ` +
        `UNION ALL SELECT rn, ch, chk, camp, campk, ord, dperiod, rev, gp, is_new, CAST(1 AS ${floatType(d)}) FROM l_deal WHERE cust_key = '')`,
    );
    from = 'l_credit';
    weight = 'w';
    dealGroup = ['ch AS ch', 'chk AS chk', 'camp AS camp', 'campk AS campk'];
    ord = 'ord';
  }
  const dealFields = new Map<number, string>();
  dealFields.set(measureField('orders'), weight);
  if (revenue) dealFields.set(measureField('revenue'), `rev * ${weight}`);
  if (profit) dealFields.set(measureField('gross_profit'), `gp * ${weight}`);
  dealFields.set(measureField('customers'), `is_new * ${weight}`);
  const dealSelect = `SELECT ${factColumns(
    ctx,
    {
      src: 'D',
      reason: `CAST(NULL AS ${textType(d)})`,
      detail: "''",
      group: dealGroup,
      period: 'dperiod',
      unknown: `CAST(NULL AS ${textType(d)})`,
      dseen: 'CAST(NULL AS DATE)',
      dseen2: 'CAST(NULL AS DATE)',
      spread: '0',
      noClose: '0',
      fields: dealFields,
    },
    ord,
  )} FROM ${from}`;
  const customers = customerQuery(ctx, {
    purchase,
    journeys,
    gpKnown: profit ? `CASE WHEN ${reader.noValue(profitCol)} THEN 0 ELSE ${profit.value} END` : '0',
    revenueWithoutGp: profit ? `CASE WHEN ${reader.noValue(profitCol)} THEN rev ELSE 0 END` : 'rev',
  });
  return { ctes, select: `${leadSelect} UNION ALL ${dealSelect}`, customers };
}

/** Credit sums per model and channel: fields f{8·m + i} for model m (ATTRIBUTION_MODELS order), i as below. */
const CREDIT_FIELDS = ['wonDeals', 'newCustomers', 'repeatSales', 'returns', 'revenue', 'repeatRevenue', 'gp', 'rev'] as const;
const CUSTOMER_FIELDS = CREDIT_FIELDS.length * ATTRIBUTION_MODELS.length;

/**
 * The per-customer analyses as sums (aggregate/types.ts CustomerSums), from l_deal (won deals) and
 * l_touch (journeys), by the rules of definitions/journeys.ts and analysis/cohort.ts:
 * - x_deal: each deal's purchase day, and whether it is a return (a repeat sale ≥ returnDays after the
 *   customer's previous purchase, in first_sale order);
 * - x_pair: each deal × each of its touches, with the touch's weight under every model (a deal without
 *   an identity is its own only touch) → `credit` rows per channel;
 * - with an identity column, cohorts: x_cust (acquisition = the first sale's purchase day; customers
 *   whose first purchase has no date are left out, as in memory), x_buy (each purchase with its
 *   acquisition, calendar month and month bucket) → `member`, `purchase`, and the first deal's touch
 *   weights under the chosen model (`cweight`) × the customer's purchases (`cvalue`).
 */
function customerQuery(
  ctx: Ctx,
  e: { readonly purchase: string; readonly journeys: boolean; readonly gpKnown: string; readonly revenueWithoutGp: string },
): CustomerQuery {
  const { d, metrics } = ctx;
  const f = floatType(d);
  const i = intType(d);
  const ctes: string[] = [];
  ctes.push(
    `x_deal0 AS (SELECT *, ${e.purchase} AS pday, ${e.gpKnown} AS gpk, ${e.revenueWithoutGp} AS revng, ` +
      `LAG(${e.purchase}) OVER (PARTITION BY cust_key ORDER BY first_sale) AS prev_pday FROM l_deal)`,
    `x_deal AS (SELECT *, CASE WHEN cust_key <> '' AND first_sale > 1 AND pday IS NOT NULL AND prev_pday IS NOT NULL ` +
      `AND ${d.daysOf('pday')} - ${d.daysOf('prev_pday')} >= ${Number(metrics.returnDays)} THEN 1 ELSE 0 END AS ret FROM x_deal0)`,
  );
  const deal = ['is_new', 'ret', 'rev', 'gpk', 'revng', 'pday'];
  const weights = ATTRIBUTION_MODELS.map((m, k) => `${touchWeight(ctx, 'dl', 'tc', m)} AS w${k}`);
  const pairs = [
    ...(e.journeys
      ? [
          `SELECT dl.cust_key AS cust_key, tc.chk AS tchk, tc.ch AS tch, ${deal.map((c) => `dl.${c} AS ${c}`).join(', ')}, ${weights.join(', ')} ` +
            `FROM x_deal dl JOIN l_touch tc ON tc.cust_key = dl.cust_key AND tc.pos <= dl.pos WHERE dl.cust_key <> ''`,
        ]
      : []),
    `SELECT cust_key, chk AS tchk, ch AS tch, ${deal.join(', ')}, ${ATTRIBUTION_MODELS.map((_, k) => `CAST(1 AS ${f}) AS w${k}`).join(', ')} FROM x_deal WHERE cust_key = ''`,
  ];
  ctes.push(`x_pair AS (${pairs.join(' UNION ALL ')})`);
  const credit: Record<string, string> = { src: "'credit'", chk: 'tchk', ch: 'MIN(tch)', n: 'COUNT(*)' };
  ATTRIBUTION_MODELS.forEach((_, k) => {
    const w = `w${k}`;
    const sums = [
      w,
      `${w} * is_new`,
      `${w} * (1 - is_new)`,
      `${w} * ret`,
      `${w} * rev`,
      `${w} * (1 - is_new) * rev`,
      `${w} * gpk`,
      `${w} * revng`,
    ];
    sums.forEach((x, j) => (credit[`f${k * CREDIT_FIELDS.length + j}`] = `SUM(${x})`));
  });
  const selects: CustomerQuery['selects'] = [(cols) => `SELECT ${resultRow(cols, credit)} FROM x_pair GROUP BY tchk`];
  if (!e.journeys) return { ctes, selects, cohort: false };

  const day = (x: string): string => d.formatDate(x, '%Y-%m-%d');
  const month = (x: string): string => `(EXTRACT(YEAR FROM ${x}) * 12 + EXTRACT(MONTH FROM ${x}) - 1)`;
  const chosen = `w${ATTRIBUTION_MODELS.indexOf(metrics.attribution)}`;
  ctes.push(
    `x_cust AS (SELECT cust_key, pday AS acq FROM x_deal WHERE cust_key <> '' AND first_sale = 1 AND pday IS NOT NULL)`,
    `x_buy0 AS (SELECT c.cust_key AS cust_key, c.acq AS acq, dl.pday AS pday, dl.gpk AS gpk, dl.revng AS revng ` +
      `FROM x_deal dl JOIN x_cust c ON c.cust_key = dl.cust_key ` +
      `UNION ALL SELECT cust_key, pday, pday, gpk, revng FROM x_deal WHERE cust_key = '' AND pday IS NOT NULL)`,
    `x_buy1 AS (SELECT *, ${month('pday')} AS pmonth, GREATEST(0, ${month('pday')} - ${month('acq')}) AS k0 FROM x_buy0)`,
    `x_buy AS (SELECT *, CASE WHEN pday < ${d.addMonths('acq', 'k0')} THEN k0 ELSE k0 + 1 END AS bucket FROM x_buy1)`,
    // The first deal's touches with a weight under the chosen model (a zero weight credits no channel).
    `x_first AS (SELECT cust_key, tchk, tch, pday, gpk, revng, ${chosen} AS w FROM x_pair WHERE is_new = 1 AND pday IS NOT NULL AND ${chosen} > 0)`,
  );
  selects.push(
    (cols) =>
      `SELECT ${resultRow(cols, { src: "'member'", acq: day('acq'), n: 'COUNT(*)' })} FROM ` +
      `(SELECT acq FROM x_cust UNION ALL SELECT pday FROM x_deal WHERE cust_key = '' AND pday IS NOT NULL) m GROUP BY acq`,
    (cols) =>
      `SELECT ${resultRow(cols, { src: "'purchase'", acq: day('acq'), pmonth: 'pmonth', bucket: 'bucket', n: 'COUNT(*)', f0: 'SUM(gpk)', f1: 'SUM(revng)' })} ` +
      `FROM x_buy GROUP BY acq, pmonth, bucket`,
    (cols) =>
      `SELECT ${resultRow(cols, { src: "'cweight'", acq: day('pday'), chk: 'tchk', ch: 'MIN(tch)', n: 'COUNT(*)', f0: 'SUM(w)' })} ` +
      `FROM x_first GROUP BY pday, tchk`,
    // A customer without an identity is one deal: its only purchase is its acquisition (bucket 1).
    (cols) =>
      `SELECT ${resultRow(cols, { src: "'cvalue'", acq: day('acq'), chk: 'tchk', bucket: 'bucket', n: 'COUNT(*)', f0: 'SUM(w * gpk)', f1: 'SUM(w * revng)' })} FROM ` +
      `(SELECT b.acq AS acq, fx.tchk AS tchk, b.bucket AS bucket, fx.w AS w, b.gpk AS gpk, b.revng AS revng ` +
      `FROM x_first fx JOIN x_buy b ON b.cust_key = fx.cust_key WHERE fx.cust_key <> '' ` +
      `UNION ALL SELECT pday, tchk, CAST(1 AS ${i}), w, gpk, revng FROM x_first WHERE cust_key = '') v GROUP BY acq, tchk, bucket`,
  );
  return { ctes, selects, cohort: true };
}

const MULTI_TOUCH: ReadonlySet<string> = new Set(['linear', 'position_based', 'time_decay']);

/**
 * touchWeights() of definitions/attribution.ts for the touch `t` of the deal `dl` (n = the deal's
 * position = its number of touches, q = the touch's): linear 1/n; position-based 40/20/40 (50/50 for two);
 * time-decay 2^(−age/half-life) over the days before the deal's own lead, normalised per deal, linear when
 * a touch is undated. Ages are whole days here: the SQL reads dates as days (README: warehouse mode).
 */
function touchWeight(ctx: Ctx, dl: string, t: string, model: AttributionModel = ctx.metrics.attribution): string {
  const { d, metrics } = ctx;
  const f = floatType(d);
  const n = `CAST(${dl}.pos AS ${f})`;
  const q = `${t}.pos`;
  const deal = `${dl}.cust_key, ${dl}.pos`;
  switch (model) {
    case 'last_touch':
      return `CASE WHEN ${q} = ${dl}.pos THEN CAST(1 AS ${f}) ELSE CAST(0 AS ${f}) END`;
    case 'first_touch':
      return `CASE WHEN ${q} = 1 THEN CAST(1 AS ${f}) ELSE CAST(0 AS ${f}) END`;
    case 'linear':
      return `1 / ${n}`;
    case 'position_based':
      return (
        `CASE WHEN ${dl}.pos = 1 THEN CAST(1 AS ${f}) WHEN ${dl}.pos = 2 THEN CAST(0.5 AS ${f}) ` +
        `WHEN ${q} = 1 THEN CAST(${POSITION_WEIGHTS.first} AS ${f}) WHEN ${q} = ${dl}.pos THEN CAST(${POSITION_WEIGHTS.last} AS ${f}) ` +
        `ELSE CAST(${POSITION_WEIGHTS.middle} AS ${f}) / (${n} - 2) END`
      );
    default: {
      const age = `GREATEST(0, ${d.daysOf(`${dl}.dday`)} - ${d.daysOf(`${t}.tday`)})`;
      const raw = `POW(CAST(2 AS ${f}), -CAST(${age} AS ${f}) / CAST(${Number(metrics.halfLifeDays)} AS ${f}))`;
      const undated = `SUM(CASE WHEN ${t}.tday IS NULL OR ${dl}.dday IS NULL THEN 1 ELSE 0 END) OVER (PARTITION BY ${deal})`;
      return `CASE WHEN ${undated} > 0 THEN 1 / ${n} ELSE ${raw} / SUM(${raw}) OVER (PARTITION BY ${deal}) END`;
    }
  }
}

/**
 * The customer key from the identity column, as identifierOf() reads it for the column's kind (layers 2–4):
 * id: NFKC, trimmed, lower case; e-mail: the same without `mailto:`, '' unless it is an address (no
 * whitespace, something before and after the last @); phone: digits in international form ('' below 6).
 */
function identityKey(ctx: Ctx, p: Pipeline, text: string): void {
  const d = ctx.d;
  const folded = `LOWER(${d.regexReplace(d.nfkc(text), TRIM_RE, '')})`;
  if (ctx.identityKind === 'email') {
    p.add(2, 'id_email', d.regexReplace(folded, '^mailto:', ''));
    p.add(4, 'cust_key', `CASE WHEN ${d.regexContains('id_email', `^[^${WS_CLASS}]+@[^@${WS_CLASS}]+$`)} THEN id_email ELSE '' END`);
    return;
  }
  if (ctx.identityKind === 'phone') {
    const code = callingCodeForCurrency(ctx.mapping.options.currency);
    p.add(2, 'id_digits', d.regexReplace(text, '[^0-9]', ''));
    p.add(2, 'id_plus', d.regexContains(d.regexReplace(text, TRIM_RE, ''), '^[+]'));
    const local = code === '' ? '' : ` WHEN LENGTH(id_digits) = 10 AND NOT id_plus THEN CONCAT(${d.literal(code)}, id_digits)`;
    p.add(
      3,
      'id_phone',
      `CASE WHEN SUBSTR(id_digits, 1, 2) = '00' THEN SUBSTR(id_digits, 3)` +
        ` WHEN LENGTH(id_digits) = 11 AND SUBSTR(id_digits, 1, 1) = '8' AND NOT id_plus THEN CONCAT('7', SUBSTR(id_digits, 2))${local}` +
        ' ELSE id_digits END',
    );
    p.add(4, 'cust_key', `CASE WHEN LENGTH(id_phone) >= 6 THEN id_phone ELSE '' END`);
    return;
  }
  p.add(4, 'cust_key', folded);
}

/** Undated rows sort first, as -Infinity does in memory; BigQuery's ASC puts NULLs first already, DuckDB's last. */
const nullsFirst = (d: Dialect): string => (d.name === 'bigquery' ? 'ASC' : 'ASC NULLS FIRST');

function costFacts(ctx: Ctx, binding: TableBinding, table: WarehouseTable, channelCosts: string): FactSelect {
  const d = ctx.d;
  const chCol = columnOf(binding, 'channel');
  const dateCol = columnOf(binding, 'date');
  const spendCol = columnOf(binding, 'spend');
  const campCol = ctx.byCampaign ? columnOf(binding, 'campaign') : -1;
  const reader = new TableReader(ctx, 'c', table, binding, [chCol, dateCol, spendCol, campCol], COSTS_ORDER_OFFSET);
  reader.dropBlank([chCol, dateCol, spendCol]);
  const p = reader.pipeline;
  const spend = reader.measure(spendCol);
  const readDate = dateCol >= 0 && ctx.granularity !== null;
  const date = dateCol >= 0 ? reader.date(dateCol) : null;
  const reason =
    `CASE WHEN ${spend.status} = 2 THEN 'rows_skipped_error' WHEN ${spend.status} = 1 THEN 'rows_skipped_number'` +
    (readDate ? ` WHEN ${date} IS NULL THEN 'rows_skipped_date'` : '') +
    ' END';
  const detail =
    `CASE WHEN ${spend.status} <> 0 THEN ${d.literal(headerOf(binding, spendCol))}` +
    (readDate ? ` WHEN ${date} IS NULL THEN ${d.literal(headerOf(binding, dateCol))}` : '') +
    " ELSE '' END";
  p.add(9, 'reason', reason);
  p.add(9, 'detail', detail);
  const ctes = p.ctes();
  let from = p.last;
  let day = date;
  let share = '1';
  let spread = '0';
  // Monthly cost tables (every readable date on the 1st) are spread over the month's days into ISO weeks.
  if (readDate && ctx.granularity === 'week' && date) {
    ctes.push(
      `c_monthly AS (SELECT COALESCE(MAX(CASE WHEN ${date} IS NOT NULL AND EXTRACT(DAY FROM ${date}) <> 1 THEN 1 ELSE 0 END), 0) = 0 AS monthly FROM ${p.last})`,
    );
    const dim = `EXTRACT(DAY FROM LAST_DAY(${date}))`;
    const spreading = `(c_monthly.monthly AND reason IS NULL)`;
    ctes.push(
      `c_spread AS (SELECT ${p.last}.*, ${spreading} AS spreading, c_monthly.monthly AS c_monthly_flag, k FROM ${p.last} CROSS JOIN c_monthly ${d.crossIntegers(31, 'k')} ` +
        `WHERE k = 1 OR (${spreading} AND k <= ${dim}))`,
    );
    from = 'c_spread';
    day = `CASE WHEN spreading THEN ${d.dateFromDays(`${d.daysOf(date)} + k - 1`)} ELSE ${date} END`;
    share = `CASE WHEN spreading THEN 1.0 / ${dim} ELSE 1 END`;
    spread = 'CASE WHEN c_monthly_flag THEN 1 ELSE 0 END';
  }
  const used = (x: string): string => `CASE WHEN reason IS NULL THEN ${x} END`;
  const campaign = !ctx.byCampaign ? null : campCol >= 0 ? reader.text(campCol) : d.literal(channelCosts);
  // A cost row whose date cannot be read still opens its channel's group and counts the channel as
  // costed (the accumulator groups before it reads the date), so its keys are kept.
  const grouped = (x: string): string => `CASE WHEN reason IS NULL OR reason = 'rows_skipped_date' THEN ${x} END`;
  const group = groupColumns(ctx, reader.text(chCol), campaign).map(([alias, expr]) => `${grouped(expr)} AS ${alias}`);
  const fields = new Map<number, string>([[measureField('spend'), `CASE WHEN reason IS NULL THEN ${spend.value} * ${share} ELSE 0 END`]]);
  const select = `SELECT ${factColumns(
    ctx,
    {
      src: 'C',
      reason: 'reason',
      detail: 'detail',
      group,
      period: used(day ? periodOf(ctx, day) : "'all'"),
      unknown: `CAST(NULL AS ${textType(d)})`,
      dseen: readDate && date ? `CASE WHEN ${spend.status} = 0 THEN ${date} END` : 'CAST(NULL AS DATE)',
      spread,
      fields,
    },
    reader.orderExpr(),
  )} FROM ${from}`;
  return { ctes, select };
}

/** What the customer-id column holds, judged on sample rows as the in-memory path judges it. */
export function identityKindOf(mapping: Mapping, sample: Matrix): IdentifierKind {
  const col = mapping.source.columns.find((c) => c.role === 'customer_id')?.index;
  if (col === undefined) return 'id';
  const values: string[] = [];
  for (const row of sample) {
    const t = cellText(row[col]);
    if (t !== '') values.push(t);
    if (values.length >= 500) break;
  }
  return identifierKind(values);
}
