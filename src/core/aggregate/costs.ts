/**
 * CRM shape: spend comes from a second table (channel × date/month × spend), joined to the leads by
 * normalised channel name and period. Channels with spend but no leads still get a row: money spent
 * with nothing to show is exactly what the report must surface.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import type { TableBinding } from '../mapping/types.js';
import type { Matrix } from '../values.js';
import { measureField, type Accumulator } from './accumulator.js';
import { spreadOver } from '../periods.js';
import { cellText, normalizeName } from './cells.js';
import { MeasureReaders } from './measures.js';
import { ALL_PERIOD, monthShareByWeek } from './periods.js';
import { columnOf, headerOf, isBlankRow, periodSkipReason, type PeriodReader } from './rows.js';
import { SkipLog } from './skip-log.js';
import type { AggregateOptions } from './types.js';

const SHOWN_CHANNELS = 10;

export function addCosts(
  table: TableBinding,
  costs: Matrix,
  acc: Accumulator,
  periods: PeriodReader,
  byCampaign: boolean,
  opts: AggregateOptions,
  notSet: string,
): { warnings: ValidationIssue[]; spreadWeekly: boolean } {
  const chCol = columnOf(table, 'channel');
  const dateCol = columnOf(table, 'date');
  const spendCol = columnOf(table, 'spend');
  const campCol = byCampaign ? columnOf(table, 'campaign') : -1;
  const warnings: ValidationIssue[] = [];
  if (chCol < 0 || spendCol < 0) return { warnings, spreadWeekly: false };
  const channelCosts = opts.channelCostsLabel ?? '(channel costs)';
  const firstRow = opts.costsFirstRowNumber ?? table.firstDataRow;
  const skips = new SkipLog();
  const numbers = new MeasureReaders(table, costs, opts.locale);
  const watched = [chCol, dateCol, spendCol].filter((c) => c >= 0);
  const leadChannels = new Set(acc.groups.map((g) => normalizeName(g.channel)));
  const costChannels = new Set<string>();

  // Monthly cost tables (every date on the 1st, or month labels) are spread over days and summed into ISO weeks.
  let monthly = dateCol >= 0;
  for (const row of costs) {
    if (!row || isBlankRow(row, watched) || dateCol < 0) continue;
    const t = periods.temporal(row[dateCol]);
    if (t && (t.kind === 'date' ? new Date(t.time).getUTCDate() !== 1 : t.period.granularity !== 'month')) {
      monthly = false;
      break;
    }
  }
  const spreadWeekly = monthly && periods.granularity === 'week';
  const spend = measureField('spend');

  for (let r = 0; r < costs.length; r++) {
    const row = costs[r];
    if (!row || isBlankRow(row, watched)) continue;
    const rowNumber = firstRow + r;
    const amount = numbers.read(spendCol, row[spendCol], rowNumber);
    if (skips.skipUnreadable(amount, rowNumber, table, spendCol)) continue;
    const campaign = !byCampaign ? undefined : campCol >= 0 ? row[campCol] : channelCosts;
    const group = acc.group(row[chCol], campaign);
    costChannels.add(normalizeName(cellText(row[chCol]) || notSet));
    if (spreadWeekly) {
      const t = periods.temporal(row[dateCol]);
      if (t === undefined) {
        skips.skip('rows_skipped_date', rowNumber, headerOf(table, dateCol));
        continue;
      }
      periods.widen(t);
      const shares = t.kind === 'date' ? monthShareByWeek(t.time) : spreadOver(t.period, 'week');
      for (const [week, share] of shares) acc.add(acc.slot(group, acc.period(week)), spend, amount * share);
      continue;
    }
    const p = dateCol >= 0 ? periods.read(row[dateCol]) : acc.period(ALL_PERIOD);
    if (p < 0) {
      skips.skip(periodSkipReason(p), rowNumber, headerOf(table, dateCol));
      continue;
    }
    acc.add(acc.slot(group, p), spend, amount);
  }
  warnings.push(...skips.issues('costs'), ...numbers.issues('costs'));
  const uncosted = acc.groups
    .map((g) => g.channel)
    .filter((ch, i, all) => leadChannels.has(normalizeName(ch)) && !costChannels.has(normalizeName(ch)) && all.indexOf(ch) === i);
  if (uncosted.length > 0) warnings.push(channelsWithoutCostsWarning(uncosted));
  return { warnings, spreadWeekly };
}

/** Channels with leads but no cost rows. Shared with the warehouse path. */
export function channelsWithoutCostsWarning(uncosted: readonly string[]): ValidationIssue {
  const list = uncosted.slice(0, SHOWN_CHANNELS).join(', ') + (uncosted.length > SHOWN_CHANNELS ? ', …' : '');
  return issue('warning', 'channels_without_costs', { channels: list, count: uncosted.length });
}
