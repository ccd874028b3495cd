import { describe, expect, it } from 'vitest';
import { guessColumns, normalizeHeader, type ColumnRole } from '../../src/core/mapping/index.js';
import type { CellValue } from '../../src/core/values.js';

const roles = (headers: string[], columns: CellValue[][] = []): ColumnRole[] => guessColumns(headers, columns).map((g) => g.role);

describe('normalizeHeader', () => {
  it.each([
    ['Расход, ₽', 'расход'],
    ['Cost (USD)', 'cost'],
    ['Spend, руб.', 'spend'],
    ['Сумма (RUB)', 'сумма'],
    ['Ёмкость', 'емкость'],
    ['花费（元）', '花费'],
    ['Cost / conv.', 'cost / conv'],
    ['utm_source', 'utm source'],
  ])('%s → %s', (h, n) => expect(normalizeHeader(h)).toBe(n));
});

describe('guessColumns', () => {
  it('reads headers in three languages', () => {
    expect(roles(['Канал', 'Источник', 'Расход', 'Показы', 'Клики', 'Лиды', 'Выручка', 'Дата'])).toEqual([
      'channel',
      'ignore',
      'spend',
      'impressions',
      'clicks',
      'leads',
      'revenue',
      'date',
    ]);
    expect(roles(['渠道', '日期', '花费', '展现量', '点击', '线索', '成交', '收入'])).toEqual([
      'channel',
      'date',
      'spend',
      'impressions',
      'clicks',
      'leads',
      'customers',
      'revenue',
    ]);
    expect(roles(['utm_source', 'Campaign', 'Deal Stage', 'Create Date', 'Close Date', 'Customer ID', 'NPS'])).toEqual([
      'channel',
      'campaign',
      'status',
      'date',
      'close_date',
      'customer_id',
      'nps',
    ]);
  });

  it('keeps "Cost" and marks "Cost / conv.", CTR, CPC, ROMI, ДРР as ignore', () => {
    expect(roles(['Cost / conv.', 'Cost', 'CTR', 'Avg. CPC', 'ROMI', 'ДРР', 'Conv. rate'])).toEqual([
      'ignore',
      'spend',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
    ]);
  });

  it('gives each single role to one column only, stage columns to many', () => {
    const g = guessColumns(['Spend', 'Cost', 'MQL', 'SQL', 'Meetings'], []);
    expect(g.filter((x) => x.role === 'spend')).toHaveLength(1);
    expect(g.slice(2).map((x) => [x.role, x.stageId])).toEqual([
      ['stage', 'mql'],
      ['stage', 'sql'],
      ['stage', 'meetings'],
    ]);
  });

  it('uses values: a "Source" column of numbers is not a channel', () => {
    const g = guessColumns(
      ['Source', 'Spend'],
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
    );
    expect(g[0].role).not.toBe('channel');
    expect(guessColumns(['Date'], [['soon', 'later']])[0].role).toBe('date');
    expect(g[1]).toMatchObject({ role: 'spend', valueType: 'number' });
  });

  it('gives a "Date" column of non-date text low confidence', () => {
    const good = guessColumns(
      ['Date', 'Spend'],
      [
        ['2026-01-01', '2026-01-02'],
        [1, 2],
      ],
    )[0];
    const bad = guessColumns(
      ['Date', 'Spend'],
      [
        ['soon', 'later'],
        [1, 2],
      ],
    )[0];
    expect(good).toMatchObject({ role: 'date', valueType: 'date' });
    expect(good.confidence).toBeGreaterThan(0.9);
    expect(bad.confidence).toBeLessThan(0.5);
  });

  it('finds an unlabelled date column from its values', () => {
    const g = guessColumns(
      ['Column A', 'Spend'],
      [
        ['01.03.2026', '02.03.2026'],
        [1, 2],
      ],
    );
    expect(g[0]).toMatchObject({ role: 'date', valueType: 'date' });
    expect(g[0].confidence).toBeLessThan(0.5);
  });

  it('reads "Status" as campaign state in an ad report, as a CRM status elsewhere', () => {
    expect(roles(['Campaign', 'Status', 'Impressions', 'Clicks'])[1]).toBe('ignore');
    expect(roles(['ID', 'Status', 'Amount'])[1]).toBe('status');
  });

  it('treats hostile header text as plain text', () => {
    const g = guessColumns(['=IMPORTXML("http://x","//a")', '+cmd', '<img src=x onerror=alert(1)>'], []);
    expect(g.map((x) => x.header)).toEqual(['=IMPORTXML("http://x","//a")', '+cmd', '<img src=x onerror=alert(1)>']);
    expect(g.every((x) => x.role === 'ignore')).toBe(true);
  });
});

describe('guessColumns generalises by class, not by listed word', () => {
  it('dates a table by its only date, even a close or sale date', () => {
    expect(roles(['Order', 'Дата продажи', 'Сумма'])).toEqual(['ignore', 'date', 'revenue']);
    expect(roles(['Created', 'Paid at', 'Total'])).toEqual(['date', 'close_date', 'revenue']);
  });

  it('reads Russian case forms through stems and container words ("Сумма затрат", "Количество заказов")', () => {
    expect(roles(['Канал', 'Сумма затрат', 'Количество заказов', 'Сумма выручки'])).toEqual(['channel', 'spend', 'orders', 'revenue']);
    // A single word keeps its number: "Клиент" (who) is not "Клиенты" (how many).
    expect(roles(['Клиент'])).toEqual(['customer_id']);
    expect(roles(['Клиенты'])).toEqual(['customers']);
  });

  it('splits API field names (CamelCase, snake_case, dotted)', () => {
    expect(roles(['CampaignName', 'Impressions', 'Clicks', 'campaign_id', 'segments.date', 'metrics.conversions'])).toEqual([
      'campaign',
      'impressions',
      'clicks',
      'ignore',
      'date',
      'leads',
    ]);
  });

  it('takes a survey question as the NPS column in three languages', () => {
    for (const q of [
      'How likely are you to recommend us to a colleague?',
      'Насколько вероятно, что вы порекомендуете компанию друзьям?',
      '您向朋友推荐本产品的可能性有多大？',
    ])
      expect(roles(['Email', q])[1], q).toBe('nps');
  });

  it('does not let a broad word carry a qualified header (discount, fee, type, forecast)', () => {
    expect(
      roles([
        'Deal ID',
        'Created',
        'Amount',
        'Discount Amount',
        'Forecast amount',
        'Payment Source Type',
        'Expected close date',
        'Close date',
      ]),
    ).toEqual(['lead_id', 'date', 'revenue', 'ignore', 'ignore', 'ignore', 'ignore', 'close_date']);
    expect(roles(['Источник', 'Тип источника', 'Сумма', 'Сумма скидки'])).toEqual(['channel', 'ignore', 'revenue', 'ignore']);
    expect(roles(['来源', '来源类型', '金额', '优惠金额'])).toEqual(['channel', 'ignore', 'revenue', 'ignore']);
  });

  it('treats "#" and "№" as "number"', () => {
    expect(roles(['Order #', 'Created at', 'Total'])).toEqual(['lead_id', 'date', 'revenue']);
    expect(normalizeHeader('№ заказа')).toBe('no заказа');
  });

  it('prefers a period start to its end', () => {
    expect(roles(['date_stop', 'date_start', 'spend'])).toEqual(['ignore', 'date', 'spend']);
    expect(roles(['Конец периода', 'Начало периода', 'Расход'])).toEqual(['ignore', 'date', 'spend']);
  });

  it('does not read page or video views as ad impressions', () => {
    expect(roles(['Просмотры', 'Views', 'Video views'])).toEqual(['ignore', 'ignore', 'ignore']);
  });

  it("treats a record export's linked-record columns as ignore, not funnel counts", () => {
    expect(roles(['ID', 'Рабочий email', 'Сделки', 'Дата создания'])).toEqual(['lead_id', 'customer_id', 'ignore', 'date']);
    expect(roles(['Канал', 'Сделки', 'Выручка'])).toEqual(['channel', 'customers', 'revenue']);
  });

  it('never reads a Chinese count ("下单买家数") as an id or a name', () => {
    expect(roles(['买家', '下单买家数'])).toEqual(['customer_id', 'ignore']);
  });

  it('keeps an NPS question that names "our product" (money qualifiers do not apply to a score)', () => {
    expect(roles(['On a scale from 0-10, how likely are you to recommend our product to a friend?'])).toEqual(['nps']);
  });

  it('reads a money word as an amount, not a count ("Gross Sales Total" is not a number of sales)', () => {
    expect(roles(['Date', 'Clicks', 'Revenue', 'Gross Sales Total'])).toEqual(['date', 'clicks', 'revenue', 'ignore']);
  });

  it('prefers a whole amount to one with something taken out, whichever comes first', () => {
    expect(roles(['Order ID', 'Status', 'Order Total (excl. tax)', 'Order Total (incl. tax)'])).toEqual([
      'lead_id',
      'status',
      'ignore',
      'revenue',
    ]);
  });

  it('reads an ambiguous cost word as the deal value in a record export, as spend in an ad report', () => {
    expect(roles(['Номер', 'Статус', 'Стоимость'])).toEqual(['lead_id', 'status', 'revenue']);
    expect(roles(['Дата', 'Показы', 'Стоимость'])).toEqual(['date', 'impressions', 'spend']);
  });

  it('drops a survey response status, keeps a deal status beside an NPS column', () => {
    const q = 'How likely are you to recommend us to a colleague?';
    expect(roles(['Response ID', 'Status', q])).toEqual(['lead_id', 'ignore', 'nps']);
    expect(roles(['Deal ID', 'Status', 'Amount', q])).toEqual(['lead_id', 'status', 'revenue', 'nps']);
  });

  it('takes the row name as the campaign only in a measure report without a campaign column', () => {
    expect(roles(['Name', 'Sent on', 'Delivered', 'Clicks'])).toEqual(['campaign', 'date', 'impressions', 'clicks']);
    expect(roles(['Name', 'Campaign', 'Clicks'])).toEqual(['ignore', 'campaign', 'clicks']);
    // A campaign id names the row worse than its name does.
    expect(roles(['Дата', 'ID кампании', 'Наименование', 'Показы', 'Клики', 'Расход'])).toEqual([
      'date',
      'ignore',
      'campaign',
      'impressions',
      'clicks',
      'spend',
    ]);
  });
});

// Round 3 of the held-out corpus, once measured, became tuning data; these are the classes its misses
// belonged to, tested on headers that are not in the corpus.
describe('guessColumns: classes learnt from held-out round 3', () => {
  it('counts first sales as new customers and the other sales as orders; plain sales stay customers', () => {
    expect(roles(['Канал', 'Продажи', 'Первые продажи'])).toEqual(['channel', 'orders', 'customers']);
    expect(roles(['Channel', 'Sales', 'First-time buyers'])).toEqual(['channel', 'orders', 'customers']);
    expect(roles(['Channel', 'Sales'])).toEqual(['channel', 'customers']);
    // The word as a modifier is neither.
    expect(roles(['Deal ID', 'Status', 'Sales rep', 'Sales account'])).toEqual(['lead_id', 'status', 'ignore', 'customer_id']);
  });

  it('reads a plain profit beside spend as net of it; gross-profit words and a deal row keep gross profit', () => {
    expect(roles(['Channel', 'Spend', 'Revenue', 'Profit'])).toEqual(['channel', 'spend', 'revenue', 'ignore']);
    expect(roles(['Канал', 'Затраты', 'Выручка', 'Валовая прибыль'])).toEqual(['channel', 'spend', 'revenue', 'gross_profit']);
    expect(roles(['Deal ID', 'Status', 'Amount', 'Profit'])).toEqual(['lead_id', 'status', 'revenue', 'gross_profit']);
    expect(roles(['Order ID', 'Status', 'Net profit', 'Чистая прибыль', '净利润'])).toEqual([
      'lead_id',
      'status',
      'ignore',
      'ignore',
      'ignore',
    ]);
  });

  it('reads tax-inclusive amounts as the amount and drops attribution windows from event names', () => {
    expect(roles(['Дата', 'Показы', 'Клики', 'Затраты, ₽, включая НДС'])).toEqual(['date', 'impressions', 'clicks', 'spend']);
    expect(roles(['Date', 'Impressions', 'Clicks', 'Spend (incl. VAT)'])).toEqual(['date', 'impressions', 'clicks', 'spend']);
    expect(roles(['日期', '展现量', '点击量', '花费（含税）'])).toEqual(['date', 'impressions', 'clicks', 'spend']);
    expect(roles(['Date', 'Impressions', 'Clicks', 'Spend', 'Sign Up (Post-click)', 'Purchase (7-day view)'])).toEqual([
      'date',
      'impressions',
      'clicks',
      'spend',
      'leads',
      'orders',
    ]);
    // Tax taken out is still a part of the amount: the whole amount wins.
    expect(roles(['Номер заказа', 'Статус', 'Сумма без НДС', 'Сумма с НДС'])).toEqual(['lead_id', 'status', 'ignore', 'revenue']);
  });

  it('reads survey questions: numbering and "your" dropped, "where did you hear" is the channel, a bare score the NPS', () => {
    expect(roles(['Q1. How did you first hear about our company?', '2) Your e-mail', 'Score'])).toEqual(['channel', 'customer_id', 'nps']);
    expect(roles(['1. Как вы узнали о нашем сервисе?', '2. Ваш телефон', '3. С какой вероятностью вы посоветуете нас коллегам?'])).toEqual([
      'channel',
      'customer_id',
      'nps',
    ]);
    expect(roles(['Timestamp', 'How would you rate your likelihood to recommend us? (0-10)'])).toEqual(['date', 'nps']);
    expect(roles(['1、您是从哪里知道我们的？', '2、您的电话号码', '3、您向同事推荐我们的可能性？'])).toEqual([
      'channel',
      'customer_id',
      'nps',
    ]);
    // A survey's delivery "source" is not a marketing channel; a bare "Source" still is.
    expect(roles(['Response ID', 'Score', 'Survey Source'])).toEqual(['lead_id', 'nps', 'ignore']);
    expect(roles(['Deal ID', 'Source', 'Referral Source'])).toEqual(['lead_id', 'ignore', 'channel']);
  });

  it('dates a survey answer by its completion, not its start, in Chinese as in English', () => {
    expect(roles(['答卷编号', '开始答题时间', '完成答题时间'])).toEqual(['lead_id', 'ignore', 'date']);
    expect(roles(['Response ID', 'Started at', 'Completed on'])).toEqual(['lead_id', 'ignore', 'date']);
  });

  it('reads a Chinese compound by its head: a name, group, message or address of a thing is not the thing', () => {
    expect(roles(['订单号', '买家', '买家留言', '收货地址'])).toEqual(['lead_id', 'customer_id', 'ignore', 'ignore']);
    expect(roles(['线索名称', '线索状态组', '线索状态', '客户名称'])).toEqual(['ignore', 'ignore', 'status', 'customer_id']);
  });

  it('takes a phone as the customer where no id or e-mail identifies one, before any name (GUIDE.md, "Customer")', () => {
    expect(roles(['ID', 'Дата', 'Телефон'])).toEqual(['lead_id', 'date', 'customer_id']);
    expect(roles(['ID', 'Дата', 'Телефон', 'Email'])).toEqual(['lead_id', 'date', 'ignore', 'customer_id']);
    expect(roles(['Lead ID', 'Phone', 'Contact name'])).toEqual(['lead_id', 'customer_id', 'ignore']);
    expect(roles(['线索ID', '客户姓名', '手机号'])).toEqual(['lead_id', 'ignore', 'customer_id']);
    // In an ad report a call count is not a phone number.
    expect(roles(['日期', '展现量', '点击量', '电话拨打'])).toEqual(['date', 'impressions', 'clicks', 'ignore']);
  });

  it('reads billing exports: what was paid, not the invoice total or what is due; the invoice is the row unless a payment is', () => {
    expect(roles(['Invoice No', 'Invoice Date', 'Customer Code', 'Total', 'Amount Paid', 'Amount Due'])).toEqual([
      'lead_id',
      'date',
      'customer_id',
      'ignore',
      'revenue',
      'ignore',
    ]);
    expect(roles(['Payment ID', 'Invoice Number', 'Created', 'Amount'])).toEqual(['lead_id', 'ignore', 'date', 'revenue']);
    expect(roles(['Номер документа', 'Дата', 'Плательщик', 'Сумма'])).toEqual(['lead_id', 'date', 'customer_id', 'revenue']);
    expect(roles(['交易单号', '付款人', '实付金额（元）', '付款时间'])).toEqual(['lead_id', 'customer_id', 'revenue', 'date']);
  });

  it('reads views as impressions only in an ad report that has no impressions column', () => {
    expect(roles(['Дата', 'Просмотры', 'Клики', 'Затраты'])).toEqual(['date', 'impressions', 'clicks', 'spend']);
    expect(roles(['Date', 'Impressions', 'Views', 'Clicks'])).toEqual(['date', 'impressions', 'ignore', 'clicks']);
  });

  it('dates e-mail campaigns by their send, records by an added-on day, and a bare time only when nothing names a date', () => {
    expect(roles(['Mailing', 'Sent At', 'Delivered', 'Clicks'])).toEqual(['campaign', 'date', 'impressions', 'clicks']);
    expect(roles(['Рассылка', 'Дата отправки', 'Доставлено', 'Клики'])).toEqual(['campaign', 'date', 'impressions', 'clicks']);
    expect(roles(['Deal ID', 'Date Added', 'Added by', 'Stage'])).toEqual(['lead_id', 'date', 'ignore', 'status']);
    expect(roles(['Номер', 'Время', 'Сумма'])).toEqual(['lead_id', 'date', 'revenue']);
    expect(roles(['Date', 'Time', 'Gross'])).toEqual(['date', 'ignore', 'revenue']);
  });

  it('reads API field names: words run together, a container prefix, a status code', () => {
    expect(roles(['dateRange.start', 'impressions', 'clicks', 'costInLocalCurrency', 'conversionValueInLocalCurrency'])).toEqual([
      'date',
      'impressions',
      'clicks',
      'spend',
      'revenue',
    ]);
    expect(roles(['id', 'createdate', 'properties.dealstage', 'properties.amount', 'properties.closedate'])).toEqual([
      'lead_id',
      'date',
      'status',
      'revenue',
      'close_date',
    ]);
    expect(roles(['ID', 'STAGE_ID', 'CONTACT_ID', 'DATE_CREATE', 'CURRENCY_ID'])).toEqual([
      'lead_id',
      'status',
      'customer_id',
      'date',
      'ignore',
    ]);
  });

  it('never counts repeat buyers or view-through conversions as new customers or leads', () => {
    expect(roles(['Channel', 'New customers', 'Returning customers'])).toEqual(['channel', 'customers', 'ignore']);
    expect(roles(['Канал', 'Повторные продажи'])).toEqual(['channel', 'ignore']);
    expect(roles(['Day', 'Impressions', 'Clicks', 'Post-view conversions', 'Post-click conversions'])).toEqual([
      'date',
      'impressions',
      'clicks',
      'ignore',
      'leads',
    ]);
  });

  it('reads a sales header with a currency as an amount', () => {
    expect(roles(['Канал', 'Продажи, ₽'])).toEqual(['channel', 'revenue']);
    expect(roles(['Channel', 'Sales (USD)'])).toEqual(['channel', 'revenue']);
  });

  it('reads a won date written date-first as the close date', () => {
    expect(roles(['id', 'date_created', 'date_won', 'value'])).toEqual(['lead_id', 'date', 'close_date', 'revenue']);
    expect(roles(['Deal', 'Created', 'Sale date'])).toEqual(['ignore', 'date', 'close_date']);
  });
});

// Headers in no corpus file: each class of concept-roles.ts, in en/ru/zh, with the competing columns side by side.
describe('guessColumns: concepts and declared preferences, on headers in no corpus file', () => {
  it('revenue: what was paid, then payable, beats an order amount and a list price', () => {
    expect(roles(['Order Number', 'Placed On', 'List Price', 'Order Amount', 'Amount Paid', 'Status'])).toEqual([
      'lead_id',
      'date',
      'ignore',
      'ignore',
      'revenue',
      'status',
    ]);
    expect(roles(['Номер брони', 'Дата бронирования', 'Цена по прайсу', 'Сумма заказа', 'Сумма к оплате', 'Статус'])).toEqual([
      'lead_id',
      'date',
      'ignore',
      'ignore',
      'revenue',
      'status',
    ]);
    expect(roles(['预约单号', '预约时间', '原价', '订单总额', '实收金额', '状态'])).toEqual([
      'lead_id',
      'date',
      'ignore',
      'ignore',
      'revenue',
      'status',
    ]);
    // A total beats an order value; what was kept after fees, or an adjusted total, never wins.
    expect(roles(['Order ID', 'Order Value', 'Payout', 'Adjusted Total', 'Grand Total'])).toEqual([
      'lead_id',
      'ignore',
      'ignore',
      'ignore',
      'revenue',
    ]);
  });

  it('customer: a person id beats their e-mail or phone, which beat the bare client; a nickname comes last', () => {
    expect(roles(['Subscription ID', 'Subscriber Name', 'Subscriber Email', 'Subscriber ID', 'Status'])).toEqual([
      'lead_id',
      'ignore',
      'ignore',
      'customer_id',
      'status',
    ]);
    expect(roles(['Номер записи', 'ФИО клиента', 'Телефон клиента', 'Email', 'Статус'])).toEqual([
      'lead_id',
      'ignore',
      'customer_id',
      'ignore',
      'status',
    ]);
    expect(roles(['工单编号', '客户昵称', '客户手机号', '状态'])).toEqual(['lead_id', 'ignore', 'customer_id', 'status']);
    // The same person's e-mail beats their phone (the corpus's convention).
    expect(roles(['工单编号', '客户昵称', '客户手机号', '客户邮箱', '状态'])).toEqual([
      'lead_id',
      'ignore',
      'ignore',
      'customer_id',
      'status',
    ]);
    // Where a customer came from is a channel, never the customer.
    expect(roles(['商机编号', '客户来源', '获客渠道', '金额', '阶段'])).toEqual(['lead_id', 'ignore', 'channel', 'revenue', 'status']);
  });

  it("lead id: the merchant's own number beats a platform's, a refund number never is one", () => {
    expect(roles(['Platform Order No', 'Merchant Order No', 'Refund No', 'Buyer ID', 'Paid Amount'])).toEqual([
      'ignore',
      'lead_id',
      'ignore',
      'customer_id',
      'revenue',
    ]);
    expect(roles(['Номер заказа площадки', 'Номер заказа магазина', 'Номер возврата', 'ID покупателя', 'Оплачено, ₽'])).toEqual([
      'ignore',
      'lead_id',
      'ignore',
      'customer_id',
      'revenue',
    ]);
    expect(roles(['支付宝交易号', '商家订单号', '退款单号', '买家ID', '实付款'])).toEqual([
      'ignore',
      'lead_id',
      'ignore',
      'customer_id',
      'revenue',
    ]);
  });

  it('dates: created or placed is the date, paid closes, shipped and modified are neither', () => {
    expect(roles(['Enrollment ID', 'Registered On', 'Paid On', 'Shipped On', 'Last Modified', 'Student Email', 'Amount'])).toEqual([
      'lead_id',
      'date',
      'close_date',
      'ignore',
      'ignore',
      'customer_id',
      'revenue',
    ]);
    expect(roles(['Номер заказа', 'Дата оформления', 'Дата оплаты', 'Дата отгрузки', 'Покупатель', 'Сумма'])).toEqual([
      'lead_id',
      'date',
      'close_date',
      'ignore',
      'customer_id',
      'revenue',
    ]);
    expect(roles(['订单编号', '下单时间', '付款时间', '发货时间', '买家', '金额'])).toEqual([
      'lead_id',
      'date',
      'close_date',
      'ignore',
      'customer_id',
      'revenue',
    ]);
  });

  it('surveys: the answer is dated by its completion, not its start', () => {
    expect(
      roles(['Response ID', 'Started at', 'Finished at', 'How likely is it that you would recommend us to a friend?', 'Email']),
    ).toEqual(['lead_id', 'ignore', 'date', 'nps', 'customer_id']);
    expect(
      roles(['Номер ответа', 'Время начала', 'Время завершения', 'Насколько вероятно, что вы порекомендуете нас друзьям?', 'Телефон']),
    ).toEqual(['lead_id', 'ignore', 'date', 'nps', 'customer_id']);
    expect(roles(['答卷ID', '开始时间', '完成时间', '您向朋友推荐我们的可能性有多大？', '手机号'])).toEqual([
      'lead_id',
      'ignore',
      'date',
      'nps',
      'customer_id',
    ]);
  });

  it('channel: a channel beats a source', () => {
    expect(roles(['Deal ID', 'Lead Source', 'Acquisition Channel', 'Amount', 'Stage'])).toEqual([
      'lead_id',
      'ignore',
      'channel',
      'revenue',
      'status',
    ]);
    expect(roles(['ID сделки', 'Источник', 'Канал привлечения', 'Сумма', 'Этап'])).toEqual([
      'lead_id',
      'ignore',
      'channel',
      'revenue',
      'status',
    ]);
  });

  it('sample values decide what the header leaves open', () => {
    // A bare "Клиент" of phone numbers is the customer's phone; a first name beside it is not the customer.
    const phones = [
      [1, '+7 912 345-67-89', 'Анна'],
      [2, '+7 903 111-22-33', 'Игорь'],
    ];
    expect(roles(['Номер', 'Клиент', 'Имя'], transpose(phones))).toEqual(['lead_id', 'customer_id', 'ignore']);
    // "Contacts" of names is who the deal is with, but a display name is no identity: two Emily Carters are two
    // customers, one renamed company is one. Ids, e-mails or phones under it make it the customer.
    const deal = [
      ['Acme renewal', 'Emily Carter', 1200, 'Won'],
      ['Nordwind', 'James Wilson', 900, 'Lost'],
    ];
    expect(roles(['Deal', 'Contacts', 'Value', 'Stage'], transpose(deal))).toEqual(['ignore', 'ignore', 'revenue', 'status']);
    const companies = [
      [1, 'ООО «Альфа»', 5000],
      [2, 'ИП Гусев А.В.', 7000],
    ];
    expect(roles(['Номер', 'Контрагент', 'Сумма'], transpose(companies))).toEqual(['lead_id', 'ignore', 'revenue']);
    const emails = [
      ['Acme renewal', 'emily@acme.com', 1200, 'Won'],
      ['Nordwind', 'james@nordwind.de', 900, 'Lost'],
    ];
    expect(roles(['Deal', 'Contacts', 'Value', 'Stage'], transpose(emails))).toEqual(['ignore', 'customer_id', 'revenue', 'status']);
    const ads = [
      ['2026-03-01', 'A', 1000, 10, 3, 5.5],
      ['2026-03-02', 'B', 900, 8, 2, 4.1],
    ];
    expect(roles(['Date', 'Campaign', 'Impressions', 'Clicks', 'Contacts', 'Cost'], transpose(ads))).not.toContain('customer_id');
    // A conversion "time" of whole numbers is a duration, not the moment a lead closed.
    const leads = [
      [1, '2026-03-01', 4, 'Web', 'New'],
      [2, '2026-03-02', 12, 'Ads', 'Won'],
    ];
    expect(roles(['Lead ID', 'Created', 'Conversion Time', 'Lead Source', 'Status'], transpose(leads))).toEqual([
      'lead_id',
      'date',
      'ignore',
      'channel',
      'status',
    ]);
    expect(roles(['Lead ID', 'Created', 'Conversion Time', 'Lead Source', 'Status'])).toContain('close_date');
  });

  it('a column of dates named only by its moment: "Closed" closes, "Created" dates', () => {
    const rows = [
      ['Acme renewal', 1200, 'Won', '2026-03-01', '2026-03-20'],
      ['Nordwind', 900, 'Lost', '2026-03-02', ''],
    ];
    expect(roles(['Deal Name', 'Amount', 'Stage', 'Created', 'Closed'], transpose(rows))).toEqual([
      'ignore',
      'revenue',
      'status',
      'date',
      'close_date',
    ]);
  });

  it('a ticket solved or a request resolved closes it, in three languages', () => {
    const rows = [
      [101, 'anna@mail.ru', '2026-03-01', '2026-03-04', 'solved'],
      [102, 'ivan@yandex.ru', '2026-03-02', '', 'open'],
    ];
    expect(roles(['Ticket ID', 'Requester email', 'Created', 'Solved', 'Status'], transpose(rows))).toEqual([
      'lead_id',
      'customer_id',
      'date',
      'close_date',
      'status',
    ]);
    expect(roles(['Номер обращения', 'Email клиента', 'Создано', 'Решено', 'Статус'], transpose(rows))).toEqual([
      'lead_id',
      'customer_id',
      'date',
      'close_date',
      'status',
    ]);
    expect(roles(['工单编号', '客户邮箱', '创建时间', '解决时间', '状态'], transpose(rows))).toEqual([
      'lead_id',
      'customer_id',
      'date',
      'close_date',
      'status',
    ]);
  });

  it('an ad platform counts sale events as orders; a funnel that counts leads ends in customers', () => {
    expect(roles(['Day', 'Campaign', 'Displays', 'Clicks', 'Cost', 'Sales', 'Revenue'])).toEqual([
      'date',
      'campaign',
      'impressions',
      'clicks',
      'spend',
      'orders',
      'revenue',
    ]);
    expect(roles(['Месяц', 'Канал', 'Показы', 'Клики', 'Расход', 'Заявки', 'Продажи', 'Выручка'])).toEqual([
      'date',
      'channel',
      'impressions',
      'clicks',
      'spend',
      'leads',
      'customers',
      'revenue',
    ]);
    // Sales counted as buyers stay customers.
    expect(roles(['日期', '展现量', '点击量', '花费', '成交客户数'])).toEqual(['date', 'impressions', 'clicks', 'spend', 'customers']);
  });

  it('notes, compositions and yes/no flags have no role', () => {
    expect(roles(['Order ID', 'Order Date', 'Order Notes', 'Total'])).toEqual(['lead_id', 'date', 'ignore', 'revenue']);
    expect(roles(['Номер заказа', 'Состав заказа', 'Сумма'])).toEqual(['lead_id', 'ignore', 'revenue']);
    expect(roles(['订单号', '订单备注', '是否预售订单', '实付金额'])).toEqual(['lead_id', 'ignore', 'ignore', 'revenue']);
  });
});

function transpose(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
}

describe('guessColumns: classes learnt from round 5 and training sets t6, t7', () => {
  it("reads an app's funnel: installs, then registrations, paying users and purchase events", () => {
    expect(
      roles([
        'Date',
        'Ad partner',
        'Impressions',
        'Clicks',
        'Installs',
        'Registrations',
        'Paid users',
        'Purchase events',
        'Revenue',
        'Cost',
      ]),
    ).toEqual(['date', 'channel', 'impressions', 'clicks', 'leads', 'stage', 'customers', 'orders', 'revenue', 'spend']);
    expect(roles(['日期', '渠道', '点击数', '激活数', '注册数', '付费用户数', '付费次数', '花费(元)'])).toEqual([
      'date',
      'channel',
      'clicks',
      'leads',
      'stage',
      'customers',
      'orders',
      'spend',
    ]);
  });

  it('takes registrations, new users or inquiries as leads where nothing earlier in the funnel is counted', () => {
    expect(roles(['Date', 'Channel', 'Clicks', 'Registrations'])).toEqual(['date', 'channel', 'clicks', 'leads']);
    expect(roles(['日期', '渠道', '新增用户'], [[], [], [120, 80]])).toEqual(['date', 'channel', 'leads']);
    expect(roles(['日期', '渠道', '咨询数'], [[], [], [12, 8]])).toEqual(['date', 'channel', 'leads']);
  });

  it("gives the status role to the record's own status, not to another thing's", () => {
    expect(roles(['Payment ID', 'Created', 'Escrow Status', 'Payment Status', 'Amount'])).toEqual([
      'lead_id',
      'date',
      'ignore',
      'status',
      'revenue',
    ]);
  });

  it('when a sale date dates the table, the next closing date closes it', () => {
    expect(roles(['Order Number', 'Sale Date', 'Paid On Date', 'Total'])).toEqual(['lead_id', 'date', 'close_date', 'revenue']);
  });

  it('reads a currency in the header as an amount: what was actually received beats the order amount', () => {
    expect(roles(['交易单号', '订单金额（元）', '实收（元）'], [[], [120.5, 99], [118.2, 99]])).toEqual(['lead_id', 'ignore', 'revenue']);
  });

  it('reads three sample rows with one "N/A" or "-" as a number column', () => {
    const columns: CellValue[][] = [
      ['2026-03-02', '2026-03-02', '2026-03-02'],
      ['googleadwords_int', 'Facebook Ads', 'Organic'],
      [184220, 96310, 'N/A'],
      [3915, 2204, '-'],
      [1530, 1120.75, 'N/A'],
    ];
    expect(roles(['Date', 'Media Source', 'Impressions', 'Clicks', 'Total Cost'], columns)).toEqual([
      'date',
      'channel',
      'impressions',
      'clicks',
      'spend',
    ]);
  });

  it('in a mailing report counts opens and the people who clicked; elsewhere unique clicks do not win', () => {
    expect(roles(['Campaign', 'Sent', 'Delivered', 'Opens', 'Unique opens', 'Clicks', 'Unique clicks'])).toEqual([
      'campaign',
      'ignore',
      'ignore',
      'ignore',
      'impressions',
      'ignore',
      'clicks',
    ]);
    // An SMS report opens nothing: its delivered messages are the impressions.
    expect(roles(['任务名称', '发送数', '送达数', '点击数'], [[], [10], [9], [1]])).toEqual(['ignore', 'ignore', 'impressions', 'clicks']);
    // A call's answered/missed status is not a deal's status; a lead form's opens are not a mailing's.
    expect(roles(['Call ID', 'Called At', 'Call Status', 'Source'], [[], [], ['answered'], []])[2]).toBe('ignore');
    expect(roles(['Campaign', 'Impressions', 'Clicks', 'Lead Form Opens', 'Leads'])).toEqual([
      'campaign',
      'impressions',
      'clicks',
      'ignore',
      'leads',
    ]);
    expect(roles(['Campaign', 'Impressions', 'Clicks', 'Unique clicks'])).toEqual(['campaign', 'impressions', 'clicks', 'ignore']);
  });

  it('in an app store report downloads are the leads and activations the next stage', () => {
    expect(roles(['日期', '计划名称', '曝光', '点击', '下载数', '激活数'], [[], [], [], [], [10, 20], [5, 8]])).toEqual([
      'date',
      'campaign',
      'impressions',
      'clicks',
      'leads',
      'stage',
    ]);
  });

  it('reads order totals, first-time transactions, what the customer paid and qualified counts by their concepts', () => {
    expect(roles(['订单号', '下单时间', '订单总额'], [[], [], ['US$ 86.10', 'US$ 12.00']])).toEqual(['lead_id', 'date', 'revenue']);
    expect(roles(['Date', 'Channel', 'Spend', 'Transactions', 'Transactions (1st Time)'])).toEqual([
      'date',
      'channel',
      'spend',
      'orders',
      'customers',
    ]);
    expect(roles(['流水号', '交易时间', '结算金额', '顾客实付'], [[], [], [10.5, 20], [11, 21]])).toEqual([
      'lead_id',
      'date',
      'ignore',
      'revenue',
    ]);
    expect(roles(['Канал', 'Месяц', 'Обращения', 'Квалифицированные обращения'], [[], [], [10, 20], [4, 6]])).toEqual([
      'channel',
      'date',
      'leads',
      'stage',
    ]);
  });
});

// Headers written for these tests, in no corpus file: each checks a class round 8 showed, not its words.
describe('guessColumns: classes learnt from round 8', () => {
  it('a payment registry: what the customer was charged is the revenue, not the order amount or the settlement', () => {
    expect(roles(['Номер заказа', 'Статус', 'Сумма заказа', 'Сумма списания', 'Комиссия'])).toEqual([
      'lead_id',
      'status',
      'ignore',
      'revenue',
      'ignore',
    ]);
    expect(roles(['商户订单号', '交易状态', '交易金额', '结算金额', '手续费'])).toEqual([
      'lead_id',
      'status',
      'revenue',
      'ignore',
      'ignore',
    ]);
    expect(roles(['Order ID', 'Status', 'Gross Amount', 'Settlement Amount', 'Fee'])).toEqual([
      'lead_id',
      'status',
      'revenue',
      'ignore',
      'ignore',
    ]);
  });

  it('an SMS report with no opens: its task is the campaign, successful sends the impressions, its consumption the spend', () => {
    expect(roles(['日期', '任务名称', '短信签名', '提交条数', '成功条数', '失败条数', '消费金额(元)'])).toEqual([
      'date',
      'campaign',
      'ignore',
      'ignore',
      'impressions',
      'ignore',
      'spend',
    ]);
    expect(roles(['Date', 'Broadcast', 'SMS sent', 'Successful sends', 'Clicks', 'Status'])).toEqual([
      'date',
      'campaign',
      'ignore',
      'impressions',
      'clicks',
      'ignore',
    ]);
    // A shop's "消费金额" is still what its buyer paid.
    expect(roles(['订单号', '买家手机', '消费金额', '订单状态'])).toEqual(['lead_id', 'customer_id', 'revenue', 'status']);
  });

  it('a classifieds or maps report: opening the listing is the click, calls or phone views the lead', () => {
    expect(roles(['Дата', 'Показы', 'Просмотры карточки', 'Показы телефона', 'Расход'])).toEqual([
      'date',
      'impressions',
      'clicks',
      'leads',
      'spend',
    ]);
    expect(roles(['Дата', 'Показы', 'Клики', 'Звонки', 'Целевые звонки', 'Расход'])).toEqual([
      'date',
      'impressions',
      'clicks',
      'leads',
      'stage',
      'spend',
    ]);
    // Beside a lead column the calls are not the first step.
    expect(roles(['Дата', 'Канал', 'Заявки', 'Звонки', 'Расход'])).toEqual(['date', 'channel', 'leads', 'ignore', 'spend']);
  });

  it('a campaign titled, not named, is still the campaign; "… по ссылке" clicks are clicks', () => {
    expect(roles(['Campaign title', 'Sent', 'Opened', 'Clicked'])).toEqual(['campaign', 'ignore', 'impressions', 'clicks']);
    expect(roles(['Рассылка', 'Доставлено', 'Переходы по ссылке'])).toEqual(['campaign', 'impressions', 'clicks']);
  });
});

// Headers written for these tests, in no corpus file: each checks a class round 9 showed, not its words.
describe('guessColumns: classes learnt from round 9', () => {
  it('a/b/yyyy dates whose sample shows no day over 12 still make the date column (the readers then say why)', () => {
    const us = ['03/02/2026 10:14 AM', '03/05/2026 04:40 PM', '04/01/2026 09:03 AM'];
    expect(roles(['Call Date', 'Campaign', 'Caller ID', 'Revenue'], [us, ['a', 'b', 'c'], ['x1', 'x2', 'x3'], [1, 2, 3]])[0]).toBe('date');
    expect(
      roles(
        ['InvoiceDate', 'InvoiceNumber'],
        [
          ['02/03/2026', '05/03/2026', '01/04/2026'],
          ['x1', 'x2', 'x3'],
        ],
      )[0],
    ).toBe('date');
    expect(guessColumns(['Signup Date', 'Channel'], [us, ['a', 'b', 'c']])[0]).toMatchObject({ role: 'date', confidence: 0.95 });
    // Text that is no date under a date header stays doubted.
    expect(guessColumns(['Signup Date'], [['soon', 'later', 'never']])[0].confidence).toBeLessThan(0.5);
  });
});
