/** Row helpers every table reader shares: where a role's column is, what it is called, blank rows, periods. */
import type { ColumnRole, Granularity, Mapping, TableBinding } from '../mapping/types.js';
import type { CellValue } from '../values.js';
import { DateReader, MS_PER_DAY, type DayOrder } from '../dates.js';
import { parsePeriodText, periodKeyOf, readTemporal, type Temporal } from '../periods.js';
import type { Accumulator } from './accumulator.js';
import { ALL_PERIOD, periodKey } from './periods.js';

export function columnOf(table: TableBinding | null, role: ColumnRole): number {
  return table?.columns.find((c) => c.role === role)?.index ?? -1;
}

/** The columns a CRM export is read by (-1 where unmapped): one lookup for the in-memory and SQL paths. */
export interface CrmColumns {
  readonly channel: number;
  /** -1 unless the report breaks channels down by campaign. */
  readonly campaign: number;
  readonly date: number;
  readonly close: number;
  readonly status: number;
  readonly revenue: number;
  readonly profit: number;
  /** Every column mapped as customer identity (an id, an e-mail, a phone): together they link rows into one customer. */
  readonly identity: readonly number[];
  readonly lead: number;
}

export function crmColumns(mapping: Mapping): CrmColumns {
  const src = mapping.source;
  return {
    channel: columnOf(src, 'channel'),
    campaign: mapping.options.byCampaign ? columnOf(src, 'campaign') : -1,
    date: columnOf(src, 'date'),
    close: columnOf(src, 'close_date'),
    status: columnOf(src, 'status'),
    revenue: columnOf(src, 'revenue'),
    profit: columnOf(src, 'gross_profit'),
    identity: src.columns.filter((c) => c.role === 'customer_id').map((c) => c.index),
    lead: columnOf(src, 'lead_id'),
  };
}

/**
 * The cells that order a customer's leads of one day (definitions/journeys.ts byTie): the lead id first,
 * then every other column the CRM rows are read by, in column order. One list for both paths: the
 * in-memory reader keeps their text, the SQL orders by the same columns.
 */
export function crmTieColumns(mapping: Mapping): number[] {
  const c = crmColumns(mapping);
  const rest = [c.channel, c.campaign, c.date, c.close, c.status, c.revenue, c.profit, ...c.identity].filter((x) => x >= 0 && x !== c.lead);
  return [...(c.lead >= 0 ? [c.lead] : []), ...[...new Set(rest)].sort((a, b) => a - b)];
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
  /** The first day of the latest row read (a date, or a label's start): its period may still be running. */
  lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly acc: Accumulator,
    readonly granularity: Granularity | null,
    timeZone: string,
    order?: DayOrder,
  ) {
    this.dates = new DateReader(timeZone, order);
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
    if (from > this.lastStart) this.lastStart = from;
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

  /** Every distinct date read so far (wall-clock ms), for the rows' span (periods.ts rowSpan). */
  rowDates(): IterableIterator<number> {
    return this.cache.keys();
  }

  /** A date as wall-clock ms, widening the date range; undefined when it is not a date (labels included). */
  time(value: CellValue): number | undefined {
    const t = this.dates.read(value);
    if (t === undefined) return undefined;
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
    if (t > this.lastStart) this.lastStart = t;
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

export function isBlankRow(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) {
    const v = row[c];
    if (!(v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === ''))) return false;
  }
  return true;
}
