/**
 * The column guesser: header vocabulary first, value types second. Each column gets every role its header
 * suggests with a score; the value type scales the score (a "Source" column of numbers is not a channel);
 * then roles that appear once per table are handed out best-score-first, so "Cost" beats "Cost / conv."
 * and "UTM Source" beats a second "Источник".
 */
import type { CellValue } from '../values.js';
import { MEASURE_ROLES, type ColumnRole, type ValueType } from './types.js';
import { headerForms, headerTokens, hasWord, type HeaderForm } from './header-forms.js';
import { containsPhrase, hasCjk, hasCurrencyUnit, normalizeHeader } from './normalize.js';
import { profileColumn, type ColumnProfile, type ValueShape } from './sniff.js';
import { hasAny, readConcepts, type Concept, type ConceptReading } from './concepts.js';
import { CONCEPT_ROLES, IDENTITY, NOT_A_MEASURE, ROLE_PREFERENCES, matches, preferenceRank } from './concept-roles.js';
import { HEADER_QUALIFIERS, normalizedSynonyms, type NormalizedSynonym } from './synonyms.js';

export interface ColumnGuess {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole;
  /** 0–1. */
  readonly confidence: number;
  readonly valueType: ValueType;
  /** For role 'stage': which funnel stage the column counts (mql, sql, meetings…), when known. */
  readonly stageId?: string;
}

/** Roles a table has at most one of. 'stage' (many funnel columns) and 'ignore' repeat. */
const REPEATABLE: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['stage', 'ignore']);

interface Candidate {
  readonly role: ColumnRole;
  readonly score: number;
  readonly stageId?: string;
  readonly crmOnly?: boolean;
  readonly adOnly?: boolean;
  readonly notBesideSpend?: boolean;
}

const DATES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['date', 'close_date']);
const IDENTIFIERS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['lead_id', 'customer_id']);
/** Attribute words that name a thing: its title is the thing itself when the thing is a campaign. */
const NAME_WORDS: ReadonlySet<string> = new Set(['title', '名称']);
/** Attribute words that name an identity: "the code of the customer" is the customer's identity. */
const IDENTITY_WORDS: ReadonlySet<string> = new Set(['id', 'code', 'код', 'номер', '编号', '单号']);
const MEASURE_LIKE: ReadonlySet<ColumnRole> = new Set<ColumnRole>([...MEASURE_ROLES, 'stage', 'nps', 'ignore']);
/** Counts an aggregated report has per row; a one-record-per-row CRM export has none (its statuses are counted). */
const ROW_COUNTS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['leads', 'customers', 'stage']);
/** Counts of things: a money word in the header ("Total Gross Sales") makes it an amount instead. */
const COUNTS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['leads', 'customers', 'orders', 'clicks', 'impressions', 'stage']);
const MEASURE_ROLES_SET: ReadonlySet<ColumnRole> = new Set<ColumnRole>(MEASURE_ROLES);
const AMOUNTS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['revenue', 'spend', 'gross_profit']);
/** A report row's own name: where a report has no campaign column, the row's name is the campaign (Mailchimp "Title"). */
const ROW_NAMES: ReadonlySet<string> = new Set(['name', 'title', 'название', 'наименование', '名称']);
/** A campaign guessed from an id column ("Campaign ID", weight 0.6) at best. */
const WEAK_CAMPAIGN = 0.6;

/** A close date that closes a deal (won, closed, paid, confirmed), not one that may end a survey ("Время завершения"). */
const DEAL_CLOSING: readonly Concept[] = ['won', 'closed', 'paid', 'confirmed'];

/** Where `parts` occur in `text` in order (token boundaries; substrings for CJK), or false. */
function containsParts(text: string, parts: readonly string[]): boolean {
  let rest = text;
  for (const part of parts) {
    if (!containsPhrase(rest, part)) return false;
    const at = hasCjk(part) ? rest.indexOf(part) : (' ' + rest + ' ').indexOf(' ' + part + ' ');
    rest = rest.slice(at + part.length).trim();
  }
  return true;
}

/** How strongly one synonym matches one form of the header (0 = not at all). */
function matchScore(form: HeaderForm, syn: NormalizedSynonym): number {
  const { entry } = syn;
  const parts = form.stemmed ? syn.stemmedParts : syn.parts;
  const phrase = parts.join(' ');
  if (form.text === phrase) return entry.weight * form.factor;
  if (entry.exactOnly || !containsParts(form.text, parts)) return 0;
  if (entry.derived || entry.anywhere) return entry.weight * form.factor;
  // A phrase covering more of the header is more telling: "Amount spent" is spend, not "amount".
  return entry.weight * form.factor * (0.6 + 0.25 * Math.min(1, phrase.length / form.text.length));
}

/**
 * Whether a qualifier in the header, outside the matched phrase, says the header is not this role:
 * "Expected close date", "Discount Amount", "Payment Source Type", "Reporting ends".
 */
function qualifierFactor(role: ColumnRole, tokens: readonly string[], syn: NormalizedSynonym, currency: boolean): number {
  if (role === 'ignore' || tokens.length === 0) return 1;
  const phraseTokens = syn.parts.join(' ').split(' ');
  const outside = (w: string): boolean => hasWord(tokens, w) && !hasWord(phraseTokens, w);
  // A recommend question asks about the future ("с какой вероятностью…"): its answer is still a fact.
  if (role !== 'nps' && HEADER_QUALIFIERS.notAFact.some(outside)) return 0.25;
  // A survey question may name "our product": a score is not money.
  if (!DATES.has(role) && role !== 'nps' && HEADER_QUALIFIERS.otherMoney.some(outside)) return 0.25;
  // The head word: last in English ("Source Type"), first in Russian ("Тип источника", while "Переходы по ссылке"
  // are clicks), a suffix in Chinese ("来源明细").
  const heads = /[а-яё]/u.test(tokens[0]) ? [tokens[0]] : [tokens[tokens.length - 1], tokens[0]];
  // An id or number of a customer or record is that identity ("Идентификатор плательщика", "Customer Code").
  // So is a status or stage id (Bitrix24 STAGE_ID, amoCRM status_id): the code is the status.
  // A campaign's title is the campaign ("Campaign title", "活动名称").
  const attribute = (w: string): boolean =>
    !((IDENTIFIERS.has(role) || role === 'status') && IDENTITY_WORDS.has(w)) && !(role === 'campaign' && NAME_WORDS.has(w));
  if (
    HEADER_QUALIFIERS.attribute.some((w) => attribute(w) && heads.some((t) => (hasCjk(w) ? t.endsWith(w) : hasWord([t], w))) && outside(w))
  )
    return 0.25;
  const last = tokens[tokens.length - 1];
  if (!MEASURE_LIKE.has(role) && hasCjk(last) && HEADER_QUALIFIERS.countSuffix.some((w) => last.endsWith(w) && !syn.phrase.endsWith(w)))
    return 0.25;
  // The head names a moment: "订单完成时间" is when the order completed, not how many.
  const timeHead = hasCjk(last) ? HEADER_QUALIFIERS.timeHead.find((w) => last.endsWith(w)) : /[а-я]/u.test(tokens[0]) ? tokens[0] : last;
  if (
    MEASURE_LIKE.has(role) &&
    timeHead !== undefined &&
    (hasCjk(last) ? last.length > timeHead.length : tokens.length > 1) &&
    HEADER_QUALIFIERS.timeHead.includes(timeHead) &&
    !syn.phrase.includes(timeHead)
  )
    return 0.25;
  if (COUNTS.has(role) && (HEADER_QUALIFIERS.money.some(outside) || currency)) return 0.25;
  if (role === 'customers' && HEADER_QUALIFIERS.repeat.some(outside)) return 0.25;
  if (role === 'date' && HEADER_QUALIFIERS.periodEnd.some(outside)) return 0.8;
  return 1;
}

/** "Order Total (ex tax)" next to "Order Total (inc tax)": a part of an amount loses to the whole. Brackets count here. */
function exclusionFactor(role: ColumnRole, header: string): number {
  if (!AMOUNTS.has(role)) return 1;
  const all = normalizeHeader(header).split(' ');
  return HEADER_QUALIFIERS.excluding.some((w) => (hasCjk(w) ? all.some((t) => t.includes(w)) : all.includes(w))) ? 0.6 : 1;
}

/** Scores every role the header's words suggest, best first. */
export function headerCandidates(header: string): Candidate[] {
  const h = normalizeHeader(header);
  if (h === '') return [];
  const forms = headerForms(h);
  const tokens = headerTokens(header, normalizeHeader);
  // "Продажи, ₽", "Sales (USD)": a currency makes the header an amount, whatever count its words suggest.
  const currency = hasCurrencyUnit(header);
  const best = new Map<ColumnRole, Candidate>();
  for (const syn of normalizedSynonyms()) {
    let score = 0;
    for (const form of forms) score = Math.max(score, matchScore(form, syn));
    if (score === 0) continue;
    score *= qualifierFactor(syn.entry.role, tokens, syn, currency) * exclusionFactor(syn.entry.role, header);
    const { entry } = syn;
    const prev = best.get(entry.role);
    if (!prev || score > prev.score)
      best.set(entry.role, {
        role: entry.role,
        score,
        stageId: entry.stageId,
        crmOnly: entry.crmOnly,
        adOnly: entry.adOnly,
        notBesideSpend: entry.notBesideSpend,
      });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const TEXTUAL: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['channel', 'campaign', 'status']);

/** How well a column's values fit a role: 1 fits, lower scales the header score down. */
export function typeFit(role: ColumnRole, valueType: ValueType, shape?: ValueShape): number {
  if (valueType === 'empty' || role === 'ignore') return 1;
  // `03/04/2026` whose month/day order the sample does not show is a date column all the same: the readers
  // then say why they cannot order it (dates_day_order), rather than the column being lost.
  if (DATES.has(role) && shape === 'dayOrderUnknown') return 1;
  // Text under a date header may be a format we do not read ("1st March"): keep the role, doubt it.
  if (DATES.has(role)) return valueType === 'date' ? 1 : valueType === 'number' ? 0.3 : 0.4;
  if (TEXTUAL.has(role)) return valueType === 'text' ? 1 : valueType === 'number' ? 0.2 : 0.1;
  if (IDENTIFIERS.has(role)) return valueType === 'date' ? 0.2 : 1;
  // Measures and funnel counts.
  return valueType === 'number' ? 1 : valueType === 'date' ? 0.15 : 0.25;
}

/**
 * Guesses every column's role. `columns` is column-major (columns[i] = the values under headers[i]); it may
 * be shorter than headers (header-only sheets), and samples of a few hundred rows are enough.
 */
export function guessColumns(headers: readonly string[], columns: readonly (readonly CellValue[])[]): ColumnGuess[] {
  const profiles: ColumnProfile[] = headers.map((h, i) => profileColumn(columns[i] ?? [], h));
  const own = headers.map((h, i) => withValueFacets(withCurrencyAmount(readConcepts(h), h), profiles[i].shape));
  const lent = tableConcepts(own);
  const readings = lent.length === 0 ? own : own.map((r) => new Set<Concept>([...r, ...lent]));
  const first = tableCandidates(headers, profiles, readings);
  // A survey export: every date in it is about the answer, so its completion (not its start) dates the row.
  const candidates = first.survey
    ? tableCandidates(
        headers,
        profiles,
        readings.map((r) => new Set<Concept>([...r, 'surveyTable'])),
      ).candidates
    : first.candidates;

  // Unique roles go to the best-scoring column; a column's later candidates get their turn after.
  const assigned = new Map<number, Candidate>();
  const taken = new Set<ColumnRole>();
  const queue = candidates
    .flatMap((list, index) => list.map((c) => ({ index, c })))
    .sort((a, b) => b.c.score - a.c.score || a.index - b.index);
  for (const { index, c } of queue) {
    if (assigned.has(index)) continue;
    if (!REPEATABLE.has(c.role) && taken.has(c.role)) continue;
    // A weak second choice is worse than an honest "ignore": a wrong measure corrupts every sum.
    if (c.score < 0.3) continue;
    assigned.set(index, c);
    if (!REPEATABLE.has(c.role)) taken.add(c.role);
  }

  // A table whose only date is a sale or payment date ("Дата продажи", "Paid at") is dated by it; the close date
  // then goes to the next column that could close the row ("Sale Date" dates an eBay order, "Paid On Date" closes it).
  if (![...assigned.values()].some((c) => c.role === 'date')) {
    const closing = [...assigned].find(([, c]) => c.role === 'close_date');
    if (closing) {
      assigned.set(closing[0], { ...closing[1], role: 'date' });
      const next = queue.find(({ index, c }) => c.role === 'close_date' && c.score >= 0.3 && !assigned.has(index));
      if (next) assigned.set(next.index, next.c);
    }
  }

  // A report of measures with no campaign column: the row's own name ("Title", "Name") is what each row is.
  // An id alone ("ID кампании", scored low) names the campaign worse than the row's name does.
  const measured = [...assigned.values()].some((c) => c.role === 'impressions' || c.role === 'clicks' || c.role === 'spend');
  const campaignAt = [...assigned].find(([, c]) => c.role === 'campaign');
  if (measured && (!campaignAt || campaignAt[1].score <= WEAK_CAMPAIGN)) {
    const named = headers.findIndex((h, i) => ROW_NAMES.has(normalizeHeader(h)) && (assigned.get(i)?.role ?? 'ignore') === 'ignore');
    if (named >= 0) {
      if (campaignAt) assigned.delete(campaignAt[0]);
      assigned.set(named, { role: 'campaign', score: 0.6 });
    }
  }

  return headers.map((header, index) => {
    const valueType = profiles[index].valueType;
    const c = assigned.get(index);
    if (!c) {
      // Lost its role to a better column or matched nothing: ignore, with doubt if it looked like something.
      const top = candidates[index][0];
      const confidence = top && top.role !== 'ignore' ? round(Math.max(0.2, 1 - top.score)) : 0.3;
      return { index, header, role: 'ignore' as const, confidence, valueType };
    }
    const guess: ColumnGuess = { index, header, role: c.role, confidence: round(Math.min(1, c.score)), valueType };
    return c.stageId ? { ...guess, stageId: c.stageId } : guess;
  });
}

/** What some columns say the whole table is, lent to every column (a survey export is found later, from its roles). */
function tableConcepts(readings: readonly ConceptReading[]): Concept[] {
  const out: Concept[] = [];
  // An e-mail or SMS report: its messages are opened (a lead form's opens are an ad's, not a mailing's).
  // An SMS report counts no opens but names itself ("短信签名", "Название рассылки").
  if (
    readings.some(
      (r) =>
        (r.has('opened') && !hasAny(r, ['lead', 'survey', 'listing', 'other'])) || (r.has('mailing') && !hasAny(r, ['lead', 'survey'])),
    )
  )
    out.push('mailingTable');
  // A call-tracking export: its row id or date is a call's, so its status is the call's.
  if (readings.some((r) => r.has('call') && hasAny(r, ['id', 'number', 'date', 'time']))) out.push('callTable');
  return out;
}

/** A currency in a header that names no money ("商家实收（元）", "Получено, ₽") says the column is an amount. */
function withCurrencyAmount(reading: ConceptReading, header: string): ConceptReading {
  return hasCurrencyUnit(header) && !hasAny(reading, ['amount', 'total', 'value', 'price']) ? new Set([...reading, 'amount']) : reading;
}

/** What the values say a person column's facet is, when the header leaves it open: a bare "Клиент" of phone numbers is a phone. */
const SHAPE_FACET: Partial<Record<ValueShape, Concept>> = { email: 'email', phone: 'phone', id: 'id' };
const PERSON_FACETS: readonly Concept[] = [...IDENTITY, 'name', 'nickname'];

function withValueFacets(reading: ConceptReading, shape: ValueShape | undefined): ConceptReading {
  const facet = shape && SHAPE_FACET[shape];
  if (!facet || !hasAny(reading, ['customer', 'user']) || hasAny(reading, PERSON_FACETS)) return reading;
  return new Set([...reading, facet]);
}

/** Roles the header's concepts give (concept-roles.ts), for headers no listed phrase covers. */
function conceptCandidates(reading: ConceptReading, profile: ColumnProfile): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of CONCEPT_ROLES) {
    if (!matches(rule.when, reading)) continue;
    if (rule.values === 'text' && profile.valueType !== 'text') continue;
    if (rule.values === 'number' && profile.valueType !== 'number' && profile.valueType !== 'empty') continue;
    if (rule.values === 'date' && profile.valueType !== 'date') continue;
    out.push({ role: rule.role, score: rule.score, crmOnly: rule.crmOnly });
  }
  return out;
}

/**
 * How well the values' shape fits a role: money under a count or id header, a person's name under an id, and
 * e-mails or phones under a measure or a channel are doubtful. (Names are not doubted under a channel or a
 * campaign: "Google Ads", "Яндекс Директ" look like names.)
 */
function shapeFit(role: ColumnRole, shape: ValueShape | undefined): number {
  if (shape === 'money' && (COUNTS.has(role) || IDENTIFIERS.has(role))) return 0.5;
  if (shape === 'personName' && (role === 'lead_id' || MEASURE_ROLES_SET.has(role))) return 0.5;
  if ((shape === 'email' || shape === 'phone') && role !== 'ignore' && (MEASURE_LIKE.has(role) || TEXTUAL.has(role))) return 0.5;
  return 1;
}

/** Every column's candidates after the table-level rules (ad report, record export, survey) and the preferences. */
function tableCandidates(
  headers: readonly string[],
  profiles: readonly ColumnProfile[],
  readings: readonly ConceptReading[],
): { candidates: Candidate[][]; survey: boolean } {
  let candidates = headers.map((h, i) => rankCandidates(h, profiles[i], readings[i]));
  // An ad-platform report (impressions or clicks): CRM-only words mean something else there, and ad-only
  // words ("Просмотры" as impressions) mean nothing anywhere else.
  const adReport = candidates.some((list) => {
    const top = list.find((c) => !c.adOnly);
    return top && (top.role === 'impressions' || top.role === 'clicks') && top.score >= 0.8;
  });
  candidates = candidates.map((list) => list.filter((c) => (adReport ? !c.crmOnly : !c.adOnly)));
  // An ad platform counts sale events, not distinct buyers: its "Sales" are orders, unless the header is about the
  // buyers themselves ("成交客户", "New customers").
  const aboutBuyers = (r: ConceptReading): boolean => hasAny(r, ['first']) || (hasAny(r, ['customer', 'user']) && !r.has('other'));
  // A funnel that counts leads ends in customers: there "Продажи" are the customers won.
  const countsLeads = candidates.some((list) => list[0]?.role === 'leads' && list[0].score >= 0.8);
  if (adReport && !countsLeads) {
    candidates = candidates.map((list, i) =>
      readings[i].has('sale') && !aboutBuyers(readings[i])
        ? list
            .map((c) => (c.role === 'customers' ? { ...c, role: 'orders' as const } : c))
            .filter((c, k, all) => all.findIndex((x) => x.role === c.role) === k)
        : list,
    );
  }
  // A plain "Profit" beside a spend column is net of that spend, not gross profit.
  const besideSpend = candidates.some((list) => list[0]?.role === 'spend' && list[0].score >= 0.8);
  if (besideSpend) candidates = candidates.map((list) => list.filter((c) => !c.notBesideSpend));
  // A record export (an id column plus a status or a customer column): "Сделки", "Contacts", "Number of deals"
  // are linked records there, not funnel counts.
  const tops = candidates.map((list) => list[0]);
  const recordExport =
    tops.some((c) => c?.role === 'lead_id' && c.score >= 0.85) &&
    tops.some((c) => (c?.role === 'status' || c?.role === 'customer_id') && c.score >= 0.5);
  // A deal or order row has a value, never an ad spend: "Стоимость" there is what the deal is worth.
  if (recordExport) candidates = candidates.map((list) => list.filter((c) => !ROW_COUNTS.has(c.role) && c.role !== 'spend'));
  // A survey export (a recommend question, no deal money or close date): its "Status" is the response's state,
  // not a deal's. A CRM export carrying an NPS column keeps its status.
  const survey =
    tops.some((c) => c?.role === 'nps' && c.score >= 0.9) &&
    !tops.some((c, i) => c?.role === 'revenue' || (c?.role === 'close_date' && hasAny(readings[i], DEAL_CLOSING)));
  if (survey) candidates = candidates.map((list) => list.filter((c) => c.role !== 'status'));
  return { candidates: applyPreferences(candidates, readings), survey };
}

function rankCandidates(header: string, profile: ColumnProfile, reading: ConceptReading): Candidate[] {
  const best = new Map<ColumnRole, Candidate>();
  for (const c of [...headerCandidates(header), ...conceptCandidates(reading, profile)]) {
    // A qualifier may rule a role out whatever the phrase: "Date Shipped" is never the row's date.
    if (preferenceRank(c.role, reading) === null) continue;
    // Where something came from, its type, a note or a flag is never counted or summed ("Источник заказа").
    if (MEASURE_LIKE.has(c.role) && c.role !== 'ignore' && matches(NOT_A_MEASURE, reading)) continue;
    // The customer is an identity, never a display name (GUIDE.md, "Customer"): "Клиент" of "ООО «Альфа»",
    // "Contact" of "Emily Carter". Header-only guesses keep the header's word; the values decide when there are some.
    if (c.role === 'customer_id' && profile.valueType === 'text' && !hasAny(reading, IDENTITY)) continue;
    const prev = best.get(c.role);
    if (!prev || c.score > prev.score) best.set(c.role, c);
  }
  const out = [...best.values()].map((c) => ({
    ...c,
    score: c.score * typeFit(c.role, profile.valueType, profile.shape) * shapeFit(c.role, profile.shape),
  }));
  // Values alone still say something when the header says nothing useful.
  if (profile.valueType === 'date' && !best.has('date') && preferenceRank('date', reading) !== null)
    out.push({ role: 'date', score: 0.45 });
  return out.sort((a, b) => b.score - a.score);
}

/** A column competes for a role when the role is (nearly) its best guess and not a weak one. */
const CONTENDER_SHARE = 0.85;
const CONTENDER_FLOOR = 0.4;

/**
 * Several columns are candidates for one role ("Order Value" and "Order Total", "Клиент" and "Телефон клиента"):
 * the role's declared preference (concept-roles.ts) decides between them, not the phrase scores. The preferred
 * column's score for the role is lifted just above the best contender's.
 */
function applyPreferences(candidates: Candidate[][], readings: readonly ConceptReading[]): Candidate[][] {
  const out = candidates.map((list) => [...list]);
  for (const role of Object.keys(ROLE_PREFERENCES) as ColumnRole[]) {
    const contenders = out.flatMap((list, index) => {
      const c = list.find((x) => x.role === role);
      const top = list[0];
      return c && top && c.score >= CONTENDER_FLOOR && c.score >= top.score * CONTENDER_SHARE
        ? [{ index, c, rank: preferenceRank(role, readings[index]) ?? -99 }]
        : [];
    });
    if (contenders.length < 2) continue;
    const winner = contenders.reduce((a, b) => (b.rank > a.rank || (b.rank === a.rank && b.c.score > a.c.score) ? b : a));
    // eslint-disable-next-line no-restricted-syntax -- the roles contending for one column: a few
    const bestScore = Math.max(...contenders.filter((x) => x !== winner).map((x) => x.c.score));
    if (winner.c.score > bestScore) continue;
    out[winner.index] = out[winner.index]
      .map((x) => (x.role === role ? { ...x, score: bestScore + 0.001 } : x))
      .sort((a, b) => b.score - a.score);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
