/**
 * What the numbers mean, declared once. The aggregator, the analyses, the custom functions, the CLI, the
 * dashboard notes and README all read these rules; h8's SQL compiler mirrors them. A change of meaning is
 * a change here and nowhere else.
 */

/** How a won deal's revenue (and the customer it brings) is split over the customer's touches. */
export const ATTRIBUTION_MODELS = ['last_touch', 'first_touch', 'linear', 'position_based', 'time_decay'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/**
 * Which date places a won deal (its revenue, customer, repeat sale) in a period. Leads are always dated
 * by their creation: a lead *is* its arrival.
 * - close: what was sold in the period (default for period pivots);
 * - created: the cohort view, revenue sits in the month its lead arrived.
 */
export const PERIOD_BASES = ['close', 'created'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

export interface MetricsOptions {
  readonly attribution: AttributionModel;
  readonly periodBasis: PeriodBasis;
  /** A repeat sale is a *return* when at least this many days passed since the customer's previous purchase. */
  readonly returnDays: number;
  /** Time-decay: a touch this many days older than the deal's own lead gets half its weight. */
  readonly halfLifeDays: number;
  /** Without customer history LTV is only computed from these two, and labelled as a formula. */
  readonly lifespanYears: number | null;
  readonly purchasesPerYear: number | null;
  /** Projected LTV horizon, months since acquisition. */
  readonly ltvHorizonMonths: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = {
  attribution: 'last_touch',
  periodBasis: 'close',
  returnDays: 90,
  halfLifeDays: 7,
  lifespanYears: null,
  purchasesPerYear: null,
  ltvHorizonMonths: 24,
};

/** Position-based (U-shaped) model: first and last touch get 40% each, the touches between share 20%. */
export const POSITION_WEIGHTS = { first: 0.4, middle: 0.2, last: 0.4 } as const;

/** LTV windows shown per acquisition channel, months since acquisition (observed, not projected). */
export const LTV_WINDOWS = [3, 6, 12] as const;

/** Months of the pooled cohort curve whose mean monthly increase extends it to the horizon. */
export const PROJECTION_SLOPE_MONTHS = 3;

/** A point of the pooled LTV curve needs this many customers observed that long (else it is noise, not a curve). */
export const PROJECTION_MIN_CUSTOMERS = 10;

/** NPS answers are 0–10: 9–10 promoters, 0–6 detractors. */
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;

/** Findings: "losing money in the last full periods" looks at this many complete periods. */
export const RECENT_FULL_PERIODS = 2;

/**
 * The definitions, in words, keyed for i18n (`def.<id>`). Dashboard notes, the CLI's `definitions` block
 * and README are rendered from this list.
 */
export const DEFINITION_IDS = [
  'lead',
  'won_deal',
  'customer',
  'new_customer',
  'repeat_sale',
  'returned_customer',
  'credit',
  'period',
  'incomplete_period',
  'revenue_per_customer',
  'ltv_cohort',
  'ltv_formula',
  'deal_cycle',
  'nps',
  'profit',
  'drr',
  'cpo',
] as const;
export type DefinitionId = (typeof DEFINITION_IDS)[number];

export const MODEL_IDS: readonly AttributionModel[] = ATTRIBUTION_MODELS;

export function isAttributionModel(x: unknown): x is AttributionModel {
  return typeof x === 'string' && (ATTRIBUTION_MODELS as readonly string[]).includes(x);
}

export function isPeriodBasis(x: unknown): x is PeriodBasis {
  return typeof x === 'string' && (PERIOD_BASES as readonly string[]).includes(x);
}

/** Options as given (partial, possibly hostile) → complete and checked; the message names the field. */
export function metricsOptions(given: Partial<Record<keyof MetricsOptions, unknown>> = {}): MetricsOptions {
  const o = { ...DEFAULT_METRICS_OPTIONS };
  const pick = <K extends keyof MetricsOptions>(key: K, ok: (v: unknown) => boolean, why: string): void => {
    const v = given[key];
    if (v === undefined || v === null) return;
    if (!ok(v)) throw new Error(`metrics options: ${key} ${why}, got ${JSON.stringify(v)}`);
    (o as Record<string, unknown>)[key] = v;
  };
  const positive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
  pick('attribution', isAttributionModel, `must be one of ${ATTRIBUTION_MODELS.join(', ')}`);
  pick('periodBasis', isPeriodBasis, 'must be close or created');
  pick('returnDays', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 3660, 'must be a whole number of days, 1–3660');
  pick('halfLifeDays', positive, 'must be a positive number of days');
  pick('lifespanYears', positive, 'must be a positive number of years');
  pick('purchasesPerYear', positive, 'must be a positive number');
  pick(
    'ltvHorizonMonths',
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 120,
    'must be a whole number of months, 1–120',
  );
  return o;
}
