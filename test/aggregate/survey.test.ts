/**
 * NPS from a survey sheet joined to the leads' customers (src/core/aggregate/survey.ts), worked by hand:
 * four customers, answers matched by ID and by e-mail written differently, one respondent who is no
 * customer, one unreadable score.
 */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate/index.js';
import { computeInsights } from '../../src/core/analysis/index.js';
import type { ColumnRole, Mapping, TableBinding } from '../../src/core/mapping/types.js';
import type { Matrix } from '../../src/core/values.js';

const table = (sheetName: string, headers: readonly (readonly [string, ColumnRole])[]): TableBinding => ({
  sheetId: sheetName.length,
  sheetName,
  headerRow: 1,
  firstDataRow: 2,
  lastDataRow: null,
  firstColumn: 1,
  lastColumn: headers.length,
  columns: headers.map(([header, role], index) => ({ index, header, role })),
});

const leads: Matrix = [
  // date, channel, status, amount, customer, e-mail
  ['2026-01-05', 'yandex', 'won', 1000, 'C1', 'ivan@mail.ru'],
  ['2026-01-10', 'google', 'won', 2000, 'C2', 'olga@mail.ru'],
  ['2026-02-01', 'vk', 'new', '', 'C3', 'petr@mail.ru'],
  // C1 buys again through google in March: answers after that count for google.
  ['2026-03-01', 'google', 'won', 500, 'C1', 'ivan@mail.ru'],
  ['2026-01-20', 'yandex', 'won', 700, 'C4', 'anna@mail.ru'],
];
const survey: Matrix = [
  // customer, e-mail, score, answered
  ['C1', '', 10, '2026-02-15'], // yandex (C1's deal before the answer was the January yandex one)
  ['', ' IVAN@Mail.ru ', 9, '2026-03-20'], // C1 again, by e-mail: google (the March deal)
  ['C2', '', 3, '2026-02-01'], // google
  ['', 'petr@mail.ru', 6, '2026-02-10'], // C3 never bought: their latest lead's channel, vk
  ['C9', 'stranger@x.ru', 10, '2026-02-02'], // no such customer: counted, reported, not in NPS
  ['C4', '', 'n/a', '2026-02-03'], // no score on the 0–10 scale
  ['', '', '', ''], // blank row
];

const mapping: Mapping = {
  schemaVersion: 2,
  shape: 'crm',
  source: table('Leads', [
    ['Date', 'date'],
    ['Source', 'channel'],
    ['Status', 'status'],
    ['Amount', 'revenue'],
    ['Customer', 'customer_id'],
    ['Email', 'customer_id'],
  ]),
  costs: null,
  funnel: [
    { id: 'leads', label: 'Leads' },
    { id: 'customers', label: 'Customers' },
  ],
  statusRules: [
    { status: 'new', kind: 'stage', stageId: 'leads' },
    { status: 'won', kind: 'won' },
  ],
  options: { granularity: 'month', grossMargin: 1, currency: 'USD', dashboardName: 'D', byCampaign: false },
  survey: table('NPS survey', [
    ['Customer ID', 'customer_id'],
    ['E-mail', 'customer_id'],
    ['How likely…', 'nps'],
    ['Answered', 'date'],
  ]),
};

describe('NPS from a survey sheet', () => {
  const data = aggregate(mapping, leads, undefined, { survey, surveyFirstRowNumber: 2 });
  const b2b = computeInsights(data, 1).b2b!;
  const row = (channel: string, period: string | null = null) => b2b.nps.find((n) => n.channel === channel && n.period === period);

  it('counts the rows: 6 answered, 4 matched, 1 unmatched, 1 unreadable; and says so', () => {
    expect(data.detail!.survey).toEqual({ rows: 6, matched: 4, unmatched: 1, unreadable: 1 });
    const unmatched = data.warnings.find((w) => w.code === 'survey_unmatched')!;
    expect(unmatched.message).toBe('1 of 6 survey answers match no customer of the lead export (C9); they are not in NPS.');
    expect(data.warnings.find((w) => w.code === 'survey_unreadable')?.params).toMatchObject({ count: 1, rows: '7' });
  });

  it('places each answer on its customer’s channel and period, and computes NPS by hand', () => {
    // yandex: 10 (Feb) → 1 promoter of 1 = +100. google: 9 (Mar), 3 (Feb) → (1 − 1) / 2 = 0. vk: 6 → −100.
    expect(row('yandex')).toMatchObject({ answers: 1, promoters: 1, detractors: 0, nps: 100 });
    expect(row('google')).toMatchObject({ answers: 2, promoters: 1, detractors: 1, nps: 0 });
    expect(row('vk')).toMatchObject({ answers: 1, promoters: 0, detractors: 1, nps: -100 });
    expect(row('google', '2026-03')).toMatchObject({ answers: 1, nps: 100 });
    expect(row('google', '2026-02')).toMatchObject({ answers: 1, nps: -100 });
    // Overall: 2 promoters, 2 detractors of 4 answers.
    expect(b2b.npsTotal).toMatchObject({ answers: 4, promoters: 2, detractors: 2, nps: 0 });
  });

  it('without the survey rows nothing is invented', () => {
    const plain = aggregate(mapping, leads);
    expect(plain.detail!.survey).toBeUndefined();
    expect(computeInsights(plain, 1).b2b!.npsTotal).toBeNull();
  });
});
