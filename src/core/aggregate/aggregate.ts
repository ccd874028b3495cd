/**
 * aggregate(mapping, source, costs): the data rows of a mapped table summed per channel (× campaign) ×
 * period. Pure: the adapter reads the ranges once and hands the matrices in.
 */
import type { ValidationIssue } from '../../api/contract.js';
import { metricsOptions } from '../definitions/index.js';
import { isTotalsLabel } from '../mapping/detect-table.js';
import type { ColumnRole, Granularity, Mapping, MeasureRole, TableBinding } from '../mapping/types.js';
import { MEASURE_ROLES } from '../mapping/types.js';
import { isBlank, type CellValue, type Matrix } from '../values.js';
import { Accumulator, MEASURE_COUNT, measureField } from './accumulator.js';
import { cellText, ERROR_VALUE } from './cells.js';
import { MeasureReaders } from './measures.js';
import { DateReader, MS_PER_DAY } from '../dates.js';
import { parsePeriodText, periodKeyOf, readTemporal, type Temporal } from '../periods.js';
import { addCosts } from './costs.js';
import { readCrmRows } from './crm.js';
import { ALL_PERIOD, isoDate, periodKey } from './periods.js';
import { SkipLog } from './skip-log.js';
import type { AggregatedData, AggregateNote, AggregateOptions, DealsDetail } from './types.js';

export function columnOf(table: TableBinding | null, role: ColumnRole): number {
  return table?.columns.find((c) => c.role === role)?.index ?? -1;
}

export function headerOf(table: TableBinding, index: number): string {
  return table.columns.find((c) => c.index === index)?.header ?? `#${index + 1}`;
}

/** PeriodReader.read: the cell is neither a date nor a period label. */
export const UNREADABLE_PERIOD = -1;
/** PeriodReader.read: a period label longer than (or straddling) the report's periods: a month in a weekly report. */
export const PERIOD_DOES_NOT_FIT = -2;

/** Shared per-row context: date or period label → period slot, with the date range tracked. */
export class PeriodReader {
  readonly dates: DateReader;
  private readonly cache = new Map<number, number>();
  private readonly labels = new Map<string, number>();
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly acc: Accumulator,
    readonly granularity: Granularity | null,
    timeZone: string,
  ) {
    this.dates = new DateReader(timeZone);
  }

  /** Date cell instant → period index: getValues hands over a new Date per cell, mostly of a few hundred days. */
  readonly byInstant = new Map<number, number>();

  /** The date or labelled period a date-column cell holds (../periods.ts decides which texts are periods). */
  temporal(value: CellValue): Temporal | undefined {
    return readTemporal(value, this.dates);
  }

  /** Widens the reported date range by a day or a whole labelled period. */
  widen(t: Temporal): void {
    const from = t.kind === 'date' ? t.time : t.period.start;
    const to = t.kind === 'date' ? t.time : t.period.end - MS_PER_DAY;
    if (from < this.min) this.min = from;
    if (to > this.max) this.max = to;
  }

  /**
   * Period index; UNREADABLE_PERIOD when the cell is neither a date nor a period label, PERIOD_DOES_NOT_FIT
   * when it is a label that does not fall inside one report period (never split or guessed: reported).
   */
  read(value: CellValue): number {
    if (this.granularity === null) return this.acc.period(ALL_PERIOD);
    if (value instanceof Date) {
      // Same-realm Date (Apps Script's own): one Map lookup per row; the zone conversion runs once per instant.
      const instant = value.getTime();
      const p = this.byInstant.get(instant);
      if (p !== undefined) return p;
      const t = this.time(value);
      const q = t === undefined ? UNREADABLE_PERIOD : this.at(t);
      this.byInstant.set(instant, q);
      return q;
    }
    const t = this.time(value);
    if (t !== undefined) return this.at(t);
    if (typeof value !== 'string') return UNREADABLE_PERIOD;
    let p = this.labels.get(value);
    if (p === undefined) {
      const period = parsePeriodText(value);
      const key = period && periodKeyOf(period, this.granularity);
      p = !period ? UNREADABLE_PERIOD : key === undefined ? PERIOD_DOES_NOT_FIT : this.acc.period(key);
      if (period && key !== undefined) this.widen({ kind: 'period', period });
      this.labels.set(value, p);
    }
    return p;
  }

  /** A date as wall-clock ms, widening the date range; undefined when it is not a date (labels included). */
  time(value: CellValue): number | undefined {
    const t = this.dates.read(value);
    if (t === undefined) return undefined;
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
    return t;
  }

  /** The period index of a time already read. */
  at(t: number): number {
    if (this.granularity === null) return this.acc.period(ALL_PERIOD);
    let p = this.cache.get(t);
    if (p === undefined) {
      p = this.acc.period(periodKey(t, this.granularity));
      this.cache.set(t, p);
    }
    return p;
  }
}

/** The skip reason for a failed PeriodReader.read. */
export function periodSkipReason(p: number): 'rows_skipped_date' | 'rows_skipped_period' {
  return p === PERIOD_DOES_NOT_FIT ? 'rows_skipped_period' : 'rows_skipped_date';
}

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
    warnings.push({ severity: 'warning', code: 'costs_undated', message: 'The costs table has no date column, so the report shows the whole period without per-period dynamics.' });
  }
  const acc = new Accumulator(mapping.funnel.length, byCampaign, notSet);
  const periods = new PeriodReader(acc, granularity, opts.timeZone ?? 'Etc/UTC');
  const skips = new SkipLog();
  const firstRow = opts.firstRowNumber ?? src.firstDataRow;
  let measures: MeasureRole[];
  let usedRows: number;
  let sourceRows: number;
  let detail: DealsDetail | null = null;

  if (mapping.shape === 'crm') {
    const metrics = metricsOptions({ ...mapping.options.metrics, ...opts.metrics });
    const numbers = new MeasureReaders(src, source, opts.locale);
    const r = readCrmRows(mapping, source, acc, periods, skips, firstRow, warnings, metrics, numbers);
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

  if (costTable && costs) {
    const c = addCosts(costTable, costs, acc, periods, byCampaign, opts, notSet);
    warnings.push(...c.warnings);
    if (c.spreadWeekly) notes.push('costs_spread_weekly');
    if (!measures.includes('spend')) measures = [...measures, 'spend'];
  }

  const { periods: sorted, rows, totals } = acc.materialize();
  // No readable rows at all: one empty period keeps the dashboard's shape valid.
  if (sorted.length === 0) sorted.push(ALL_PERIOD);
  const asOf = periods.min <= periods.max ? periods.max : null;
  return {
    shape: mapping.shape,
    granularity,
    measures: MEASURE_ROLES.filter((m) => measures.includes(m)),
    stages: mapping.funnel,
    periods: sorted,
    rows,
    totals,
    dateRange: periods.min <= periods.max ? { from: isoDate(periods.min), to: isoDate(periods.max) } : null,
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

/** The last period is partial when the day after the data's last date still falls inside it. */
function incompletePeriod(sorted: readonly string[], asOf: number, granularity: Granularity): string | null {
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
  const n = cols.length;
  // Each distinct channel text is looked at once: group index × 4, + 1 when it reads as a totals label
  // ("Итого", "Total"), + 2 when it is blank. The per-row cost is one Map lookup, not a regex.
  const channelCodes = new Map<string, number>();
  const codeOf = (text: string): number => {
    const blank = text.trim() === '';
    const code = (byCampaign || blank ? 0 : acc.group(text, undefined) * 4) + (isTotalsLabel(text) ? 1 : 0) + (blank ? 2 : 0);
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
    if (code > 0 && (code & 1) !== 0 && (dateCol < 0 || isBlank(row[dateCol]))) {
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
    const group = code >= 0 && (code & 2) === 0 && !byCampaign ? code >> 2 : acc.group(channel, campCol >= 0 ? row[campCol] : undefined);
    if (plain) {
      const slot = acc.slot(group, p);
      const sums = acc.buffer;
      for (let i = 0; i < n; i++) sums[slot + fields[i]] += row[cols[i]] as number;
      used++;
      continue;
    }
    let bad = -1;
    let error = false;
    for (let i = 0; i < n; i++) {
      const v = numbers.read(cols[i], row[cols[i]], firstRow + r);
      if (Number.isNaN(v) || v === ERROR_VALUE) {
        bad = cols[i];
        error = v === ERROR_VALUE;
        break;
      }
      values[i] = v;
    }
    if (bad >= 0) {
      skips.skip(error ? 'rows_skipped_error' : 'rows_skipped_number', firstRow + r, headerOf(src, bad));
      continue;
    }
    const slot = acc.slot(group, p);
    const sums = acc.buffer;
    for (let i = 0; i < n; i++) sums[slot + fields[i]] += values[i];
    used++;
  }
  return { measures, used, rows };
}

export function isBlankRow(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) {
    const v = row[c];
    if (!(v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === ''))) return false;
  }
  return true;
}
