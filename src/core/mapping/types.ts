/**
 * The mapping: what each column of the user's sheet means and what their funnel is. It is the contract
 * between the guesser (core/mapping), the sidebar wizard, the saved document property and the dashboard
 * generator. Stored as versioned JSON (see persistence.ts); a change of shape needs a new schemaVersion
 * and a migration.
 */
import type { ValidationIssue } from '../types.js';

import type { MetricsOptions } from '../definitions/rules.js';

/** Below this a guess is uncertain: detection notes it (`low_confidence`) and the wizard marks it "check". */
export const LOW_CONFIDENCE = 0.5;

export const COLUMN_ROLES = [
  'date',
  'channel',
  'campaign',
  'lead_id',
  'customer_id',
  'status',
  'spend',
  'impressions',
  'clicks',
  'leads',
  'stage',
  'customers',
  'orders',
  'revenue',
  'gross_profit',
  'nps',
  'close_date',
  'ignore',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose values are summed per channel × period. */
export const MEASURE_ROLES = ['spend', 'impressions', 'clicks', 'leads', 'customers', 'orders', 'revenue', 'gross_profit'] as const;
export type MeasureRole = (typeof MEASURE_ROLES)[number];

/**
 * (a) aggregated: rows are channel × date with measure columns; funnel stages are columns.
 * (b) crm: one lead/deal per row; stages are values of a status column; costs come from a second table.
 */
export type DataShape = 'aggregated' | 'crm';

export type Granularity = 'week' | 'month' | 'quarter';

export interface ColumnBinding {
  /** 0-based offset from the table's firstColumn. */
  readonly index: number;
  /** Header text as it was when mapped; a mismatch on reload means the sheet changed. */
  readonly header: string;
  readonly role: ColumnRole;
}

/** A rectangular table on one sheet. Rows and columns are 1-based sheet coordinates, inclusive. */
export interface TableBinding {
  /** Sheet found by id first (survives renames), name second. */
  readonly sheetId: number;
  readonly sheetName: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** null: to the sheet's last row with data, so appended rows are picked up on refresh. */
  readonly lastDataRow: number | null;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly columns: readonly ColumnBinding[];
}

export interface FunnelStage {
  /** Stable key ("leads", "mql", "stage_4"); survives renames. */
  readonly id: string;
  /** Shown on the dashboard; the user may rename it. */
  readonly label: string;
  /** Aggregated shape: the column (ColumnBinding.index) whose values count this stage. */
  readonly column?: number;
}

/** CRM shape: what one status value means. A status at stage k proves every stage before k. */
export interface StatusRule {
  readonly status: string;
  readonly kind: 'stage' | 'won' | 'lost' | 'junk';
  /** For 'stage': the stage reached. For 'lost': the last stage reached before losing (default: the first). */
  readonly stageId?: string;
}

export interface ReportOptions {
  readonly granularity: Granularity;
  /** 0 < margin ≤ 1; ROMI and LTV use revenue × margin. */
  readonly grossMargin: number;
  /** ISO 4217 code: RUB, USD, EUR, CNY, … */
  readonly currency: string;
  readonly dashboardName: string;
  /** Per-channel table broken down channel → campaign. */
  readonly byCampaign: boolean;
  /** Attribution model, period basis, returned-customer days, LTV inputs; defaults in core/definitions/rules.ts. */
  readonly metrics?: Partial<MetricsOptions>;
}

/** A BigQuery table: `project.dataset.table`, each part checked (core/warehouse/bigquery.ts parseTableRef). */
export interface BigQueryTableRef {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
}

/**
 * Warehouse mode: the mapped tables live in BigQuery, not on sheets. The TableBindings then describe the
 * table's columns (index = position in the table's schema, header = column name); the query is built by
 * core/warehouse and run by the BigQuery advanced service (README: warehouse mode).
 */
export interface WarehouseBinding {
  readonly engine: 'bigquery';
  readonly source: BigQueryTableRef;
  /** CRM shape: the costs table, in BigQuery too; null without one. */
  readonly costs: BigQueryTableRef | null;
  /** The project the query jobs run in and are billed to (the user needs bigquery.jobUser there). */
  readonly billingProject: string;
}

/**
 * The shape version of a Mapping and of its stored JSON (persistence.ts migrates older ones on read).
 * 2: options.metrics (`m`) and the survey sheet (`sv`) may be present; version 1 had neither.
 */
export const MAPPING_SCHEMA_VERSION = 2;

export interface Mapping {
  readonly schemaVersion: typeof MAPPING_SCHEMA_VERSION;
  readonly shape: DataShape;
  readonly source: TableBinding;
  /** CRM shape: a channel × date (month) × spend table. null for the aggregated shape. */
  readonly costs: TableBinding | null;
  /** Ordered stages, first (widest) to last. In the CRM shape the last stage is "won" (customers). */
  readonly funnel: readonly FunnelStage[];
  /** CRM shape only; empty for aggregated. */
  readonly statusRules: readonly StatusRule[];
  readonly options: ReportOptions;
  /**
   * CRM shape: an NPS survey on its own sheet — customer ID (and/or e-mail, phone) columns and an NPS
   * column, optionally the answer date — joined to the leads' customers. Absent: none.
   */
  readonly survey?: TableBinding;
  /** Set when the data is a BigQuery table (warehouse mode); absent for sheets. */
  readonly warehouse?: WarehouseBinding;
}

/** What the reader sees in a column's cells. */
export type ValueType = 'number' | 'date' | 'text' | 'empty';

export interface DetectedColumn {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole;
  /** 0–1: how sure the guesser is; below LOW_CONFIDENCE the UI marks the guess "check". */
  readonly confidence: number;
  readonly valueType: ValueType;
  /** A few display strings from the column, for the preview. */
  readonly samples: readonly string[];
}

export interface StatusCount {
  readonly status: string;
  readonly count: number;
}

export interface Detection {
  readonly shape: DataShape;
  readonly table: TableBinding;
  readonly columns: readonly DetectedColumn[];
  /** Header row plus the first data rows, as display strings. */
  readonly preview: readonly (readonly string[])[];
  readonly funnel: readonly FunnelStage[];
  /** CRM shape: distinct statuses with counts, and the guessed meaning of each. */
  readonly statuses: readonly StatusCount[];
  readonly statusRules: readonly StatusRule[];
  /** Title rows skipped, totals rows excluded, and the like, for the user to see. */
  readonly notes: readonly ValidationIssue[];
}
