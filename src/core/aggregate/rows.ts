/** Row helpers every table reader shares: where a role's column is, what it is called, blank rows, periods. */
import type { ColumnRole, Granularity, TableBinding } from '../mapping/types.js';
import type { CellValue } from '../values.js';
import type { Accumulator } from './accumulator.js';
import { DateReader } from '../dates.js';
import { ALL_PERIOD, periodKey } from './periods.js';

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
    const t = this.time(value);
    return t === undefined ? -1 : this.at(t);
  }

  /** A date as UTC ms, widening the date range; undefined when it cannot be read. */
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

export function isBlankRow(row: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) {
    const v = row[c];
    if (!(v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === ''))) return false;
  }
  return true;
}
