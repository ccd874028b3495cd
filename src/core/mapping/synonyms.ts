/**
 * Header vocabulary: which header words mean which column role, in English, Russian and Chinese. Data,
 * not code, so adding a CRM's spelling is a one-line change. Phrases are written naturally and normalised
 * once, on first use (see normalize.ts), so "Cost / conv." and "cost / conv" are the same entry.
 *
 * Weights: how sure a full-header match makes us (0–1). A phrase found inside a longer header scores
 * less (see guess-columns.ts), except ratio metrics, which are recognised anywhere in a header because a
 * ratio column must never be summed.
 */
import type { Locale } from '../types.js';
import type { ColumnRole } from './types.js';
import { stemText } from './header-forms.js';
import { normalizeHeader } from './normalize.js';

/** Header words come in the same languages as the interface. */
export type SynonymLanguage = Locale;

export interface SynonymEntry {
  readonly role: ColumnRole;
  readonly lang: SynonymLanguage;
  readonly weight: number;
  readonly phrases: readonly string[];
  /** Only a whole-header match counts ("ID" must not match "Campaign ID"). */
  readonly exactOnly?: boolean;
  /** Ratio/derived metric: matches anywhere in the header at full weight. */
  readonly derived?: boolean;
  /**
   * Telling anywhere in a header at full weight, like a ratio, but a real role: a survey question
   * ("How likely are you to recommend…") is long and says nothing else. Parts split by "…" must all occur, in order.
   */
  readonly anywhere?: boolean;
  /** For role 'stage': the funnel stage id the column counts. */
  readonly stageId?: string;
  /**
   * Means this role only in a CRM export. In an ad-platform report (impressions or clicks present)
   * "Status" is the campaign's on/off state and "Бюджет"/"Budget" its daily limit, not a deal's status or amount.
   */
  readonly crmOnly?: boolean;
}

export const HEADER_SYNONYMS: readonly SynonymEntry[] = [
  // --- date ---
  { role: 'date', lang: 'en', weight: 0.95, phrases: ['date', 'day', 'month', 'week', 'period', 'reporting starts', 'create date', 'created date', 'date created', 'created', 'created at', 'created on', 'creation date', 'lead date', 'report date', 'created time', 'order date', 'date start', 'start date', 'by day', 'timestamp'] },
  // A survey answer or form entry is dated when it was sent, not when the respondent opened the form.
  { role: 'date', lang: 'en', weight: 0.97, phrases: ['submit date', 'submitted at', 'submitted on', 'submission date', 'response date', 'completed at'] },
  { role: 'date', lang: 'ru', weight: 0.95, phrases: ['дата', 'день', 'месяц', 'неделя', 'период', 'дата начала', 'создано', 'создан', 'начало', 'начало периода', 'начало отчетности', 'отметка времени', 'дата заказа', 'принят в обработку', 'дата оформления'] },
  // Creation beats "Дата начала" in a Bitrix24 deal export: cohorts start when the lead arrives.
  { role: 'date', lang: 'ru', weight: 0.97, phrases: ['дата создания', 'дата лида', 'дата обращения', 'дата заявки'] },
  { role: 'date', lang: 'zh', weight: 0.95, phrases: ['日期', '时间', '月份', '月', '日', '周', '创建时间', '创建日期', '统计日期', '投放日期', '时间戳', '提交时间', '下单时间', '提交…时间'] },
  // --- close date ---
  { role: 'close_date', lang: 'en', weight: 0.97, phrases: ['close date', 'closed date', 'date closed', 'closed at', 'closed on', 'won date', 'won time', 'payment date', 'closing date', 'paid at', 'paid date', 'date paid', 'paid on', 'became a customer date'] },
  { role: 'close_date', lang: 'ru', weight: 0.97, phrases: ['дата закрытия', 'дата завершения', 'дата оплаты', 'дата продажи', 'дата успешной сделки', 'закрыта', 'дата доставки'] },
  { role: 'close_date', lang: 'zh', weight: 0.97, phrases: ['成交日期', '成交时间', '关闭日期', '签约日期', '赢单日期', '回款日期', '付款时间', '支付时间'] },
  // --- channel ---
  { role: 'channel', lang: 'en', weight: 0.97, phrases: ['utm source', 'utm_source', 'channel', 'original source', 'lead source', 'traffic source', 'marketing channel', 'source / medium', 'source channel', 'referring channel', 'default channel grouping', 'session default channel grouping', 'sales channel'] },
  { role: 'channel', lang: 'en', weight: 0.92, phrases: ['source', 'platform', 'network', 'media', 'ad platform'] },
  { role: 'channel', lang: 'ru', weight: 0.97, phrases: ['канал', 'канал привлечения', 'рекламный канал', 'источник трафика', 'рекламная система', 'utm источник', 'откуда узнали', 'как вы о нас узнали'] },
  { role: 'channel', lang: 'ru', weight: 0.93, phrases: ['источник', 'площадка', 'источник лида', 'источник сделки'] },
  { role: 'channel', lang: 'zh', weight: 0.97, phrases: ['渠道', '来源', '渠道名称', '推广渠道', '流量来源', '媒体', '平台', '线索来源', '客户来源'] },
  // --- campaign ---
  { role: 'campaign', lang: 'en', weight: 0.95, phrases: ['campaign', 'campaign name', 'utm campaign', 'utm_campaign', 'campaign source', 'primary campaign source'] },
  { role: 'campaign', lang: 'en', weight: 0.6, phrases: ['campaign id'] },
  // Where ads are the unit (classifieds, some ad cabinets) the ad's or group's name is the only campaign-like column;
  // a real campaign column outscores it, and the losing ad column falls back to ignore.
  { role: 'campaign', lang: 'en', weight: 0.7, phrases: ['ad name', 'ad set name', 'ad group', 'ad set'] },
  { role: 'campaign', lang: 'ru', weight: 0.7, phrases: ['название объявления', 'объявление', 'группа объявлений'] },
  { role: 'campaign', lang: 'zh', weight: 0.7, phrases: ['广告名称', '广告组', '单元名称', '推广单元'] },
  { role: 'campaign', lang: 'ru', weight: 0.95, phrases: ['кампания', 'название кампании', 'рекламная кампания', 'utm кампания'] },
  { role: 'campaign', lang: 'ru', weight: 0.6, phrases: ['id кампании', 'номер кампании', '№ кампании'] },
  { role: 'campaign', lang: 'zh', weight: 0.95, phrases: ['计划', '计划名称', '广告计划', '推广计划', '广告系列', '活动', '活动名称', '推广计划名称', '广告计划名称'] },
  // --- lead / deal id ---
  { role: 'lead_id', lang: 'en', weight: 0.9, exactOnly: true, phrases: ['id', 'lead id', 'deal id', 'record id', 'opportunity id', 'ticket id', 'request id', 'no', 'number', 'order id', 'order no', 'transaction id', 'respondent id', 'response id', 'submission id', 'payment id', 'charge id'] },
  // The customer-facing order number is what people search by; the internal id is a database key.
  { role: 'lead_id', lang: 'en', weight: 0.92, exactOnly: true, phrases: ['order number', 'order name'] },
  { role: 'lead_id', lang: 'ru', weight: 0.9, exactOnly: true, phrases: ['№', 'номер', 'id лида', 'id сделки', 'номер сделки', 'номер лида', 'id заявки', 'номер заявки', 'ид', 'номер заказа', 'id заказа', 'номер ответа'] },
  { role: 'lead_id', lang: 'zh', weight: 0.9, exactOnly: true, phrases: ['编号', '线索id', '商机id', '线索编号', '商机编号', '序号', '订单号', '订单编号', '订单id', '答卷编号'] },
  // --- customer id ---
  { role: 'customer_id', lang: 'en', weight: 0.95, phrases: ['customer id', 'client id', 'contact id', 'customer email', 'buyer email'] },
  // In an ad report "account" is the advertiser's ad account, not a customer.
  { role: 'customer_id', lang: 'en', weight: 0.95, crmOnly: true, phrases: ['company id', 'account id'] },
  { role: 'customer_id', lang: 'en', weight: 0.8, phrases: ['customer', 'client', 'contact', 'associated contact', 'associated company', 'primary contact', 'contact person', 'contact name', 'customer name', 'buyer'] },
  // An e-mail address identifies a person better than a name does.
  { role: 'customer_id', lang: 'en', weight: 0.85, phrases: ['email address', 'from email address', 'billing email'] },
  { role: 'customer_id', lang: 'en', weight: 0.85, phrases: ['email', 'e mail'] },
  { role: 'customer_id', lang: 'en', weight: 0.5, crmOnly: true, phrases: ['company'] },
  // In a CRM an account is the customer company; in an ad report it is the ad account (crmOnly drops it there).
  { role: 'customer_id', lang: 'en', weight: 0.7, crmOnly: true, phrases: ['account name', 'account'] },
  { role: 'customer_id', lang: 'ru', weight: 0.95, phrases: ['id клиента', 'id контакта', 'id компании', 'код клиента', 'номер клиента'] },
  { role: 'customer_id', lang: 'ru', weight: 0.8, phrases: ['клиент', 'контакт', 'основной контакт', 'покупатель'] },
  { role: 'customer_id', lang: 'ru', weight: 0.85, phrases: ['почта', 'эл почта', 'электронная почта', 'адрес электронной почты', 'email', 'e mail'] },
  { role: 'customer_id', lang: 'ru', weight: 0.5, crmOnly: true, phrases: ['компания'] },
  { role: 'customer_id', lang: 'zh', weight: 0.95, phrases: ['客户id', '客户编号', '客户名称'] },
  { role: 'customer_id', lang: 'zh', weight: 0.8, phrases: ['客户', '联系人', '公司名称', '邮箱', '手机号', '买家', '买家昵称'] },
  // --- status / stage value column ---
  { role: 'status', lang: 'en', weight: 0.95, crmOnly: true, phrases: ['status', 'stage', 'deal stage', 'lead status', 'pipeline stage', 'opportunity stage', 'sales stage', 'order status', 'financial status', 'payment status'] },
  // The column that holds won/lost outranks the one that holds open pipeline steps.
  { role: 'status', lang: 'en', weight: 0.97, crmOnly: true, phrases: ['deal status', 'lifecycle stage'] },
  { role: 'status', lang: 'ru', weight: 0.95, crmOnly: true, phrases: ['статус', 'стадия', 'этап', 'стадия сделки', 'статус лида', 'этап сделки', 'статус сделки', 'стадия лида', 'этап воронки', 'статус заказа'] },
  { role: 'status', lang: 'zh', weight: 0.95, crmOnly: true, phrases: ['阶段', '状态', '销售阶段', '商机阶段', '线索状态', '跟进状态', '商机状态', '订单状态'] },
  // --- spend ---
  { role: 'spend', lang: 'en', weight: 0.95, phrases: ['spend', 'cost', 'costs', 'amount spent', 'ad spend', 'media spend', 'spent', 'expenses', 'expense', 'marketing spend', 'total cost', 'investment', 'total spent', 'spend amount', 'cost micros'] },
  { role: 'spend', lang: 'ru', weight: 0.95, phrases: ['расход', 'расходы', 'затраты', 'стоимость', 'потрачено', 'рекламный бюджет', 'расход на рекламу', 'затраты на рекламу', 'траты', 'потраченная сумма', 'сумма затрат', 'сумма расхода'] },
  { role: 'spend', lang: 'zh', weight: 0.95, phrases: ['花费', '消费', '消耗', '成本', '费用', '总花费', '总消耗', '广告费', '投放金额', '推广费用'] },
  // --- impressions ---
  { role: 'impressions', lang: 'en', weight: 0.95, phrases: ['impressions', 'impr', 'impression'] },
  { role: 'impressions', lang: 'ru', weight: 0.95, phrases: ['показы', 'показов', 'число показов'] },
  { role: 'impressions', lang: 'zh', weight: 0.95, phrases: ['展现', '展现量', '展示', '展示数', '展示量', '曝光', '曝光量', '展现次数', '曝光次数'] },
  // --- clicks ---
  { role: 'clicks', lang: 'en', weight: 0.95, phrases: ['clicks', 'link clicks', 'click', 'outbound clicks', 'clicks destination'] },
  { role: 'clicks', lang: 'en', weight: 0.85, phrases: ['clicks all', 'interactions'] },
  { role: 'clicks', lang: 'ru', weight: 0.85, phrases: ['взаимодействия'] },
  { role: 'clicks', lang: 'ru', weight: 0.95, phrases: ['клики', 'кликов', 'переходы', 'клики по ссылке'] },
  { role: 'clicks', lang: 'zh', weight: 0.95, phrases: ['点击', '点击数', '点击量', '点击次数'] },
  // Kuaishou's name for clicks on an ad ("actions").
  { role: 'clicks', lang: 'zh', weight: 0.85, phrases: ['行为数'] },
  // --- leads ---
  { role: 'leads', lang: 'en', weight: 0.95, phrases: ['leads', 'new leads', 'lead count', 'signups', 'sign ups', 'inquiries', 'form submissions'] },
  { role: 'leads', lang: 'en', weight: 0.85, phrases: ['conversions', 'conv', 'key events'] },
  { role: 'leads', lang: 'en', weight: 0.75, phrases: ['results'] },
  { role: 'leads', lang: 'en', weight: 0.6, phrases: ['all conv'] },
  { role: 'leads', lang: 'ru', weight: 0.95, phrases: ['лиды', 'лидов', 'заявки', 'заявок', 'обращения', 'новые лиды'] },
  { role: 'leads', lang: 'ru', weight: 0.85, phrases: ['конверсии', 'конверсий'] },
  // Metrica names a goal's columns "<goal> (достижения цели)": the goal's label says nothing, the metric does.
  { role: 'leads', lang: 'ru', weight: 0.85, anywhere: true, phrases: ['достижения целей', 'достижения цели'] },
  // Visits that reached a goal: a goal's own conversion count, when present, is the better lead count.
  { role: 'leads', lang: 'ru', weight: 0.7, phrases: ['целевые визиты'] },
  { role: 'leads', lang: 'ru', weight: 0.6, phrases: ['все конв', 'все конверсии'] },
  { role: 'leads', lang: 'ru', weight: 0.75, phrases: ['результаты'] },
  // Classifieds count a buyer's contact (call, chat) as the lead.
  { role: 'leads', lang: 'ru', weight: 0.8, phrases: ['контакты'] },
  { role: 'leads', lang: 'zh', weight: 0.95, phrases: ['线索', '线索数', '线索量', '表单', '表单提交', '留资', '询盘', '获客数', '表单提交成功', '表单提交数'] },
  { role: 'leads', lang: 'zh', weight: 0.85, phrases: ['转化', '转化数', '转化量', '转化次数'] },
  // --- intermediate funnel stages counted in columns ---
  { role: 'stage', lang: 'en', weight: 0.95, stageId: 'mql', phrases: ['mql', 'mqls', 'marketing qualified leads', 'qualified leads'] },
  { role: 'stage', lang: 'en', weight: 0.95, stageId: 'sql', phrases: ['sql', 'sqls', 'sales qualified leads'] },
  { role: 'stage', lang: 'en', weight: 0.95, stageId: 'meetings', phrases: ['meetings', 'demos', 'appointments', 'calls booked'] },
  { role: 'stage', lang: 'en', weight: 0.95, stageId: 'opportunities', phrases: ['opportunities', 'opps', 'pipeline deals'] },
  { role: 'stage', lang: 'en', weight: 0.95, stageId: 'proposals', phrases: ['proposals', 'quotes sent', 'proposals sent'] },
  { role: 'stage', lang: 'ru', weight: 0.95, stageId: 'mql', phrases: ['квалифицированные лиды', 'квал лиды', 'целевые лиды', 'целевые заявки', 'mql'] },
  { role: 'stage', lang: 'ru', weight: 0.95, stageId: 'meetings', phrases: ['встречи', 'демо', 'презентации'] },
  { role: 'stage', lang: 'ru', weight: 0.95, stageId: 'proposals', phrases: ['кп', 'коммерческие предложения', 'кп отправлено', 'предложения'] },
  { role: 'stage', lang: 'ru', weight: 0.95, stageId: 'negotiations', phrases: ['переговоры'] },
  { role: 'stage', lang: 'zh', weight: 0.95, stageId: 'mql', phrases: ['有效线索', '合格线索', '意向客户'] },
  { role: 'stage', lang: 'zh', weight: 0.95, stageId: 'opportunities', phrases: ['商机', '商机数'] },
  { role: 'stage', lang: 'zh', weight: 0.95, stageId: 'meetings', phrases: ['到访', '邀约', '面谈', '拜访'] },
  { role: 'stage', lang: 'zh', weight: 0.95, stageId: 'proposals', phrases: ['报价', '报价数'] },
  // --- customers / won deals ---
  { role: 'customers', lang: 'en', weight: 0.95, phrases: ['customers', 'new customers', 'deals won', 'won deals', 'won', 'closed won', 'paying customers', 'clients', 'new clients', 'sales', 'deals', 'buyers', 'paying users'] },
  { role: 'customers', lang: 'ru', weight: 0.95, phrases: ['клиенты', 'новые клиенты', 'продажи', 'сделки', 'успешные сделки', 'выигранные сделки', 'оплаты', 'покупатели', 'клиентов', 'сделок'] },
  { role: 'customers', lang: 'zh', weight: 0.95, phrases: ['成交', '成交客户', '成交数', '客户数', '新客户', '签约客户', '付费客户', '成交量', '赢单', '签约', '支付买家数', '成交人数', '购买人数'] },
  // --- orders ---
  { role: 'orders', lang: 'en', weight: 0.95, phrases: ['orders', 'transactions', 'purchases', 'order count', 'ecommerce purchases'] },
  { role: 'orders', lang: 'ru', weight: 0.95, phrases: ['заказы', 'заказов', 'покупки', 'транзакции'] },
  { role: 'orders', lang: 'zh', weight: 0.95, phrases: ['订单', '订单数', '订单量', '购买', '订单行', '成交订单数', '下单量', '支付订单数'] },
  // --- revenue ---
  { role: 'revenue', lang: 'en', weight: 0.95, phrases: ['revenue', 'income', 'sales amount', 'deal amount', 'deal value', 'conv value', 'conversion value', 'total conv value', 'purchase value', 'gmv', 'turnover', 'won amount', 'closed amount', 'conversions value', 'purchase revenue', 'order total', 'total revenue', 'sales amount', 'payment amount'] },
  // Shop reports: net sales are what was earned; gross and total sales still hold returns, shipping and tax.
  { role: 'revenue', lang: 'en', weight: 0.97, phrases: ['net sales', 'net revenue'] },
  { role: 'revenue', lang: 'en', weight: 0.9, phrases: ['gross sales', 'total sales'] },
  { role: 'revenue', lang: 'en', weight: 0.88, exactOnly: true, phrases: ['total', 'gross', 'grand total'] },
  { role: 'revenue', lang: 'en', weight: 0.88, crmOnly: true, phrases: ['amount', 'value', 'sum'] },
  { role: 'revenue', lang: 'ru', weight: 0.95, phrases: ['выручка', 'доход', 'сумма сделки', 'оборот', 'ценность конверсий', 'ценность конв', 'сумма продаж', 'сумма оплаты', 'доход по цели', 'сумма заказа', 'стоимость заказа', 'выручка от продаж', 'бюджет сделок'] },
  { role: 'revenue', lang: 'ru', weight: 0.88, crmOnly: true, phrases: ['сумма', 'бюджет', 'цена сделки'] },
  { role: 'revenue', lang: 'zh', weight: 0.95, phrases: ['收入', '成交金额', '销售额', '营收', '转化价值', '订单金额', '回款', '回款金额', '销售收入', '营业额', '支付金额', '成交金额', '下单金额', '交易额', '付费金额'] },
  { role: 'revenue', lang: 'zh', weight: 0.88, crmOnly: true, phrases: ['金额', '商机金额'] },
  // --- gross profit ---
  { role: 'gross_profit', lang: 'en', weight: 0.95, phrases: ['gross profit', 'gross margin', 'margin', 'profit', 'contribution margin'] },
  { role: 'gross_profit', lang: 'ru', weight: 0.95, phrases: ['валовая прибыль', 'маржа', 'прибыль', 'маржинальная прибыль', 'вп'] },
  { role: 'gross_profit', lang: 'zh', weight: 0.95, phrases: ['毛利', '毛利润', '利润'] },
  // --- NPS ---
  { role: 'nps', lang: 'en', weight: 0.95, phrases: ['nps', 'nps score', 'net promoter score'] },
  // Survey exports use the question itself as the header; the recommend question is the NPS one.
  { role: 'nps', lang: 'en', weight: 0.95, anywhere: true, phrases: ['likely … recommend', 'would you recommend', 'recommend us'] },
  { role: 'nps', lang: 'ru', weight: 0.95, anywhere: true, phrases: ['порекомендуете', 'порекомендовали бы', 'порекомендуете ли', 'рекомендовать нас', 'готовность рекомендовать'] },
  { role: 'nps', lang: 'zh', weight: 0.95, anywhere: true, phrases: ['推荐的可能性', '推荐给朋友', '推荐我们', '向朋友推荐', '推荐意愿', '推荐…可能'] },
  { role: 'nps', lang: 'ru', weight: 0.95, phrases: ['оценка nps', 'индекс nps', 'индекс лояльности'] },
  { role: 'nps', lang: 'zh', weight: 0.95, phrases: ['净推荐值', 'nps得分'] },

  // --- ratios and averages: never summed, so never a measure ---
  { role: 'ignore', lang: 'en', weight: 0.97, derived: true, phrases: ['ctr', 'cpc', 'cpm', 'cpa', 'cpl', 'cpo', 'cac', 'roi', 'romi', 'roas', 'ltv', 'aov', 'arpu', 'arppu', 'cost / conv', 'cost per', 'conv rate', 'conversion rate', 'value / cost', 'conv value / cost', 'avg', 'average', 'rate', '%', 'frequency', 'ratio', 'share', 'percent', 'per click', 'per lead', 'per result', 'probability', 'ecpm', 'ecpc'] },
  { role: 'ignore', lang: 'ru', weight: 0.97, derived: true, phrases: ['дрр', 'ср', 'средняя', 'средний', 'цена цели', 'цена клика', 'цена конверсии', 'цена лида', 'стоимость конверсии', 'стоимость клика', 'стоимость лида', 'стоимость цели', 'стоимость заявки', 'конверсия', 'доля', 'процент', 'отказы', 'глубина', 'рентабельность', 'сред', 'цена за', 'цена / конв', 'стоимость / конв', 'коэф', 'коэффициент', 'показатель', 'вероятность', 'стоимость контакта', 'цена контакта'] },
  { role: 'ignore', lang: 'zh', weight: 0.97, derived: true, phrases: ['点击率', '转化率', '平均', '单价', '转化成本', '千次', '均价', '占比', '投产比', '成本价', '率', '线索成本', '获客成本', '点击成本'] },
  // --- descriptive columns with no role ---
  { role: 'ignore', lang: 'en', weight: 0.93, phrases: ['name', 'deal name', 'lead name', 'title', 'keyword', 'search keyword', 'owner', 'deal owner', 'contact owner', 'responsible', 'manager', 'pipeline', 'tags', 'currency', 'currency code', 'comment', 'notes', 'reach', 'reporting ends', 'ends', 'starts', 'budget', 'campaign type', 'campaign status', 'ad status', 'delivery', 'bid strategy', 'attribution setting', 'last modified date', 'modified', 'last activity date', 'created by', 'modified by', 'phone', 'deal type', 'priority', 'forecast category', 'utm medium', 'utm content', 'utm term', 'medium', 'original source drill down 1', 'original source drill down 2', 'description', 'city', 'country', 'region', 'device', 'quality score', 'impr top %', 'impr abs top %', 'result type', 'first name', 'last name', 'status reasons', 'budget name', 'budget type', 'campaign delivery', 'ad set budget', 'views', 'page views', 'video views', 'time', 'time zone', 'timezone', 'objective', 'net', 'subtotal', 'shipping', 'taxes', 'tax', 'discounts', 'returns', 'quantity', 'sessions', 'users', 'ip address', 'tags', 'label', 'age', 'next step', 'fiscal period', 'actions', 'action values', 'duration', 'time spent', 'time on site'] },
  { role: 'ignore', lang: 'ru', weight: 0.93, phrases: ['название', 'название сделки', 'название лида', 'наименование', 'ответственный', 'менеджер', 'воронка', 'теги', 'валюта', 'комментарий', 'примечание', 'охват', 'дата изменения', 'изменено', 'кем создан', 'кем изменен', 'телефон', 'тип кампании', 'статус кампании', 'ключевая фраза', 'условие показа', 'тип', 'город', 'регион', 'устройство', 'utm medium', 'utm content', 'utm term', 'тип площадки', 'визиты', 'отказы', 'имя', 'фио', 'должность', 'причина отказа', 'причина закрытия', 'обращение', 'сделка', 'лид', 'товары', 'последнее изменение', 'дата последнего изменения', 'полная стоимость', 'контакт телефон', 'код валюты', 'фамилия', 'отчество', 'дата редактирования', 'кем создана', 'кем редактирована', 'кем изменена', 'источник подробнее', 'ставка', 'просмотры', 'конец', 'окончание', 'конец отчетности', 'количество', 'кол во', 'артикул', 'бренд', 'предмет', 'склад', 'посетители', 'должность', 'частота', 'длительность', 'время на сайте'] },
  { role: 'ignore', lang: 'zh', weight: 0.93, phrases: ['名称', '负责人', '销售', '备注', '标签', '币种', '单元', '关键词', '创意', '账户', '账户名称', '地域', '设备', '覆盖人数', '出价', '预算', '计划id', '单元id', '账户id', '创意id', '所用时间', '用时', '时长'] },
];

/**
 * Header words that change what the rest of the header means. A header holding one of them is not the
 * role its other words suggest, unless the matched phrase itself contains the word ("Expected close date"
 * is a forecast, "Discount Amount" is not revenue, "Payment Source Type" is not a channel). Russian words
 * are written as stems (see stemRussian), so every case form is covered.
 */
export const HEADER_QUALIFIERS: {
  /** Not a fact about this row: a forecast, a plan, another record, a lost or cancelled outcome. Nothing but ignore. */
  readonly notAFact: readonly string[];
  /** Money or counts of something else: discounts, tax, shipping, refunds, fees. No role but a date ("Дата доставки"). */
  readonly otherMoney: readonly string[];
  /** The header names an attribute of the thing (its type, id, reason…): the head word of an English header is its last, of a Russian one its first. */
  readonly attribute: readonly string[];
  readonly countSuffix: readonly string[];
  /** The end of a period or of an event: the start (or creation) is the row's date. */
  readonly periodEnd: readonly string[];
} = {
  notAFact: [
    'expected', 'forecast', 'forecasted', 'weighted', 'projected', 'estimated', 'predicted', 'potential', 'planned', 'probability', 'next', 'recent', 'latest', 'previous', 'lost', 'cancelled', 'canceled', 'associated',
    'прогноз', 'прогнозн', 'ожидаем', 'планируем', 'планов', 'план', 'взвешенн', 'потенциальн', 'вероятност', 'следующ', 'предыдущ', 'отмен',
    '预计', '预测', '预估', '预期', '取消',
  ],
  otherMoney: [
    'discount', 'discounts', 'tax', 'taxes', 'shipping', 'item', 'items', 'product', 'lineitem', 'sku', 'refund', 'refunds', 'refunded', 'fee', 'fees', 'commission', 'tip', 'tips', 'duties', 'duty', 'balance', 'outstanding', 'coupon', 'returns', 'returned', 'deposit', 'subtotal', 'storage', 'logistics', 'penalty',
    'скидк', 'налог', 'ндс', 'доставк', 'товар', 'логистик', 'возврат', 'комисс', 'штраф', 'остаток', 'баланс', 'хранен', 'купон',
    '优惠', '折扣', '运费', '退款', '商品', '税', '佣金', '手续费', '余额', '直接', '间接', '退货',
  ],
  attribute: [
    'type', 'types', 'method', 'reason', 'note', 'notes', 'title', 'code', 'currency', 'category', 'kind', 'url', 'link', 'message', 'descriptor', 'description', 'id', 'format', 'version',
    'тип', 'вид', 'способ', 'причин', 'код', 'ссылк', 'валют', 'категор', 'номер', 'id', 'комментар', 'примечан',
    '类型', '方式', '原因', '详情', '明细', '说明', '链接', '币种', 'id',
  ],
  /** Chinese count suffixes ("下单买家数", "关注人数"): a count is never an id, a name or a date. */
  countSuffix: ['数', '量'],
  periodEnd: ['end', 'ends', 'ending', 'stop', 'finish', 'until', 'конец', 'окончан', 'завершен', '结束', '截止'],
};

export interface NormalizedSynonym {
  readonly entry: SynonymEntry;
  /** Normalised phrase; for a "…" phrase, its parts joined by " … ". */
  readonly phrase: string;
  /** Normalised parts of a "…" phrase, all of which must occur in order (one part for ordinary phrases). */
  readonly parts: readonly string[];
  /** The parts with Russian words stemmed, matched against a header's stemmed forms. */
  readonly stemmedParts: readonly string[];
}

let normalized: readonly NormalizedSynonym[] | null = null;

/**
 * The table with every phrase normalised the way headers are. Built on first use, not at load: every
 * custom-function cell and sidebar call loads the whole bundle cold, and only the guesser needs this.
 */
export function normalizedSynonyms(): readonly NormalizedSynonym[] {
  normalized ??= HEADER_SYNONYMS.flatMap((entry) =>
    entry.phrases
      .map((p) => {
        const parts = p.split('…').map((x) => normalizeHeader(x)).filter((x) => x !== '');
        return { entry, phrase: parts.join(' … '), parts, stemmedParts: parts.map(stemText) };
      })
      .filter((s) => s.parts.length > 0),
  );
  return normalized;
}
