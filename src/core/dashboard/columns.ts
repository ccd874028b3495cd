/**
 * The channel table's metric columns: base sums (numbers) and derived ratios (formulas over the same
 * row's base cells). A column appears only when its inputs are mapped.
 */
import type { AggregatedData, Figures } from '../aggregate/types.js';
import type { Mapping, MeasureRole } from '../mapping/types.js';
import { countFormatFor, FORMAT, moneyFormat, percentDecimalsFor, percentFormat } from './formats.js';
import { WON_STAGE } from '../mapping/status-vocabulary.js';
import type { DashboardLabels, MetricKey } from './labels.js';

/** Cell references a derived formula may use: `at` = this row, `total` = the totals row (absolute). */
export interface Refs {
  at(key: string): string;
  total(key: string): string;
  readonly margin: string;
}

export interface MetricColumn {
  readonly key: string;
  readonly header: string;
  readonly note: string;
  readonly format: string;
  /** Base column: the figure written as a number. */
  readonly value?: (f: Figures) => number;
  /** Derived column: an expression (no `=`), wrapped in IFERROR by the planner. */
  readonly expr?: (r: Refs) => string;
  /** KPI summary candidates. */
  readonly kpi?: boolean;
  /** The rate a percent column shows, from a row's figures (null: undefined), to choose its decimals. */
  readonly rate?: (f: Figures) => number | null;
}

export interface StageRef {
  readonly key: string;
  readonly label: string;
}

/**
 * The name the won stage of a CRM funnel is shown under. It counts won deals, repeat sales included, while
 * "customers" (KPI strip, channel table) counts new customers only: under the guessed name («Клиенты») or
 * the customers column's own header one word would show two numbers (268 and 191 on the ru sample). Any
 * other name the user gave the stage is theirs to keep.
 */
export function wonStageLabel(label: string, L: DashboardLabels): string {
  const taken = [...Object.values(WON_STAGE.label), L.metric.customers].map((x) => x.trim().toLowerCase());
  return taken.includes(label.trim().toLowerCase()) ? L.wonDeals : label;
}

/** Each countable stage and the column key that holds its count (a measure column or its own). */
export function stageRefs(data: AggregatedData, mapping: Mapping, L: DashboardLabels): StageRef[] {
  const out: StageRef[] = [];
  const last = data.stages.length - 1;
  data.stages.forEach((stage, i) => {
    if (mapping.shape === 'crm') {
      const key = i === 0 ? 'leads' : i === last ? 'orders' : `stage:${i}`;
      out.push({ key, label: i === last && i > 0 ? wonStageLabel(stage.label, L) : stage.label });
      return;
    }
    if (stage.column === undefined) return;
    const role = mapping.source.columns.find((c) => c.index === stage.column)?.role;
    const key = role && (data.measures as readonly string[]).includes(role) ? role : `stage:${i}`;
    if (!out.some((s) => s.key === key)) out.push({ key, label: stage.label });
  });
  return out;
}

export function figureOf(f: Figures, key: string): number {
  if (key === 'junk') return f.junk;
  if (key.startsWith('stage:')) return f.stages[Number(key.slice(6))] ?? 0;
  return f.measures[key as MeasureRole] ?? 0;
}

export function metricColumns(data: AggregatedData, mapping: Mapping, L: DashboardLabels): MetricColumn[] {
  const has = (m: MeasureRole): boolean => data.measures.includes(m);
  const money0 = moneyFormat(mapping.options.currency, 0);
  const money2 = moneyFormat(mapping.options.currency, 2);
  const cols: MetricColumn[] = [];
  const base = (key: MetricKey, format: string, kpi = false): void => {
    cols.push({ key, header: L.metric[key], note: L.definition[key] ?? '', format, value: (f) => figureOf(f, key), kpi });
  };
  const derived = (key: MetricKey, format: string, expr: (r: Refs) => string, kpi = false): void => {
    cols.push({ key, header: L.metric[key], note: L.definition[key] ?? '', format, expr, kpi });
  };
  const stages = stageRefs(data, mapping, L);
  const spend = has('spend');
  const revenue = has('revenue');
  const customers = has('customers');
  const ordersKey = has('orders') ? 'orders' : customers ? 'customers' : null;

  if (spend) base('spend', money0, true);
  if (has('impressions')) base('impressions', FORMAT.count);
  if (has('clicks')) base('clicks', FORMAT.count);
  if (has('leads')) base('leads', FORMAT.count, true);
  for (const s of stages) {
    if (!s.key.startsWith('stage:')) continue;
    cols.push({ key: s.key, header: s.label, note: '', format: FORMAT.count, value: (f) => figureOf(f, s.key) });
  }
  if (customers) base('customers', FORMAT.count, true);
  if (has('orders')) {
    base('orders', FORMAT.count);
    // CRM "orders" are the won deals the funnel's last stage counts: one name for one number.
    const won = stages.find((s) => s.key === 'orders');
    if (mapping.shape === 'crm' && won) cols[cols.length - 1] = { ...cols[cols.length - 1], header: won.label, note: L.wonDealsNote };
  }
  if (revenue) base('revenue', money0, true);
  if (has('gross_profit')) base('gross_profit', money0);
  if (mapping.shape === 'crm') base('junk', FORMAT.count);

  const rateOf =
    (to: string, from: string) =>
    (f: Figures): number | null =>
      figureOf(f, from) === 0 ? null : figureOf(f, to) / figureOf(f, from);
  if (has('impressions') && has('clicks')) {
    derived('ctr', FORMAT.percent, (r) => `${r.at('clicks')}/${r.at('impressions')}`);
    cols[cols.length - 1] = { ...cols[cols.length - 1], rate: rateOf('clicks', 'impressions') };
  }
  if (spend && has('clicks')) derived('cpc', money2, (r) => `${r.at('spend')}/${r.at('clicks')}`);
  if (spend && has('leads')) derived('cpl', money2, (r) => `${r.at('spend')}/${r.at('leads')}`, true);
  for (let i = 1; i < stages.length; i++) {
    const from = stages[i - 1];
    const to = stages[i];
    if (from.key === 'impressions' && to.key === 'clicks') continue; // that is CTR, already shown
    cols.push({
      key: `conv:${i}`,
      header: L.conversion(from.label, to.label),
      note: L.conversionNote,
      format: FORMAT.percent,
      expr: (r) => `${r.at(to.key)}/${r.at(from.key)}`,
      rate: rateOf(to.key, from.key),
    });
  }
  if (has('leads') && customers) {
    derived('lcr', FORMAT.percent, (r) => `${r.at('customers')}/${r.at('leads')}`);
    cols[cols.length - 1] = { ...cols[cols.length - 1], rate: rateOf('customers', 'leads') };
  }
  if (spend && customers) derived('cac', money0, (r) => `${r.at('spend')}/${r.at('customers')}`, true);
  if (revenue && ordersKey) derived('aov', money0, (r) => `${r.at('revenue')}/${r.at(ordersKey)}`);
  if (revenue && spend) derived('roas', FORMAT.ratio, (r) => `${r.at('revenue')}/${r.at('spend')}`);
  if (revenue && spend) derived('romi', FORMAT.percent, (r) => `(${r.at('revenue')}*${r.margin}-${r.at('spend')})/${r.at('spend')}`, true);
  // Profit in money: what ROMI is the ratio of. It says how much a channel made, which ROMI cannot.
  if (revenue && spend) derived('profit', money0, (r) => `${r.at('revenue')}*${r.margin}-${r.at('spend')}`, true);
  if (revenue && customers) derived('ltv', money0, (r) => `${r.at('revenue')}*${r.margin}/${r.at('customers')}`);
  // No period "LTV:CAC": revenue × margin / customers over CAC is ROAS × margin in disguise. Lifetime
  // LTV:CAC comes from cohorts (metrics-blocks.ts) when there is customer history.
  if (spend) derived('spend_share', FORMAT.percent, (r) => `${r.at('spend')}/${r.total('spend')}`);
  if (revenue) derived('revenue_share', FORMAT.percent, (r) => `${r.at('revenue')}/${r.total('revenue')}`);
  const figures = [...data.rows.map((r) => r.total), data.totals];
  return withCountDecimals(withRateDecimals(withoutDuplicateFormulas(cols), figures), figures);
}

/**
 * Count columns a split attribution model makes fractional (customers, won deals credited 1/3 to each
 * touch) get one decimal place, so the column reads as it sums; whole models keep `#,##0`.
 */
function withCountDecimals(cols: MetricColumn[], figures: readonly Figures[]): MetricColumn[] {
  return cols.map((c) => {
    const value = c.value;
    return value && c.format === FORMAT.count ? { ...c, format: countFormatFor(figures.map((f) => value(f))) } : c;
  });
}

/**
 * A derived column that computes the same formula as another goes: with stages named like the metric
 * ("Leads → Customers" as a stage conversion and as LCR) the table showed two identical columns, in any
 * language. Compared on the formula, so it holds whatever the labels say; the named metric (LCR, with its
 * definition note) is kept over the generic stage conversion.
 */
function withoutDuplicateFormulas(cols: MetricColumn[]): MetricColumn[] {
  const probe: Refs = { at: (k) => `<${k}>`, total: (k) => `<total:${k}>`, margin: '<margin>' };
  const keep = new Map<string, MetricColumn>();
  for (const c of cols) {
    if (!c.expr) continue;
    const formula = c.expr(probe);
    const kept = keep.get(formula);
    if (!kept || (kept.key.startsWith('conv:') && !c.key.startsWith('conv:'))) keep.set(formula, c);
  }
  const kept = new Set(keep.values());
  return cols.filter((c) => !c.expr || kept.has(c));
}

function withRateDecimals(cols: MetricColumn[], figures: readonly Figures[]): MetricColumn[] {
  return cols.map((c) => (c.rate ? { ...c, format: percentFormat(percentDecimalsFor(figures.map(c.rate))) } : c));
}

/** KPI order on the summary strip (every one is an overview column). */
export const KPI_ORDER: readonly string[] = ['spend', 'revenue', 'profit', 'romi', 'customers', 'cac', 'leads', 'cpl'];

/**
 * The overview table's columns, in order: what a head of marketing reads first, ten columns at most so the
 * table fits a 1440 px screen. Every other metric (traffic, stages, conversions, unit economics) goes to
 * the funnel and conversions table below it.
 */
export const OVERVIEW_KEYS: readonly string[] = ['spend', 'leads', 'customers', 'revenue', 'cpl', 'cac', 'romi', 'profit', 'spend_share'];
