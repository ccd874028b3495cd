/** What aggregation hands to the dashboard planner and the CLI: sums per channel (× campaign) × period. */
import type { ValidationIssue } from '../types.js';
import type { AttributionModel, IdentifierKind, LeadRecord, MetricsOptions, WonDeal } from '../definitions/index.js';
import type { DataShape, FunnelStage, Granularity, MeasureRole } from '../mapping/types.js';
import type { Matrix } from '../values.js';

/** Summed figures of one group × period (or a total). `stages` is aligned with AggregatedData.stages. */
export interface Figures {
  readonly measures: Readonly<Record<MeasureRole, number>>;
  readonly stages: readonly number[];
  /** CRM shape: leads whose status is junk (spam, duplicates); excluded from leads. 0 otherwise. */
  readonly junk: number;
}

export interface AggregateRow {
  /** Trimmed, first spelling seen; blank → the "(not set)" label. */
  readonly channel: string;
  /** null unless options.byCampaign. */
  readonly campaign: string | null;
  readonly total: Figures;
  /** Aligned with AggregatedData.periods. */
  readonly byPeriod: readonly Figures[];
}

export type AggregateNote =
  /** CRM: leads and the funnel are dated by lead creation; won deals by the period basis (close or created). */
  | 'crm_cohort'
  /** CRM, basis close: won deals are dated by their close date. */
  | 'crm_close_basis'
  /** Monthly costs spread evenly over the month's days and summed into ISO weeks. */
  | 'costs_spread_weekly'
  /** A customer counts once, as a new customer, credited like the revenue of their first won deal. */
  | 'customers_first_won'
  /** Week rows in a monthly or quarterly report: a week counts in the period of its first day (periods.ts). */
  | 'week_rows_by_start';

/** One NPS answer, placed: the channel and time it counts under. */
export interface NpsAnswer {
  readonly channel: string;
  readonly time: number | null;
  readonly score: number;
}

/** What became of a survey sheet's rows (aggregate/survey.ts). */
export interface SurveyJoin {
  /** Non-blank rows. */
  readonly rows: number;
  readonly matched: number;
  /** Rows with a score whose identifiers match no customer of the leads. */
  readonly unmatched: number;
  /** Rows without a whole-number score 0–10. */
  readonly unreadable: number;
}

/** CRM shape: the records behind the sums, for the analyses (models, cohorts, B2B, findings). */
export interface DealsDetail {
  readonly leads: readonly LeadRecord[];
  /** Won deals classified by the definitions (new / repeat / returned), with their touches. */
  readonly deals: readonly WonDeal[];
  /** Kinds of the customer-identity columns; empty: no identity, every won deal is its own customer. */
  readonly identity: readonly IdentifierKind[];
  readonly hasCloseDate: boolean;
  readonly hasNps: boolean;
  /** Answers from the survey sheet (the leads' own NPS column is on the lead records). */
  readonly surveyAnswers?: readonly NpsAnswer[];
  /** The survey sheet's join counts; absent without a survey. */
  readonly survey?: SurveyJoin;
  readonly hasGrossProfit: boolean;
  /** The options the sums were computed with. */
  readonly metrics: MetricsOptions;
}

/**
 * Money summed over won deals, kept in two parts so the margin can be applied afterwards: gross profit
 * where the deal's gross-profit cell holds it, and the revenue of deals without one (× margin).
 */
export interface MoneySums {
  readonly gp: number;
  readonly rev: number;
}

/** One channel's won deals credited under one attribution model (analysis/credits.ts adds spend and ratios). */
export interface ChannelCreditSums {
  /** normalizeName of the channel. */
  readonly key: string;
  readonly channel: string;
  readonly wonDeals: number;
  readonly newCustomers: number;
  readonly repeatSales: number;
  /** Repeat sales after ≥ returnDays without a purchase. */
  readonly returns: number;
  readonly revenue: number;
  readonly repeatRevenue: number;
  readonly grossProfit: MoneySums;
}

/**
 * What cohort LTV needs of each customer, summed by acquisition time (a customer's first purchase):
 * `bucket` is the first whole month k after acquisition by whose end a purchase counts in the value
 * (purchase < acquisition + k months), `month` the purchase's calendar month (year × 12 + month − 1).
 */
export interface CohortSums {
  readonly members: readonly { readonly acquired: number; readonly customers: number }[];
  readonly purchases: readonly (MoneySums & { readonly acquired: number; readonly month: number; readonly bucket: number })[];
  /** Acquisition-channel credit: the first deal's weights under the chosen model, summed per channel key. */
  readonly channelWeights: readonly {
    readonly acquired: number;
    readonly key: string;
    readonly channel: string;
    readonly weight: number;
  }[];
  /** The same weights × the customer's purchases. */
  readonly channelValues: readonly (MoneySums & { readonly acquired: number; readonly key: string; readonly bucket: number })[];
}

/**
 * The per-customer analyses' inputs computed where the rows live (warehouse mode), instead of per-deal
 * records: credits under every model and the cohort sums of the chosen one.
 */
export interface CustomerSums {
  readonly credits: Readonly<Record<AttributionModel, readonly ChannelCreditSums[]>>;
  /** null without a customer-identity column (every deal its own customer: no history to follow). */
  readonly cohort: CohortSums | null;
  /** The options the sums were computed with (the cohort's model, the return gap). */
  readonly metrics: MetricsOptions;
}

export interface AggregatedData {
  readonly shape: DataShape;
  /** null: no date column, everything is in the single period "all". */
  readonly granularity: Granularity | null;
  /** Measures the mapping can supply (others are 0 and must not be shown). */
  readonly measures: readonly MeasureRole[];
  readonly stages: readonly FunnelStage[];
  /** Sorted ascending: "2026-W03", "2026-03", "2026-Q1" or ["all"]. */
  readonly periods: readonly string[];
  /** Groups in first-seen order (source rows first, then cost-only channels). */
  readonly rows: readonly AggregateRow[];
  readonly totals: Figures;
  /**
   * ISO dates (yyyy-mm-dd): `from` the earliest day read, `to` the day the data reaches (asOf: a month row or
   * label holds its month), `last` the latest date as the sheet writes it (a label's or month row's first
   * day) — the one to name when it lies in the future. Null without a date column.
   */
  readonly dateRange: { readonly from: string; readonly to: string; readonly last: string } | null;
  /** The latest date in the data (yyyy-mm-dd); periods after it do not exist yet. */
  readonly asOf: string | null;
  /** The latest period when the data stops before its end (so its figures are partial); else null. */
  readonly incompletePeriod: string | null;
  /** CRM shape only; null for aggregated data. */
  readonly detail: DealsDetail | null;
  /** Warehouse mode (detail null): the per-customer sums the SQL computed; absent otherwise. */
  readonly customers?: CustomerSums;
  readonly sourceRows: number;
  readonly usedRows: number;
  readonly skippedRows: number;
  readonly warnings: readonly ValidationIssue[];
  readonly notes: readonly AggregateNote[];
}

export interface AggregateOptions {
  /** Label for a blank channel/campaign (localised by the caller). */
  readonly notSetLabel?: string;
  /** Label of the campaign row that carries channel-level costs when byCampaign is on. */
  readonly channelCostsLabel?: string;
  /** 1-based sheet row of the first data row, for row numbers in warnings (default mapping.source.firstDataRow). */
  readonly firstRowNumber?: number;
  readonly costsFirstRowNumber?: number;
  /** CRM: the survey sheet's data rows (mapping.survey), and the sheet row of the first. */
  readonly survey?: Matrix;
  readonly surveyFirstRowNumber?: number;
  /** Attribution model, period basis and the rest (defaults: definitions/rules.ts). */
  readonly metrics?: Partial<MetricsOptions>;
  /** The spreadsheet's time zone: Date cells are read as their wall clock there (default Etc/UTC). */
  readonly timeZone?: string;
  /**
   * The build day (`yyyy-mm-dd`, the spreadsheet's wall clock): a month or week row still running then holds data
   * to that day at most, so its period is incomplete. Without it such a row reaches its period's end.
   */
  readonly today?: string;
  /**
   * The spreadsheet's locale (`ru_RU`): the decimal mark for text numbers only when a column does not say.
   * A function is called only then (the adapter passes one: asking Sheets costs a round trip).
   */
  readonly locale?: string | (() => string);
}
