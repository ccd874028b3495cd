/**
 * What the numbers mean, declared once. The aggregator, the analyses, the custom functions, the CLI, the
 * dashboard notes and README all read these rules; h8's SQL compiler mirrors them. A change of meaning is
 * a change here and nowhere else.
 */
import { CodedError } from '../issues.js';

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

/** One refused option: which field, the value given, and what is allowed, language-neutral ("1…3660" is whole numbers). */
export interface MetricsOptionProblem {
  readonly field: keyof MetricsOptions;
  readonly value: string;
  readonly allowed: string;
}

/** A choice among names, or a number in a range (`whole`: an integer; the low end is open unless whole). */
export type MetricsOptionRule =
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly whole: boolean };

/**
 * The rule of each option, declared once: the wizard's fields, the saved-mapping check (mapping/validate.ts),
 * the CLI flags and metricsOptions all apply these. Upper bounds keep a typo (a lifespan of 2000 years)
 * from becoming a figure on a CFO's sheet.
 */
export const METRICS_OPTION_RULES: { readonly [K in keyof MetricsOptions]-?: MetricsOptionRule } = {
  attribution: { kind: 'choice', choices: ATTRIBUTION_MODELS },
  periodBasis: { kind: 'choice', choices: PERIOD_BASES },
  returnDays: { kind: 'number', min: 1, max: 3660, whole: true },
  halfLifeDays: { kind: 'number', min: 0, max: 3660, whole: false },
  lifespanYears: { kind: 'number', min: 0, max: 100, whole: false },
  purchasesPerYear: { kind: 'number', min: 0, max: 1000, whole: false },
  ltvHorizonMonths: { kind: 'number', min: 1, max: 120, whole: true },
};

export function metricsOptionAllowed(rule: MetricsOptionRule): string {
  if (rule.kind === 'choice') return rule.choices.join(' | ');
  return rule.whole ? `${rule.min}…${rule.max}` : `${rule.min} < x ≤ ${rule.max}`;
}

export function metricsOptionOk(rule: MetricsOptionRule, v: unknown): boolean {
  if (rule.kind === 'choice') return typeof v === 'string' && rule.choices.includes(v);
  if (typeof v !== 'number' || !Number.isFinite(v) || v > rule.max) return false;
  return rule.whole ? Number.isInteger(v) && v >= rule.min : v > rule.min;
}

/** Every refused field of options as given (unknown keys too); [] when all are fine. null/undefined is "the default". */
export function metricsOptionProblems(given: unknown): MetricsOptionProblem[] {
  if (given === undefined || given === null) return [];
  if (typeof given !== 'object' || Array.isArray(given)) return [{ field: 'attribution', value: shown(given), allowed: '{…}' }];
  const out: MetricsOptionProblem[] = [];
  for (const [key, v] of Object.entries(given as Record<string, unknown>)) {
    const rule = (METRICS_OPTION_RULES as Readonly<Record<string, MetricsOptionRule | undefined>>)[key];
    const field = key as keyof MetricsOptions;
    if (!rule) out.push({ field, value: shown(v), allowed: Object.keys(DEFAULT_METRICS_OPTIONS).join(' | ') });
    else if (v !== undefined && v !== null && !metricsOptionOk(rule, v))
      out.push({ field, value: shown(v), allowed: metricsOptionAllowed(rule) });
  }
  return out;
}

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** Options as given (partial, possibly hostile) → complete and checked; the message names the field. */
export function metricsOptions(given: Partial<Record<keyof MetricsOptions, unknown>> = {}): MetricsOptions {
  const problem = metricsOptionProblems(given)[0];
  if (problem) throw new CodedError('invalid_metrics_option', { field: problem.field, value: problem.value, allowed: problem.allowed });
  const o: Record<string, unknown> = { ...DEFAULT_METRICS_OPTIONS };
  for (const [key, v] of Object.entries(given)) if (v !== undefined && v !== null) o[key] = v;
  return o as unknown as MetricsOptions;
}
