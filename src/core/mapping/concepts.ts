/**
 * A header read as concepts instead of as a whole phrase. "Телефон клиента", "Buyer phone" and "收货人手机号"
 * are one reading — a customer (thing) and a phone (facet) — and "订单应付金额", "Amount payable" and
 * "К оплате" share the qualifier "payable". Each concept is declared once here, with its words in English,
 * Russian (stems: a header word starting with the stem matches, so every case form does) and Chinese
 * (substrings, longest first, so "手机号" is a phone and not a "号" number). Roles are rules over concepts
 * (concept-rules.ts); when several columns compete for one role, declared preferences over the same concepts
 * decide (preferences.ts).
 */
import { hasCjk, normalizeHeader } from './normalize.js';

interface ConceptWords {
  /** English words or multi-word phrases, matched as whole tokens ("s" plurals included). */
  readonly en: readonly string[];
  /** Russian stems, matched as token prefixes. */
  readonly ru: readonly string[];
  /** Chinese words, matched as substrings. */
  readonly zh: readonly string[];
}

export const CONCEPT_WORDS = {
  // ── things: what the row or the column is about ──
  order: { en: ['order', 'checkout', 'purchase'], ru: ['заказ'], zh: ['订单', '订购'] },
  deal: { en: ['deal', 'opportunity'], ru: ['сделк'], zh: ['商机', '机会'] },
  lead: {
    en: ['lead', 'inquiry', 'enquiry', 'request', 'application', 'consultation'],
    ru: ['лид', 'заявк', 'обращен', 'консультац'],
    zh: ['线索', '询盘', '咨询'],
  },
  payment: {
    en: ['payment', 'transaction', 'charge', 'invoice', 'receipt'],
    ru: ['платеж', 'транзакц', 'операц', 'счет', 'чек'],
    zh: ['交易', '流水', '账单'],
  },
  /** A generic row: a board item, a booking, a log entry, a form response. */
  record: {
    en: [
      'record',
      'item',
      'entry',
      'row',
      'booking',
      'reservation',
      'appointment',
      'ticket',
      'subscription',
      'contract',
      'enrollment',
      'chat',
      'conversation',
      'dialog',
      'dialogue',
    ],
    ru: ['запис', 'брон', 'подписк', 'договор', 'чат', 'диалог'],
    zh: ['记录', '预约', '工单', '订阅', '合同', '对话', '会话'],
  },
  survey: {
    en: ['survey', 'response', 'submission', 'questionnaire', 'form', 'filling'],
    ru: ['анкет', 'опрос', 'заполнен'],
    zh: ['问卷', '答卷', '答题', '填写', '作答', '表单'],
  },
  customer: {
    en: [
      'customer',
      'client',
      'buyer',
      'purchaser',
      'payer',
      'contact',
      'person',
      'consumer',
      'shopper',
      'recipient',
      'receiver',
      'member',
      'caller',
      'guest',
      'party',
      'patient',
      'student',
    ],
    ru: ['клиент', 'покупател', 'плательщик', 'контакт', 'получател', 'заказчик', 'абонент', 'контрагент'],
    zh: ['客户', '买家', '顾客', '收货人', '收件人', '付款人', '联系', '消费者', '会员', '对方'],
  },
  user: {
    en: ['user', 'visitor', 'viewer', 'respondent', 'subscriber', 'device'],
    ru: ['пользовател', 'посетител', 'зрител', 'респондент', 'подписчик', 'устройств'],
    zh: ['用户', '访客', '观众', '设备', '人数'],
  },
  company: { en: ['company', 'organization', 'organisation', 'account'], ru: ['компан', 'организац'], zh: ['公司', '企业'] },
  merchant: {
    en: ['merchant', 'seller', 'shop', 'store', 'vendor'],
    ru: ['продав', 'магазин', 'мерчант'],
    zh: ['商户', '商家', '店铺', '卖家'],
  },
  /** Someone else's system: the payment provider, the marketplace, the bank. */
  platform: {
    en: ['platform', 'gateway', 'provider', 'processor', 'bank', 'wechat', 'alipay', 'stripe', 'paypal'],
    ru: ['платформ', 'шлюз', 'банк', 'эквайр'],
    zh: ['微信', '支付宝', '平台', '银行', '京东', '淘宝', '抖音'],
  },
  product: {
    en: ['product', 'sku', 'goods', 'service', 'variant'],
    ru: ['товар', 'услуг', 'продукт', 'артикул'],
    zh: ['商品', '产品', '服务', '宝贝'],
  },
  visit: { en: ['visit', 'appointment', 'arrival'], ru: ['визит', 'посещен', 'прием'], zh: ['到店', '到访', '到院'] },
  source: { en: ['source', 'referrer', 'referer', 'origin'], ru: ['источник'], zh: ['来源'] },
  /** An ad campaign or its delivery unit: never the row's record, whatever "order" its name holds ("Insertion Order ID"). */
  campaign: { en: ['campaign', 'insertion order', 'line item'], ru: ['кампани'], zh: ['广告系列', '推广计划', '广告计划'] },
  /** A phone call: a call-tracking export's row, whose status is the call's (answered, missed), not a deal's. */
  call: { en: ['call', 'calls', 'called'], ru: ['звонк', 'звонок', 'вызов'], zh: ['通话', '来电', '接听', '呼叫'] },
  channel: { en: ['channel'], ru: ['канал'], zh: ['渠道'] },
  traffic: { en: ['traffic'], ru: ['трафик'], zh: ['流量'] },
  utm: { en: ['utm'], ru: [], zh: [] },
  /** "How did you hear about us?": the respondent's own channel. */
  heardOf: {
    en: ['hear about', 'hear of', 'heard about', 'heard of', 'find out about', 'learn about', 'learned about', 'find us', 'found us'],
    ru: ['узнал', 'узнаете', 'узнали'],
    zh: ['了解到', '得知', '知道我们', '途径'],
  },

  /** Ad-platform events counted per row: an ad shown, an app installed. */
  display: { en: ['display', 'shown', 'impression'], ru: ['показ'], zh: ['展现', '展示', '曝光'] },
  install: { en: ['install', 'installs', 'activation'], ru: ['установк', 'активац'], zh: ['激活', '安装'] },
  /** An app's download: in app stores it comes before the install is activated. */
  download: { en: ['download', 'downloads'], ru: ['скачиван', 'загрузк'], zh: ['下载'] },
  /** An e-mail or SMS opened: a mailing report's own event. */
  opened: { en: ['open', 'opens', 'opened'], ru: ['открыт', 'открыл', 'открыван'], zh: ['打开'] },
  /** A listing's own page on a marketplace or a map ("Просмотры карточки", "Listing views"): opening it is the click. */
  listing: { en: ['listing', 'listings', 'product page', 'store page', 'detail page'], ru: ['карточк'], zh: ['详情页', '商品页'] },
  /** Looked at: a page, a card, a phone number. */
  view: { en: ['view', 'views', 'viewed'], ru: ['просмотр'], zh: ['浏览'] },
  /** A mass mailing, SMS above all: its report's words ("短信签名", "Название рассылки", "SMS sent"). */
  mailing: { en: ['sms', 'newsletter', 'mailing'], ru: ['смс', 'рассылк'], zh: ['短信', '短链', '群发', '签名', '模板'] },
  /** One send of a mailing: its task, template, broadcast or issue ("任务名称", "Выпуск"). */
  task: { en: ['task', 'broadcast', 'blast', 'template'], ru: ['задач', 'задани', 'шаблон', 'выпуск'], zh: ['任务', '模板'] },
  /** Went through: a message sent successfully ("成功条数", "发送成功", "Successful sends"). */
  success: { en: ['success', 'successful', 'successfully', 'succeeded'], ru: [], zh: ['成功'] },
  /** Money consumed by the sender: a mailing's or ad's spend ("消费金额", "Amount spent", "Расход"). */
  consumed: { en: ['spend', 'spent'], ru: ['расход', 'потрач', 'затрат'], zh: ['消费', '消耗', '花费'] },
  /** Qualified by sales or marketing: MQL, SQL, "Квалифицированные обращения". */
  qualified: { en: ['qualified', 'mql', 'sql'], ru: ['квалифиц', 'целев'], zh: ['合格', '有效线索'] },

  // ── facets: which property of the thing the column holds ──
  /** "Number of orders", "Количество заказов", "订单数": how many, never an id. */
  count: { en: ['number of', 'no of', 'count', 'quantity', 'qty'], ru: ['количеств', 'кол', 'числ'], zh: ['数量', '条数', '数', '量'] },
  id: { en: ['id', 'uuid', 'guid', 'identifier', 'key', 'token', 'code', 'reference', 'ref'], ru: ['код'], zh: ['id', '标识', '编码'] },
  number: { en: ['number', 'no', 'num', 'nr'], ru: ['номер'], zh: ['编号', '单号', '号码', '号'] },
  name: {
    en: ['name', 'full name', 'first name', 'last name', 'title'],
    ru: ['имя', 'имени', 'фио', 'названи', 'наименован'],
    zh: ['姓名', '名称', '名字', '名'],
  },
  nickname: { en: ['nickname', 'nick', 'display name', 'screen name'], ru: ['ник', 'никнейм', 'псевдоним'], zh: ['昵称', '网名'] },
  login: {
    en: ['login', 'username', 'handle'],
    ru: ['логин', 'аккаунт', 'учетн'],
    zh: ['帐号', '账号', '账户', '帐户', '会员名', '用户名'],
  },
  phone: { en: ['phone', 'mobile', 'tel', 'telephone', 'cell'], ru: ['телефон', 'мобильн'], zh: ['手机号', '手机', '电话'] },
  email: { en: ['email', 'e mail', 'mail'], ru: ['почт'], zh: ['邮箱', '邮件', 'email'] },
  amount: { en: ['amount', 'sum', 'revenue', 'rev', 'money'], ru: ['сумм'], zh: ['金额', '款额', '额'] },
  total: { en: ['total', 'grand total'], ru: ['итог'], zh: ['总价', '合计', '总额', '总计'] },
  value: { en: ['value', 'worth'], ru: ['ценност'], zh: ['价值'] },
  price: { en: ['price', 'cost'], ru: ['цена', 'цены', 'цене', 'ценой', 'стоимост'], zh: ['单价', '价格', '价'] },
  date: { en: ['date', 'day', 'on'], ru: ['дат', 'день', 'дня'], zh: ['日期'] },
  time: { en: ['time', 'datetime', 'timestamp', 'at'], ru: ['врем'], zh: ['时间', '时刻'] },
  log: { en: ['log'], ru: ['журнал'], zh: ['日志'] },
  type: { en: ['type', 'kind', 'category'], ru: ['тип', 'категор'], zh: ['类型', '类别'] },
  note: {
    en: ['note', 'notes', 'comment', 'remark', 'remarks', 'message', 'composition', 'contents'],
    ru: ['комментар', 'примечан', 'состав', 'сообщен'],
    zh: ['备注', '留言', '说明'],
  },

  /** Where a record stands: its status or pipeline stage. */
  state: {
    en: ['status', 'state', 'stage', 'dealstage', 'lifecycle', 'milestone'],
    ru: ['статус', 'этап', 'стади', 'состояни'],
    zh: ['状态', '阶段'],
  },
  /** A tracked event: "af_purchase (Event counter)", "Событие: purchase", "付费次数". */
  event: { en: ['event', 'events', 'event counter', 'times'], ru: ['событи'], zh: ['事件', '次数'] },
  /** Counted once per person: "Unique users", "Уникальные клики", "独立点击数". */
  unique: { en: ['unique', 'uniques', 'distinct'], ru: ['уникальн'], zh: ['独立', '去重'] },

  // ── qualifiers: which amount, which moment ──
  paid: {
    en: ['paid', 'paying', 'charged', 'captured', 'collected'],
    // "Дата выкупа": a marketplace order is bought out (paid) when the buyer collects it.
    ru: ['оплач', 'оплат', 'уплач', 'платящ', 'списан', 'выкуп'],
    zh: ['实付', '已付', '付款', '支付', '实收', '付费'],
  },
  /** Due from the customer: "К оплате", "应付", and WeChat Pay's "应结订单金额" (the order less platform coupons). */
  payable: { en: ['payable', 'to pay'], ru: ['к оплат'], zh: ['应付', '应收', '应结'] },
  /** Paid out to the merchant by the acquirer, after its fees. */
  settled: { en: ['settled', 'settlement'], ru: ['расчет'], zh: ['结算'] },
  /** What the merchant kept after fees: net, received, earned, payout. */
  kept: {
    en: ['received', 'earned', 'payout', 'proceeds'],
    ru: ['получен', 'заработ', 'к выплат', 'к зачислен', 'зачислен'],
    zh: ['到账', '入账'],
  },
  /** Net of something: returns and discounts ("Net sales": the revenue) or fees ("Order Net": what was kept). */
  net: { en: ['net'], ru: ['чист'], zh: ['净'] },
  adjusted: { en: ['adjusted', 'adjustment'], ru: ['скорректир', 'корректир'], zh: ['调整'] },
  sale: { en: ['sale', 'sales', 'sold'], ru: ['продаж', 'продан'], zh: ['销售', '售出'] },
  ordered: { en: ['ordered', 'placed'], ru: ['заказан', 'оформлен'], zh: ['下单'] },
  created: {
    en: ['created', 'creation', 'create', 'added', 'registered', 'registration', 'signup', 'sign up', 'signed up'],
    ru: ['создан', 'добавлен', 'регистрац', 'поступлен'],
    zh: ['创建', '添加', '注册', '录入', '登记'],
  },
  submitted: { en: ['submitted', 'submit', 'sent', 'send'], ru: ['отправ'], zh: ['提交', '发送'] },
  confirmed: { en: ['confirmed', 'confirmation', 'approved', 'approval'], ru: ['подтвержд', 'подтвержден'], zh: ['确认', '审核'] },
  completed: { en: ['completed', 'complete', 'completion', 'finished', 'finish'], ru: ['заверш'], zh: ['完成'] },
  /** The end of a span: a survey's end is its completion, a report period's end is not the row's date. */
  ended: { en: ['end', 'ended', 'ends', 'until'], ru: ['окончан', 'конец'], zh: ['结束', '截止'] },
  start: { en: ['start', 'started', 'begin', 'began', 'opened'], ru: ['начал', 'начат', 'старт'], zh: ['开始'] },
  /** A deal won or closed into a sale ("成交" is a closed deal: its count is customers, its time a close date). */
  won: { en: ['won', 'win', 'converted', 'conversion'], ru: ['выигр', 'успешн', 'конверт'], zh: ['赢单', '转化', '成交', '签约'] },
  closed: { en: ['closed', 'close', 'resolved', 'solved'], ru: ['закрыт', 'решен'], zh: ['关闭', '解决'] },
  actual: { en: ['actual'], ru: ['фактическ'], zh: ['实际'] },
  /** Other moments of a record, never its date: shipped, delivered, updated, born. */
  later: {
    en: [
      'shipped',
      'delivered',
      'updated',
      'modified',
      'edited',
      'last',
      'recent',
      'latest',
      'birth',
      'birthday',
      'expiry',
      'expires',
      'refunded',
      'cancelled',
      'canceled',
    ],
    ru: ['отгруж', 'отгрузк', 'доставл', 'обновл', 'изменен', 'последн', 'рожден', 'истечен', 'отмен'],
    zh: ['发货', '收货时间', '签收', '更新', '修改', '生日', '退款时间', '取消'],
  },
  /** Money beside the amount: discounts, tax, shipping, fees, balances, a subtotal before them. */
  deduction: {
    en: ['discount', 'tax', 'taxes', 'shipping', 'fee', 'commission', 'coupon', 'balance', 'tip', 'deposit', 'subtotal', 'vat', 'duty'],
    ru: ['скидк', 'налог', 'ндс', 'доставк', 'комисс', 'купон', 'баланс', 'остаток', 'штраф'],
    zh: ['优惠', '折扣', '运费', '税', '佣金', '手续费', '余额', '代金券', '服务费', '红包'],
  },
  /** A yes/no column: "是否手机订单", "Признак оплаты". */
  flag: { en: ['whether', 'flag'], ru: ['признак', 'флаг'], zh: ['是否'] },
  /** A ratio, never a sum: "支付ROI", "ROAS", "Средний чек". */
  ratio: {
    en: ['roi', 'roas', 'romi', 'ratio', 'rate', 'avg', 'average', 'ctr', 'cpc', 'cpm', 'cpa'],
    ru: ['средн', 'дол', 'коэффициент', 'дрр'],
    zh: ['率', '平均', '每', '比'],
  },
  refund: { en: ['refund', 'refunded', 'return', 'returned', 'chargeback'], ru: ['возврат'], zh: ['退款', '退货'] },
  annual: { en: ['annual', 'yearly', 'per year'], ru: ['годов', 'в год'], zh: ['年度', '年收入', '年营业额'] },
  /** A catalogue price before anything was agreed: list, regular, retail. */
  list: {
    en: ['list', 'regular', 'retail', 'msrp', 'original', 'unit'],
    ru: ['рознич', 'базов', 'прайс'],
    zh: ['原价', '京东价', '吊牌价', '单价'],
  },
  /** New or first: a first sale is a new customer, not an order. */
  first: { en: ['new', 'first', '1st', 'first time', '1st time'], ru: ['нов', 'перв'], zh: ['新增', '新', '首'] },
  main: { en: ['main', 'parent', 'primary'], ru: ['основн', 'главн', 'родител'], zh: ['主'] },
  sub: { en: ['sub', 'child', 'line'], ru: ['дочерн'], zh: ['子'] },
  expected: {
    // An authorised amount is a hold on the card that may never be captured.
    en: [
      'expected',
      'forecast',
      'forecasted',
      'projected',
      'estimated',
      'planned',
      'weighted',
      'potential',
      'probability',
      'predicted',
      'authorized',
      'authorised',
    ],
    ru: ['ожидаем', 'прогноз', 'план', 'вероятн'],
    zh: ['预计', '预期', '预测', '预估'],
  },
} as const satisfies Record<string, ConceptWords>;

/**
 * Concepts read from the words, plus "question" (the header asks something), "other" (a word no concept reads),
 * "surveyTable" (the table is a survey export), "mailingTable" (an e-mail or SMS report: its messages are opened
 * or it names itself a mailing)
 * and "callTable" (a call-tracking export: its rows are calls).
 */
export type Concept = keyof typeof CONCEPT_WORDS | 'question' | 'other' | 'surveyTable' | 'mailingTable' | 'callTable';

/** A header's concepts. */
export type ConceptReading = ReadonlySet<Concept>;

interface Lexicon {
  readonly en: ReadonlyMap<string, Concept[]>;
  readonly ru: readonly (readonly [string, Concept])[];
  readonly zh: readonly (readonly [string, readonly Concept[]])[];
}

let lexicon: Lexicon | null = null;

/** Built on first use (the bundle loads cold for every custom-function call; only the guesser needs this). */
function buildLexicon(): Lexicon {
  const en = new Map<string, Concept[]>();
  const ru: [string, Concept][] = [];
  const zh = new Map<string, Concept[]>();
  for (const [concept, words] of Object.entries(CONCEPT_WORDS) as [Concept, ConceptWords][]) {
    for (const w of words.en) en.set(w, [...(en.get(w) ?? []), concept]);
    for (const w of words.ru) ru.push([w, concept]);
    for (const w of words.zh) zh.set(w.toLowerCase(), [...(zh.get(w.toLowerCase()) ?? []), concept]);
  }
  // Longest first: "手机号" before "号", "к оплат" before "оплат".
  ru.sort((a, b) => b[0].length - a[0].length);
  return { en, ru, zh: [...zh].sort((a, b) => b[0].length - a[0].length) };
}

/** The English singular of a token ("orders" → "order", "contacts" → "contact"); short words stay. */
function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** Reads a raw header into its concepts. */
export function readConcepts(header: string): ConceptReading {
  lexicon ??= buildLexicon();
  const out = new Set<Concept>();
  // A header that asks ("May we contact you…?") is a survey question, not the name of a field.
  if (/[?？]/u.test(header)) out.add('question');
  let text = normalizeHeader(header);
  // Chinese compounds: longest words first, each consumed so its characters are not read twice.
  if (hasCjk(text)) {
    for (const [w, concepts] of lexicon.zh) {
      if (text.includes(w)) {
        for (const c of concepts) out.add(c);
        text = text.split(w).join(' ');
      }
    }
  }
  const tokens = text.split(' ').filter((t) => t !== '');
  const used = new Set<number>();
  // English: phrases of up to three tokens, singular and plural alike.
  // A phrase consumes its words, so "1st time" is not also a time and "display name" not also a name.
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    for (let n = 3; n >= 1; n--) {
      if (i + n > tokens.length) continue;
      const phrase = tokens.slice(i, i + n).join(' ');
      const hit = lexicon.en.get(phrase) ?? lexicon.en.get(singular(phrase));
      if (!hit) continue;
      for (const c of hit) out.add(c);
      for (let k = i; k < i + n; k++) used.add(k);
      break;
    }
  }
  // Russian: stems as token prefixes; a multi-word stem ("к оплат") as a prefix of the rest of the text.
  for (const [stem, concept] of lexicon.ru) {
    const words = stem.split(' ');
    for (let i = 0; i + words.length <= tokens.length; i++) {
      const last = words.length - 1;
      // Longer stems come first and consume their words: "к оплате" is payable, not also "оплат" paid.
      const free = words.every((_, k) => !used.has(i + k));
      const hit =
        free && words.every((w, k) => (k === last ? tokens[i + k].startsWith(w) : tokens[i + k] === w)) && /[а-я]/u.test(tokens[i][0]);
      if (!hit) continue;
      out.add(concept);
      for (let k = i; k <= i + last; k++) used.add(k);
    }
  }
  // A word no concept reads ("Номер карты", "Event count", "物流单号"): the header says more than its concepts.
  if (tokens.some((t, i) => !used.has(i) && !STOP_WORDS.has(t) && !/^\d+$/u.test(t) && !/^[\p{P}\p{S}]+$/u.test(t))) out.add('other');
  return out;
}

/** Words that join concepts without adding one: "date of creation", "Сумма к оплате", "您的…". */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...[
    'of',
    'the',
    'a',
    'an',
    'and',
    'or',
    'in',
    'by',
    'for',
    'to',
    'with',
    'from',
    'your',
    'you',
    'our',
    'us',
    'we',
    'per',
    'is',
    'if',
    'any',
    // AppsFlyer's prefix of every in-app event: "af_purchase", "af_complete_registration".
    'af',
    // How a figure was counted, not what it counts: "Tracker Installs", "Attributed Rev".
    'attributed',
    'tracker',
    'tracked',
  ],
  ...['в', 'во', 'на', 'и', 'или', 'по', 'для', 'с', 'со', 'из', 'от', 'к', 'за', 'до', 'о', 'об', 'ваш', 'ваша', 'ваше', 'вы'],
  ...['的', '您', '你', '我们', '是'],
]);

/** Whether a reading holds every concept of `all`. */
export function hasAll(reading: ConceptReading, all: readonly Concept[]): boolean {
  return all.every((c) => reading.has(c));
}

/** Whether a reading holds any concept of `any`. */
export function hasAny(reading: ConceptReading, any: readonly Concept[]): boolean {
  return any.some((c) => reading.has(c));
}
