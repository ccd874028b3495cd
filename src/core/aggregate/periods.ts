/** Period keys that sort as text: ISO week `2026-W03`, month `2026-03`, quarter `2026-Q1` (defined in ../periods.ts). */
import { isoDay } from '../dates.js';
import { spreadOver } from '../periods.js';

export { isoWeekKey, periodKey } from '../periods.js';

export const ALL_PERIOD = 'all';

export const isoDate = isoDay;

/** Days of the calendar month holding `time`, each as [weekKey, fraction of the month]. */
export function monthShareByWeek(time: number): Map<string, number> {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return spreadOver({ granularity: 'month', start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) }, 'week');
}
