/**
 * aggregate(mapping, source, costs): the data rows of a mapped table summed per channel (× campaign) ×
 * period. Pure: the adapter reads the ranges once and hands the matrices in.
 */
import type { ValidationIssue } from '../../api/contract.js';
import { isTotalsLabel } from '../mapping/detect-table.js';
import type { ColumnRole, Granularity, Mapping, MeasureRole, TableBinding } from '../mapping/types.js';
import { MEASURE_ROLES } from '../mapping/types.js';
import { isBlank, type CellValue, type Matrix } from '../values.js';
import { Accumulator, MEASURE_COUNT, measureField } from './accumulator.js';
import { cellText, ERROR_VALUE, readMeasure } from './cells.js';
import { DateReader } from '../dates.js';
import { addCosts } from './costs.js';
import { readCrmRows } from './crm.js';
import { ALL_PERIOD, isoDate, periodKey } from './periods.js';
import { SkipLog } from './skip-log.js';
import type { AggregatedData, AggregateNote, AggregateOptions } from './types.js';

export function columnOf(table: TableBinding | null, role: ColumnRole): number {
  return table?.columns.find((c) => c.role === role)?.index ?? -1;
}

export function headerOf(table: TableBinding, index: number): string {
  return table.columns.find((c) => c.index === index)?.header ?? `#${index + 1}`;
}

/** Shared per-row context: date → period slot, with the date range tracked. */
export class PeriodReader {
  readonly dates: DateReader;
  private readonly cache = new Map<number, number>();
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly acc: Accumulator,
    readonly granularity: Granularity | null,
    timeZone: string,
  ) {
    this.dates = new DateReader(timeZone);
  }

  /** Period index, or -1 when the date cannot be read. */
  read(value: CellValue): number {
    if (this.granularity === null) return this.acc.period(ALL_PERIOD);
    const t = this.dates.read(value);
    if (t === undefined) return -1;
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
    let p = this.cache.get(t);
    if (p === undefined) {
      p = this.acc.period(periodKey(t, this.granularity));
      this.cache.set(t, p);
    }
    return p;
  }
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

  if (mapping.shape === 'crm') {
    const r = readCrmRows(mapping, source, acc, periods, skips, firstRow, warnings);
    measures = r.measures;
    usedRows = r.used;
    sourceRows = r.rows;
    notes.push('crm_cohort');
    if (columnOf(src, 'customer_id') >= 0) notes.push('customers_first_won');
  } else {
    const r = readAggregatedRows(mapping, source, acc, periods, skips, firstRow, byCampaign);
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
  return {
    shape: mapping.shape,
    granularity,
    measures: MEASURE_ROLES.filter((m) => measures.includes(m)),
    stages: mapping.funnel,
    periods: sorted,
    rows,
    totals,
    dateRange: periods.min <= periods.max ? { from: isoDate(periods.min), to: isoDate(periods.max) } : null,
    sourceRows,
    usedRows,
    skippedRows: skips.total,
    warnings,
    notes,
  };
}

function readAggregatedRows(
  mapping: Mapping,
  source: Matrix,
  acc: Accumulator,
  periods: PeriodReader,
  skips: SkipLog,
  firstRow: number,
  byCampaign: boolean,
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
  let used = 0;
  let rows = 0;
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    if (!row || isBlankRow(row, watched)) continue;
    rows++;
    const rowNumber = firstRow + r;
    const channel = chCol >= 0 ? row[chCol] : undefined;
    // A "Total"/"Итого" line at the bottom of an export would double every sum.
    if (typeof channel === 'string' && isTotalsLabel(channel) && (dateCol < 0 || isBlank(row[dateCol]))) {
      skips.skip('rows_skipped_totals', rowNumber, cellText(channel));
      continue;
    }
    const p = periods.read(dateCol >= 0 ? row[dateCol] : undefined);
    if (p < 0) {
      skips.skip('rows_skipped_date', rowNumber, headerOf(src, dateCol));
      continue;
    }
    let bad = -1;
    let error = false;
    for (let i = 0; i < cols.length; i++) {
      const v = readMeasure(row[cols[i]]);
      if (Number.isNaN(v) || v === ERROR_VALUE) {
        bad = cols[i];
        error = v === ERROR_VALUE;
        break;
      }
      values[i] = v;
    }
    if (bad >= 0) {
      skips.skip(error ? 'rows_skipped_error' : 'rows_skipped_number', rowNumber, headerOf(src, bad));
      continue;
    }
    const slot = acc.slot(acc.group(channel, campCol >= 0 ? row[campCol] : undefined), p);
    for (let i = 0; i < cols.length; i++) acc.add(slot, fields[i], values[i]);
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
