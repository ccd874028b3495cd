/**
 * Generated hostile data for the engine-parity tests: channel spellings that differ by case, spaces, NBSP
 * and full-width letters; SQL, formula and HTML in names; totals lines; text numbers in every locale the
 * readers know (not the ambiguous `1,234`: the SQL reads cells, not columns — README), error values and junk; dates in ISO, Russian and Chinese forms, impossible days, times;
 * values behind a text-forcing mark ("`¥12.00", "'05.01.2026").
 */
import { prng } from '../../scripts/generate-samples.js';
import type { ColumnRole, Mapping, StatusRule, TableBinding } from '../../src/core/mapping/types.js';
import type { CellValue, Matrix } from '../../src/core/values.js';
import { tableBinding } from './table-binding.js';

export const HOSTILE_NAMES = [
  'Google Ads',
  ' google  ads ',
  'GOOGLE\u00a0ADS',
  'Ｇｏｏｇｌｅ Ａｄｓ',
  'O\'Brien\'s "ads"',
  'x\\y\\\\z',
  "'); DROP TABLE src; --",
  '`bq`.`inject`',
  '=HYPERLINK("http://x","y")',
  '<b>bold</b>',
  'Яндекс Директ',
  'яндекс директ',
  '百度推广',
  'line\nbreak',
  'tab\there',
  '',
  '   ',
  '\u0007bell',
  '🦆 duck',
  '`Google Ads',
  "'google ads",
];

const NUMBERS: CellValue[] = [
  12,
  0,
  -5,
  1234.5,
  0.1,
  '1 234,56 ₽',
  '$1,234.50',
  '(1 200)',
  '15%',
  '−42',
  '1.234.567,8',
  '0,123',
  '2,5',
  '1e3',
  '€ 99',
  'abc',
  '#N/A',
  '#DIV/0!',
  'N/A',
  ' — ',
  '-',
  'нет данных',
  '暂无',
  'n/a?',
  '',
  '  ',
  '1,2,3',
  '12,34',
  '.5',
  '5.',
  '+7',
  '1.5e-2',
  '12 345 руб.',
  '¥1,000',
  'US$ 86.10',
  'HK$1,280.00',
  '100 USD',
  true,
  '١٢',
  // Text-forcing marks of payment bills and Excel-bound CSVs (text-mark.ts): read as the value after them.
  '`¥12.00',
  "'1 234,56",
  '` 12',
  '`',
];

const DATES: CellValue[] = [
  '2026-01-05',
  '05.01.2026',
  '2026年1月5日',
  '2026/1/5 12:30',
  '2026-03-31',
  '2026-12-31 23:59:59',
  '2027-01-01',
  '2024-02-29',
  '2026-02-28',
  '31.02.2026',
  '2026-02-29',
  '2026-13-01',
  'not a date',
  '2026-01-05 25:00',
  '  2026-06-15  ',
  '15.06.2026 08:00',
  '2026.7.4',
  '',
  '2026-01-31T23:30:00Z',
  '2026-03-31T22:00:00-05:00',
  '2026-06-30 00:30+03:00',
  '2026-12-31T23:59:59.999+0000',
  '2026-01-05T10:00:00+15:00',
  '2026-01-31junk',
  '2026-01-05 12:99',
  '2026年1月5日 12:30',
  '2026年1月5日12时30分',
  '2026/1/5',
  '2026-1-5 7:05:09',
  '`2026-03-01 10:22:33',
  "'05.01.2026",
  // A zone name after the time (Thinkific, Wootric): an instant, as Z is.
  '2026-03-02 14:22:10 UTC',
  '2026-12-31 23:30:00 gmt',
  '2026-12-31 23:30 UTCX',
  // Month names (Magento, Zoom, Marketo, 1С, Lazada), with 12-hour times.
  'Mar 14, 2026 10:22 AM',
  'December 31, 2026 11:59:59 PM',
  'Jan 5, 2026 12:05 am',
  'Feb 29, 2026',
  'Jun 30 2026 13:05 PM',
  '14 марта 2026 г.',
  '31 ДЕК. 2026, 23:10',
  '5-Jan-2026',
  'Foo 14, 2026',
  // Month/day (US): 03/14/2026 decides the order for the whole report, 3/1/2026 is then March 1st.
  '03/14/2026',
  '12/31/2026 11:59 PM',
  '3/1/2026',
  // Compact yyyymmdd: a number (the GA4 API) and text (GA4's BigQuery event_date); impossible ones.
  20260314,
  20260230,
  '20261231',
  '20261301',
  new Date(Date.UTC(2026, 0, 31, 22, 30)),
  new Date(Date.UTC(2026, 5, 30, 16, 0)),
  new Date(Date.UTC(2026, 11, 31, 23, 0)),
];

/** Instants around midnight in some zone: a date column of real date cells (a TIMESTAMP column in a warehouse). */
const INSTANTS: CellValue[] = [
  new Date(Date.UTC(2026, 0, 31, 22, 30)),
  new Date(Date.UTC(2026, 2, 31, 21, 0)),
  new Date(Date.UTC(2026, 5, 30, 16, 0)),
  new Date(Date.UTC(2026, 8, 30, 4, 0)),
  new Date(Date.UTC(2026, 11, 31, 23, 0)),
  new Date(Date.UTC(2026, 2, 29, 1, 30)),
  null,
];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function table(roles: readonly ColumnRole[], sheetId: number): TableBinding {
  return tableBinding(roles, sheetId, (role, index) => `${role} "${index}"'`);
}

const OPTIONS = { granularity: 'month' as const, grossMargin: 1, currency: 'USD', dashboardName: 'D', byCampaign: false };

/** Aggregated shape: date, channel, campaign, spend, clicks, leads (also the first funnel stage), revenue. */
export function hostileAggregated(seed: number, rows: number, dateCells = false): { mapping: Mapping; source: Matrix } {
  const rand = prng(seed);
  const roles: ColumnRole[] = ['date', 'channel', 'campaign', 'spend', 'clicks', 'leads', 'customers', 'revenue'];
  const source: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const numeric = rand() < 0.7;
    const num = (): CellValue => (numeric ? Math.round(rand() * 10000) / 100 : pick(rand, NUMBERS));
    source.push([
      pick(rand, dateCells ? INSTANTS : DATES),
      pick(rand, HOSTILE_NAMES),
      pick(rand, ['brand', 'Brand', ' generic ', '', "c'1"]),
      num(),
      num(),
      num(),
      num(),
      num(),
    ]);
    if (rand() < 0.03)
      source.push([
        '',
        pick(rand, ['Итого', 'Total: campaigns', 'TOTAL', '合计', '`总计', 'Всего за март', 'Total Solutions LLC']),
        '',
        1,
        1,
        1,
        1,
        1,
      ]);
    if (rand() < 0.02) source.push(['', '', '', '', '', '', '', '']);
  }
  const mapping: Mapping = {
    schemaVersion: 2,
    shape: 'aggregated',
    source: table(roles, 1),
    costs: null,
    funnel: [
      { id: 'leads', label: 'Leads', column: 5 },
      { id: 'won', label: 'Won', column: 6 },
    ],
    statusRules: [],
    options: OPTIONS,
  };
  return { mapping, source };
}

/**
 * CRM dates are whole days: the SQL orders a customer's deals by day, then row order, while the in-memory
 * path also looks at the time of day (README: warehouse mode, known differences).
 */
const CRM_DATES = DATES.filter((d) => typeof d === 'string' && !d.includes(':'));

const STATUSES = ['New', 'new ', 'Qualified', 'Meeting', 'Won', 'WON', 'Lost', 'Spam', 'Дубль', "it's odd", 'unknown one', '', '合格'];

/** CRM shape with a costs table (daily or monthly), customers that come back, unknown statuses. */
export function hostileCrm(seed: number, rows: number, monthlyCosts: boolean): { mapping: Mapping; source: Matrix; costs: Matrix } {
  const rand = prng(seed);
  const roles: ColumnRole[] = ['lead_id', 'date', 'channel', 'campaign', 'status', 'revenue', 'customer_id', 'close_date', 'gross_profit'];
  const source: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const revenue = rand() < 0.7 ? Math.round(rand() * 100000) / 100 : pick(rand, NUMBERS);
    source.push([
      1000 + r,
      pick(rand, CRM_DATES),
      pick(rand, HOSTILE_NAMES),
      pick(rand, ['a', 'A', 'b', '']),
      pick(rand, STATUSES),
      revenue,
      pick(rand, ['C1', 'C2', 'C3', ' C1', '', 'c1', 'C4', 'C5', 'Ｃ６', '`C2', "'c3"]),
      rand() < 0.6 ? pick(rand, CRM_DATES) : '',
      rand() < 0.5 ? '' : rand() < 0.8 ? Math.round(rand() * 1000) : pick(rand, NUMBERS),
    ]);
  }
  const costs: Matrix = [];
  for (let r = 0; r < rows / 4; r++) {
    const month = 1 + Math.floor(rand() * 12);
    const date = monthlyCosts ? `2026-${String(month).padStart(2, '0')}-01` : pick(rand, DATES);
    costs.push([pick(rand, HOSTILE_NAMES.slice(0, 14)), date, rand() < 0.85 ? Math.round(rand() * 50000) / 100 : pick(rand, NUMBERS)]);
  }
  costs.push(['cost only channel', monthlyCosts ? '2026-02-01' : '2026-02-03', 100]);
  const statusRules: StatusRule[] = [
    { status: 'New', kind: 'stage', stageId: 'leads' },
    { status: 'Qualified', kind: 'stage', stageId: 'sql' },
    { status: 'Meeting', kind: 'stage', stageId: 'meeting' },
    { status: 'Won', kind: 'won' },
    { status: 'Lost', kind: 'lost', stageId: 'sql' },
    { status: 'Spam', kind: 'junk' },
    { status: 'дубль', kind: 'junk' },
    { status: "It's odd", kind: 'stage', stageId: 'meeting' },
    { status: 'won', kind: 'junk' }, // a second rule for the same status: the first one wins
  ];
  const mapping: Mapping = {
    schemaVersion: 2,
    shape: 'crm',
    source: table(roles, 1),
    costs: table(['channel', 'date', 'spend'], 2),
    funnel: [
      { id: 'leads', label: 'Leads' },
      { id: 'sql', label: 'SQL' },
      { id: 'meeting', label: 'Meeting' },
      { id: 'won', label: 'Won' },
    ],
    statusRules,
    options: OPTIONS,
  };
  return { mapping, source, costs };
}
