/**
 * What every block of the dashboard reads, worked out once: the labels in the dashboard's language, the
 * metric columns, the funnel stages, the ordered rows and the findings.
 */
import type { AggregatedData, AggregateRow } from '../aggregate/types.js';
import { computeInsights, type Insights } from '../analysis/index.js';
import type { Mapping } from '../mapping/types.js';
import { KPI_ORDER, metricColumns, OVERVIEW_KEYS, stageRefs, type MetricColumn, type StageRef } from './columns.js';
import { moneyFormat } from './formats.js';
import { DASHBOARD_LABELS, type DashboardLabels } from './labels.js';
import { channelSeries, orderRows, type ChannelSeries } from './series.js';
import type { PlanContext } from './types.js';

/** The cell every ROMI and LTV formula reads the gross margin from (the header's third row). */
export const DASHBOARD_MARGIN_CELL = '$B$3';

export interface DashboardModel {
  readonly data: AggregatedData;
  readonly mapping: Mapping;
  readonly ctx: PlanContext;
  readonly L: DashboardLabels;
  /** Campaign rows under their channel: the table has a second label column. */
  readonly byCampaign: boolean;
  readonly labelCols: number;
  /** Every metric column, in definition order. */
  readonly metrics: readonly MetricColumn[];
  /** The overview table's metric columns (OVERVIEW_KEYS order). */
  readonly overview: readonly MetricColumn[];
  /** The funnel and conversions table's metric columns: every other one. */
  readonly detail: readonly MetricColumn[];
  /** The metrics of the KPI strip, in KPI_ORDER. */
  readonly kpis: readonly MetricColumn[];
  /** Funnel stages that have a column in the table. */
  readonly stages: readonly StageRef[];
  /** The channel table's rows, in display order. */
  readonly rows: readonly AggregateRow[];
  /** One series per channel (campaigns merged), for the pivots. */
  readonly series: readonly ChannelSeries[];
  readonly insights: Insights;
  /** Money without decimals in the mapping's currency. */
  readonly money0: string;
  has(key: string): boolean;
}

export function dashboardModel(data: AggregatedData, mapping: Mapping, ctx: PlanContext): DashboardModel {
  const L = DASHBOARD_LABELS[ctx.locale] ?? DASHBOARD_LABELS.en;
  const byCampaign = data.rows.some((r) => r.campaign !== null);
  const metrics = metricColumns(data, mapping, L);
  const has = (key: string): boolean => metrics.some((m) => m.key === key);
  const rows = orderRows(data.rows);
  return {
    data,
    mapping,
    ctx,
    L,
    byCampaign,
    labelCols: byCampaign ? 2 : 1,
    metrics,
    overview: OVERVIEW_KEYS.map((k) => metrics.find((m) => m.key === k)).filter((m): m is MetricColumn => m !== undefined),
    detail: metrics.filter((m) => !OVERVIEW_KEYS.includes(m.key)),
    kpis: KPI_ORDER.map((k) => metrics.find((m) => m.key === k)).filter((m): m is MetricColumn => m !== undefined),
    stages: stageRefs(data, mapping, L).filter((s) => has(s.key)),
    rows,
    series: channelSeries(rows, data.stages.length),
    insights: insightsOf(data, mapping, ctx.locale),
    money0: moneyFormat(mapping.options.currency, 0),
    has,
  };
}

/** Number style of the findings' sentences: "16 354 RUB" in a Russian sentence, not "16,354 RUB". */
const NUMBER_TAG: Readonly<Record<PlanContext['locale'], string>> = { en: 'en-US', ru: 'ru-RU', zh: 'zh-CN' };

function insightsOf(data: AggregatedData, mapping: Mapping, locale: PlanContext['locale']): Insights {
  const moneyText = new Intl.NumberFormat(NUMBER_TAG[locale], { maximumFractionDigits: 0 });
  return computeInsights(
    data,
    mapping.options.grossMargin,
    mapping.options.metrics ?? {},
    (x) => `${moneyText.format(x)} ${mapping.options.currency}`,
  );
}
