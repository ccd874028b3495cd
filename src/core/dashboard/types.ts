/**
 * A declarative description of the dashboard sheet. The adapter applies it with a bounded number of
 * batched calls; tests evaluate its grid with HyperFormula. Rows and columns are 1-based.
 */
import type { Locale, ValidationIssue } from '../types.js';

export type PlanCell =
  | { readonly t: 'n'; readonly v: number }
  /** Text; written so Sheets keeps it as text even when it looks like a formula, number or date. */
  | { readonly t: 's'; readonly v: string }
  /** A built-in Sheets formula starting with `=`. */
  | { readonly t: 'f'; readonly v: string }
  | null;

export interface PlanBlock {
  readonly name: string;
  readonly row: number;
  readonly column: number;
  readonly cells: readonly (readonly PlanCell[])[];
  /** Same shape as cells. 'General' where nothing specific applies. */
  readonly numberFormats: readonly (readonly string[])[];
  /** '' = no note. */
  readonly notes: readonly (readonly string[])[];
  readonly fontWeights: readonly (readonly ('bold' | 'normal')[])[];
  readonly fontColors: readonly (readonly string[])[];
  /** null = no fill. */
  readonly backgrounds: readonly (readonly (string | null)[])[];
}

export type ChartKind = 'bar' | 'column' | 'line';

export interface ChartSpec {
  readonly id: 'profit' | 'romi' | 'spend_revenue' | 'funnel' | 'over_time';
  readonly type: ChartKind;
  readonly title: string;
  /** A1 ranges within the dashboard sheet; the first is the label (domain) column. */
  readonly ranges: readonly string[];
  /** Header rows at the top of the ranges (default 1); 0 when the ranges start inside a table. */
  readonly numHeaders?: number;
  readonly anchorRow: number;
  readonly anchorColumn: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly width: number;
  readonly height: number;
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

export interface ConditionalRule {
  readonly ranges: readonly string[];
  readonly when: 'lt' | 'gt';
  readonly value: number;
  readonly fontColor: string;
  readonly background: string;
}

/** Where things are, so tests and the adapter can find a channel row or a metric column without guessing. */
export interface PlanIndex {
  readonly marginCell: string;
  readonly tableHeaderRow: number;
  readonly firstChannelRow: number;
  readonly lastChannelRow: number;
  readonly totalsRow: number;
  /** Metric key (spend, romi, profit…) → 1-based column in the overview table. */
  readonly columns: Readonly<Record<string, number>>;
  /**
   * The funnel and conversions table (stages, conversions, CTR, CPC, AOV, ROAS…): same channels in the
   * same order as the overview, so channel i is on row firstChannelRow + i of either.
   */
  readonly detail?: {
    readonly tableHeaderRow: number;
    readonly firstChannelRow: number;
    readonly totalsRow: number;
    readonly columns: Readonly<Record<string, number>>;
  };
  /** First row of each metrics block (models, cohort, ltvChannels, ltvNone, b2b, definitions) that was planned. */
  readonly blocks?: Readonly<Record<string, number>>;
}

export interface DashboardPlan {
  readonly sheetName: string;
  readonly blocks: readonly PlanBlock[];
  readonly merges: readonly string[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  /** Rows whose text wraps (every table's header row): the row grows instead of the text being cut. */
  readonly wrapRows?: readonly number[];
  readonly conditionalRules: readonly ConditionalRule[];
  readonly charts: readonly ChartSpec[];
  /** Extent of the written area. */
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly index: PlanIndex;
}

export interface PlanContext {
  /** ISO 8601 timestamp, passed in so planning stays pure and testable. */
  readonly generatedAt: string;
  /** The spreadsheet's time zone: "Generated" is shown as its wall-clock time there. */
  readonly timeZone?: string;
  readonly locale: Locale;
  /** e.g. `'Ads export'!A3:K732`. */
  readonly sourceA1: string;
  readonly sheetName: string;
  /** Build warnings; skipped and excluded rows are listed in the header (reading-notes.ts). */
  readonly warnings?: readonly ValidationIssue[];
}
