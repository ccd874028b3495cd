/** Aggregation: mapped table rows → sums per channel (× campaign) × period, for the dashboard and CLI. */
export { aggregate, reportDayOrder } from './aggregate.js';
export { periodKey, isoWeekKey, ALL_PERIOD } from './periods.js';
export { normalizeName } from './cells.js';
export type { AggregatedData, AggregateRow, Figures, AggregateNote, AggregateOptions } from './types.js';
export { nothingReadable, skipWarnings } from './readable.js';
