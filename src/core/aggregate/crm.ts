/**
 * CRM shape: one lead/deal per row. A status at stage k proves every earlier stage, so it counts in
 * stages 0..k; won counts everywhere plus customers/orders/revenue; junk is counted apart from leads.
 */
import type { ValidationIssue } from '../../api/contract.js';
import type { Mapping, MeasureRole } from '../mapping/types.js';
import type { Matrix } from '../values.js';
import { MEASURE_COUNT, measureField, type Accumulator } from './accumulator.js';
import { columnOf, headerOf, isBlankRow, type PeriodReader } from './aggregate.js';
import { cellText, ERROR_VALUE, normalizeName, readMeasure } from './cells.js';
import type { SkipLog } from './skip-log.js';

const JUNK = -2;
const WON = -3;
/** Shown in the unknown-status warning; the rest are counted. */
const SHOWN_STATUSES = 10;

interface Rule {
  /** Highest stage index proven, or JUNK / WON. */
  readonly reach: number;
}

export function readCrmRows(
  mapping: Mapping,
  source: Matrix,
  acc: Accumulator,
  periods: PeriodReader,
  skips: SkipLog,
  firstRow: number,
  warnings: ValidationIssue[],
): { measures: MeasureRole[]; used: number; rows: number } {
  const src = mapping.source;
  const stageIndex = new Map(mapping.funnel.map((s, i) => [s.id, i]));
  const last = mapping.funnel.length - 1;
  const rules = new Map<string, Rule>();
  for (const rule of mapping.statusRules) {
    const key = normalizeName(rule.status);
    if (rules.has(key)) continue; // first rule wins, as the wizard lists them
    const at = rule.stageId !== undefined ? (stageIndex.get(rule.stageId) ?? 0) : 0;
    rules.set(key, { reach: rule.kind === 'junk' ? JUNK : rule.kind === 'won' ? WON : at });
  }
  const chCol = columnOf(src, 'channel');
  const campCol = mapping.options.byCampaign ? columnOf(src, 'campaign') : -1;
  const dateCol = columnOf(src, 'date');
  const statusCol = columnOf(src, 'status');
  const revenueCol = columnOf(src, 'revenue');
  const customerCol = columnOf(src, 'customer_id');
  const watched = [chCol, dateCol, statusCol, revenueCol, customerCol, columnOf(src, 'lead_id')].filter((c) => c >= 0);
  const seenCustomers = new Set<string>();
  const unknown = new Map<string, number>();
  const leads = measureField('leads');
  const customers = measureField('customers');
  const orders = measureField('orders');
  const revenue = measureField('revenue');
  let used = 0;
  let rows = 0;
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    if (!row || isBlankRow(row, watched)) continue;
    rows++;
    const rowNumber = firstRow + r;
    const p = periods.read(dateCol >= 0 ? row[dateCol] : undefined);
    if (p < 0) {
      skips.skip('rows_skipped_date', rowNumber, headerOf(src, dateCol));
      continue;
    }
    const statusText = statusCol >= 0 ? cellText(row[statusCol]) : '';
    const rule = rules.get(normalizeName(statusText));
    const reach = rule ? rule.reach : 0;
    let amount = 0;
    if (reach === WON && revenueCol >= 0) {
      amount = readMeasure(row[revenueCol]);
      if (Number.isNaN(amount) || amount === ERROR_VALUE) {
        skips.skip(amount === ERROR_VALUE ? 'rows_skipped_error' : 'rows_skipped_number', rowNumber, headerOf(src, revenueCol));
        continue;
      }
    }
    if (!rule) unknown.set(statusText, (unknown.get(statusText) ?? 0) + 1);
    const slot = acc.slot(acc.group(chCol >= 0 ? row[chCol] : undefined, campCol >= 0 ? row[campCol] : undefined), p);
    used++;
    if (reach === JUNK) {
      acc.add(slot, acc.junkField, 1);
      continue;
    }
    acc.add(slot, leads, 1);
    const top = reach === WON ? last : reach;
    for (let k = 0; k <= top; k++) acc.add(slot, MEASURE_COUNT + k, 1);
    if (reach !== WON) continue;
    acc.add(slot, orders, 1);
    acc.add(slot, revenue, amount);
    if (customerCol < 0) {
      acc.add(slot, customers, 1);
    } else {
      // First won deal of a customer counts; so sums over channels and periods equal distinct customers.
      const id = cellText(row[customerCol]);
      if (id === '' || !seenCustomers.has(id)) {
        if (id !== '') seenCustomers.add(id);
        acc.add(slot, customers, 1);
      }
    }
  }
  if (unknown.size > 0) warnings.push(unknownStatusesWarning(unknown));
  const measures: MeasureRole[] = ['leads', 'customers', 'orders'];
  if (revenueCol >= 0) measures.push('revenue');
  return { measures, used, rows };
}

/** Statuses without a rule, first seen first, with their row counts. Shared with the warehouse path. */
export function unknownStatusesWarning(unknown: ReadonlyMap<string, number>): ValidationIssue {
  const list = [...unknown].slice(0, SHOWN_STATUSES).map(([s, n]) => `${s === '' ? '(blank)' : s} (${n})`);
  const more = unknown.size > SHOWN_STATUSES ? `, … ${unknown.size - SHOWN_STATUSES} more` : '';
  return {
    severity: 'warning',
    code: 'unknown_statuses',
    message: `Statuses without a rule were counted as leads only: ${list.join(', ')}${more}.`,
    params: { statuses: list.join(', ') + more, count: unknown.size },
  };
}
