/**
 * Data dated after the build: a lead created or a deal closed "tomorrow" is almost always a typo in the
 * year or a test row, and it also makes the latest period look like a future one. Counted as it is (the
 * user's data is not second-guessed), but said, with the last date and the build day, in the spreadsheet's
 * zone.
 */
import { isoDay, wallClock } from '../dates.js';
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';

export function datesAfterBuild(
  lastDate: string | null | undefined,
  generatedAt: string,
  timeZone: string | undefined,
): ValidationIssue | null {
  const today = buildDay(generatedAt, timeZone);
  if (!lastDate || today === undefined) return null;
  return lastDate > today ? issue('warning', 'dates_after_build', { last: lastDate, today }) : null;
}

/** The build day, `yyyy-mm-dd` on the spreadsheet's wall clock; undefined for an unreadable timestamp. */
export function buildDay(generatedAt: string, timeZone: string | undefined): string | undefined {
  const time = Date.parse(generatedAt);
  if (!Number.isFinite(time)) return undefined;
  return isoDay(timeZone ? wallClock(time, timeZone) : time);
}
