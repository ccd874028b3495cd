/**
 * `funnel-roi report data.csv`: the dashboard's per-channel numbers without Google. Same detection,
 * default mapping and aggregation as the add-on; ratios computed here from the same sums (ratios of
 * totals in the totals line).
 */
import type { ValidationIssue } from '../core/types.js';
import { aggregate, nothingReadable, type AggregatedData, type Figures } from '../core/aggregate/index.js';
import { CodedError } from '../core/issues.js';
import { defaultMapping, detectSheet, validateMapping, type Granularity, type Mapping, type TableBinding } from '../core/mapping/index.js';
import type { Matrix } from '../core/values.js';
import { isoDay } from '../core/dates.js';
import type { MetricsOptions } from '../core/definitions/index.js';
import { isMessageKey, issueText, t, type Locale, type MessageKey } from '../core/i18n/index.js';
import { modelName } from '../core/i18n/metrics.js';
import { analysisReport, formatAnalysis, type AnalysisReport } from './analysis-report.js';
import { parseCsv, sniffDelimiter } from './csv.js';
import { printable } from './terminal.js';

export interface ReportOptions {
  /** CRM exports: the monthly costs per channel, as CSV text (the add-on's second range). */
  readonly costsCsv?: string;
  readonly granularity?: Granularity;
  readonly margin?: number;
  readonly byCampaign?: boolean;
  /** Attribution model, period basis, returned-customer days, half-life, LTV inputs (core/definitions). */
  readonly metrics?: Partial<MetricsOptions>;
  /** Language of findings and definitions. */
  readonly locale?: Locale;
  /** Today (`yyyy-mm-dd`): a month or week row still running is an incomplete period. Default: this machine's day. */
  readonly today?: string;
}

/** This machine's calendar day: the CLI's stand-in for the spreadsheet's build day. */
export function localDay(now: Date = new Date()): string {
  return isoDay(now.getTime() - now.getTimezoneOffset() * 60_000);
}

export interface ChannelReport {
  readonly channel: string;
  readonly campaign: string | null;
  readonly spend: number;
  readonly impressions: number;
  readonly clicks: number;
  readonly leads: number;
  readonly customers: number;
  readonly revenue: number;
  /** null where the input is missing or zero (the dashboard shows a blank there). */
  readonly ctr: number | null;
  readonly cpc: number | null;
  readonly cpl: number | null;
  readonly cac: number | null;
  readonly roas: number | null;
  readonly romi: number | null;
  /** Revenue / customers of the rows: a period figure, not a lifetime value (see `analysis.ltv`). */
  readonly revenuePerCustomer: number | null;
}

export interface Report {
  readonly shape: Mapping['shape'];
  readonly periods: readonly string[];
  readonly channels: readonly ChannelReport[];
  readonly totals: ChannelReport;
  /** Source rows: read (non-blank), used in the figures, skipped (each reason in warnings). */
  readonly rows: { readonly source: number; readonly used: number; readonly skipped: number };
  /** Everything not counted, and why: title and totals rows left out, skipped rows, mapping gaps. */
  readonly warnings: readonly ValidationIssue[];
  /** Models compared, cohort LTV, B2B block, findings and the definitions used. */
  readonly analysis: AnalysisReport;
}

const ratio = (a: number, b: number, ok = true): number | null => (ok && b !== 0 && Number.isFinite(a / b) ? a / b : null);

function metrics(channel: string, campaign: string | null, f: Figures, margin: number, has: (m: string) => boolean): ChannelReport {
  const m = f.measures;
  return {
    channel,
    campaign,
    spend: m.spend,
    impressions: m.impressions,
    clicks: m.clicks,
    leads: m.leads,
    customers: m.customers,
    revenue: m.revenue,
    ctr: ratio(m.clicks, m.impressions, has('impressions') && has('clicks')),
    cpc: ratio(m.spend, m.clicks, has('spend') && has('clicks')),
    cpl: ratio(m.spend, m.leads, has('spend') && has('leads')),
    cac: ratio(m.spend, m.customers, has('spend') && has('customers')),
    roas: ratio(m.revenue, m.spend, has('spend') && has('revenue')),
    romi: ratio(m.revenue * margin - m.spend, m.spend, has('spend') && has('revenue')),
    revenuePerCustomer: ratio(m.revenue, m.customers, has('revenue') && has('customers')),
  };
}

/**
 * Whole numbers become numbers, as Sheets would import them; everything else stays text, so the column
 * readers decide what `12.345` or `2.000` means from the whole column (../core/numbers.ts) and the period
 * reader sees `01.2026` as January (../core/periods.ts).
 */
export function cellsFromCsv(rows: string[][]): Matrix {
  return rows.map((r) => r.map((v) => (/^-?\d{1,15}$/u.test(v.trim()) ? Number(v) : v)));
}

/** The data rows of a detected table, as the add-on reads them (header and anything below the table cut off). */
function tableRows(values: Matrix, t: TableBinding): Matrix {
  const end = t.lastDataRow ?? values.length;
  return values.slice(t.firstDataRow - 1, end).map((r) => r.slice(t.firstColumn - 1, t.lastColumn));
}

/** The mapping both engines use: detected, defaulted, the CLI's flags applied and validated as the sidebar does. */
export interface PreparedReport {
  readonly mapping: Mapping;
  readonly margin: number;
  readonly options: ReportOptions;
  /** Detection and validation warnings, shown before the aggregation's own. */
  readonly warnings: readonly ValidationIssue[];
}

export function prepareReport(values: Matrix, costValues: Matrix | null, options: ReportOptions = {}): PreparedReport {
  const detection = detectSheet(values, undefined, { sheetName: 'csv', sheetId: 0 });
  const costs = costValues ? detectSheet(costValues, undefined, { sheetName: 'costs csv', sheetId: 1 }).table : null;
  if (costs && detection.shape !== 'crm') throw new CodedError('cli_costs_not_crm', { flag: '--costs' });
  const base = defaultMapping(detection, { costs });
  const margin = options.margin ?? base.options.grossMargin;
  if (!(margin > 0 && margin <= 1)) throw new CodedError('cli_margin_range', { flag: '--margin', value: margin });
  const mapping: Mapping = {
    ...base,
    options: {
      ...base.options,
      granularity: options.granularity ?? base.options.granularity,
      grossMargin: margin,
      byCampaign: options.byCampaign ?? false,
      metrics: options.metrics,
    },
  };
  // The same checks the sidebar makes before saving: a file without a channel column is refused, not summed to nothing.
  const issues = validateMapping(mapping);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw CodedError.withIssues('cli_not_reportable', errors);
  return {
    mapping,
    margin,
    options,
    warnings: [...detection.notes.filter((n) => n.code !== 'currency_detected'), ...issues.filter((i) => i.severity === 'warning')],
  };
}

/** The report of aggregated sums, whichever engine summed them. */
export function reportFrom(prepared: PreparedReport, data: AggregatedData): Report {
  const { mapping, margin } = prepared;
  // Nothing read is an error (exit 1), never an all-zero table.
  const empty = nothingReadable(data);
  if (empty) throw CodedError.from(empty);
  const has = (m: string): boolean => (data.measures as readonly string[]).includes(m);
  return {
    shape: mapping.shape,
    periods: data.periods,
    channels: data.rows.map((r) => metrics(r.channel, r.campaign, r.total, margin, has)),
    totals: metrics('Total', null, data.totals, margin, has),
    rows: { source: data.sourceRows, used: data.usedRows, skipped: data.skippedRows },
    // Detection notes of every severity: a skipped title row or an excluded totals row is a row not counted.
    warnings: [...prepared.warnings, ...data.warnings],
    // From the sums alone when the engine keeps the per-deal records in the warehouse (detail null).
    analysis: analysisReport(data, margin, prepared.options.metrics ?? {}, prepared.options.locale ?? 'en'),
  };
}

export function runReport(csvText: string, options: ReportOptions = {}): Report {
  const values = cellsFromCsv(parseCsv(csvText));
  const costValues = options.costsCsv === undefined ? null : cellsFromCsv(parseCsv(options.costsCsv));
  const prepared = prepareReport(values, costValues, options);
  const { mapping } = prepared;
  const t = mapping.source;
  const costs = mapping.shape === 'crm' ? mapping.costs : null;
  // A `;`-separated file comes from a decimal-comma Excel: the tie-break for columns that do not say themselves.
  const locale = sniffDelimiter(csvText.replace(/^\uFEFF/u, '')) === ';' ? 'ru_RU' : 'en_US';
  const data = aggregate(mapping, tableRows(values, t), costs && costValues ? tableRows(costValues, costs) : undefined, {
    firstRowNumber: t.firstDataRow,
    locale,
    today: options.today ?? localDay(),
  });
  return reportFrom(prepared, data);
}

/** The channel table's columns: the field, its heading (a catalogue key, or a metric's acronym as is), its format. */
const COLUMNS: readonly [keyof ChannelReport, MessageKey | 'CPL' | 'CAC' | 'ROAS' | 'ROMI', 'money' | 'count' | 'pct' | 'ratio'][] = [
  ['spend', 'cli.head.spend', 'money'],
  ['leads', 'cli.head.leads', 'count'],
  ['customers', 'cli.head.customers', 'count'],
  ['revenue', 'cli.head.revenue', 'money'],
  ['cpl', 'CPL', 'money'],
  ['cac', 'CAC', 'money'],
  ['roas', 'ROAS', 'ratio'],
  ['romi', 'ROMI', 'pct'],
  ['revenuePerCustomer', 'cli.head.revenuePerCustomer', 'money'],
];
const heading = (locale: Locale, h: (typeof COLUMNS)[number][1]): string => (isMessageKey(h) ? t(locale, h) : h);

// One formatter each: `toLocaleString` with options builds a new one per call (seconds on 150k channels).
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function show(v: unknown, kind: 'money' | 'count' | 'pct' | 'ratio'): string {
  if (typeof v !== 'number') return '—';
  if (kind === 'pct') return `${(v * 100).toFixed(1)}%`;
  if (kind === 'ratio') return v.toFixed(2);
  return (kind === 'money' ? MONEY : COUNT).format(v);
}

/**
 * Aligned text table: labels left, numbers right. Terminal-safe: escape sequences and control characters
 * in user text are removed (see terminal.ts). Widths are found by a loop, not `Math.max(...spread)`, which
 * throws past ~100k arguments (a 150k-channel export).
 */
export function formatReport(report: Report, locale: Locale = 'en'): string {
  const label = (r: ChannelReport): string =>
    r === report.totals ? t(locale, 'cli.total') : printable(r.campaign === null ? r.channel : `${r.channel} / ${r.campaign}`);
  const body = [...report.channels, report.totals].map((r) => [label(r), ...COLUMNS.map(([k, , kind]) => show(r[k], kind))]);
  const head = [t(locale, 'cli.head.channel'), ...COLUMNS.map(([, h]) => heading(locale, h))];
  const widths = head.map((h) => h.length);
  for (const row of body) for (let i = 0; i < row.length; i++) if (row[i].length > widths[i]) widths[i] = row[i].length;
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(head), rule];
  for (let i = 0; i < body.length - 1; i++) out.push(line(body[i]));
  out.push(rule, line(body[body.length - 1]));
  const a = report.analysis;
  const incomplete = a.incompletePeriod === null ? '' : t(locale, 'cli.incomplete', { period: a.incompletePeriod, asOf: a.asOf ?? '' });
  const basis = t(locale, a.options.periodBasis === 'close' ? 'cli.basis.close' : 'cli.basis.created');
  const model = modelName(locale, a.options.attribution);
  out.push(t(locale, 'cli.model', { model, basis, incomplete }));
  out.push(t(locale, 'cli.rows', { used: report.rows.used, source: report.rows.source, skipped: report.rows.skipped }));
  for (const w of report.warnings) out.push(printable(`${t(locale, `cli.severity.${w.severity}`)}: ${issueText(locale, w)}`));
  out.push(formatAnalysis(a, locale));
  return out.join('\n');
}
