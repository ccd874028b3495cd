/**
 * Everything beyond the per-channel sums, computed once from AggregatedData for the CLI and the dashboard:
 * the channel table under the chosen model and under every model, cohort LTV (or why not), the B2B block
 * and the findings.
 */
import type { AggregatedData } from '../aggregate/types.js';
import { metricsOptions, PROJECTION_SLOPE_MONTHS, type AttributionModel, type MetricsOptions } from '../definitions/index.js';
import { b2bBlock, type B2bBlock } from './b2b.js';
import { cohortFromSums, cohortLtv, type CohortLtv } from './cohort.js';
import {
  channelSpend,
  comparison as comparisonOf,
  compareModels,
  creditByChannel,
  creditFromSums,
  modelRow,
  type ModelComparison,
  type ModelRow,
} from './credits.js';
import { findings, type Finding } from './findings.js';

export interface LtvFormula {
  readonly aov: number;
  readonly purchasesPerYear: number;
  readonly lifespanYears: number;
  readonly margin: number;
  readonly value: number;
}

export interface Insights {
  readonly options: MetricsOptions;
  readonly margin: number;
  /** Why LTV is (not) shown: 'cohort' with customer history, 'formula' from Options, 'none'. */
  readonly ltvBasis: 'cohort' | 'formula' | 'none';
  /** CRM with deals: the chosen model's per-channel table; null for aggregated data. */
  readonly channels: readonly ModelRow[] | null;
  readonly comparison: ModelComparison | null;
  readonly cohort: CohortLtv | null;
  readonly ltvFormula: LtvFormula | null;
  /** Revenue / new customers over all rows. */
  readonly revenuePerCustomer: number | null;
  readonly b2b: B2bBlock | null;
  readonly findings: readonly Finding[];
  readonly slopeMonths: number;
}

const ISO_TIME = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

export function computeInsights(
  data: AggregatedData,
  margin: number,
  given: Partial<MetricsOptions> = {},
  money: (x: number) => string = (x) => x.toFixed(2),
): Insights {
  const detail = data.detail;
  const options = detail ? detail.metrics : (data.customers?.metrics ?? metricsOptions(given));
  const model: AttributionModel = options.attribution;
  const t = data.totals.measures;
  const revenuePerCustomer = t.customers > 0 && data.measures.includes('revenue') ? t.revenue / t.customers : null;
  let channels: ModelRow[] | null = null;
  let comparison: ModelComparison | null = null;
  let cohort: CohortLtv | null = null;
  let b2b: B2bBlock | null = null;
  // The LTV-by-channel table lists channels as the channel table does.
  const cohortOptions = {
    months: 12,
    margin,
    model,
    halfLifeDays: options.halfLifeDays,
    horizonMonths: options.ltvHorizonMonths,
    channels: new Map([...channelSpend(data)].map(([k, e]) => [k, e.channel])),
  };
  if (detail) {
    const credits = creditByChannel(data, detail.deals, model, options.halfLifeDays, margin);
    channels = [...credits.values()].map(modelRow);
    comparison = compareModels(data, detail.deals, options.halfLifeDays, margin);
    b2b = b2bBlock(credits, detail.deals, detail.leads, data.granularity, detail.surveyAnswers);
    // Cohorts need customers that can buy twice (an identity) and dates to count months.
    if (detail.identity.length > 0 && data.asOf !== null) cohort = cohortLtv(detail.deals, ISO_TIME(data.asOf), cohortOptions);
  } else if (data.customers) {
    // Warehouse mode: the same tables from the sums the SQL computed (the B2B block needs per-deal records).
    const sums = data.customers;
    channels = [...creditFromSums(data, sums.credits[model], margin).values()].map(modelRow);
    comparison = comparisonOf((m) => creditFromSums(data, sums.credits[m], margin));
    if (sums.cohort && data.asOf !== null) cohort = cohortFromSums(sums.cohort, ISO_TIME(data.asOf), cohortOptions);
  }
  let ltvFormula: LtvFormula | null = null;
  if (!cohort && options.lifespanYears !== null && options.purchasesPerYear !== null) {
    const orders = t.orders > 0 ? t.orders : t.customers;
    if (orders > 0 && data.measures.includes('revenue')) {
      const aov = t.revenue / orders;
      ltvFormula = {
        aov,
        purchasesPerYear: options.purchasesPerYear,
        lifespanYears: options.lifespanYears,
        margin,
        value: aov * options.purchasesPerYear * options.lifespanYears * margin,
      };
    }
  }
  return {
    options,
    margin,
    ltvBasis: cohort ? 'cohort' : ltvFormula ? 'formula' : 'none',
    channels,
    comparison,
    cohort,
    ltvFormula,
    revenuePerCustomer,
    b2b,
    findings: findings(data, margin, comparison, money),
    slopeMonths: PROJECTION_SLOPE_MONTHS,
  };
}
