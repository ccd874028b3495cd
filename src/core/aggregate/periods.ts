/** Period keys that sort as text: ISO week `2026-W03`, month `2026-03`, quarter `2026-Q1`. */
import { MS_PER_DAY } from '../values.js';
import type { Granularity } from '../mapping/types.js';

export const ALL_PERIOD = 'all';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** ISO 8601 week: weeks start Monday; week 1 holds the year's first Thursday, so Jan 1 may be in W52/53. */
export function isoWeekKey(time: number): string {
  const d = new Date(time);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY));
  return `${year}-W${pad2(week)}`;
}

export function periodKey(time: number, granularity: Granularity): string {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'week':
      return isoWeekKey(time);
    case 'month':
      return `${y}-${pad2(m + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
  }
}

export function isoDate(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Days of the calendar month holding `time`, each as [weekKey, fraction of the month]. */
export function monthShareByWeek(time: number): Map<string, number> {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Map<string, number>();
  for (let day = 1; day <= days; day++) {
    const key = isoWeekKey(Date.UTC(y, m, day));
    out.set(key, (out.get(key) ?? 0) + 1 / days);
  }
  return out;
}
