/**
 * Sheets limits said before they are hit. The dashboard must never be the write that makes Sheets fail
 * half-way (a cell or column limit error after some blocks are written), so the planner's output is
 * checked against them first, and very many channels are rolled up into one "other channels" row.
 *
 * Limits (Google's documented figures): 10,000,000 cells per spreadsheet; 18,278 columns (ZZZ) per sheet;
 * 9 KB per property value and 500 KB per property store; 6 minutes per execution; 30 seconds per custom
 * function call.
 */
import type { AggregatedData, AggregateRow, Figures } from '../aggregate/types.js';
import { normalizeName } from '../aggregate/cells.js';
import type { DashboardPlan } from './types.js';
import { CodedError } from '../issues.js';

export const SHEETS_LIMITS = {
  cellsPerSpreadsheet: 10_000_000,
  columnsPerSheet: 18_278,
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  executionSeconds: 6 * 60,
  customFunctionSeconds: 30,
} as const;

/** Channels shown one per row; the rest become one row. A table a CMO reads has tens of rows, not thousands. */
export const MAX_DASHBOARD_CHANNELS = 200;
/**
 * The dashboard's own share of the 10M-cell budget: the source data lives in the same spreadsheet, so the
 * dashboard takes at most a tenth of it and leaves the rest to the user's data.
 */
export const DASHBOARD_CELL_BUDGET = SHEETS_LIMITS.cellsPerSpreadsheet / 10;

/** A dashboard Sheets would refuse: a coded error like every other, named for the tests that catch it. */
export class SheetsLimitError extends CodedError<'dashboard_too_wide' | 'dashboard_too_large'> {}

function add(a: Figures, b: Figures): Figures {
  const measures = { ...a.measures };
  for (const k of Object.keys(measures) as (keyof typeof measures)[]) measures[k] = a.measures[k] + b.measures[k];
  const stages = Array.from({ length: Math.max(a.stages.length, b.stages.length) }, (_, i) => (a.stages[i] ?? 0) + (b.stages[i] ?? 0));
  return { measures, stages, junk: a.junk + b.junk };
}

const weight = (f: Figures): number => f.measures.spend * 1e6 + f.measures.revenue + f.measures.leads * 1e-6;

/**
 * Keeps the `max - 1` channels with the most spend (then revenue, leads) and sums every other channel —
 * with its campaigns — into one row labelled `label`. Totals are unchanged: nothing is dropped.
 */
export function rollUpChannels(
  data: AggregatedData,
  label: string,
  max = MAX_DASHBOARD_CHANNELS,
): { data: AggregatedData; rolledUp: number } {
  const byChannel = new Map<string, { weight: number; rows: AggregateRow[] }>();
  for (const r of data.rows) {
    const key = normalizeName(r.channel);
    const e = byChannel.get(key) ?? { weight: 0, rows: [] };
    e.weight += weight(r.total);
    e.rows.push(r);
    byChannel.set(key, e);
  }
  if (byChannel.size <= max) return { data, rolledUp: 0 };
  const ranked = [...byChannel.values()].sort((a, b) => b.weight - a.weight);
  const kept = ranked.slice(0, max - 1).flatMap((e) => e.rows);
  const rest = ranked.slice(max - 1).flatMap((e) => e.rows);
  const other: AggregateRow = {
    channel: label,
    campaign: rest.some((r) => r.campaign !== null) ? '' : null,
    total: rest.map((r) => r.total).reduce(add),
    byPeriod: data.periods.map((_, p) => rest.map((r) => r.byPeriod[p]).reduce(add)),
  };
  return { data: { ...data, rows: [...kept, other] }, rolledUp: ranked.length - (max - 1) };
}

/** Throws a coded SheetsLimitError when writing `plan` would exceed a Sheets limit (nothing is written then). */
export function checkDashboardLimits(plan: Pick<DashboardPlan, 'lastRow' | 'lastColumn'>): void {
  if (plan.lastColumn > SHEETS_LIMITS.columnsPerSheet) {
    throw new SheetsLimitError('dashboard_too_wide', { columns: plan.lastColumn, max: SHEETS_LIMITS.columnsPerSheet });
  }
  const cells = plan.lastRow * plan.lastColumn;
  if (cells > DASHBOARD_CELL_BUDGET) {
    throw new SheetsLimitError('dashboard_too_large', { cells, max: DASHBOARD_CELL_BUDGET, sheetsMax: SHEETS_LIMITS.cellsPerSpreadsheet });
  }
}
