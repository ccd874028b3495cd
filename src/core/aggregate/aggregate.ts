/**
 * aggregate(mapping, source, costs): the data rows of a mapped table summed per channel (× campaign) ×
 * period. Pure: the adapter reads the ranges once and hands the matrices in.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { metricsOptions } from '../definitions/index.js';
import { isTotalsLabel } from '../mapping/detect-table.js';
import type { ColumnRole, Granularity, Mapping, MeasureRole, TableBinding } from '../mapping/types.js';
import { MEASURE_ROLES } from '../mapping/types.js';
import { isBlank, type Matrix } from '../values.js';
import { DayOrderVotes, MS_PER_DAY, type DayOrder } from '../dates.js';
import { Accumulator, MEASURE_COUNT, measureField } from './accumulator.js';
import { cellText } from './cells.js';
import { MeasureReaders } from './measures.js';
import type { ColumnNumbers } from '../numbers.js';
import { addCosts } from './costs.js';
import { readCrmRows } from './crm.js';
import { ALL_PERIOD, isoDate, periodKey } from './periods.js';
import { namedSpan, rowDatesOf, rowSpan, rowSpanEnd, weekRowKeys, weekRowsByStart, type RowDates } from '../periods.js';
import { columnOf, headerOf, isBlankRow, PeriodReader, periodSkipReason } from './rows.js';
import { SkipLog } from './skip-log.js';
import type { AggregatedData, AggregateNote, AggregateOptions, DealsDetail } from './types.js';

export function aggregate(mapping: Mapping, source: Matrix, costs?: Matrix, opts: AggregateOptions = {}): AggregatedData {
  const src = mapping.source;
  const notSet = opts.notSetLabel ?? '(not set)';
  const byCampaign = mapping.options.byCampaign && columnOf(src, 'campaign') >= 0;
  const warnings: ValidationIssue[] = [];
  const notes: AggregateNote[] = [];
  const costTable = mapping.shape === 'crm' ? mapping.costs : null;
  const costsDated = !costTable || columnOf(costTable, 'date') >= 0;
  const hasDate = columnOf(src, 'date') >= 0;
  let granularity: Granularity | null = hasDate ? mapping.options.granularity : null;
  if (hasDate && !costsDated) {
    granularity = null;
    warnings.push(issue('warning', 'costs_undated', {}));
  }
  const acc = new Accumulator(mapping.funnel.length, byCampaign, notSet);
  const dayOrder = dayOrderVotes(mapping, source, costs, opts.survey);
  const periods = new PeriodReader(acc, granularity, opts.timeZone ?? 'Etc/UTC', dayOrder.order);
  const skips = new SkipLog();
  const firstRow = opts.firstRowNumber ?? src.firstDataRow;
  let measures: MeasureRole[];
  let usedRows: number;
  let sourceRows: number;
  let detail: DealsDetail | null = null;

  if (mapping.shape === 'crm') {
    const metrics = metricsOptions({ ...mapping.options.metrics, ...opts.metrics });
    const numbers = new MeasureReaders(src, source, opts.locale);
    const survey =
      mapping.survey && opts.survey
        ? { table: mapping.survey, rows: opts.survey, firstRow: opts.surveyFirstRowNumber ?? mapping.survey.firstDataRow }
        : null;
    const r = readCrmRows(mapping, source, acc, periods, skips, firstRow, warnings, metrics, numbers, survey);
    warnings.push(...numbers.issues('source'));
    measures = r.measures;
    usedRows = r.used;
    sourceRows = r.rows;
    detail = r.detail;
    notes.push('crm_cohort');
    if (metrics.periodBasis === 'close' && r.detail.hasCloseDate) notes.push('crm_close_basis');
    if (r.detail.identity.length > 0) notes.push('customers_first_won');
  } else {
    const numbers = new MeasureReaders(src, source, opts.locale);
    const r = readAggregatedRows(mapping, source, acc, periods, skips, firstRow, byCampaign, numbers);
    warnings.push(...numbers.issues('source'));
    measures = r.measures;
    usedRows = r.used;
    sourceRows = r.rows;
  }
  warnings.unshift(...skips.issues('source'));
  warnings.push(...dayOrder.issues);

  if (costTable && costs) {
    const c = addCosts(costTable, costs, acc, periods, byCampaign, opts, notSet);
    warnings.push(...c.warnings);
    if (c.spreadWeekly) notes.push('costs_spread_weekly');
    if (!measures.includes('spend')) measures = [...measures, 'spend'];
  }

  const { periods: keys, rows, totals } = acc.materialize();
  // Month or week rows are inferred for aggregated reports only: a CRM export's dates are days (records).
  const named = namedSpan(headerOf(mapping.source, columnOf(mapping.source, 'date')));
  const rowDates = mapping.shape === 'aggregated' ? rowDatesOf(periods.rowDates(), named) : null;
  const sorted = weekRowKeys(keys, rowDates, granularity);
  if (weekRowsByStart(rowDates, granularity)) notes.push('week_rows_by_start');
  // No readable rows at all: one empty period keeps the dashboard's shape valid.
  if (sorted.length === 0) sorted.push(ALL_PERIOD);
  const asOf = dataReach(periods, rowDates, opts.today);
  return {
    shape: mapping.shape,
    granularity,
    measures: MEASURE_ROLES.filter((m) => measures.includes(m)),
    stages: mapping.funnel,
    periods: sorted,
    rows,
    totals,
    dateRange: asOf === null ? null : { from: isoDate(periods.min), to: isoDate(asOf), last: isoDate(periods.lastStart) },
    asOf: asOf === null ? null : isoDate(asOf),
    incompletePeriod: asOf === null || granularity === null ? null : incompletePeriod(sorted, asOf, granularity),
    detail,
    sourceRows,
    usedRows,
    skippedRows: skips.total,
    warnings,
    notes,
  };
}

/**
 * One month/day order for `03/14/2026` dates across the report (dates.ts dayOrderOf): an export writes all its
 * dates one way; sheets that disagree leave such dates unread and reported. The warehouse engines take it from
 * a sample (WarehouseOptions.dayOrder). One plain loop over the date columns of every sheet: this runs on every
 * build, over a million rows.
 */
export function reportDayOrder(mapping: Mapping, source: Matrix, costs?: Matrix, survey?: Matrix): DayOrder | undefined {
  return dayOrderVotes(mapping, source, costs, survey).order;
}

function dayOrderVotes(mapping: Mapping, source: Matrix, costs?: Matrix, survey?: Matrix) {
  const votes = new DayOrderVotes();
  let column = '';
  const sheets: [TableBinding | null | undefined, Matrix | undefined, readonly ColumnRole[]][] = [
    [mapping.source, source, ['date', 'close_date']],
    [mapping.shape === 'crm' ? mapping.costs : null, costs, ['date']],
    [mapping.survey, survey, ['date']],
  ];
  for (const [table, rows, roles] of sheets) {
    if (!table || !rows) continue;
    for (const role of roles) {
      const c = columnOf(table, role);
      if (c < 0) continue;
      const before = votes.example;
      // Only text can be `03/14/2026`: Date cells, the usual case, cost one type check each.
      for (let r = 0; r < rows.length; r++) {
        const v = rows[r][c];
        if (typeof v === 'string') votes.add(v);
      }
      if (before === undefined && votes.example !== undefined) column = headerOf(table, c);
    }
  }
  const order = votes.order();
  // Says why `03/04/2026` dates were not read when no cell decides their month/day order.
  const issues =
    order === undefined && votes.example !== undefined ? [issue('warning', 'dates_day_order', { example: votes.example, column })] : [];
  return { order, issues };
}

/**
 * The last day the data reaches: its last date, or the end of its last labelled period; in a report of month or
 * week rows dated by their first day, the end of the last row's month or week. Never past the build day while the
 * latest row's period is still running: a monthly export taken on 5 December, December dated `2026-12-01` or
 * labelled `2026-12`, holds December to the 5th at most, so December is incomplete.
 */
function dataReach(periods: PeriodReader, rows: RowDates | null, today: string | undefined): number | null {
  if (periods.min > periods.max) return null;
  return reachOfRows(periods.max, periods.lastStart, rows, today);
}

/**
 * The reach of rows whose last date or label end is `max` and whose latest row starts on `lastStart`, once the
 * rows' span is known: up to the build day when that day falls inside the latest row's period. Shared with the
 * warehouse (which reads no labels: there `lastStart` is the last date).
 */
export function reachOfRows(max: number, lastStart: number, dates: RowDates | null, today: string | undefined): number {
  const span = rowSpan(dates);
  const end = span === 'day' || dates === null ? max : Math.max(max, rowSpanEnd(dates.last, span));
  const day = today === undefined ? Number.NaN : Date.parse(`${today}T00:00:00Z`);
  return day >= lastStart && day < end ? day : end;
}

/** The last period is partial when the day after the data's last date still falls inside it. */
export function incompletePeriod(sorted: readonly string[], asOf: number, granularity: Granularity): string | null {
  const last = sorted[sorted.length - 1];
  const key = periodKey(asOf, granularity);
  return last === key && periodKey(asOf + MS_PER_DAY, granularity) === key ? key : null;
}

function readAggregatedRows(
  mapping: Mapping,
  source: Matrix,
  acc: Accumulator,
  periods: PeriodReader,
  skips: SkipLog,
  firstRow: number,
  byCampaign: boolean,
  numbers: MeasureReaders,
): { measures: MeasureRole[]; used: number; rows: number } {
  const src = mapping.source;
  const chCol = columnOf(src, 'channel');
  const campCol = byCampaign ? columnOf(src, 'campaign') : -1;
  const dateCol = columnOf(src, 'date');
  // Field → column pairs; a stage column may also be a measure column (leads), so both get summed.
  const fields: number[] = [];
  const cols: number[] = [];
  const measures: MeasureRole[] = [];
  for (const role of MEASURE_ROLES) {
    const c = columnOf(src, role);
    if (c < 0) continue;
    measures.push(role);
    fields.push(measureField(role));
    cols.push(c);
  }
  mapping.funnel.forEach((stage, i) => {
    if (stage.column === undefined) return;
    fields.push(MEASURE_COUNT + i);
    cols.push(stage.column);
  });
  const watched = [chCol, dateCol, ...cols].filter((c) => c >= 0);
  const values = new Float64Array(cols.length);
  // Built on a column's first text cell: all-number columns (typed sheets) are never scanned.
  const readers: (ColumnNumbers | undefined)[] = cols.map(() => undefined);
  const n = cols.length;
  // Each distinct channel text is looked at once: 1 when it reads as a totals label ("Итого", "Total"),
  // + 2 when it is blank. The per-row cost is one Map lookup, not a regex. Groups are opened only by rows
  // that are summed (below), so a skipped row neither adds an empty channel nor sets its spelling.
  const channelCodes = new Map<string, number>();
  const codeOf = (text: string): number => {
    const blank = text.trim() === '';
    const code = (isTotalsLabel(text) ? 1 : 0) + (blank ? 2 : 0);
    channelCodes.set(text, code);
    return code;
  };
  let used = 0;
  let rows = 0;
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    if (!row) continue;
    const channel = chCol >= 0 ? row[chCol] : undefined;
    const code = typeof channel === 'string' ? (channelCodes.get(channel) ?? codeOf(channel)) : -1;
    // A non-blank channel text means the row is not blank; anything else takes the full check.
    if ((code < 0 || (code & 2) !== 0) && isBlankRow(row, watched)) continue;
    rows++;
    // A "Total"/"Итого" line at the bottom of an export would double every sum.
    if (code >= 0 && (code & 1) !== 0 && (dateCol < 0 || isBlank(row[dateCol]))) {
      skips.skip('rows_skipped_totals', firstRow + r, cellText(channel));
      continue;
    }
    const date = dateCol >= 0 ? row[dateCol] : undefined;
    const p = (date instanceof Date ? periods.byInstant.get(date.getTime()) : undefined) ?? periods.read(date);
    if (p < 0) {
      skips.skip(periodSkipReason(p), firstRow + r, headerOf(src, dateCol));
      continue;
    }
    // Fast path: every measure cell a finite number (what getValues gives for a clean export) is summed
    // straight away; anything else goes through the column's number reader, which may skip the row.
    let plain = true;
    for (let i = 0; i < n; i++) {
      const cell = row[cols[i]];
      if (typeof cell !== 'number' || cell - cell !== 0) {
        plain = false;
        break;
      }
    }
    if (plain) {
      const slot = acc.slot(acc.group(channel, campCol >= 0 ? row[campCol] : undefined), p);
      const sums = acc.buffer;
      for (let i = 0; i < n; i++) sums[slot + fields[i]] += row[cols[i]] as number;
      used++;
      continue;
    }
    let readable = true;
    for (let i = 0; i < n && readable; i++) {
      const cell = row[cols[i]];
      values[i] =
        typeof cell === 'number'
          ? Number.isFinite(cell)
            ? cell
            : Number.NaN
          : numbers.readWith((readers[i] ??= numbers.column(cols[i])), cols[i], cell, firstRow + r);
      readable = !skips.skipUnreadable(values[i], firstRow + r, src, cols[i]);
    }
    if (!readable) continue;
    const slot = acc.slot(acc.group(channel, campCol >= 0 ? row[campCol] : undefined), p);
    const sums = acc.buffer;
    for (let i = 0; i < n; i++) sums[slot + fields[i]] += values[i];
    used++;
  }
  return { measures, used, rows };
}
