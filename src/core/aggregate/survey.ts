/**
 * NPS from a survey sheet, joined to the lead export's customers by customer ID, e-mail or phone — the
 * identifiers the leads use, normalised the same way (definitions/identity.ts). An answer counts for its
 * customer's channel: the channel of their latest won deal up to the answer date (no date, or answered
 * before any purchase: their first won deal; never bought: their latest lead), in the period of the answer
 * date (else that deal's purchase). Answers that match no customer, and scores that are not a whole number
 * 0–10, are counted and reported, never dropped silently.
 */
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { type CustomerIdentity, identifierKind, identifierOf, type LeadRecord, type WonDeal } from '../definitions/index.js';
import type { TableBinding } from '../mapping/types.js';
import type { Matrix } from '../values.js';
import { cellText, npsScore } from './cells.js';
import { columnOf, isBlankRow, type PeriodReader } from './rows.js';
import type { NpsAnswer, SurveyJoin } from './types.js';

/** Unmatched identifiers shown in the warning; the rest are counted. */
const SHOWN = 5;

export interface SurveyInput {
  readonly table: TableBinding;
  /** Data rows, as read (no header). */
  readonly rows: Matrix;
  /** Sheet row of rows[0], for messages. */
  readonly firstRow: number;
}

export function joinSurvey(
  survey: SurveyInput,
  identity: CustomerIdentity,
  leads: readonly LeadRecord[],
  deals: readonly WonDeal[],
  periods: PeriodReader,
  callingCode: string,
): { answers: NpsAnswer[]; join: SurveyJoin; warnings: ValidationIssue[] } {
  const t = survey.table;
  const idCols = t.columns.filter((c) => c.role === 'customer_id').map((c) => c.index);
  const scoreCol = columnOf(t, 'nps');
  const dateCol = columnOf(t, 'date');
  const kinds = idCols.map((c) =>
    identifierKind(
      survey.rows
        .map((r) => cellText(r?.[c]))
        .filter((s) => s !== '')
        .slice(0, 500),
    ),
  );
  const channelOf = customerChannels(leads, deals);
  const answers: NpsAnswer[] = [];
  const unmatchedIds: string[] = [];
  const unreadableRows: number[] = [];
  let rows = 0;
  let unmatched = 0;
  survey.rows.forEach((row, i) => {
    if (!row || isBlankRow(row, [...idCols, scoreCol])) return;
    rows++;
    const score = npsScore(row[scoreCol]);
    if (score === null) {
      unreadableRows.push(survey.firstRow + i);
      return;
    }
    const ids = idCols.map((c, k) => identifierOf(kinds[k], cellText(row[c]), callingCode)).filter((id) => id !== '');
    const customer = identity.lookup(ids);
    const time = dateCol >= 0 ? (periods.time(row[dateCol]) ?? null) : null;
    const place = customer === null ? null : channelOf(customer, time);
    if (place === null) {
      unmatched++;
      if (unmatchedIds.length < SHOWN) unmatchedIds.push(idCols.map((c) => cellText(row[c])).find((s) => s !== '') ?? '(blank)');
      return;
    }
    answers.push({ channel: place.channel, time: time ?? place.time, score });
  });
  const join: SurveyJoin = { rows, matched: answers.length, unmatched, unreadable: unreadableRows.length };
  const warnings: ValidationIssue[] = [];
  if (unmatched > 0) {
    const more = unmatched > unmatchedIds.length ? `, … ${unmatched - unmatchedIds.length} more` : '';
    warnings.push(issue('warning', 'survey_unmatched', { count: unmatched, rows, examples: unmatchedIds.join(', ') + more }));
  }
  if (unreadableRows.length > 0) {
    const list = unreadableRows.slice(0, 10).join(', ') + (unreadableRows.length > 10 ? ', …' : '');
    warnings.push(issue('warning', 'survey_unreadable', { count: unreadableRows.length, rows: list }));
  }
  return { answers, join, warnings };
}

/** customer → where one of their answers at time t counts: a channel and the time that dates it. */
function customerChannels(
  leads: readonly LeadRecord[],
  deals: readonly WonDeal[],
): (customer: string, t: number | null) => { channel: string; time: number | null } | null {
  const won = new Map<string, WonDeal[]>();
  for (const d of deals) won.set(d.customer, [...(won.get(d.customer) ?? []), d]);
  for (const list of won.values()) list.sort((a, b) => (a.purchased ?? -Infinity) - (b.purchased ?? -Infinity));
  const lastLead = new Map<string, LeadRecord>();
  for (const l of leads) {
    if (l.customer === null) continue;
    const before = lastLead.get(l.customer);
    if (!before || (l.created ?? -Infinity) >= (before.created ?? -Infinity)) lastLead.set(l.customer, l);
  }
  return (customer, t) => {
    const list = won.get(customer);
    if (list && list.length > 0) {
      const upTo = t === null ? [] : list.filter((d) => d.purchased !== null && d.purchased <= t);
      const deal = upTo.at(-1) ?? list[0];
      return { channel: deal.lead.channel, time: deal.purchased };
    }
    const lead = lastLead.get(customer);
    return lead ? { channel: lead.channel, time: lead.closed ?? lead.created } : null;
  };
}
