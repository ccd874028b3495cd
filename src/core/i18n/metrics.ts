/**
 * Texts of the metrics definitions, attribution models, findings and the analysis blocks, en/ru/zh.
 * Kept beside the main catalogue (same `{param}` templates, same `format`) so the definitions module has
 * one place for its words; ru and zh are typed by the English keys, so a missing text fails the typecheck.
 */
import { DEFINITION_IDS, type AttributionModel, type DefinitionId, type PeriodBasis } from '../definitions/rules.js';
import type { Finding } from '../analysis/findings.js';
import { format, type Locale, type Params } from './index.js';

const enMetrics = {
  'model.last_touch': 'Last touch',
  'model.first_touch': 'First touch',
  'model.linear': 'Linear',
  'model.position_based': 'Position-based 40/20/40',
  'model.time_decay': 'Time decay',
  'basis.close': 'by close date',
  'basis.created': 'by lead creation (cohort)',
  'def.lead': 'Lead: a row of the CRM export whose status is not junk (spam, duplicate); dated by its creation.',
  'def.won_deal': 'Won deal: a lead whose status is won; its amount is revenue.',
  'def.customer':
    'Customer: one identity — the customer ID, e-mail or phone columns (e-mail lower-cased, phone digits in international form); rows sharing any of them are one customer. A won deal without any identity is a customer of its own.',
  'def.new_customer': 'New customer: a customer’s first won deal (by purchase date: close date, else lead creation).',
  'def.repeat_sale': 'Repeat sale: every later won deal of an existing customer.',
  'def.returned_customer': 'Returned customer: a repeat sale after at least {days} days without a purchase.',
  'def.credit':
    'Credit: each won deal is split over the customer’s touches (their leads up to the deal’s own lead) by the attribution model ({model}); its revenue, the deal and — for a first purchase — the new customer are credited with the same weights, so channel figures add up to the totals.',
  'def.period': 'Period: leads and the funnel by lead creation; won deals, revenue and customers {basis}.',
  'def.incomplete_period':
    'The latest period is marked incomplete when the data stops before its end. In an aggregated report a row dated by the first day of a month or week (every date a 1st; or every date a Monday, or every one a Sunday, over two weeks or more; one such date is enough under a Month or Week header) holds that whole month or week, as a period label (2026-11) does — up to the build day while that period is still running.',
  'def.revenue_per_customer': 'Revenue per customer: revenue / new customers of the same rows — a period figure, not a lifetime value.',
  'def.ltv_cohort':
    'LTV (cohort): cumulative gross profit per acquired customer by months since acquisition, counting only customers observed that long; projected to {horizon} months by extending the pooled curve at its mean monthly rise over the last {slope} observed months.',
  'def.ltv_formula':
    'LTV (formula): AOV × purchases per year × lifespan in years × margin, from the values given in Options — not observed.',
  'def.deal_cycle': 'Deal cycle: days from lead creation to close of won deals, per the deal’s own channel.',
  'def.nps': 'NPS: % promoters (9–10) − % detractors (0–6) of the answers, per the answering row’s channel.',
  'def.profit': 'Profit: revenue × margin (or gross profit) − spend.',
  'def.drr': 'ДРР (advertising cost ratio): spend / revenue.',
  'def.cpo': 'CPO: spend / won deals.',
  'finding.losing':
    '{count, plural, one {# channel loses} other {# channels lose}} money over the whole period: {channels} (together {loss}).',
  'finding.losingRecent': 'Losing money in each of the last {count} full periods ({periods}): {channels}.',
  'finding.allProfitable': 'Every channel with spend pays back its costs over the whole period.',
  'finding.cacRange': 'Cheapest customer: {cheap} (CAC {cheapCac}); dearest: {dear} (CAC {dearCac}), {times}× more.',
  'finding.modelFlip': '{channel} makes money under {profitable} but loses under {losing}: the verdict depends on the attribution model.',
  'finding.incomplete': 'The period {period} is incomplete (data until {asOf}): do not read its drop as a collapse.',
  'block.findings': 'Findings',
  'block.models': 'Attribution models compared',
  'models.used': 'The tables above credit sales by: {model}.',
  'block.cohort': 'Cohort LTV: cumulative gross profit per customer, by months since acquisition',
  'block.ltvChannels': 'LTV by acquisition channel',
  'block.b2b': 'B2B: deal cycle, repeat sales, NPS, profit',
  'block.definitions': 'Definitions',
  'ltv.projected': 'Projected LTV, {horizon} months',
  'ltv.observed': 'LTV {months} mo (observed)',
  'ltv.none': 'No customer history (customer ID or e-mail/phone with dates): LTV is not computed; revenue per customer is shown instead.',
  'ltv.formula': 'LTV (formula: AOV × {frequency}/yr × {lifespan} yr × margin)',
  'ltv.blank.no_projection':
    'No projected LTV yet: too few customers have been observed for two months or more to draw the curve a projection extends.',
  'ltv.blank.too_recent': 'No projected LTV for {channels}: none of their customers has been observed for {months} months yet.',
  'ltv.blank.short_curve':
    'No projected LTV for {channels}: too few customers overall have been observed as long as their first observed LTV to scale the curve.',
  'period.incomplete': '{period} (incomplete)',
  'head.channel': 'Channel',
  'head.spend': 'Spend',
  'head.customers': 'Customers',
  'head.revenue': 'Revenue',
  'head.cohort': 'Cohort',
  'head.monthSince': 'M{n}',
  'head.total': 'Total',
  'b2b.cycleMedian': 'Cycle, median days',
  'b2b.cycleMean': 'Cycle, mean days',
  'b2b.withCycle': 'Deals with a cycle',
  'b2b.repeatShare': 'Repeat revenue share',
  'b2b.returns': 'Returns',
  'b2b.npsAnswers': 'NPS answers',
  'b2b.wonDeals': 'Won deals',
  'b2b.profit': 'Profit',
  'b2b.warehouse':
    'Deal cycle, repeat-sale share, returned customers and NPS by channel are not computed in warehouse mode: they need the lead rows, which stay in the warehouse. Build from a sheet for them.',
  'b2b.surveyJoin':
    'NPS survey sheet: {matched} of {rows, plural, one {# answer} other {# answers}} matched to a customer and counted above; {unmatched} match no customer; {unreadable} without a score 0–10.',
} as const;

export type MetricsKey = keyof typeof enMetrics;
type MetricsMessages = { readonly [K in MetricsKey]: string };

const ruMetrics: MetricsMessages = {
  'model.last_touch': 'Последнее касание',
  'model.first_touch': 'Первое касание',
  'model.linear': 'Линейная',
  'model.position_based': 'С учётом позиции 40/20/40',
  'model.time_decay': 'С угасанием во времени',
  'basis.close': 'по дате закрытия',
  'basis.created': 'по дате создания лида (когорты)',
  'def.lead': 'Лид: строка выгрузки CRM со статусом не из мусора (спам, дубль); датируется созданием.',
  'def.won_deal': 'Успешная сделка: лид со статусом «успешно»; её сумма — выручка.',
  'def.customer':
    'Клиент: одна личность — столбцы ID клиента, эл. почты или телефона (адрес эл. почты в нижнем регистре, телефон цифрами в международном виде); строки с общим значением — один клиент. Успешная сделка без идентификатора — отдельный клиент.',
  'def.new_customer': 'Новый клиент: первая успешная сделка клиента (по дате покупки: дата закрытия, иначе создания лида).',
  'def.repeat_sale': 'Повторная продажа: каждая следующая успешная сделка существующего клиента.',
  'def.returned_customer': 'Вернувшийся клиент: повторная продажа после не менее {days} дней без покупок.',
  'def.credit':
    'Распределение: каждая успешная сделка делится между касаниями клиента (его лидами до лида сделки) по модели атрибуции ({model}); выручка, сделка и — для первой покупки — новый клиент распределяются с одинаковыми весами, поэтому суммы по каналам равны итогам.',
  'def.period': 'Период: лиды и воронка — по дате создания лида; успешные сделки, выручка и клиенты — {basis}.',
  'def.incomplete_period':
    'Последний период помечен неполным, если данные заканчиваются раньше его конца. В сводном отчёте строка, датированная первым днём месяца или недели (все даты — 1-е числа; или все — понедельники, или все — воскресенья, на протяжении двух недель и больше; под заголовком «Месяц» или «Неделя» достаточно одной такой даты), означает весь месяц или неделю, как и метка периода (2026-11), — но не дальше дня построения, пока этот период идёт.',
  'def.revenue_per_customer': 'Выручка на клиента: выручка / новые клиенты тех же строк — показатель периода, а не пожизненная ценность.',
  'def.ltv_cohort':
    'LTV (когорты): накопленная валовая прибыль на привлечённого клиента по месяцам с привлечения, только по клиентам, наблюдаемым столько месяцев; прогноз на {horizon} мес. — продолжение общей кривой со средним месячным приростом за последние {slope} наблюдаемых мес.',
  'def.ltv_formula': 'LTV (формула): средний чек × покупок в год × срок жизни в годах × маржа, по значениям из настроек — не наблюдение.',
  'def.deal_cycle': 'Цикл сделки: дни от создания лида до закрытия успешной сделки, по собственному каналу сделки.',
  'def.nps': 'NPS: % промоутеров (9–10) − % критиков (0–6) среди ответов, по каналу строки с ответом.',
  'def.profit': 'Прибыль: выручка × маржа (или валовая прибыль) − расход.',
  'def.drr': 'ДРР (доля рекламных расходов): расход / выручка.',
  'def.cpo': 'CPO: расход / успешные сделки.',
  'finding.losing':
    '{count, plural, one {# канал убыточен} few {# канала убыточны} many {# каналов убыточны} other {# канала убыточны}} за весь период: {channels} (вместе {loss}).',
  'finding.losingRecent': 'В убытке в каждом из последних {count} полных периодов ({periods}): {channels}.',
  'finding.allProfitable': 'Все каналы с расходом окупаются за весь период.',
  'finding.cacRange': 'Самый дешёвый клиент: {cheap} (CAC {cheapCac}); самый дорогой: {dear} (CAC {dearCac}), в {times} раза дороже.',
  'finding.modelFlip': '{channel} прибылен по модели «{profitable}», но убыточен по «{losing}»: вывод зависит от модели атрибуции.',
  'finding.incomplete': 'Период {period} неполный (данные по {asOf}): его спад — не обвал.',
  'block.findings': 'Выводы',
  'block.models': 'Сравнение моделей атрибуции',
  'models.used': 'Таблицы выше распределяют продажи по модели: {model}.',
  'block.cohort': 'LTV по когортам: накопленная валовая прибыль на клиента по месяцам с привлечения',
  'block.ltvChannels': 'LTV по каналу привлечения',
  'block.b2b': 'B2B: цикл сделки, повторные продажи, NPS, прибыль',
  'block.definitions': 'Определения',
  'ltv.projected': 'Прогноз LTV, {horizon} мес.',
  'ltv.observed': 'LTV {months} мес. (факт)',
  'ltv.none': 'Нет истории клиентов (ID клиента или эл. почта/телефон с датами): LTV не считается; показана выручка на клиента.',
  'ltv.formula': 'LTV (формула: средний чек × {frequency}/год × {lifespan} г. × маржа)',
  'ltv.blank.no_projection':
    'Прогноза LTV пока нет: слишком мало клиентов наблюдается два месяца и дольше, чтобы построить кривую, которую продолжает прогноз.',
  'ltv.blank.too_recent': 'Нет прогноза LTV для каналов {channels}: ни один их клиент ещё не наблюдается {months} мес.',
  'ltv.blank.short_curve':
    'Нет прогноза LTV для каналов {channels}: слишком мало клиентов в целом наблюдается так долго, как их первый фактический LTV, чтобы масштабировать кривую.',
  'period.incomplete': '{period} (неполный)',
  'head.channel': 'Канал',
  'head.spend': 'Расход',
  'head.customers': 'Клиенты',
  'head.revenue': 'Выручка',
  'head.cohort': 'Когорта',
  'head.monthSince': 'Мес. {n}',
  'head.total': 'Итого',
  'b2b.cycleMedian': 'Цикл, медиана, дн.',
  'b2b.cycleMean': 'Цикл, среднее, дн.',
  'b2b.withCycle': 'Сделок с циклом',
  'b2b.repeatShare': 'Доля повторных продаж',
  'b2b.returns': 'Возвраты',
  'b2b.npsAnswers': 'Ответов NPS',
  'b2b.wonDeals': 'Успешные сделки',
  'b2b.profit': 'Прибыль',
  'b2b.warehouse':
    'Цикл сделки, доля повторных продаж, вернувшиеся клиенты и NPS по каналам в режиме хранилища не считаются: для них нужны строки лидов, а они остаются в хранилище. Для них стройте отчёт из листа.',
  'b2b.surveyJoin':
    'Лист опроса NPS: {matched} из {rows, plural, one {# ответа} few {# ответов} many {# ответов} other {# ответа}} сопоставлены с клиентами и учтены выше; {unmatched} не найдены среди клиентов; {unreadable} без оценки 0–10.',
};

const zhMetrics: MetricsMessages = {
  'model.last_touch': '末次触点',
  'model.first_touch': '首次触点',
  'model.linear': '线性',
  'model.position_based': '基于位置 40/20/40',
  'model.time_decay': '时间衰减',
  'basis.close': '按成交日期',
  'basis.created': '按线索创建日期（同期群）',
  'def.lead': '线索：CRM 导出中状态不属于无效（垃圾、重复）的一行；按创建日期计。',
  'def.won_deal': '成交：状态为赢单的线索；其金额即收入。',
  'def.customer':
    '客户：同一身份——客户 ID、邮箱或电话列（邮箱转小写，电话转为国际格式数字）；共享任一值的行属于同一客户。没有任何身份信息的成交单独算一个客户。',
  'def.new_customer': '新客户：客户的第一笔成交（按购买日期：成交日期，否则线索创建日期）。',
  'def.repeat_sale': '复购：现有客户之后的每一笔成交。',
  'def.returned_customer': '回流客户：在至少 {days} 天未购买后的复购。',
  'def.credit':
    '归因：每笔成交按归因模型（{model}）分配给客户的各个触点（截至该成交线索的所有线索）；收入、成交数以及首购的新客户使用相同权重，因此各渠道之和等于总计。',
  'def.period': '期间：线索和漏斗按线索创建日期；成交、收入和客户{basis}。',
  'def.incomplete_period':
    '当数据在最后一个期间结束前截止时，该期间标记为不完整。在汇总报表中，以月或周的第一天标注日期的行（所有日期都是 1 日；或都是周一、或都是周日，且跨度至少两周；列标题为“月份”或“周”时一个这样的日期即可）与期间标签（2026-11）一样代表整月或整周；若该期间尚未结束，则只算到生成当天。',
  'def.revenue_per_customer': '客均收入：收入 / 同一批行的新客户数——期间指标，不是生命周期价值。',
  'def.ltv_cohort':
    'LTV（同期群）：按获客后月数计算的每位获客客户累计毛利，仅统计观察期足够长的客户；{horizon} 个月预测：以最近 {slope} 个观察月的平均月增量延伸汇总曲线。',
  'def.ltv_formula': 'LTV（公式）：客单价 × 年购买次数 × 生命周期（年）× 毛利率，取自选项中的输入值——非观测值。',
  'def.deal_cycle': '成交周期：从线索创建到成交的天数，按成交自身的渠道。',
  'def.nps': 'NPS：推荐者（9–10）% − 贬损者（0–6）%，按答复所在行的渠道。',
  'def.profit': '利润：收入 × 毛利率（或毛利）− 花费。',
  'def.drr': 'ДРР（广告费用占比）：花费 / 收入。',
  'def.cpo': 'CPO：花费 / 成交数。',
  'finding.losing': '{count, plural, other {# 个渠道}}在整个期间亏损：{channels}（合计 {loss}）。',
  'finding.losingRecent': '在最近 {count} 个完整期间（{periods}）中每期都亏损：{channels}。',
  'finding.allProfitable': '所有有花费的渠道在整个期间都收回了成本。',
  'finding.cacRange': '获客最便宜：{cheap}（CAC {cheapCac}）；最贵：{dear}（CAC {dearCac}），高 {times} 倍。',
  'finding.modelFlip': '{channel} 在 {profitable} 下盈利，但在 {losing} 下亏损：结论取决于归因模型。',
  'finding.incomplete': '期间 {period} 不完整（数据截至 {asOf}）：其下降不代表崩溃。',
  'block.findings': '结论',
  'block.models': '归因模型对比',
  'models.used': '上方各表按此模型归因：{model}。',
  'block.cohort': '同期群 LTV：按获客后月数的每客户累计毛利',
  'block.ltvChannels': '按获客渠道的 LTV',
  'block.b2b': 'B2B：成交周期、复购、NPS、利润',
  'block.definitions': '定义',
  'ltv.projected': '预测 LTV，{horizon} 个月',
  'ltv.observed': 'LTV {months} 个月（观测）',
  'ltv.none': '没有客户历史（带日期的客户 ID 或邮箱/电话）：不计算 LTV，改为显示客均收入。',
  'ltv.formula': 'LTV（公式：客单价 × {frequency}/年 × {lifespan} 年 × 毛利率）',
  'ltv.blank.no_projection': '暂无预测 LTV：观测满两个月及以上的客户太少，无法画出预测所延伸的曲线。',
  'ltv.blank.too_recent': '{channels} 没有预测 LTV：其客户尚无一人被观测满 {months} 个月。',
  'ltv.blank.short_curve': '{channels} 没有预测 LTV：整体上观测时长达到其首个观测 LTV 窗口的客户太少，无法按曲线换算。',
  'period.incomplete': '{period}（不完整）',
  'head.channel': '渠道',
  'head.spend': '花费',
  'head.customers': '客户',
  'head.revenue': '收入',
  'head.cohort': '同期群',
  'head.monthSince': '第 {n} 月',
  'head.total': '合计',
  'b2b.cycleMedian': '周期中位数（天）',
  'b2b.cycleMean': '周期平均（天）',
  'b2b.withCycle': '有周期的成交',
  'b2b.repeatShare': '复购收入占比',
  'b2b.returns': '回流',
  'b2b.npsAnswers': 'NPS 答复数',
  'b2b.wonDeals': '成交',
  'b2b.profit': '利润',
  'b2b.warehouse':
    '数据仓库模式下不计算成交周期、复购收入占比、回流客户和各渠道 NPS：它们需要线索行，而线索行留在数据仓库中。如需这些指标，请从工作表生成。',
  'b2b.surveyJoin':
    'NPS 调查表：{rows} 条回答中 {matched} 条匹配到客户并计入上表；{unmatched} 条找不到对应客户；{unreadable} 条没有 0–10 的评分。',
};

/** Exported for the catalogue test (completeness, params, no English in ru/zh). */
export const METRICS_CATALOGUE: Readonly<Record<Locale, MetricsMessages>> = { en: enMetrics, ru: ruMetrics, zh: zhMetrics };
const PACKS = METRICS_CATALOGUE;

export function tm(locale: Locale, key: MetricsKey, params?: Params): string {
  return format(PACKS[locale][key], params, locale);
}

export function modelName(locale: Locale, model: AttributionModel): string {
  return tm(locale, `model.${model}`);
}

export function findingText(locale: Locale, f: Finding): string {
  const params: Record<string, string | number> = { ...f.params };
  if (f.models) {
    params.profitable = f.models.profitable.map((m) => modelName(locale, m)).join(', ');
    params.losing = f.models.losing.map((m) => modelName(locale, m)).join(', ');
  }
  return tm(locale, f.key, params);
}

/** Every definition, in words, with the options that parameterise it. */
export function definitionTexts(
  locale: Locale,
  o: {
    readonly returnDays: number;
    readonly attribution: AttributionModel;
    readonly periodBasis: PeriodBasis;
    readonly ltvHorizonMonths: number;
    readonly slopeMonths: number;
  },
): { id: DefinitionId; text: string }[] {
  const params: Params = {
    days: o.returnDays,
    model: modelName(locale, o.attribution),
    basis: tm(locale, `basis.${o.periodBasis}`),
    horizon: o.ltvHorizonMonths,
    slope: o.slopeMonths,
  };
  return DEFINITION_IDS.map((id) => ({ id, text: tm(locale, `def.${id}`, params) }));
}
