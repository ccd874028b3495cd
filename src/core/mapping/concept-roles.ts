/**
 * Roles as rules over concepts (concepts.ts), and the declared preferences that decide between columns
 * competing for one role. Both are written once, here, in terms of concepts — never of one language's words —
 * so "订单应付金额", "Amount payable" and "К оплате" are ranked by the same line.
 *
 * Rules give a column a role its header's phrase did not ("ID записи", "Item ID", "Заказано на сумму", "用户标识").
 * Preferences rank the columns that are all candidates for one role ("Order Total" over "Order Value", the
 * customer's phone over the customer's display name, the merchant's order number over the platform's), and
 * remove a role a qualifier rules out ("Date Shipped" is never the row's date).
 */
import type { ColumnRole } from './types.js';
import type { Concept, ConceptReading } from './concepts.js';

/** A pattern over a header's concepts: all of `all`, at least one of each `any` group, none of `none`. */
export interface ConceptPattern {
  readonly all?: readonly Concept[];
  readonly any?: readonly Concept[];
  readonly any2?: readonly Concept[];
  readonly none?: readonly Concept[];
  /** Nothing but these concepts in the header ("Оплачено", "Contacts"). */
  readonly only?: readonly Concept[];
}

/** Concepts the table lends every column: not the header's own words. */
const TABLE_CONCEPTS: ReadonlySet<Concept> = new Set<Concept>(['surveyTable', 'mailingTable', 'callTable']);

export function matches(p: ConceptPattern, r: ConceptReading): boolean {
  if (p.all && !p.all.every((c) => r.has(c))) return false;
  if (p.any && !p.any.some((c) => r.has(c))) return false;
  if (p.any2 && !p.any2.some((c) => r.has(c))) return false;
  if (p.none?.some((c) => r.has(c))) return false;
  // "Only": nothing but these concepts, and no word outside every concept.
  if (p.only && (r.size === 0 || [...r].some((c) => !p.only?.includes(c) && !TABLE_CONCEPTS.has(c)))) return false;
  return true;
}

/** What the sampled values say, for rules that need it. */
export type ValueNeed = 'number' | 'text' | 'date';

export interface ConceptRule {
  readonly role: ColumnRole;
  readonly when: ConceptPattern;
  /** Below a listed phrase's weight (0.8–0.97), so a synonym still decides when there is one. */
  readonly score: number;
  /**
   * Only when the sample values agree: 'text' needs text values (a bare "Contacts" of names is a customer; of
   * numbers, a count); 'date' needs dates ("Closed" of dates is when it closed); 'number' needs numbers or no
   * sample at all.
   */
  readonly values?: ValueNeed;
  /** Only in a CRM export: in an ad report an "Аккаунт" is the ad account. */
  readonly crmOnly?: boolean;
}

const RECORDS: readonly Concept[] = ['order', 'deal', 'lead', 'payment', 'record', 'survey'];
const PEOPLE: readonly Concept[] = ['customer', 'user'];
/** What identifies a person: never a name (GUIDE.md, "Customer"). */
export const IDENTITY: readonly Concept[] = ['id', 'number', 'phone', 'email', 'login'];
const WHEN: readonly Concept[] = ['date', 'time', 'log'];
const MONEY: readonly Concept[] = ['amount', 'total', 'value', 'price'];
const CLOSING: readonly Concept[] = ['paid', 'settled', 'confirmed', 'won', 'closed', 'visit', 'completed'];
/** Not a person's identity: a product's, a merchant's, a refund's, a question's. */
const NOT_A_PERSON: readonly Concept[] = ['product', 'merchant', 'refund', 'nickname', 'question'];
const OPENING: readonly Concept[] = ['created', 'ordered', 'submitted'];
/** Concepts that say a column is not the row's own fact. */
const NOT_A_FACT: readonly Concept[] = ['expected', 'annual', 'ratio'];

export const CONCEPT_ROLES: readonly ConceptRule[] = [
  // The id or number of the row's record is the lead id: "ID записи", "Item ID", "Номер транзакции", "答卷编号".
  {
    role: 'lead_id',
    when: {
      any: ['id', 'number'],
      any2: [...RECORDS, 'call'],
      none: [...PEOPLE, 'product', 'company', 'refund', 'deduction', 'count', 'total', 'campaign'],
    },
    score: 0.85,
  },
  // A bare "Номер" / "No." is the row's own number.
  { role: 'lead_id', when: { only: ['number'] }, score: 0.75 },
  // A person's id, number, phone, e-mail or login is the customer: "Buyer User ID", "用户标识", "Телефон клиента".
  { role: 'customer_id', when: { any: PEOPLE, any2: IDENTITY, none: [...NOT_A_PERSON, 'other'] }, score: 0.75 },
  { role: 'customer_id', when: { any: ['login'], none: [...NOT_A_PERSON, 'platform', 'other'] }, score: 0.7, crmOnly: true },
  // A bare "Contacts" / "Клиенты" of names is who; of numbers it is a count.
  { role: 'customer_id', when: { only: ['customer'] }, score: 0.7, values: 'text', crmOnly: true },
  // The moment a record was opened is its date; the moment it was paid, confirmed, won or visited closes it.
  { role: 'date', when: { any: WHEN, any2: OPENING, none: [...NOT_A_FACT, 'later'] }, score: 0.75 },
  { role: 'date', when: { all: ['survey'], any: ['completed', 'ended'], any2: WHEN, none: ['later'] }, score: 0.8 },
  { role: 'date', when: { all: ['surveyTable'], any: ['completed', 'ended'], any2: WHEN, none: ['later'] }, score: 0.8 },
  { role: 'date', when: { all: ['surveyTable'], any: ['completed', 'ended'], none: ['later'] }, score: 0.8, values: 'date' },
  {
    role: 'close_date',
    when: { any: WHEN, any2: CLOSING, none: [...NOT_A_FACT, 'later', 'survey', 'surveyTable', 'created'] },
    score: 0.75,
  },
  // A column of dates named only by its moment: "Closed", "Won", "Оплачен", "Created", "Оформлен".
  {
    role: 'close_date',
    when: { any: CLOSING, none: [...NOT_A_FACT, 'later', 'survey', 'surveyTable', 'created'] },
    score: 0.75,
    values: 'date',
  },
  { role: 'date', when: { any: OPENING, none: [...NOT_A_FACT, 'later'] }, score: 0.75, values: 'date' },
  // An amount paid, payable, sold or ordered is revenue: "Заказано на сумму", "Sale Price", "应结订单金额".
  {
    role: 'revenue',
    when: {
      any: MONEY,
      any2: ['paid', 'payable', 'sale', 'ordered', 'won'],
      none: [...NOT_A_FACT, 'deduction', 'refund', 'ratio'],
    },
    score: 0.7,
  },
  // The value of a payment, an order or a deal: "Payment Value", "Сумма платежа", "Deal worth", "订单总额".
  {
    role: 'revenue',
    when: { any: MONEY, any2: ['payment', 'deal', 'order'], none: [...NOT_A_FACT, 'deduction', 'refund', 'kept', 'list', 'count'] },
    score: 0.7,
  },
  // A bare "Оплачено" / "Paid" / "已付" of numbers is the amount paid.
  { role: 'revenue', when: { only: ['paid'] }, score: 0.65, values: 'number' },
  // "How did you hear about us?" is the respondent's own channel; a source's type is a channel ("来源类型").
  { role: 'channel', when: { any: ['heardOf'] }, score: 0.9 },
  { role: 'channel', when: { all: ['source', 'type'], none: ['payment', 'deduction', ...PEOPLE] }, score: 0.6 },
  { role: 'channel', when: { only: ['source'] }, score: 0.55, values: 'text' },
  // Where the customers, leads, orders or traffic came from: "客户来源", "Источник заказа", "Traffic source".
  {
    role: 'channel',
    when: { all: ['source'], any: ['customer', 'user', 'lead', 'order', 'traffic', 'deal'], none: ['payment', 'type'] },
    score: 0.7,
  },
  { role: 'channel', when: { all: ['channel'], none: ['payment', 'paid', 'deduction', 'type', 'id', 'number', ...PEOPLE] }, score: 0.7 },
  // Ad events by their concept: "Displays", "Показы баннера", "totalInstalls".
  { role: 'impressions', when: { all: ['display'], only: ['display', 'count'] }, score: 0.7, values: 'number' },
  // An app's funnel: installs, activations and new users or devices are its leads ("激活数", "新增用户"), a count
  // of leads or inquiries too ("电话咨询数"); registrations are a further stage ("注册量"); users who paid or
  // purchased are its customers ("新增付费设备数", "af_purchase (Unique users)"), payment or purchase events its
  // orders ("付费次数", "af_purchase (Event counter)").
  {
    role: 'leads',
    when: { any: ['install', 'download'], only: ['install', 'download', 'total', 'count', 'first', 'user'] },
    score: 0.7,
    values: 'number',
  },
  // An activation that loses the leads role to a download (app stores count downloads first) is the next stage;
  // "new downloads" beside installs are a part of them, not a stage.
  {
    role: 'stage',
    when: { any: ['install', 'download'], only: ['install', 'download', 'total', 'count', 'user'] },
    score: 0.5,
    values: 'number',
  },
  // Qualified leads or calls are a stage ("Целевые звонки"); Metrica's goal visits ("Целевые визиты") are traffic.
  { role: 'stage', when: { all: ['qualified'], none: [...NOT_A_FACT, 'other', 'visit', ...MONEY] }, score: 0.7, values: 'number' },
  // Leads a partner network confirmed ("Подтверждённые лиды", "Approved leads") are qualified ones.
  { role: 'stage', when: { all: ['confirmed', 'lead'], none: [...NOT_A_FACT, 'other', ...MONEY] }, score: 0.7, values: 'number' },
  // A first-time transaction count is new customers: "Transactions (1st Time)".
  {
    role: 'customers',
    when: { all: ['first'], any: ['payment', 'order', 'sale'], none: [...NOT_A_FACT, ...MONEY, 'refund', 'date', 'time'] },
    score: 0.75,
    values: 'number',
  },
  // What the customer paid, with no money word: "顾客实付", "Customer paid".
  {
    role: 'revenue',
    when: { all: ['paid', 'customer'], none: [...NOT_A_FACT, ...IDENTITY, 'user', 'date', 'time', 'count', 'name', 'state', 'type'] },
    score: 0.7,
    values: 'number',
  },
  { role: 'leads', when: { all: ['first', 'user'], only: ['first', 'user', 'count', 'total'] }, score: 0.6, values: 'number' },
  // Registrations are the leads where nothing earlier is counted ("注册用户量"); beside installs they lose the role
  // (preferences) and keep their stage.
  {
    role: 'leads',
    when: { all: ['created', 'user'], only: ['created', 'user', 'count', 'total', 'unique'] },
    score: 0.62,
    values: 'number',
  },
  // E-mail opens are a mailing's impressions (unique opens first); a status or a record's state in words is its status.
  {
    role: 'impressions',
    when: { all: ['opened', 'mailingTable'], none: [...NOT_A_FACT, 'date', 'time', 'first', 'other'] },
    score: 0.85,
    values: 'number',
  },
  // A classifieds or maps report: opening the listing is the click, asking for the phone or calling is the lead
  // ("Просмотры карточки", "Открытия карточки", "Просмотры телефона", "Звонки"); a lead column still comes first.
  {
    role: 'clicks',
    when: { all: ['listing'], any: ['view', 'opened'], none: [...NOT_A_FACT, ...MONEY, 'user', 'unique'] },
    score: 0.75,
    values: 'number',
  },
  {
    role: 'leads',
    when: { all: ['phone'], any: ['view', 'opened', 'display'], none: [...NOT_A_FACT, ...MONEY] },
    score: 0.6,
    values: 'number',
  },
  { role: 'leads', when: { all: ['call'], only: ['call', 'count', 'total', 'unique'] }, score: 0.6, values: 'number' },
  // Without opens, the messages that went through are the impressions ("成功条数", "发送成功数").
  {
    role: 'impressions',
    when: { all: ['success', 'mailingTable'], none: [...NOT_A_FACT, 'date', 'time', 'other'] },
    score: 0.8,
    values: 'number',
  },
  // A mailing's task, template or issue is its campaign ("任务名称", "模板名称", "Выпуск"); what it consumed, its spend.
  {
    role: 'campaign',
    when: { all: ['task', 'mailingTable'], none: ['id', 'number', 'state', 'date', 'time', 'type', 'count'] },
    score: 0.75,
  },
  { role: 'spend', when: { all: ['consumed', 'mailingTable'], none: [...NOT_A_FACT, 'count'] }, score: 0.9, values: 'number' },
  {
    role: 'status',
    when: { all: ['state'], none: [...NOT_A_FACT, ...PEOPLE, 'date', 'time', 'count', 'id', 'type'] },
    score: 0.7,
    values: 'text',
    crmOnly: true,
  },
  { role: 'leads', when: { all: ['lead', 'count'], none: [...NOT_A_FACT, 'other', 'refund'] }, score: 0.7, values: 'number' },
  {
    role: 'stage',
    when: { all: ['created'], only: ['created', 'count', 'total', 'user', 'unique', 'event', 'completed'] },
    score: 0.6,
    values: 'number',
  },
  // Users who only placed or submitted an order are a stage before paying ("下单用户数", "提交订单用户量").
  {
    role: 'stage',
    when: { all: ['user'], any: ['ordered', 'submitted'], none: [...NOT_A_FACT, ...MONEY, 'paid'] },
    score: 0.6,
    values: 'number',
  },
  {
    role: 'customers',
    when: { all: ['user'], any: ['order', 'paid'], none: [...NOT_A_FACT, ...MONEY, 'event', 'refund', 'ordered', 'submitted'] },
    score: 0.7,
    values: 'number',
  },
  {
    role: 'orders',
    when: { any: ['order', 'paid'], any2: ['event'], none: [...NOT_A_FACT, ...MONEY, 'user', 'unique', 'refund'] },
    score: 0.65,
    values: 'number',
  },
  // A bare "Итого" / "Total" of an order or deal export is what it came to.
  { role: 'revenue', when: { only: ['total'] }, score: 0.6, values: 'number', crmOnly: true },
];

/**
 * How one role ranks the columns competing for it: `prefer` best first, `avoid` worst last, anything else in
 * between. `never` removes the role from a column whatever its phrase says.
 */
export interface RolePreference {
  readonly prefer: readonly ConceptPattern[];
  readonly avoid?: readonly ConceptPattern[];
  readonly never?: readonly ConceptPattern[];
}

export const ROLE_PREFERENCES: Partial<Record<ColumnRole, RolePreference>> = {
  // What the customer paid is the revenue; then what was payable; then the total; an order's list value or price,
  // what the merchant kept after fees or was settled, and adjusted figures come last.
  revenue: {
    prefer: [
      { all: ['paid'], any: MONEY, none: ['deduction', 'kept', 'product'] },
      { all: ['paid', 'customer'], none: ['deduction', 'kept', 'user', 'product'] },
      { all: ['payable'], none: ['settled'] },
      { all: ['net', 'sale'] },
      { all: ['deal'], any: ['amount', 'value', 'total'], none: ['kept', 'adjusted', 'deduction', 'list', 'later'] },
      { any: ['total', 'amount'], none: ['kept', 'adjusted', 'deduction', 'net', 'ordered', 'list'] },
      { all: ['sale'], any: ['price', 'amount', 'total'], none: ['kept', 'deduction'] },
      { only: ['paid'] },
      { all: ['sale'], none: ['kept', 'deduction'] },
    ],
    // A settlement is what the acquirer pays the merchant after fees ("结算金额", "Settlement amount"), not the sale.
    avoid: [
      { all: ['ordered'] },
      { all: ['list'] },
      { any: ['kept', 'net', 'settled'], none: ['sale', 'submitted'] },
      { all: ['adjusted'] },
    ],
    // A mailing earns nothing by itself: the money it consumed is its spend ("消费金额(元)" in an SMS report).
    never: [{ any: NOT_A_FACT }, { all: ['consumed', 'mailingTable'] }],
  },
  // A person's id beats the buyer's company, a login, the person's e-mail, their phone, any e-mail, any phone, the
  // contact or customer itself (a name: only when there are no values to say so, guess-columns.ts), a company; a
  // nickname or a question is the last resort. (GUIDE.md, "Customer": id, login, e-mail, phone, never a name.)
  customer_id: {
    prefer: [
      { any: [...PEOPLE, 'company'], any2: ['id', 'number'], none: NOT_A_PERSON },
      { all: ['customer', 'company'] },
      { any: ['login'], none: NOT_A_PERSON },
      { any: PEOPLE, all: ['email'], none: NOT_A_PERSON },
      { any: PEOPLE, all: ['phone'], none: NOT_A_PERSON },
      { all: ['email'], none: NOT_A_PERSON },
      { all: ['phone'], none: NOT_A_PERSON },
      { any: PEOPLE, none: ['phone', 'email', 'login', ...NOT_A_PERSON] },
      { all: ['company'] },
    ],
    avoid: [{ any: ['nickname', 'question'] }],
    // Where a customer came from is a channel, not the customer.
    never: [{ any: ['source', 'channel', 'heardOf'] }],
  },
  // The merchant's own number beats a platform's transaction id; a bare "Номер"/"№" is the row's own number;
  // a main order beats its sub-orders.
  lead_id: {
    prefer: [{ only: ['number'] }, { all: ['merchant'] }, { all: ['main'] }],
    avoid: [{ all: ['sub'] }, { all: ['platform'] }],
    never: [{ any: ['refund'] }],
  },
  // The row's date is when it was opened: created, placed, submitted (a survey answer: when it was completed).
  date: {
    prefer: [
      { all: ['survey'], any: ['completed', 'ended'] },
      { all: ['surveyTable'], any: ['completed', 'ended'] },
      { all: ['created'], any: WHEN },
      { all: ['ordered'], any: WHEN },
      { all: ['submitted'], any: WHEN },
    ],
    avoid: [
      { any: ['survey', 'surveyTable'], all: ['start'] },
      { any: CLOSING, none: ['survey', 'surveyTable'] },
    ],
    never: [{ any: ['later', 'expected'] }],
  },
  // A record closes when it is won or closed, paid, confirmed or visited; "completed" only when nothing says more.
  close_date: {
    prefer: [
      { all: ['actual'], any: ['closed', 'won'] },
      { any: ['won', 'closed'] },
      { all: ['paid'] },
      { all: ['confirmed'] },
      { all: ['visit'] },
    ],
    avoid: [{ all: ['completed'] }],
    never: [{ any: ['expected', 'created', 'later', 'survey', 'surveyTable'] }],
  },
  // The first step of the funnel after the click: leads, form submissions or conversions, then an app's installs or activations, then
  // its new users; registrations come later in an app's funnel, so they are leads only where nothing earlier is
  // counted (a registration column that loses keeps its stage candidate).
  leads: {
    prefer: [
      { all: ['lead'] },
      { all: ['survey', 'submitted'] },
      { all: ['won'] },
      { all: ['download'], none: ['first'] },
      { all: ['install'] },
      { all: ['first', 'user'] },
    ],
    avoid: [{ all: ['created'] }],
  },
  // Orders are paid ones: a submitted or placed order that is not paid yet is an earlier stage ("提交订单的总次数").
  orders: { prefer: [{ all: ['paid'] }], avoid: [{ any: ['submitted', 'ordered'] }] },
  // In an e-mail or SMS report the people who clicked are the clicks, as its click rate counts them, and the
  // messages opened (unique opens first) are the impressions; delivered messages only where nothing is opened.
  clicks: { prefer: [{ all: ['mailingTable'], any: ['unique', 'user'] }] },
  impressions: { prefer: [{ all: ['opened', 'unique'] }, { all: ['opened'] }] },
  // The record's own status ("Status", "Transaction Status", "Статус сделки") beats a status of something else
  // ("Escrow Status", "Статус звонка оператора").
  // A call's status (answered, missed) is never a deal's; in a call-tracking export only a lead's or deal's is.
  status: {
    prefer: [{ all: ['state'], none: ['other'] }],
    // A mailing's or its task's status (sent, scheduled) is no deal's either.
    never: [{ all: ['call'] }, { any: ['callTable', 'mailingTable'], none: ['lead', 'deal', 'order'] }],
  },
  // The respondent's answer beats a tracked source; a channel beats a source; a UTM source beats a plain one.
  channel: {
    prefer: [
      { all: ['heardOf'] },
      { all: ['utm', 'source'] },
      { all: ['channel', 'traffic'], none: ['id', 'number'] },
      { all: ['channel'], none: ['id', 'number', 'type'] },
    ],
    avoid: [{ all: ['source'], none: ['utm', 'channel'] }],
  },
};

/** Concepts under which a column is never a measure or a score: where something came from, its type, a note, a flag. */
export const NOT_A_MEASURE: ConceptPattern = { any: ['source', 'channel', 'heardOf', 'type', 'note', 'flag'] };

/** Concepts under which a column has no role at all: a note or an order's composition is text about the row. */
export const NO_ROLE: readonly ConceptPattern[] = [{ any: ['note', 'flag'] }];

/** A column's rank for a role: higher is preferred, 0 when no preference speaks, null when the role is ruled out. */
export function preferenceRank(role: ColumnRole, reading: ConceptReading): number | null {
  const p = ROLE_PREFERENCES[role];
  if (role !== 'ignore' && NO_ROLE.some((x) => matches(x, reading))) return null;
  if (!p) return 0;
  if (p.never?.some((x) => matches(x, reading))) return null;
  const at = p.prefer.findIndex((x) => matches(x, reading));
  if (at >= 0) return p.prefer.length - at;
  const avoid = p.avoid?.findIndex((x) => matches(x, reading)) ?? -1;
  return avoid >= 0 ? -1 - avoid : 0;
}
