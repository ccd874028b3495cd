/**
 * A handful of customers with multi-touch journeys, as a CRM export (RUB, month periods). Expected figures
 * in the tests that use it are worked out by hand from these rows, in comments beside them.
 *
 * Ann (id A): google 01-01 → vk 01-11 → yandex 01-21, won 1000 closed 02-05; yandex 06-01 won 500 closed 06-10
 *   (a repeat sale 125 days after her previous purchase: a return at N = 90).
 * Bob (id B): vk 01-05 won 300 closed 01-20 (one touch).
 * Cat (no id; e-mail and phone): telegram 02-01 (e-mail only) → google 02-11 (e-mail + phone) won 2000 closed
 *   03-01 → telegram 03-20 (phone only, written differently) won 100 closed 04-01 (repeat after 31 days).
 * A spam lead from Ann's e-mail-less twin on 01-02 (junk: not a touch), and an anonymous won deal (seo, 02-15,
 * 400, closed 02-20) that is a customer of its own.
 * Costs: google 600, vk 900, yandex 300, telegram 800, seo 0 (one row each, January).
 */
import type { ColumnRole, Mapping, TableBinding } from '../../src/core/mapping/types.js';
import type { Matrix } from '../../src/core/values.js';
import { tableBinding } from './table-binding.js';

const roles: ColumnRole[] = ['date', 'channel', 'status', 'revenue', 'close_date', 'customer_id', 'customer_id', 'customer_id'];
const headers = ['Created', 'Source', 'Status', 'Amount', 'Closed', 'Client ID', 'E-mail', 'Phone'];

function table(rs: ColumnRole[], hs: string[], sheetId: number): TableBinding {
  return tableBinding(rs, sheetId, (_, index) => hs[index]);
}

export const journeyMapping = (options: Partial<Mapping['options']> = {}): Mapping => ({
  schemaVersion: 2,
  shape: 'crm',
  source: table(roles, headers, 1),
  costs: table(['date', 'channel', 'spend'], ['Month', 'Channel', 'Spend'], 2),
  funnel: [
    { id: 'leads', label: 'Leads' },
    { id: 'won', label: 'Won' },
  ],
  statusRules: [
    { status: 'new', kind: 'stage', stageId: 'leads' },
    { status: 'won', kind: 'won' },
    { status: 'spam', kind: 'junk' },
  ],
  options: { granularity: 'month', grossMargin: 0.5, currency: 'RUB', dashboardName: 'D', byCampaign: false, ...options },
});

export const journeyRows: Matrix = [
  ['2026-01-01', 'google', 'new', '', '', 'A', '', ''],
  ['2026-01-02', 'vk', 'spam', '', '', '', 'spam@bot.ru', ''],
  ['2026-01-05', 'vk', 'won', 300, '2026-01-20', 'B', '', ''],
  ['2026-01-11', 'vk', 'new', '', '', 'a', '', ''],
  ['2026-01-21', 'yandex', 'won', 1000, '2026-02-05', ' A ', '', ''],
  ['2026-02-01', 'telegram', 'new', '', '', '', ' Cat@Mail.RU ', ''],
  ['2026-02-11', 'google', 'won', '2 000,00', '2026-03-01', '', 'cat@mail.ru', '+7 912 000-11-22'],
  ['2026-02-15', 'seo', 'won', 400, '2026-02-20', '', '', ''],
  ['2026-03-20', 'telegram', 'won', 100, '2026-04-01', '', '', '8 (912) 000 11 22'],
  ['2026-06-01', 'yandex', 'won', 500, '2026-06-10', 'A', '', ''],
];

export const journeyCosts: Matrix = [
  ['2026-01-01', 'google', 600],
  ['2026-01-01', 'vk', 900],
  ['2026-01-01', 'yandex', 300],
  ['2026-01-01', 'telegram', 800],
  ['2026-01-01', 'seo', 0],
];
