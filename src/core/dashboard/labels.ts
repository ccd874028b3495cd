/**
 * The dashboard's labels, read from the one message catalogue (`dash.*` keys in i18n/en.ts, ru.ts, zh.ts):
 * adding a locale there gives the dashboard its words too. The blocks read them through this typed view.
 * Metric definitions go into header notes.
 */
import { isMessageKey, t, type MessageKey } from '../i18n/index.js';
import { LOCALES, type UiLocale } from '../types.js';

export interface DashboardLabels {
  readonly title: string;
  readonly source: string;
  readonly period: string;
  readonly generated: string;
  readonly margin: string;
  readonly marginNote: string;
  readonly currency: string;
  readonly rowsRead: string;
  readonly notSet: string;
  readonly channelCosts: string;
  /** The one row that sums every channel beyond the dashboard's channel cap. */
  readonly otherChannels: string;
  readonly channel: string;
  readonly campaign: string;
  readonly total: string;
  readonly kpi: string;
  readonly byChannel: string;
  /** The per-channel funnel and conversions table, below the overview. */
  readonly byChannelFunnel: string;
  readonly rankProfit: string;
  readonly rankRomi: string;
  readonly funnel: string;
  readonly stage: string;
  readonly count: string;
  readonly fromPrevious: string;
  readonly fromFirst: string;
  readonly overTime: string;
  readonly growth: string;
  /** KPI delta note: change of the latest full period against the one before. */
  readonly kpiChange: (to: string, from: string) => string;
  readonly pivot: (metric: string) => string;
  readonly metric: Readonly<Record<MetricKey, string>>;
  readonly definition: Readonly<Partial<Record<MetricKey, string>>>;
  readonly conversion: (from: string, to: string) => string;
  readonly conversionNote: string;
  /** CRM: the won stage and the won-deal count (repeat sales included), and the new customers among them. */
  readonly wonDeals: string;
  readonly wonDealsNote: string;
  readonly ofWhichNewCustomers: string;
  readonly newCustomerNote: string;
  readonly chart: {
    readonly romi: string;
    readonly profit: string;
    readonly spendRevenue: string;
    readonly funnel: string;
    readonly overTime: string;
  };
  readonly note: {
    readonly cohort: string;
    readonly closeBasis: string;
    readonly ltv: string;
    readonly noSpend: string;
    readonly noRevenue: string;
    readonly spreadWeekly: string;
    readonly weekRowsByStart: string;
    readonly firstWon: string;
    readonly totals: string;
  };
}

export const METRIC_KEYS = [
  'spend',
  'impressions',
  'clicks',
  'leads',
  'customers',
  'orders',
  'revenue',
  'gross_profit',
  'junk',
  'ctr',
  'cpc',
  'cpl',
  'lcr',
  'cac',
  'aov',
  'roas',
  'romi',
  'profit',
  'ltv',
  'spend_share',
  'revenue_share',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

type DashKey = Extract<MessageKey, `dash.${string}`>;

/** The labels of one locale, built from the catalogue; the templated ones take their values as params. */
export function dashboardLabels(locale: UiLocale): DashboardLabels {
  const text = (key: DashKey, params?: Readonly<Record<string, string>>): string => t(locale, key, params);
  const byMetric = (prefix: 'dash.metric.' | 'dash.definition.'): Record<string, string> =>
    Object.fromEntries(METRIC_KEYS.flatMap((k) => (isMessageKey(`${prefix}${k}`) ? [[k, t(locale, `${prefix}${k}` as DashKey)]] : [])));
  return {
    title: text('dash.title'),
    source: text('dash.source'),
    period: text('dash.period'),
    generated: text('dash.generated'),
    margin: text('dash.margin'),
    marginNote: text('dash.marginNote'),
    currency: text('dash.currency'),
    rowsRead: text('dash.rowsRead'),
    notSet: text('dash.notSet'),
    channelCosts: text('dash.channelCosts'),
    otherChannels: text('dash.otherChannels'),
    channel: text('dash.channel'),
    campaign: text('dash.campaign'),
    total: text('dash.total'),
    kpi: text('dash.kpi'),
    byChannel: text('dash.byChannel'),
    byChannelFunnel: text('dash.byChannelFunnel'),
    rankProfit: text('dash.rankProfit'),
    rankRomi: text('dash.rankRomi'),
    funnel: text('dash.funnel'),
    stage: text('dash.stage'),
    count: text('dash.count'),
    fromPrevious: text('dash.fromPrevious'),
    fromFirst: text('dash.fromFirst'),
    overTime: text('dash.overTime'),
    growth: text('dash.growth'),
    kpiChange: (to, from) => text('dash.kpiChange', { to, from }),
    pivot: (metric) => text('dash.pivot', { metric }),
    metric: byMetric('dash.metric.') as Record<MetricKey, string>,
    definition: byMetric('dash.definition.'),
    conversion: (from, to) => text('dash.conversion', { from, to }),
    conversionNote: text('dash.conversionNote'),
    wonDeals: text('dash.wonDeals'),
    wonDealsNote: text('dash.wonDealsNote'),
    ofWhichNewCustomers: text('dash.ofWhichNewCustomers'),
    newCustomerNote: text('dash.newCustomerNote'),
    chart: {
      romi: text('dash.chart.romi'),
      profit: text('dash.chart.profit'),
      spendRevenue: text('dash.chart.spendRevenue'),
      funnel: text('dash.chart.funnel'),
      overTime: text('dash.chart.overTime'),
    },
    note: {
      cohort: text('dash.note.cohort'),
      closeBasis: text('dash.note.closeBasis'),
      ltv: text('dash.note.ltv'),
      noSpend: text('dash.note.noSpend'),
      noRevenue: text('dash.note.noRevenue'),
      spreadWeekly: text('dash.note.spreadWeekly'),
      weekRowsByStart: text('dash.note.weekRowsByStart'),
      firstWon: text('dash.note.firstWon'),
      totals: text('dash.note.totals'),
    },
  };
}

export const DASHBOARD_LABELS: Readonly<Record<UiLocale, DashboardLabels>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, dashboardLabels(locale)]),
) as Record<UiLocale, DashboardLabels>;
