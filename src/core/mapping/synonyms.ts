/**
 * Header vocabulary: which header words mean which column role, in English, Russian and Chinese. Data,
 * not code, so adding a CRM's spelling is a one-line change. Phrases are written naturally and normalised
 * once, on first use (see normalize.ts), so "Cost / conv." and "cost / conv" are the same entry.
 *
 * Weights: how sure a full-header match makes us (0–1). A phrase found inside a longer header scores
 * less (see guess-columns.ts), except ratio metrics, which are recognised anywhere in a header because a
 * ratio column must never be summed.
 */
import type { ColumnRole } from './types.js';
import { normalizeHeader } from './normalize.js';

export type SynonymLanguage = 'en' | 'ru' | 'zh';

export interface SynonymEntry {
  readonly role: ColumnRole;
  readonly lang: SynonymLanguage;
  readonly weight: number;
  readonly phrases: readonly string[];
  /** Only a whole-header match counts ("ID" must not match "Campaign ID"). */
  readonly exactOnly?: boolean;
  /** Ratio/derived metric: matches anywhere in the header at full weight. */
  readonly derived?: boolean;
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
  { role: 'date', lang: 'en', weight: 0.95, phrases: ['date', 'day', 'month', 'week', 'period', 'reporting starts', 'create date', 'created date', 'date created', 'created', 'created at', 'created on', 'creation date', 'lead date', 'report date'] },
  { role: 'date', lang: 'ru', weight: 0.95, phrases: ['дата', 'день', 'месяц', 'неделя', 'период', 'дата начала', 'создано', 'создан'] },
  // Creation beats "Дата начала" in a Bitrix24 deal export: cohorts start when the lead arrives.
  { role: 'date', lang: 'ru', weight: 0.97, phrases: ['дата создания', 'дата лида', 'дата обращения', 'дата заявки'] },
  { role: 'date', lang: 'zh', weight: 0.95, phrases: ['日期', '时间', '月份', '月', '日', '周', '创建时间', '创建日期', '统计日期', '投放日期'] },
  // --- close date ---
  { role: 'close_date', lang: 'en', weight: 0.97, phrases: ['close date', 'closed date', 'date closed', 'closed at', 'closed on', 'won date', 'payment date', 'closing date'] },
  { role: 'close_date', lang: 'ru', weight: 0.97, phrases: ['дата закрытия', 'дата завершения', 'дата оплаты', 'дата продажи', 'дата успешной сделки', 'закрыта'] },
  { role: 'close_date', lang: 'zh', weight: 0.97, phrases: ['成交日期', '成交时间', '关闭日期', '签约日期', '赢单日期', '回款日期'] },
  // --- channel ---
  { role: 'channel', lang: 'en', weight: 0.97, phrases: ['utm source', 'utm_source', 'channel', 'original source', 'lead source', 'traffic source', 'marketing channel', 'source / medium'] },
  { role: 'channel', lang: 'en', weight: 0.92, phrases: ['source', 'platform', 'network', 'media', 'ad platform'] },
  { role: 'channel', lang: 'ru', weight: 0.97, phrases: ['канал', 'канал привлечения', 'рекламный канал', 'источник трафика', 'рекламная система', 'utm источник'] },
  { role: 'channel', lang: 'ru', weight: 0.93, phrases: ['источник', 'площадка', 'источник лида', 'источник сделки'] },
  { role: 'channel', lang: 'zh', weight: 0.97, phrases: ['渠道', '来源', '渠道名称', '推广渠道', '流量来源', '媒体', '平台', '线索来源', '客户来源'] },
  // --- campaign ---
  { role: 'campaign', lang: 'en', weight: 0.95, phrases: ['campaign', 'campaign name', 'utm campaign', 'utm_campaign'] },
  { role: 'campaign', lang: 'en', weight: 0.6, phrases: ['campaign id'] },
  { role: 'campaign', lang: 'ru', weight: 0.95, phrases: ['кампания', 'название кампании', 'рекламная кампания', 'utm кампания'] },
  { role: 'campaign', lang: 'ru', weight: 0.6, phrases: ['id кампании', 'номер кампании', '№ кампании'] },
  { role: 'campaign', lang: 'zh', weight: 0.95, phrases: ['计划', '计划名称', '广告计划', '推广计划', '广告系列', '活动', '活动名称', '推广计划名称', '广告计划名称'] },
  // --- lead / deal id ---
  { role: 'lead_id', lang: 'en', weight: 0.9, exactOnly: true, phrases: ['id', 'lead id', 'deal id', 'record id', 'opportunity id', 'ticket id', 'request id', 'no', 'number'] },
  { role: 'lead_id', lang: 'ru', weight: 0.9, exactOnly: true, phrases: ['№', 'номер', 'id лида', 'id сделки', 'номер сделки', 'номер лида', 'id заявки', 'номер заявки', 'ид'] },
  { role: 'lead_id', lang: 'zh', weight: 0.9, exactOnly: true, phrases: ['编号', '线索id', '商机id', '线索编号', '商机编号', '序号'] },
  // --- customer id ---
  { role: 'customer_id', lang: 'en', weight: 0.95, phrases: ['customer id', 'client id', 'contact id', 'company id', 'account id', 'customer email'] },
  { role: 'customer_id', lang: 'en', weight: 0.8, phrases: ['customer', 'client', 'contact', 'associated contact', 'associated company', 'primary contact'] },
  { role: 'customer_id', lang: 'en', weight: 0.7, phrases: ['email', 'e mail'] },
  { role: 'customer_id', lang: 'en', weight: 0.65, phrases: ['company'] },
  { role: 'customer_id', lang: 'ru', weight: 0.95, phrases: ['id клиента', 'id контакта', 'id компании', 'код клиента', 'номер клиента'] },
  { role: 'customer_id', lang: 'ru', weight: 0.8, phrases: ['клиент', 'контакт', 'основной контакт', 'покупатель'] },
  { role: 'customer_id', lang: 'ru', weight: 0.7, phrases: ['почта', 'эл почта', 'электронная почта'] },
  { role: 'customer_id', lang: 'ru', weight: 0.65, phrases: ['компания'] },
  { role: 'customer_id', lang: 'zh', weight: 0.95, phrases: ['客户id', '客户编号', '客户名称'] },
  { role: 'customer_id', lang: 'zh', weight: 0.8, phrases: ['客户', '联系人', '公司名称'] },
  // --- status / stage value column ---
  { role: 'status', lang: 'en', weight: 0.95, crmOnly: true, phrases: ['status', 'stage', 'deal stage', 'lead status', 'pipeline stage', 'lifecycle stage', 'opportunity stage', 'sales stage'] },
  { role: 'status', lang: 'ru', weight: 0.95, crmOnly: true, phrases: ['статус', 'стадия', 'этап', 'стадия сделки', 'статус лида', 'этап сделки', 'статус сделки', 'стадия лида', 'этап воронки'] },
  { role: 'status', lang: 'zh', weight: 0.95, crmOnly: true, phrases: ['阶段', '状态', '销售阶段', '商机阶段', '线索状态', '跟进状态', '商机状态'] },
  // --- spend ---
  { role: 'spend', lang: 'en', weight: 0.95, phrases: ['spend', 'cost', 'costs', 'amount spent', 'ad spend', 'media spend', 'spent', 'expenses', 'expense', 'marketing spend', 'total cost', 'investment'] },
  { role: 'spend', lang: 'ru', weight: 0.95, phrases: ['расход', 'расходы', 'затраты', 'стоимость', 'потрачено', 'рекламный бюджет', 'расход на рекламу', 'затраты на рекламу', 'траты'] },
  { role: 'spend', lang: 'zh', weight: 0.95, phrases: ['花费', '消费', '消耗', '成本', '费用', '总花费', '总消耗', '广告费', '投放金额', '推广费用'] },
  // --- impressions ---
  { role: 'impressions', lang: 'en', weight: 0.95, phrases: ['impressions', 'impr', 'impression', 'views'] },
  { role: 'impressions', lang: 'ru', weight: 0.95, phrases: ['показы', 'показов', 'просмотры'] },
  { role: 'impressions', lang: 'zh', weight: 0.95, phrases: ['展现', '展现量', '展示', '展示数', '展示量', '曝光', '曝光量', '展现次数', '曝光次数'] },
  // --- clicks ---
  { role: 'clicks', lang: 'en', weight: 0.95, phrases: ['clicks', 'link clicks', 'click', 'outbound clicks'] },
  { role: 'clicks', lang: 'en', weight: 0.85, phrases: ['clicks all', 'interactions'] },
  { role: 'clicks', lang: 'ru', weight: 0.85, phrases: ['взаимодействия'] },
  { role: 'clicks', lang: 'ru', weight: 0.95, phrases: ['клики', 'кликов', 'переходы', 'клики по ссылке'] },
  { role: 'clicks', lang: 'zh', weight: 0.95, phrases: ['点击', '点击数', '点击量', '点击次数'] },
  // --- leads ---
  { role: 'leads', lang: 'en', weight: 0.95, phrases: ['leads', 'new leads', 'lead count', 'signups', 'sign ups', 'inquiries', 'form submissions'] },
  { role: 'leads', lang: 'en', weight: 0.85, phrases: ['conversions', 'conv'] },
  { role: 'leads', lang: 'en', weight: 0.75, phrases: ['results'] },
  { role: 'leads', lang: 'en', weight: 0.6, phrases: ['all conv'] },
  { role: 'leads', lang: 'ru', weight: 0.95, phrases: ['лиды', 'лидов', 'заявки', 'заявок', 'обращения', 'новые лиды'] },
  { role: 'leads', lang: 'ru', weight: 0.85, phrases: ['конверсии', 'конверсий', 'достижения целей', 'целевые визиты'] },
  { role: 'leads', lang: 'ru', weight: 0.6, phrases: ['все конв', 'все конверсии'] },
  { role: 'leads', lang: 'zh', weight: 0.95, phrases: ['线索', '线索数', '线索量', '表单', '表单提交', '留资', '询盘', '获客数'] },
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
  { role: 'customers', lang: 'en', weight: 0.95, phrases: ['customers', 'new customers', 'deals won', 'won deals', 'won', 'closed won', 'paying customers', 'clients', 'new clients', 'sales', 'deals'] },
  { role: 'customers', lang: 'ru', weight: 0.95, phrases: ['клиенты', 'новые клиенты', 'продажи', 'сделки', 'успешные сделки', 'выигранные сделки', 'оплаты', 'покупатели', 'клиентов', 'сделок'] },
  { role: 'customers', lang: 'zh', weight: 0.95, phrases: ['成交', '成交客户', '成交数', '客户数', '新客户', '签约客户', '付费客户', '成交量', '赢单', '签约'] },
  // --- orders ---
  { role: 'orders', lang: 'en', weight: 0.95, phrases: ['orders', 'transactions', 'purchases', 'order count'] },
  { role: 'orders', lang: 'ru', weight: 0.95, phrases: ['заказы', 'заказов', 'покупки', 'транзакции'] },
  { role: 'orders', lang: 'zh', weight: 0.95, phrases: ['订单', '订单数', '订单量', '购买'] },
  // --- revenue ---
  { role: 'revenue', lang: 'en', weight: 0.95, phrases: ['revenue', 'income', 'sales amount', 'deal amount', 'deal value', 'conv value', 'conversion value', 'total conv value', 'purchase value', 'gmv', 'turnover', 'won amount', 'closed amount'] },
  { role: 'revenue', lang: 'en', weight: 0.88, crmOnly: true, phrases: ['amount', 'value', 'sum'] },
  { role: 'revenue', lang: 'ru', weight: 0.95, phrases: ['выручка', 'доход', 'сумма сделки', 'оборот', 'ценность конверсий', 'ценность конв', 'сумма продаж', 'сумма оплаты', 'доход по цели'] },
  { role: 'revenue', lang: 'ru', weight: 0.88, crmOnly: true, phrases: ['сумма', 'бюджет', 'цена сделки'] },
  { role: 'revenue', lang: 'zh', weight: 0.95, phrases: ['收入', '成交金额', '销售额', '营收', '转化价值', '订单金额', '回款', '回款金额', '销售收入', '营业额'] },
  { role: 'revenue', lang: 'zh', weight: 0.88, crmOnly: true, phrases: ['金额', '商机金额'] },
  // --- gross profit ---
  { role: 'gross_profit', lang: 'en', weight: 0.95, phrases: ['gross profit', 'gross margin', 'margin', 'profit', 'contribution margin'] },
  { role: 'gross_profit', lang: 'ru', weight: 0.95, phrases: ['валовая прибыль', 'маржа', 'прибыль', 'маржинальная прибыль', 'вп'] },
  { role: 'gross_profit', lang: 'zh', weight: 0.95, phrases: ['毛利', '毛利润', '利润'] },
  // --- NPS ---
  { role: 'nps', lang: 'en', weight: 0.95, phrases: ['nps', 'nps score', 'net promoter score'] },
  { role: 'nps', lang: 'ru', weight: 0.95, phrases: ['оценка nps', 'индекс nps', 'индекс лояльности'] },
  { role: 'nps', lang: 'zh', weight: 0.95, phrases: ['净推荐值', 'nps得分'] },

  // --- ratios and averages: never summed, so never a measure ---
  { role: 'ignore', lang: 'en', weight: 0.97, derived: true, phrases: ['ctr', 'cpc', 'cpm', 'cpa', 'cpl', 'cpo', 'cac', 'roi', 'romi', 'roas', 'ltv', 'aov', 'arpu', 'arppu', 'cost / conv', 'cost per', 'conv rate', 'conversion rate', 'value / cost', 'conv value / cost', 'avg', 'average', 'rate', '%', 'frequency', 'ratio', 'share', 'percent', 'per click', 'per lead', 'per result', 'probability', 'ecpm', 'ecpc'] },
  { role: 'ignore', lang: 'ru', weight: 0.97, derived: true, phrases: ['дрр', 'ср', 'средняя', 'средний', 'цена цели', 'цена клика', 'цена конверсии', 'цена лида', 'стоимость конверсии', 'стоимость клика', 'стоимость лида', 'стоимость цели', 'стоимость заявки', 'конверсия', 'доля', 'процент', 'отказы', 'глубина', 'рентабельность', 'сред', 'цена за', 'цена / конв', 'стоимость / конв', 'коэф', 'коэффициент', 'показатель', 'вероятность'] },
  { role: 'ignore', lang: 'zh', weight: 0.97, derived: true, phrases: ['点击率', '转化率', '平均', '单价', '转化成本', '千次', '均价', '占比', '投产比', '成本价', '率', '线索成本', '获客成本', '点击成本'] },
  // --- descriptive columns with no role ---
  { role: 'ignore', lang: 'en', weight: 0.93, phrases: ['name', 'deal name', 'lead name', 'title', 'ad name', 'ad set name', 'ad group', 'ad set', 'keyword', 'search keyword', 'owner', 'deal owner', 'contact owner', 'responsible', 'manager', 'pipeline', 'tags', 'currency', 'currency code', 'comment', 'notes', 'reach', 'reporting ends', 'ends', 'starts', 'budget', 'campaign type', 'campaign status', 'ad status', 'delivery', 'bid strategy', 'attribution setting', 'account', 'account name', 'last modified date', 'modified', 'last activity date', 'created by', 'modified by', 'phone', 'deal type', 'priority', 'forecast category', 'utm medium', 'utm content', 'utm term', 'medium', 'original source drill down 1', 'original source drill down 2', 'description', 'city', 'country', 'region', 'device', 'quality score', 'impr top %', 'impr abs top %', 'result type', 'first name', 'last name', 'status reasons', 'budget name', 'budget type', 'campaign delivery', 'ad set budget'] },
  { role: 'ignore', lang: 'ru', weight: 0.93, phrases: ['название', 'название сделки', 'название лида', 'наименование', 'ответственный', 'менеджер', 'воронка', 'теги', 'валюта', 'комментарий', 'примечание', 'охват', 'дата изменения', 'изменено', 'кем создан', 'кем изменен', 'телефон', 'тип кампании', 'статус кампании', 'группа объявлений', 'объявление', 'ключевая фраза', 'условие показа', 'тип', 'город', 'регион', 'устройство', 'utm medium', 'utm content', 'utm term', 'тип площадки', 'визиты', 'отказы', 'имя', 'фио', 'должность', 'причина отказа', 'причина закрытия', 'обращение', 'сделка', 'лид', 'товары', 'последнее изменение', 'дата последнего изменения', 'полная стоимость', 'контакт телефон', 'код валюты', 'фамилия', 'отчество', 'дата редактирования', 'кем создана', 'кем редактирована', 'кем изменена', 'источник подробнее', 'ставка'] },
  { role: 'ignore', lang: 'zh', weight: 0.93, phrases: ['名称', '负责人', '销售', '备注', '标签', '币种', '单元', '推广单元', '单元名称', '关键词', '创意', '账户', '账户名称', '地域', '设备', '覆盖人数', '广告组', '出价', '预算', '计划id', '单元id', '账户id', '创意id'] },
];

export interface NormalizedSynonym {
  readonly entry: SynonymEntry;
  readonly phrase: string;
}

let normalized: readonly NormalizedSynonym[] | null = null;

/**
 * The table with every phrase normalised the way headers are. Built on first use, not at load: every
 * custom-function cell and sidebar call loads the whole bundle cold, and only the guesser needs this.
 */
export function normalizedSynonyms(): readonly NormalizedSynonym[] {
  normalized ??= HEADER_SYNONYMS.flatMap((entry) => entry.phrases.map((p) => ({ entry, phrase: normalizeHeader(p) })).filter((s) => s.phrase !== ''));
  return normalized;
}

/** For tests: whether the table has been built in this module instance. */
export function synonymsBuilt(): boolean {
  return normalized !== null;
}
