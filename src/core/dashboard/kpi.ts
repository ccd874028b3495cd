/**
 * KPI deltas: each headline metric in the latest full period against the period before, computed from the
 * same column definitions as the table (columns.ts), so a tile's arrow and the table can never disagree
 * about what CAC or ROMI is. A period still running (data.incompletePeriod) is never compared.
 */
import type { AggregatedData, Figures } from '../aggregate/types.js';
import { figureOf, type MetricColumn } from './columns.js';

export interface PeriodPair {
  readonly current: number;
  readonly previous: number;
}

/** Indexes of the latest full period and the one before it; null when there are not two. */
export function comparedPeriods(data: AggregatedData): PeriodPair | null {
  let current = data.periods.length - 1;
  if (current >= 0 && data.periods[current] === data.incompletePeriod) current--;
  return current >= 1 ? { current, previous: current - 1 } : null;
}

export function periodTotals(data: AggregatedData, period: number): Figures {
  type Measures = { -readonly [K in keyof Figures['measures']]: number };
  const keys = Object.keys(data.totals.measures) as (keyof Measures)[];
  const measures = Object.fromEntries(keys.map((k) => [k, 0])) as Measures;
  const stages = Array.from({ length: data.stages.length }, () => 0);
  let junk = 0;
  for (const r of data.rows) {
    const f = r.byPeriod[period];
    if (!f) continue;
    for (const k of keys) measures[k] += f.measures[k];
    f.stages.forEach((s, i) => (stages[i] = (stages[i] ?? 0) + s));
    junk += f.junk;
  }
  return { measures, stages, junk };
}

/** A metric's value for one set of figures: base columns read the figure, derived ones evaluate their formula. */
export function metricValue(
  columns: readonly MetricColumn[],
  key: string,
  f: Figures,
  margin: number,
  seen: ReadonlySet<string> = new Set(),
): number | null {
  const column = columns.find((c) => c.key === key);
  if (!column || seen.has(key)) return null;
  if (column.value) return column.value(f);
  if (!column.expr) return null;
  const next = new Set([...seen, key]);
  let missing = false;
  const ref = (k: string): string => {
    const v = columns.some((c) => c.key === k) ? metricValue(columns, k, f, margin, next) : figureOf(f, k);
    if (v === null || !Number.isFinite(v)) missing = true;
    return `(${v ?? 0})`;
  };
  const expression = column.expr({ at: ref, total: ref, margin: `(${margin})` });
  const value = missing ? null : evaluate(expression);
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Relative change; null when either side is missing or the base is zero. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** + - * / and parentheses over numbers: the only grammar metric formulas use (no eval). */
export function evaluate(expression: string): number | null {
  const tokens = expression.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[-+*/()]/giu) ?? [];
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++; // ')'
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  return i === tokens.length && Number.isFinite(value) ? value : null;
}

/** Metrics where a rise is bad news (costs per result). */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['cac', 'cpl', 'cpc', 'cpm']);
/** Metrics where a rise is neither good nor bad by itself. */
export const NEUTRAL: ReadonlySet<string> = new Set(['spend']);
