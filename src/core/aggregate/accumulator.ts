/**
 * Sums into one Float64Array, one slot per group × period. Group and period lookups are Maps keyed by the
 * raw cell text, so a million rows allocate nothing but the occasional new key.
 */
import { MEASURE_ROLES, type MeasureRole } from '../mapping/types.js';
import { cellText, normalizeName } from './cells.js';
import type { AggregateRow, Figures } from './types.js';
import type { CellValue } from '../values.js';

export const MEASURE_COUNT = MEASURE_ROLES.length;
export const measureField = (role: MeasureRole): number => MEASURE_ROLES.indexOf(role);

const PERIOD_CAP = 1 << 20;

export class Accumulator {
  /** 8 measures, then one field per funnel stage, then junk. */
  readonly width: number;
  readonly junkField: number;
  private data: Float64Array;
  private slotCount = 0;
  /** Per group: period index → slot number (-1 = none yet). Typed arrays, not a Map: this is per row. */
  private readonly slotsByGroup: Int32Array[] = [];
  private readonly groupByKey = new Map<string, number>();
  private readonly groupByRaw = new Map<string, number>();
  readonly groups: { channel: string; campaign: string | null }[] = [];
  private readonly periodIndex = new Map<string, number>();
  readonly periods: string[] = [];

  constructor(
    readonly stageCount: number,
    private readonly byCampaign: boolean,
    private readonly notSet: string,
  ) {
    this.width = MEASURE_COUNT + stageCount + 1;
    this.junkField = this.width - 1;
    this.data = new Float64Array(this.width * 64);
  }

  group(channel: CellValue, campaign: CellValue): number {
    const rawKey = this.byCampaign ? `${rawText(channel)}\u0001${rawText(campaign)}` : rawText(channel);
    const cached = this.groupByRaw.get(rawKey);
    if (cached !== undefined) return cached;
    const ch = cellText(channel) || this.notSet;
    const camp = this.byCampaign ? cellText(campaign) || this.notSet : null;
    const key = camp === null ? normalizeName(ch) : `${normalizeName(ch)}\u0001${normalizeName(camp)}`;
    let g = this.groupByKey.get(key);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push({ channel: ch, campaign: camp });
      this.groupByKey.set(key, g);
    }
    this.groupByRaw.set(rawKey, g);
    return g;
  }

  period(key: string): number {
    let p = this.periodIndex.get(key);
    if (p === undefined) {
      p = this.periods.length;
      if (p >= PERIOD_CAP) throw new Error('aggregate: too many periods');
      this.periods.push(key);
      this.periodIndex.set(key, p);
    }
    return p;
  }

  /** Offset of the slot's first field in the data array. */
  slot(group: number, period: number): number {
    let row = this.slotsByGroup[group];
    if (row === undefined || period >= row.length) row = this.growSlots(group, period);
    let s = row[period];
    if (s < 0) {
      s = this.slotCount++;
      if (s * this.width + this.width > this.data.length) {
        const grown = new Float64Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      row[period] = s;
    }
    return s * this.width;
  }

  private growSlots(group: number, period: number): Int32Array {
    const old = this.slotsByGroup[group];
    let size = Math.max(16, old?.length ?? 0);
    while (size <= period) size *= 2;
    const row = new Int32Array(size).fill(-1);
    if (old) row.set(old);
    this.slotsByGroup[group] = row;
    return row;
  }

  private slotOf(group: number, period: number): number | undefined {
    const s = this.slotsByGroup[group]?.[period];
    return s === undefined || s < 0 ? undefined : s;
  }

  /** The sums array, for a caller's tight loop right after slot() (which may reallocate it). */
  get buffer(): Float64Array {
    return this.data;
  }

  add(offset: number, field: number, value: number): void {
    this.data[offset + field] += value;
  }

  /** Sorted periods, per-group figures per period and totals. */
  materialize(): { periods: string[]; rows: AggregateRow[]; totals: Figures } {
    const order = this.periods
      .map((_, i) => i)
      .sort((a, b) => (this.periods[a] < this.periods[b] ? -1 : this.periods[a] > this.periods[b] ? 1 : 0));
    const periods = order.map((i) => this.periods[i]);
    const grand = new Float64Array(this.width);
    const rows: AggregateRow[] = this.groups.map((g, gi) => {
      const sum = new Float64Array(this.width);
      const byPeriod = order.map((pi) => {
        const s = this.slotOf(gi, pi);
        const cell = new Float64Array(this.width);
        if (s !== undefined) cell.set(this.data.subarray(s * this.width, s * this.width + this.width));
        for (let f = 0; f < this.width; f++) sum[f] += cell[f];
        return this.figures(cell);
      });
      for (let f = 0; f < this.width; f++) grand[f] += sum[f];
      return { channel: g.channel, campaign: g.campaign, total: this.figures(sum), byPeriod };
    });
    return { periods, rows, totals: this.figures(grand) };
  }

  private figures(cells: Float64Array): Figures {
    const measures = {} as Record<MeasureRole, number>;
    MEASURE_ROLES.forEach((role, i) => (measures[role] = cells[i]));
    return { measures, stages: Array.from(cells.subarray(MEASURE_COUNT, MEASURE_COUNT + this.stageCount)), junk: cells[this.junkField] };
  }
}

function rawText(value: CellValue): string {
  return typeof value === 'string' ? value : cellText(value);
}
