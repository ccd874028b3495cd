/**
 * Shared by ATTRIBUTION and COHORT_LTV: rows of (customer id, date, [channel], revenue) read into the
 * definitions module's lead records, so a cell function counts customers exactly as the dashboard does.
 */
import { identifierKind, identifierOf, type LeadRecord } from '../../definitions/index.js';
import type { ArgReader } from '../types.js';
import { invalid } from '../failures.js';

export const NOT_SET = '(not set)';

export function readJourneys(ids: ArgReader, dates: ArgReader, channels: ArgReader | null, revenue: ArgReader): LeadRecord[] {
  for (const a of [dates, channels, revenue]) {
    if (a && (a.rows !== ids.rows || a.cols !== ids.cols)) {
      throw invalid(
        null,
        `customer_ids is ${ids.rows}×${ids.cols} but ${a.param.name} is ${a.rows}×${a.cols}; ranges must be the same size`,
      );
    }
  }
  const texts: string[] = [];
  for (let r = 0; r < ids.rows; r++) for (let c = 0; c < ids.cols; c++) texts.push(ids.textAt(r, c) ?? '');
  const kind = identifierKind(texts);
  const out: LeadRecord[] = [];
  const groups = new Map<string, number>();
  for (let r = 0; r < ids.rows; r++) {
    for (let c = 0; c < ids.cols; c++) {
      const id = texts[r * ids.cols + c];
      const channel = channels ? (channels.textAt(r, c) ?? '') : '';
      const amount = revenue.numberAt(r, c);
      const t = dates.dateAt(r, c);
      if (id === '' && channel === '' && amount === null && t === null) continue; // an empty row
      if (t === null) dates.fail('is blank on a row with data; every touch and purchase needs its date', r, c);
      if (amount !== null && amount < 0) revenue.fail(`must not be negative (got ${amount})`, r, c);
      const name = channel === '' ? NOT_SET : channel;
      const key = name.toLowerCase();
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = groups.size));
      const customer = identifierOf(kind, id);
      out.push({
        index: out.length,
        row: r + 1,
        channel: name,
        group,
        created: t,
        closed: null,
        won: amount !== null,
        junk: false,
        revenue: amount ?? 0,
        grossProfit: null,
        customer: customer === '' ? null : customer,
        nps: null,
      });
    }
  }
  return out;
}
