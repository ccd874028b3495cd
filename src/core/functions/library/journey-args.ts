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
      const [firstShape, shape] = [`${ids.rows}×${ids.cols}`, `${a.rows}×${a.cols}`];
      throw invalid('fn_shape_mismatch', { first: 'customer_ids', firstShape, param: a.param.name, shape });
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
      if (t === null) dates.fail('fn_date_missing', {}, r, c);
      if (amount !== null && amount < 0) revenue.fail('fn_negative', { value: amount }, r, c);
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
