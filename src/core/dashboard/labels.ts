/** Dashboard labels in the three languages our users work in. Metric definitions go into header notes. */
import type { UiLocale } from '../types.js';

export interface DashboardLabels {
  readonly title: string;
  readonly source: string;
  readonly period: string;
  readonly generated: string;
  readonly margin: string;
  readonly marginNote: string;
  readonly currency: string;
  readonly rowsRead: string;
  readonly notSet: string;
  readonly channelCosts: string;
  /** The one row that sums every channel beyond the dashboard's channel cap. */
  readonly otherChannels: string;
  readonly channel: string;
  readonly campaign: string;
  readonly total: string;
  readonly kpi: string;
  readonly byChannel: string;
  /** The per-channel funnel and conversions table, below the overview. */
  readonly byChannelFunnel: string;
  readonly rankProfit: string;
  readonly rankRomi: string;
  readonly funnel: string;
  readonly stage: string;
  readonly count: string;
  readonly fromPrevious: string;
  readonly fromFirst: string;
  readonly overTime: string;
  readonly growth: string;
  /** KPI delta note: change of the latest full period against the one before. */
  readonly kpiChange: (to: string, from: string) => string;
  readonly pivot: (metric: string) => string;
  readonly metric: Readonly<Record<MetricKey, string>>;
  readonly definition: Readonly<Partial<Record<MetricKey, string>>>;
  readonly conversion: (from: string, to: string) => string;
  readonly conversionNote: string;
  /** CRM: the won stage and the won-deal count (repeat sales included), and the new customers among them. */
  readonly wonDeals: string;
  readonly wonDealsNote: string;
  readonly ofWhichNewCustomers: string;
  readonly newCustomerNote: string;
  readonly chart: {
    readonly romi: string;
    readonly profit: string;
    readonly spendRevenue: string;
    readonly funnel: string;
    readonly overTime: string;
  };
  readonly note: {
    readonly cohort: string;
    readonly closeBasis: string;
    readonly ltv: string;
    readonly noSpend: string;
    readonly noRevenue: string;
    readonly spreadWeekly: string;
    readonly firstWon: string;
    readonly totals: string;
  };
}

export type MetricKey =
  | 'spend'
  | 'impressions'
  | 'clicks'
  | 'leads'
  | 'customers'
  | 'orders'
  | 'revenue'
  | 'gross_profit'
  | 'junk'
  | 'ctr'
  | 'cpc'
  | 'cpl'
  | 'lcr'
  | 'cac'
  | 'aov'
  | 'roas'
  | 'romi'
  | 'profit'
  | 'ltv'
  | 'spend_share'
  | 'revenue_share';

const en: DashboardLabels = {
  title: 'Marketing ROI by channel',
  source: 'Source',
  period: 'Period',
  generated: 'Generated',
  margin: 'Gross margin',
  marginNote:
    'Share of revenue that is gross profit. ROMI, profit and gross profit per customer use revenue × this cell and recompute when you edit it; cohort LTV was computed with the margin set in Options when the dashboard was built.',
  currency: 'Currency',
  rowsRead: 'Rows used',
  notSet: '(not set)',
  channelCosts: '(channel costs)',
  otherChannels: 'Other channels',
  channel: 'Channel',
  campaign: 'Campaign',
  total: 'Total',
  kpi: 'Summary',
  byChannel: 'By channel',
  byChannelFunnel: 'Funnel and conversions by channel',
  rankProfit: 'Channels ranked by profit',
  rankRomi: 'Channels ranked by ROMI',
  funnel: 'Funnel',
  stage: 'Stage',
  count: 'Count',
  fromPrevious: 'From previous',
  fromFirst: 'From first',
  overTime: 'Over time',
  growth: 'Growth vs previous period',
  kpiChange: (to, from) => `Change in ${to} vs ${from} (latest full period vs the one before; a period still running is left out).`,
  pivot: (m) => `${m} by period`,
  metric: {
    spend: 'Spend',
    impressions: 'Impressions',
    clicks: 'Clicks',
    leads: 'Leads',
    customers: 'Customers',
    orders: 'Orders',
    revenue: 'Revenue',
    gross_profit: 'Gross profit',
    junk: 'Junk leads',
    ctr: 'CTR',
    cpc: 'CPC',
    cpl: 'CPL',
    lcr: 'Lead → customer',
    cac: 'CAC',
    aov: 'AOV',
    roas: 'ROAS',
    romi: 'ROMI',
    profit: 'Profit',
    ltv: 'Gross profit per customer',
    spend_share: 'Share of spend',
    revenue_share: 'Share of revenue',
  },
  definition: {
    ctr: 'Click-through rate = clicks / impressions.',
    cpc: 'Cost per click = spend / clicks.',
    cpl: 'Cost per lead = spend / leads.',
    lcr: 'Lead conversion rate = customers / leads.',
    cac: 'Customer acquisition cost = spend / customers.',
    aov: 'Average order value = revenue / orders.',
    roas: 'Return on ad spend = revenue / spend.',
    romi: 'Return on marketing investment = (revenue × gross margin − spend) / spend. Margin is the labelled cell at the top.',
    ltv: 'Revenue × margin / new customers over the report period: a period figure, not a lifetime value (see the cohort LTV block).',
    spend_share: "This row's spend / total spend.",
    profit: 'Marketing profit = revenue × gross margin − spend: what the channel earned after paying for itself.',
    revenue_share: "This row's revenue / total revenue.",
    junk: 'Spam, duplicates and test leads; not counted as leads.',
  },
  conversion: (a, b) => `${a} → ${b}`,
  conversionNote: 'Stage-to-stage conversion = later stage / earlier stage.',
  wonDeals: 'Won deals',
  wonDealsNote: 'Won deals: leads whose status is won, repeat sales included; credited to channels by the attribution model.',
  ofWhichNewCustomers: 'of which new customers',
  newCustomerNote:
    'New customers: a customer’s first won deal — the “Customers” of the KPI strip and the channel table; the other won deals are repeat sales.',
  chart: {
    romi: 'ROMI by channel',
    profit: 'Profit by channel',
    spendRevenue: 'Spend vs revenue by channel',
    funnel: 'Funnel',
    overTime: 'Spend and revenue over time',
  },
  note: {
    cohort: 'Periods are by lead creation date (cohort view): revenue of a deal is in the period its lead arrived.',
    closeBasis:
      'Leads and the funnel are by lead creation date; won deals, revenue and customers by close date (what was sold in the period).',
    ltv: 'Gross profit per customer = revenue × gross margin / new customers over the report period — not LTV; lifetime value is in the cohort block when customer history exists.',
    noSpend: 'No spend is mapped, so CPC, CPL, CAC, ROAS and ROMI are not shown.',
    noRevenue: 'No revenue is mapped, so AOV, ROAS, ROMI and LTV are not shown.',
    spreadWeekly: 'Monthly costs are spread evenly over the days of each month and summed into ISO weeks.',
    firstWon: 'A customer counts once, as a new customer at their first won deal, credited to channels exactly like that deal’s revenue.',
    totals: 'Totals are sums; ratios in the totals row are ratios of the totals, never averages of ratios.',
  },
};

const ru: DashboardLabels = {
  title: 'Окупаемость маркетинга по каналам',
  source: 'Источник',
  period: 'Период',
  generated: 'Сформирован',
  margin: 'Валовая маржа',
  marginNote:
    'Доля выручки, которая является валовой прибылью. ROMI, прибыль и валовая прибыль на клиента считаются от выручки × эту ячейку и пересчитываются, если её изменить; LTV по когортам посчитан с маржой из параметров при построении дашборда.',
  currency: 'Валюта',
  rowsRead: 'Строк учтено',
  notSet: '(не указан)',
  channelCosts: '(расходы канала)',
  otherChannels: 'Другие каналы',
  channel: 'Канал',
  campaign: 'Кампания',
  total: 'Итого',
  kpi: 'Сводка',
  byChannel: 'По каналам',
  byChannelFunnel: 'Воронка и конверсии по каналам',
  rankProfit: 'Каналы по прибыли',
  rankRomi: 'Каналы по ROMI',
  funnel: 'Воронка',
  stage: 'Этап',
  count: 'Количество',
  fromPrevious: 'От предыдущего',
  fromFirst: 'От первого',
  overTime: 'Динамика',
  growth: 'Рост к прошлому периоду',
  kpiChange: (to, from) => `Изменение за ${to} к ${from} (последний полный период к предыдущему; незавершённый период не учитывается).`,
  pivot: (m) => `${m} по периодам`,
  metric: {
    spend: 'Расход',
    impressions: 'Показы',
    clicks: 'Клики',
    leads: 'Лиды',
    customers: 'Клиенты',
    orders: 'Заказы',
    revenue: 'Выручка',
    gross_profit: 'Валовая прибыль',
    junk: 'Мусорные лиды',
    ctr: 'CTR',
    cpc: 'CPC',
    cpl: 'CPL',
    lcr: 'Лид → клиент',
    cac: 'CAC',
    aov: 'Средний чек',
    roas: 'ROAS',
    romi: 'ROMI',
    profit: 'Прибыль',
    ltv: 'Валовая прибыль на клиента',
    spend_share: 'Доля расходов',
    revenue_share: 'Доля выручки',
  },
  definition: {
    ctr: 'CTR = клики / показы.',
    cpc: 'Цена клика = расход / клики.',
    cpl: 'Цена лида = расход / лиды.',
    lcr: 'Конверсия лида в клиента = клиенты / лиды.',
    cac: 'Стоимость привлечения клиента = расход / клиенты.',
    aov: 'Средний чек = выручка / заказы.',
    roas: 'ROAS = выручка / расход.',
    romi: 'ROMI = (выручка × валовая маржа − расход) / расход. Маржа — в подписанной ячейке вверху.',
    ltv: 'Выручка × маржа / новые клиенты за период отчёта: показатель периода, а не пожизненная ценность (см. блок LTV по когортам).',
    spend_share: 'Расход строки / общий расход.',
    profit: 'Маркетинговая прибыль = выручка × валовая маржа − расход: сколько канал заработал сверх своих затрат.',
    revenue_share: 'Выручка строки / общая выручка.',
    junk: 'Спам, дубли и тестовые заявки; в лиды не входят.',
  },
  conversion: (a, b) => `${a} → ${b}`,
  conversionNote: 'Конверсия между этапами = следующий этап / предыдущий.',
  wonDeals: 'Успешные сделки',
  wonDealsNote: 'Успешные сделки: лиды со статусом «успешно», включая повторные продажи; распределяются по каналам по модели атрибуции.',
  ofWhichNewCustomers: 'из них новые клиенты',
  newCustomerNote:
    'Новые клиенты: первая успешная сделка клиента — это «Клиенты» в сводке и в таблице каналов; остальные успешные сделки — повторные продажи.',
  chart: {
    romi: 'ROMI по каналам',
    profit: 'Прибыль по каналам',
    spendRevenue: 'Расход и выручка по каналам',
    funnel: 'Воронка',
    overTime: 'Расход и выручка по периодам',
  },
  note: {
    cohort: 'Периоды — по дате создания лида (когортный взгляд): выручка сделки относится к периоду, когда пришёл лид.',
    closeBasis: 'Лиды и воронка — по дате создания лида; успешные сделки, выручка и клиенты — по дате закрытия (что продано в периоде).',
    ltv: 'Валовая прибыль на клиента = выручка × маржа / новые клиенты за период — это не LTV; пожизненная ценность — в блоке когорт, если есть история клиентов.',
    noSpend: 'Расход не сопоставлен, поэтому CPC, CPL, CAC, ROAS и ROMI не показаны.',
    noRevenue: 'Выручка не сопоставлена, поэтому средний чек, ROAS, ROMI и LTV не показаны.',
    spreadWeekly: 'Месячные расходы распределены поровну по дням месяца и сложены по ISO-неделям.',
    firstWon:
      'Клиент считается один раз — как новый при первой успешной сделке, и распределяется по каналам так же, как выручка этой сделки.',
    totals: 'Итоги — суммы; показатели в строке итогов — отношения итогов, а не средние значения.',
  },
};

const zh: DashboardLabels = {
  title: '各渠道营销投资回报',
  source: '数据来源',
  period: '期间',
  generated: '生成时间',
  margin: '毛利率',
  marginNote:
    '收入中毛利所占比例。ROMI、利润和客均毛利按 收入 × 此单元格 计算，修改后自动重算；同期群 LTV 按构建仪表板时选项中的毛利率计算。',
  currency: '货币',
  rowsRead: '已用行数',
  notSet: '（未设置）',
  channelCosts: '（渠道费用）',
  otherChannels: '其他渠道',
  channel: '渠道',
  campaign: '推广计划',
  total: '合计',
  kpi: '概览',
  byChannel: '按渠道',
  byChannelFunnel: '各渠道漏斗与转化',
  rankProfit: '渠道利润排名',
  rankRomi: '渠道 ROMI 排名',
  funnel: '漏斗',
  stage: '阶段',
  count: '数量',
  fromPrevious: '较上一阶段',
  fromFirst: '较第一阶段',
  overTime: '趋势',
  growth: '环比增长',
  kpiChange: (to, from) => `${to} 相比 ${from} 的变化（最近一个完整期间对比上一期间；未结束的期间不计入）。`,
  pivot: (m) => `${m}（按期间）`,
  metric: {
    spend: '花费',
    impressions: '展现量',
    clicks: '点击',
    leads: '线索',
    customers: '客户',
    orders: '订单',
    revenue: '收入',
    gross_profit: '毛利',
    junk: '无效线索',
    ctr: '点击率',
    cpc: '单次点击成本',
    cpl: '单条线索成本',
    lcr: '线索 → 客户',
    cac: '获客成本',
    aov: '客单价',
    roas: 'ROAS',
    romi: 'ROMI',
    profit: '利润',
    ltv: '客均毛利',
    spend_share: '花费占比',
    revenue_share: '收入占比',
  },
  definition: {
    ctr: '点击率 = 点击 / 展现量。',
    cpc: '单次点击成本 = 花费 / 点击。',
    cpl: '单条线索成本 = 花费 / 线索。',
    lcr: '线索转化率 = 客户 / 线索。',
    cac: '获客成本 = 花费 / 客户。',
    aov: '客单价 = 收入 / 订单。',
    roas: 'ROAS = 收入 / 花费。',
    romi: 'ROMI =（收入 × 毛利率 − 花费）/ 花费。毛利率见顶部标注的单元格。',
    ltv: '报告期内 收入 × 毛利率 / 新客户：期间指标，不是生命周期价值（见同期群 LTV 区块）。',
    spend_share: '本行花费 / 总花费。',
    profit: '营销利润 = 收入 × 毛利率 − 花费：渠道扣除自身花费后赚到的钱。',
    revenue_share: '本行收入 / 总收入。',
    junk: '垃圾、重复和测试线索；不计入线索。',
  },
  conversion: (a, b) => `${a} → ${b}`,
  conversionNote: '阶段转化率 = 后一阶段 / 前一阶段。',
  wonDeals: '成交订单',
  wonDealsNote: '成交订单：状态为成交的线索，包括复购；按归因模型分配到渠道。',
  ofWhichNewCustomers: '其中新客户',
  newCustomerNote: '新客户：客户的首笔成交——即摘要和渠道表中的“客户”；其余成交为复购。',
  chart: { romi: '各渠道 ROMI', profit: '各渠道利润', spendRevenue: '各渠道花费与收入', funnel: '漏斗', overTime: '花费与收入趋势' },
  note: {
    cohort: '期间按线索创建日期划分（同期群视角）：成交收入计入线索到达的期间。',
    closeBasis: '线索和漏斗按线索创建日期；成交、收入和客户按成交日期（本期售出的内容）。',
    ltv: '客均毛利 = 报告期内 收入 × 毛利率 / 新客户——不是 LTV；有客户历史时，生命周期价值见同期群区块。',
    noSpend: '未映射花费列，因此不显示 CPC、CPL、获客成本、ROAS 和 ROMI。',
    noRevenue: '未映射收入列，因此不显示客单价、ROAS、ROMI 和 LTV。',
    spreadWeekly: '月度费用按当月天数平均分摊后汇总到 ISO 周。',
    firstWon: '客户只计一次——在首次成交时计为新客户，并与该成交的收入以相同方式归因到渠道。',
    totals: '合计为求和；合计行中的比率是合计值之比，而非比率的平均值。',
  },
};

export const DASHBOARD_LABELS: Readonly<Record<UiLocale, DashboardLabels>> = { en, ru, zh };
