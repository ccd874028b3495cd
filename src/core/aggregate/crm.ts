/**
 * CRM shape: one lead/deal per row. A status at stage k proves every earlier stage, so it counts in
 * stages 0..k of the lead's own channel and creation period (the funnel is a cohort view); junk is
 * counted apart from leads. Won deals — revenue, won-deal count, new customers — are credited by the
 * definitions module: one attribution model splits each deal over the customer's touches, and the same
 * weights credit its revenue and its customer, in the period the period basis picks.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import {
  callingCodeForCurrency,
  classifyDeals,
  CustomerIdentity,
  dealCredits,
  identifierKind,
  identifierOf,
  type IdentifierKind,
  type LeadRecord,
  type MetricsOptions,
  type WonDeal,
} from '../definitions/index.js';
import type { Mapping, MeasureRole } from '../mapping/types.js';
import { isBlank, isNoValue, type Matrix } from '../values.js';
import { MEASURE_COUNT, measureField, type Accumulator } from './accumulator.js';
import { cellText, normalizeName, npsScore } from './cells.js';
import { parsePeriodText } from '../periods.js';
import {
  columnOf,
  crmColumns,
  crmTieColumns,
  headerOf,
  isBlankRow,
  periodSkipReason,
  UNREADABLE_PERIOD,
  type PeriodReader,
} from './rows.js';
import type { MeasureReaders } from './measures.js';
import type { SkipLog } from './skip-log.js';
import { joinSurvey, type SurveyInput } from './survey.js';
import type { DealsDetail } from './types.js';

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
  metrics: MetricsOptions,
  numbers: MeasureReaders,
  survey: SurveyInput | null = null,
): { measures: MeasureRole[]; used: number; rows: number; detail: DealsDetail } {
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
  const {
    channel: chCol,
    campaign: campCol,
    date: dateCol,
    close: closeCol,
    status: statusCol,
    revenue: revenueCol,
    profit: profitCol,
    identity: identityCols,
    lead: leadCol,
  } = crmColumns(mapping);
  const identityKinds: IdentifierKind[] = identityCols.map((c) => identifierKind(sampleText(source, c)));
  const npsCol = columnOf(src, 'nps');
  const tieCols = crmTieColumns(mapping);
  const callingCode = callingCodeForCurrency(mapping.options.currency);
  const watched = [chCol, dateCol, statusCol, revenueCol, ...identityCols, leadCol].filter((c) => c >= 0);
  const unknown = new Map<string, number>();
  const leads = measureField('leads');
  const records: LeadRecord[] = [];
  const identifiers: string[][] = [];
  const identity = new CustomerIdentity();
  let used = 0;
  let rows = 0;
  let wonWithoutClose = 0;
  /** Rows whose creation cell is a period label, not a day. */
  const periodDated = { count: 0, example: '' };
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    if (!row || isBlankRow(row, watched)) continue;
    rows++;
    const rowNumber = firstRow + r;
    let created = dateCol >= 0 ? periods.time(row[dateCol]) : undefined;
    let p: number;
    let createdInPeriod = false;
    if (dateCol < 0) p = periods.read(undefined);
    else if (created !== undefined) p = periods.at(created);
    else {
      // A period label ("2026-01", "Январь 2026", "2026年1月"): the lead belongs to that period, its day is unknown.
      const label = typeof row[dateCol] === 'string' ? parsePeriodText(row[dateCol]) : undefined;
      p = label ? periods.read(row[dateCol]) : UNREADABLE_PERIOD;
      if (!label || p < 0) {
        skips.skip(periodSkipReason(p), rowNumber, headerOf(src, dateCol));
        continue;
      }
      created = label.start;
      createdInPeriod = true;
      periodDated.count++;
      if (periodDated.example === '') periodDated.example = cellText(row[dateCol]);
    }
    const statusText = statusCol >= 0 ? cellText(row[statusCol]) : '';
    const rule = rules.get(normalizeName(statusText));
    const reach = rule ? rule.reach : 0;
    let amount = 0;
    let profit: number | null = null;
    if (reach === WON && revenueCol >= 0) {
      amount = numbers.read(revenueCol, row[revenueCol], rowNumber);
      if (skips.skipUnreadable(amount, rowNumber, src, revenueCol)) continue;
    }
    // A profit of "—" or "N/A" is unknown, like a blank one, not a profit of 0.
    if (reach === WON && profitCol >= 0 && !isNoValue(row[profitCol])) {
      profit = numbers.read(profitCol, row[profitCol], rowNumber);
      if (skips.skipUnreadable(profit, rowNumber, src, profitCol)) continue;
    }
    // A close date that cannot be read is not a reason to drop a sale: it falls back to the lead's date.
    const closed = closeCol >= 0 && !isBlank(row[closeCol]) ? (periods.time(row[closeCol]) ?? null) : null;
    if (!rule) unknown.set(statusText, (unknown.get(statusText) ?? 0) + 1);
    const group = acc.group(chCol >= 0 ? row[chCol] : undefined, campCol >= 0 ? row[campCol] : undefined);
    const slot = acc.slot(group, p);
    used++;
    const ids: string[] = [];
    for (let k = 0; k < identityCols.length; k++) {
      const id = identifierOf(identityKinds[k], cellText(row[identityCols[k]]), callingCode);
      if (id !== '') ids.push(id);
    }
    identity.link(ids);
    identifiers.push(ids);
    if (reach === WON && closed === null) wonWithoutClose++;
    records.push({
      index: records.length,
      channel: acc.groups[group].channel,
      group,
      created: created ?? null,
      createdInPeriod,
      closed,
      won: reach === WON,
      junk: reach === JUNK,
      revenue: amount,
      grossProfit: profit,
      customer: null,
      nps: npsCol >= 0 ? npsScore(row[npsCol]) : null,
      row: rowNumber,
      tie: tieCols.map((c) => cellText(row[c])),
    });
    if (reach === JUNK) {
      acc.add(slot, acc.junkField, 1);
      continue;
    }
    acc.add(slot, leads, 1);
    const top = reach === WON ? last : reach;
    for (let k = 0; k <= top; k++) acc.add(slot, MEASURE_COUNT + k, 1);
  }
  const resolved: LeadRecord[] = records.map((rec, i) => ({ ...rec, customer: identity.resolve(identifiers[i]) }));
  const deals = classifyDeals(resolved, metrics.returnDays);
  creditDeals(deals, acc, periods, metrics, profitCol >= 0);
  const joined = survey ? joinSurvey(survey, identity, resolved, deals, periods, callingCode) : null;
  if (joined) warnings.push(...joined.warnings);
  if (unknown.size > 0) warnings.push(unknownStatusesWarning(unknown));
  if (periodDated.count > 0) warnings.push(periodCreatedWarning(periodDated, headerOf(src, dateCol), deals));
  if (closeCol >= 0 && wonWithoutClose > 0 && metrics.periodBasis === 'close') {
    warnings.push(issue('warning', 'won_without_close_date', { count: wonWithoutClose }));
  }
  const measures: MeasureRole[] = ['leads', 'customers', 'orders'];
  if (revenueCol >= 0) measures.push('revenue');
  if (profitCol >= 0) measures.push('gross_profit');
  return {
    measures,
    used,
    rows,
    detail: {
      leads: resolved,
      deals,
      identity: identityKinds,
      hasCloseDate: closeCol >= 0,
      hasNps: npsCol >= 0 || joined !== null,
      ...(joined ? { surveyAnswers: joined.answers, survey: joined.join } : {}),
      hasGrossProfit: profitCol >= 0,
      metrics,
    },
  };
}

/**
 * Each won deal's revenue, its won-deal count and (first purchase only) its new customer go to the
 * groups of its touches with the model's weights, in the period of its purchase (basis close) or of its
 * own lead (basis created). One rule for revenue and customers: the fix for "16 deals, 1 customer".
 */
function creditDeals(
  deals: readonly WonDeal[],
  acc: Accumulator,
  periods: PeriodReader,
  metrics: MetricsOptions,
  withProfit: boolean,
): void {
  const customers = measureField('customers');
  const orders = measureField('orders');
  const revenue = measureField('revenue');
  const grossProfit = measureField('gross_profit');
  for (const deal of deals) {
    const t = metrics.periodBasis === 'close' ? deal.purchased : deal.lead.created;
    const p = t === null ? periods.read(undefined) : periods.at(t);
    for (const { group, weight } of dealCredits(deal, metrics.attribution, metrics.halfLifeDays)) {
      const slot = acc.slot(group, p);
      acc.add(slot, orders, weight);
      acc.add(slot, revenue, deal.lead.revenue * weight);
      if (deal.kind === 'new') acc.add(slot, customers, weight);
      if (withProfit) acc.add(slot, grossProfit, (deal.lead.grossProfit ?? 0) * weight);
    }
  }
}

/** Up to 500 non-blank values of a column, enough to tell ids from e-mails and phones. */
function sampleText(source: Matrix, col: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < source.length && out.length < 500; r++) {
    const t = cellText(source[r]?.[col]);
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * Leads dated by a period label are counted in that period, but anything measured in days from their
 * creation is not: their won deals are left out of the deal cycle (analysis/b2b.ts) and say so here.
 */
function periodCreatedWarning(dated: { count: number; example: string }, column: string, deals: readonly WonDeal[]): ValidationIssue {
  const cycles = deals.filter((d) => d.lead.createdInPeriod && d.lead.closed !== null).length;
  return issue('warning', 'created_period_labels', { count: dated.count, column, example: dated.example, deals: cycles });
}

/** Statuses without a rule, first seen first, with their row counts. Shared with the warehouse path. */
export function unknownStatusesWarning(unknown: ReadonlyMap<string, number>): ValidationIssue {
  const list = [...unknown].slice(0, SHOWN_STATUSES).map(([s, n]) => `${s === '' ? '(blank)' : s} (${n})`);
  const more = unknown.size > SHOWN_STATUSES ? `, … ${unknown.size - SHOWN_STATUSES} more` : '';
  return issue('warning', 'unknown_statuses', { statuses: list.join(', ') + more, count: unknown.size });
}
