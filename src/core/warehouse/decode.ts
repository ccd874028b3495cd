/**
 * decodeAggregation(): the compiled query's small result → the AggregatedData that aggregate() returns,
 * with the same groups, periods, totals, skip warnings and notes, so the dashboard planner and the CLI
 * cannot tell which engine summed the rows.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { columnOf, headerOf } from '../aggregate/rows.js';
import { incompletePeriod, reachOfRows } from '../aggregate/aggregate.js';
import { MEASURE_COUNT } from '../aggregate/accumulator.js';
import { channelsWithoutCostsWarning } from '../aggregate/costs.js';
import { unknownStatusesWarning } from '../aggregate/crm.js';
import { ALL_PERIOD, isoDate } from '../aggregate/periods.js';
import { namedSpan, weekRowKeys, weekRowsByStart } from '../periods.js';
import { isSkipReason, SkipLog, type SkipReason } from '../aggregate/skip-log.js';
import type {
  AggregatedData,
  AggregateNote,
  AggregateRow,
  ChannelCreditSums,
  CohortSums,
  CustomerSums,
  Figures,
  MoneySums,
} from '../aggregate/types.js';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../definitions/index.js';
import { MEASURE_ROLES, type Mapping, type MeasureRole } from '../mapping/types.js';
import type { CompiledAggregation } from './compile.js';
import type { ResultRow } from './types.js';

interface Fact {
  /** L: a source row's own facts; D: a won deal's credit; C: a cost row. */
  readonly src: 'L' | 'C' | 'D';
  readonly reason: SkipReason | null;
  readonly chk: string | null;
  readonly key: string;
  readonly period: string | null;
  readonly unknown: string | null;
  readonly n: number;
  readonly order: number;
  readonly ch: string;
  readonly camp: string;
  readonly detail: string;
  readonly rows: number[];
  readonly dmin: string | null;
  readonly dmax: string | null;
  readonly dmin2: string | null;
  readonly dmax2: string | null;
  /** Days of the month and of the week (0 Sunday) the source row dates fall on: [min, max], or null. */
  readonly monthDays: readonly [number, number] | null;
  readonly weekdays: readonly [number, number] | null;
  readonly noClose: number;
  readonly spread: boolean;
  readonly f: Float64Array;
}

/** Widens [min, max] by a fact's range. */
function widenRange(into: [number, number], r: readonly [number, number] | null): void {
  if (r === null) return;
  into[0] = Math.min(into[0], r[0]);
  into[1] = Math.max(into[1], r[1]);
}

/** The query writes the reason codes itself (compile.ts); anything else is a bug, said loudly. */
function skipReason(v: string | null): SkipReason | null {
  if (v === null) return null;
  if (!isSkipReason(v)) throw new Error(`warehouse: unknown skip reason ${JSON.stringify(v)}`);
  return v;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

const range = (lo: unknown, hi: unknown): [number, number] | null =>
  lo === null || lo === undefined || hi === null || hi === undefined ? null : [Number(lo), Number(hi)];

function readFact(row: ResultRow, width: number): Fact {
  const f = new Float64Array(width);
  for (let i = 0; i < width; i++) f[i] = num(row[`f${i}`]);
  const chk = text(row.chk);
  return {
    src: row.src === 'C' ? 'C' : row.src === 'D' ? 'D' : 'L',
    reason: skipReason(text(row.reason)),
    chk,
    key: `${chk ?? ''}\u0001${text(row.campk) ?? ''}`,
    period: text(row.period),
    unknown: text(row.unknown_status),
    n: num(row.n),
    order: row.first_ord === null || row.first_ord === undefined ? Number.POSITIVE_INFINITY : Number(row.first_ord),
    ch: text(row.ch) ?? '',
    camp: text(row.camp) ?? '',
    detail: text(row.detail) ?? '',
    rows: (text(row.row_numbers) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number),
    dmin: text(row.dmin),
    dmax: text(row.dmax),
    dmin2: text(row.dmin2),
    dmax2: text(row.dmax2),
    monthDays: range(row.ddmin, row.ddmax),
    weekdays: range(row.dwmin, row.dwmax),
    noClose: num(row.no_close),
    spread: num(row.spread) > 0,
    f,
  };
}

/** Orders facts as the in-memory path meets rows: by row number when known, else leads first, then by label. */
function byFirstSeen(a: Fact, b: Fact): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.src !== b.src) return a.src < b.src ? 1 : -1; // L, then D, then C
  // Without row order the rest is a fixed order over the fact's own fields, so both renderings (and every run) agree.
  const keys: [string, string][] = [
    [a.ch, b.ch],
    [a.camp, b.camp],
    [a.reason ?? '', b.reason ?? ''],
    [a.period ?? '', b.period ?? ''],
    [a.detail, b.detail],
    [a.key, b.key],
    [a.unknown ?? '', b.unknown ?? ''],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

export function decodeAggregation(
  mapping: Mapping,
  compiled: CompiledAggregation,
  result: readonly ResultRow[],
  costsGiven: boolean,
  today?: string,
): AggregatedData {
  const width = compiled.width;
  const facts = result
    .filter((r) => FACT_SOURCES.has(String(r.src)))
    .map((r) => readFact(r, width))
    .sort(byFirstSeen);
  const warnings: ValidationIssue[] = [];
  const notes: AggregateNote[] = [];
  const sourceSkips = new SkipLog();
  const costSkips = new SkipLog();
  const groups = new Map<string, { channel: string; campaign: string | null; cells: Map<string, Float64Array> }>();
  const periods = new Set<string>();
  const unknown = new Map<string, number>();
  const leadChannels = new Set<string>();
  const costChannels = new Set<string>();
  let sourceRows = 0;
  let usedRows = 0;
  let dmin: string | null = null;
  let dmax: string | null = null;
  const monthDays: [number, number] = [32, 0];
  const weekdays: [number, number] = [7, -1];
  let spread = false;
  let noClose = 0;

  const groupOf = (fact: Fact) => {
    let g = groups.get(fact.key);
    if (!g) {
      g = { channel: fact.ch, campaign: compiled.byCampaign ? fact.camp : null, cells: new Map<string, Float64Array>() };
      groups.set(fact.key, g);
    }
    return g;
  };
  for (const fact of facts) {
    if (fact.src === 'L') sourceRows += fact.n;
    for (const lo of [fact.dmin, fact.dmin2]) if (lo !== null && (dmin === null || lo < dmin)) dmin = lo;
    for (const hi of [fact.dmax, fact.dmax2]) if (hi !== null && (dmax === null || hi > dmax)) dmax = hi;
    widenRange(monthDays, fact.monthDays);
    widenRange(weekdays, fact.weekdays);
    noClose += fact.noClose;
    if (fact.src === 'C' && fact.chk !== null) costChannels.add(fact.chk);
    if (fact.reason !== null) {
      (fact.src === 'L' ? sourceSkips : costSkips).record(fact.reason, fact.n, fact.rows, fact.detail);
      if (fact.chk !== null) groupOf(fact); // a cost row with an unreadable date still opens its group
      continue;
    }
    if (fact.src === 'L') {
      usedRows += fact.n;
      if (fact.chk !== null) leadChannels.add(fact.chk);
    }
    if (fact.spread) spread = true;
    if (fact.unknown !== null) unknown.set(fact.unknown, (unknown.get(fact.unknown) ?? 0) + fact.n);
    const period = fact.period ?? ALL_PERIOD;
    periods.add(period);
    const g = groupOf(fact);
    let cell = g.cells.get(period);
    if (!cell) {
      cell = new Float64Array(width);
      g.cells.set(period, cell);
    }
    for (let i = 0; i < width; i++) cell[i] += fact.f[i];
  }

  // Warnings in the in-memory order: source skips, undated costs, unknown statuses, cost skips, uncosted channels.
  warnings.push(...sourceSkips.issues('source'));
  const costTable = mapping.shape === 'crm' ? mapping.costs : null;
  if (costTable && columnOf(mapping.source, 'date') >= 0 && columnOf(costTable, 'date') < 0) {
    warnings.push(issue('warning', 'costs_undated', {}));
  }
  if (unknown.size > 0) warnings.push(unknownStatusesWarning(unknown));
  const hasClose = mapping.shape === 'crm' && columnOf(mapping.source, 'close_date') >= 0;
  if (hasClose && noClose > 0 && compiled.metrics.periodBasis === 'close') {
    warnings.push(issue('warning', 'won_without_close_date', { count: noClose }));
  }
  if (costTable && costsGiven) {
    warnings.push(...costSkips.issues('costs'));
    if (compiled.costsUsed) {
      const uncosted = [
        ...new Set(
          [...groups.entries()]
            .filter(([key]) => leadChannels.has(key.split('\u0001')[0]) && !costChannels.has(key.split('\u0001')[0]))
            .map(([, g]) => g.channel),
        ),
      ];
      if (uncosted.length > 0) warnings.push(channelsWithoutCostsWarning(uncosted));
    }
  }

  let measures: MeasureRole[];
  if (mapping.shape === 'crm') {
    measures = ['leads', 'customers', 'orders'];
    if (columnOf(mapping.source, 'revenue') >= 0) measures.push('revenue');
    if (columnOf(mapping.source, 'gross_profit') >= 0) measures.push('gross_profit');
    notes.push('crm_cohort');
    if (compiled.metrics.periodBasis === 'close' && hasClose) notes.push('crm_close_basis');
    if (columnOf(mapping.source, 'customer_id') >= 0) notes.push('customers_first_won');
  } else {
    measures = MEASURE_ROLES.filter((role) => columnOf(mapping.source, role) >= 0);
  }
  if (costTable && costsGiven) {
    if (spread) notes.push('costs_spread_weekly');
    if (!measures.includes('spend')) measures.push('spend');
  }

  // As aggregate() keys them: weeks that start on Sunday go to the ISO week holding most of their days.
  const rowDates =
    mapping.shape === 'aggregated' && dmin !== null && dmax !== null && monthDays[1] > 0
      ? {
          first: dayTime(dmin),
          last: dayTime(dmax),
          monthDays,
          weekdays,
          named: namedSpan(headerOf(mapping.source, columnOf(mapping.source, 'date'))),
        }
      : null;
  const keys = [...periods].sort();
  const sorted = weekRowKeys(keys, rowDates, compiled.granularity);
  if (weekRowsByStart(rowDates, compiled.granularity)) notes.push('week_rows_by_start');
  const grand = new Float64Array(width);
  const rows: AggregateRow[] = [...groups.values()].map((g) => {
    const sum = new Float64Array(width);
    const byPeriod = keys.map((p) => {
      const cell = g.cells.get(p) ?? new Float64Array(width);
      for (let i = 0; i < width; i++) sum[i] += cell[i];
      return figures(cell, mapping.funnel.length);
    });
    for (let i = 0; i < width; i++) grand[i] += sum[i];
    return { channel: g.channel, campaign: g.campaign, total: figures(sum, mapping.funnel.length), byPeriod };
  });
  if (sorted.length === 0) sorted.push(ALL_PERIOD);
  // As aggregate() reaches it: a report of month or week rows dated by their first day reaches the last row's end.
  const asOf = dmax === null ? null : reachOfRows(dayTime(dmax), dayTime(dmax), rowDates, today);
  return {
    shape: mapping.shape,
    granularity: compiled.granularity,
    measures: MEASURE_ROLES.filter((m) => measures.includes(m)),
    stages: mapping.funnel,
    periods: sorted,
    rows,
    totals: figures(grand, mapping.funnel.length),
    dateRange: dmin !== null && dmax !== null && asOf !== null ? { from: dmin, to: isoDate(asOf), last: dmax } : null,
    asOf: asOf === null ? null : isoDate(asOf),
    incompletePeriod: asOf === null || compiled.granularity === null ? null : incompletePeriod(sorted, asOf, compiled.granularity),
    // Per-deal records stay in the warehouse: analyses that need them (cohorts, journeys) are not built from SQL.
    detail: null,
    ...(compiled.customers ? { customers: customerSums(compiled, result) } : {}),
    sourceRows,
    usedRows,
    skippedRows: sourceSkips.total,
    warnings,
    notes,
  };
}

const FACT_SOURCES: ReadonlySet<string> = new Set(['L', 'C', 'D']);
const CREDIT_WIDTH = 8;

const dayTime = (v: unknown): number => Date.parse(`${String(v)}T00:00:00Z`);
const money = (r: ResultRow): MoneySums => ({ gp: num(r.f0), rev: num(r.f1) });
/** A fixed order for rows the warehouse returns in none, so every run (and both dialects) sum alike. */
const byKeys =
  <T>(...keys: ((x: T) => string | number)[]) =>
  (a: T, b: T): number => {
    for (const k of keys) {
      const x = k(a);
      const y = k(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** The customer rows of the result (compile.ts customerQuery) → CustomerSums. */
function customerSums(compiled: CompiledAggregation, result: readonly ResultRow[]): CustomerSums {
  const of = (src: string): ResultRow[] => result.filter((r) => r.src === src);
  const credits = {} as Record<AttributionModel, ChannelCreditSums[]>;
  ATTRIBUTION_MODELS.forEach((model, m) => {
    const f = (r: ResultRow, i: number): number => num(r[`f${m * CREDIT_WIDTH + i}`]);
    credits[model] = of('credit')
      .map((r) => ({
        key: text(r.chk) ?? '',
        channel: text(r.ch) ?? '',
        wonDeals: f(r, 0),
        newCustomers: f(r, 1),
        repeatSales: f(r, 2),
        returns: f(r, 3),
        revenue: f(r, 4),
        repeatRevenue: f(r, 5),
        grossProfit: { gp: f(r, 6), rev: f(r, 7) },
      }))
      .sort(byKeys((c) => c.key));
  });
  const cohort: CohortSums | null = compiled.cohort
    ? {
        members: of('member')
          .map((r) => ({ acquired: dayTime(r.acq), customers: num(r.n) }))
          .sort(byKeys((x) => x.acquired)),
        purchases: of('purchase')
          .map((r) => ({ acquired: dayTime(r.acq), month: num(r.pmonth), bucket: num(r.bucket), ...money(r) }))
          .sort(
            byKeys(
              (x) => x.acquired,
              (x) => x.month,
              (x) => x.bucket,
            ),
          ),
        channelWeights: of('cweight')
          .map((r) => ({ acquired: dayTime(r.acq), key: text(r.chk) ?? '', channel: text(r.ch) ?? '', weight: num(r.f0) }))
          .sort(
            byKeys(
              (x) => x.key,
              (x) => x.acquired,
            ),
          ),
        channelValues: of('cvalue')
          .map((r) => ({ acquired: dayTime(r.acq), key: text(r.chk) ?? '', bucket: num(r.bucket), ...money(r) }))
          .sort(
            byKeys(
              (x) => x.key,
              (x) => x.acquired,
              (x) => x.bucket,
            ),
          ),
      }
    : null;
  return { credits, cohort, metrics: compiled.metrics };
}

function figures(cells: Float64Array, stageCount: number): Figures {
  const measures = {} as Record<MeasureRole, number>;
  MEASURE_ROLES.forEach((role, i) => (measures[role] = cells[i]));
  return { measures, stages: Array.from(cells.subarray(MEASURE_COUNT, MEASURE_COUNT + stageCount)), junk: cells[cells.length - 1] };
}
