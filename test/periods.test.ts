/**
 * Periods as values (src/core/periods.ts): month, quarter and ISO-week labels in en/ru/zh spellings are read
 * by one definition that the sniffer and every reader share. The contract the property test enforces:
 * whatever the sniffer calls a date or a period, the aggregator's reader and the CLI's CSV reader can read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/core/aggregate/index.js';
import { dayOrderOf, DateReader } from '../src/core/dates.js';
import { classifyCell, profileColumn } from '../src/core/mapping/index.js';
import { aggregatedMapping } from './support/mappings.js';
import { dataRows, loadSample, mappingFor } from './support/samples.js';
import {
  parsePeriodText,
  periodKey,
  periodKeyOf,
  readTemporal,
  rowDatesOf,
  rowSpan,
  rowSpanEnd,
  namedSpan,
  weekRowKeys,
  weekRowsByStart,
  type Period,
} from '../src/core/periods.js';
import { cellsFromCsv, runReport } from '../src/cli/report.js';
import { datesAfterBuild } from '../src/core/dashboard/dates-after-build.js';

const key = (p: Period | undefined): string | undefined => p && periodKey(p.start, p.granularity);

describe('parsePeriodText: the spellings exports use', () => {
  it.each([
    ['2026-01', '2026-01'],
    ['2026/01', '2026-01'],
    ['2026.1', '2026-01'],
    ['01.2026', '2026-01'],
    ['1/2026', '2026-01'],
    ['2026年1月', '2026-01'],
    ['2026 年 01 月份', '2026-01'],
    ['Январь 2026', '2026-01'],
    ['январь 2026 г.', '2026-01'],
    ['янв. 2026', '2026-01'],
    ['Янв 2026', '2026-01'],
    ['Jan 2026', '2026-01'],
    ['JANUARY 2026', '2026-01'],
    ['Jan-26', '2026-01'],
    ["Sep '25", '2025-09'],
    ['2026 Mar', '2026-03'],
    ['сентябрь 2025', '2025-09'],
    ['мая 2026', '2026-05'],
    ['2026-Q1', '2026-Q1'],
    ['2026 q4', '2026-Q4'],
    ['Q1 2026', '2026-Q1'],
    ['Q2-2026', '2026-Q2'],
    ["Q3'26", '2026-Q3'],
    ['1 кв. 2026', '2026-Q1'],
    ['II квартал 2026', '2026-Q2'],
    ['3-й квартал 2026 г.', '2026-Q3'],
    ['2026年第1季度', '2026-Q1'],
    ['2026年Q2', '2026-Q2'],
    ['2026年四季度', '2026-Q4'],
    ['2026-W05', '2026-W05'],
    ['2026W5', '2026-W05'],
    ['W05 2026', '2026-W05'],
    ['2026年第5周', '2026-W05'],
    ['5 нед. 2026', '2026-W05'],
    ['2026-W53', '2026-W53'],
    // A range of two dates that is exactly one week (Monday–Sunday), month or quarter.
    ['02.03.2026 - 08.03.2026', '2026-W10'],
    ['02.03.2026–08.03.2026', '2026-W10'],
    ['Mar 2, 2026 - Mar 8, 2026', '2026-W10'],
    ['2026年3月2日至2026年3月8日', '2026-W10'],
    ['01.03.2026 по 31.03.2026', '2026-03'],
    ['2026-03-01–2026-03-31', '2026-03'],
    ['March 1, 2026 to March 31, 2026', '2026-03'],
    ['2026-01-01 - 2026-03-31', '2026-Q1'],
    // A week from Sunday (US tools) is keyed by its Sunday here; a weekly report takes the ISO week after.
    ['01.03.2026 - 07.03.2026', '2026-W09'],
  ])('%s → %s', (text, want) => {
    expect(key(parsePeriodText(text))).toBe(want);
  });

  it.each([
    '2026-13',
    '13.2026',
    '2026-Q5',
    'Q0 2026',
    '2025-W53',
    '2026-W54',
    '2026-W00',
    'Jan 26',
    'Janx 2026',
    'Март',
    '2026',
    '2026-01-15',
    '1.5',
    '12345',
    'total 2026',
    '1899-12',
    '02.03.2026 - 09.03.2026', // eight days
    '01.03.2026 - 31.03.2026 10:00',
    '15.03.2026 - 14.04.2026',
    'Google - Search',
  ])('%s is not a period label', (text) => {
    expect(parsePeriodText(text)).toBeUndefined();
  });

  it('property: every month, quarter and week of 1990–2100 reads back in each spelling', () => {
    const en = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const ru = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const want = `${y}-${String(m).padStart(2, '0')}`;
        for (const s of [want, `${y}/${m}`, `${String(m).padStart(2, '0')}.${y}`, `${y}年${m}月`, `${en[m - 1]} ${y}`, `${ru[m - 1]} ${y}`])
          expect(key(parsePeriodText(s)), s).toBe(want);
        const q = Math.ceil(m / 3);
        for (const s of [`${y}-Q${q}`, `Q${q} ${y}`, `${q} кв. ${y}`, `${y}年第${q}季度`])
          expect(key(parsePeriodText(s)), s).toBe(`${y}-Q${q}`);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 }), (day) => {
        const week = periodKey(day * 86_400_000, 'week');
        const p = parsePeriodText(week);
        expect(key(p)).toBe(week);
        expect(day * 86_400_000).toBeGreaterThanOrEqual(p!.start);
        expect(day * 86_400_000).toBeLessThan(p!.end);
      }),
    );
  });

  it('a label fits a report period only when it lies inside one', () => {
    const month = parsePeriodText('2026-02')!;
    expect(periodKeyOf(month, 'month')).toBe('2026-02');
    expect(periodKeyOf(month, 'quarter')).toBe('2026-Q1');
    expect(periodKeyOf(month, 'week')).toBeUndefined();
    expect(periodKeyOf(parsePeriodText('2026-W10')!, 'month')).toBe('2026-03'); // 2–8 March
    expect(periodKeyOf(parsePeriodText('2026-W05')!, 'month')).toBeUndefined(); // 26 Jan – 1 Feb
  });
});

// Cells as exports and Sheets hand them over: date and period spellings, numbers, junk.
const temporalText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }))
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${y}-${m}`,
        `${y}-${String(m).padStart(2, '0')}`,
        `${String(m).padStart(2, '0')}.${y}`,
        `${m}.${y}`,
        `${y}.${m}`,
        `${m}/${y}`,
        `${y}年${m}月`,
        `${y}-Q${m}`,
        `Q${m} ${y}`,
        `${m} кв. ${y}`,
        `${y}-W${String(d).padStart(2, '0')}`,
        `${y}年第${d}周`,
        `${y}-${m}-${d}`,
        `${d}.${m}.${y}`,
        `${y}年${m}月${d}日`,
        `${m}/${d}/${y}`,
        `${y}-${m}-${d} 12:${d + 40}`,
      ),
    ),
  fc
    .tuple(fc.constantFrom('Jan', 'янв.', 'Январь', 'марта', 'Sept', 'Dez', 'Mai'), fc.integer({ min: 0, max: 2300 }))
    .map(([m, y]) => `${m} ${y}`),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }).map(String),
  fc.string({ maxLength: 12 }),
);

describe('the sniffer–reader contract', () => {
  it('property: whatever the sniffer calls a date or period, the aggregator and the CSV reader can read', () => {
    fc.assert(
      fc.property(temporalText, (s) => {
        // The aggregator reads `03/14/2026` in the month/day order its date columns show, as the sniffer does.
        const dates = new DateReader('Europe/Moscow', dayOrderOf([s]));
        const sniffedAsDate = classifyCell(s, true) === 'date' || profileColumn([s, s, s], 'Month').valueType === 'date';
        if (!sniffedAsDate) return;
        expect(readTemporal(s, dates), s).toBeDefined();
        const [[csvCell]] = cellsFromCsv([[s]]);
        expect(readTemporal(csvCell, dates), `CSV cell ${JSON.stringify(csvCell)}`).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('a column of zero-padded or date-headed labels is a date column; plain decimals stay numbers', () => {
    expect(profileColumn(['01.2026', '02.2026', '11.2026', '12.2026']).valueType).toBe('date');
    expect(profileColumn(['1.2026', '2.2026', '11.2026'], 'Период').valueType).toBe('date');
    expect(profileColumn(['1.2026', '2.2026', '11.2026'], 'ROAS').valueType).toBe('number');
    expect(profileColumn(['1,5', '2.25', '3.2026'], 'Месяц').valueType).toBe('number');
  });
});

const monthlyMapping = (granularity: 'week' | 'month' | 'quarter') =>
  aggregatedMapping(
    [
      ['Month', 'date'],
      ['Channel', 'channel'],
      ['Spend', 'spend'],
    ],
    { granularity },
  );

describe('period-label rows in reports', () => {
  const rows = [
    ['2026-01', 'Ads', 100],
    ['2026年2月', 'Ads', 200],
    ['Март 2026', 'SEO', 300],
    ['Apr 2026', 'SEO', 400],
    ['05.2026', 'Ads', 500],
  ];

  it('week ranges: a weekly report takes each; a monthly one skips and reports the week that straddles two months', () => {
    const ranges = [
      ['23.02.2026 - 01.03.2026', 'Ads', 100],
      ['02.03.2026 - 08.03.2026', 'Ads', 200],
    ];
    const weekly = aggregate(monthlyMapping('week'), ranges);
    expect([weekly.periods, weekly.totals.measures.spend]).toEqual([['2026-W09', '2026-W10'], 300]);
    // Sunday to Saturday: the ISO week holding six of its days, in a weekly report; in March, in a monthly one.
    const sunday = [['01.03.2026 - 07.03.2026', 'Ads', 50]];
    expect(aggregate(monthlyMapping('week'), sunday).periods).toEqual(['2026-W10']);
    expect(aggregate(monthlyMapping('month'), sunday).periods).toEqual(['2026-03']);
    const monthly = aggregate(monthlyMapping('month'), ranges);
    expect([monthly.periods, monthly.totals.measures.spend, monthly.skippedRows]).toEqual([['2026-03'], 200, 1]);
    expect(monthly.warnings.map((w) => w.code)).toContain('rows_skipped_period');
  });

  it('each row is assigned to its labelled month, and quarters sum them', () => {
    const month = aggregate(monthlyMapping('month'), rows);
    expect(month.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(month.totals.measures.spend).toBe(1500);
    expect(month.skippedRows).toBe(0);
    expect(month.dateRange).toEqual({ from: '2026-01-01', to: '2026-05-31', last: '2026-05-01' });
    const quarter = aggregate(monthlyMapping('quarter'), rows);
    expect(quarter.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(quarter.rows.find((r) => r.channel === 'Ads')?.byPeriod.map((f) => f.measures.spend)).toEqual([300, 500]);
  });

  it('a month label under weekly periods is reported with its rows, never put in a week', () => {
    const week = aggregate(monthlyMapping('week'), rows);
    expect(week.totals.measures.spend).toBe(0);
    expect(week.skippedRows).toBe(5);
    const w = week.warnings.find((x) => x.code === 'rows_skipped_period');
    expect(w?.params).toMatchObject({ count: 5, rows: '2, 3, 4, 5, 6', column: 'Month' });
  });

  it('CLI: a channel × month CSV with month labels reports per month, not an all-zero table', () => {
    for (const labels of [
      ['2026-01', '2026-02'],
      ['2026年1月', '2026年2月'],
      ['Январь 2026', 'Февраль 2026'],
      ['Jan 2026', 'Feb 2026'],
      ['2026/01', '2026/02'],
      ['01.2026', '02.2026'],
    ]) {
      const csv = [
        'Month,Channel,Spend,Leads,Revenue',
        `${labels[0]},Ads,100,10,500`,
        `${labels[1]},Ads,200,20,900`,
        `${labels[1]},SEO,50,5,100`,
      ].join('\n');
      const report = runReport(csv);
      expect(report.periods, labels[0]).toEqual(['2026-01', '2026-02']);
      expect(report.totals.spend, labels[0]).toBe(350);
      expect(report.totals.revenue, labels[0]).toBe(1500);
      expect(
        report.warnings.filter((w) => w.code.startsWith('rows_skipped')),
        labels[0],
      ).toEqual([]);
    }
  });
});

describe('rowSpan: a row dated by its month or week stands for the whole period', () => {
  const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
  const spanOf = (days: number[]): string => rowSpan(rowDatesOf(days));

  it('every date the 1st of a month → months; one Monday or Sunday weekday two weeks apart → weeks; else days', () => {
    expect(spanOf([day(2026, 10, 1), day(2026, 11, 1), day(2026, 12, 1)])).toBe('month');
    expect(spanOf([day(2026, 11, 1), day(2026, 12, 1)])).toBe('month'); // this month and last
    expect(spanOf([day(2026, 3, 2), day(2026, 3, 9), day(2026, 3, 23)])).toBe('week'); // Mondays, a week missing
    expect(spanOf([day(2026, 3, 1), day(2026, 3, 8), day(2026, 3, 15)])).toBe('week'); // Sundays
    expect(spanOf([day(2026, 3, 4), day(2026, 3, 11), day(2026, 3, 18)])).toBe('day'); // Wednesdays: not a week start
    expect(spanOf([day(2026, 3, 2), day(2026, 3, 9)])).toBe('day'); // two Mondays say too little
    expect(spanOf([day(2026, 11, 1)])).toBe('day');
    expect(spanOf([])).toBe('day');
    expect(spanOf([day(2026, 11, 1), day(2026, 11, 2), day(2026, 12, 1)])).toBe('day');
    // Only the day counts, as in the warehouse (which reads calendar days).
    expect(spanOf([day(2026, 11, 1), day(2026, 12, 1) + 3_600_000])).toBe('month');
  });

  it('the row reaches its period end', () => {
    expect(rowSpanEnd(day(2026, 2, 1), 'month')).toBe(day(2026, 2, 28));
    expect(rowSpanEnd(day(2026, 12, 28), 'week')).toBe(day(2027, 1, 3));
    expect(rowSpanEnd(day(2026, 12, 28), 'day')).toBe(day(2026, 12, 28));
  });

  it('a header that names the span (Month, Неделя, 月份) makes one such date enough; other headers do not', () => {
    expect(['Month', 'месяц', '月份', '月', 'Week', 'Неделя', 'Week (Mon - Sun)', '周'].map(namedSpan)).toEqual([
      'month',
      'month',
      'month',
      'month',
      'week',
      'week',
      'week',
      'week',
    ]);
    expect(['Date', 'Day', 'Month of year', 'Weekday', '日期'].map(namedSpan)).toEqual([null, null, null, null, null]);
    expect(rowSpan(rowDatesOf([day(2026, 11, 1)], 'month'))).toBe('month');
    expect(rowSpan(rowDatesOf([day(2026, 11, 4)], 'week'))).toBe('day'); // a Wednesday starts no week
    expect(rowSpan(rowDatesOf([day(2026, 11, 2)], 'week'))).toBe('week');
    expect(rowSpan(rowDatesOf([day(2026, 11, 2)], 'month'))).toBe('day'); // not a 1st
    expect(rowSpan(rowDatesOf([day(2026, 11, 1)]))).toBe('day');
  });

  it('week rows in a monthly or quarterly report are said to count in the month they start', () => {
    const mondays = rowDatesOf([day(2026, 3, 2), day(2026, 3, 9), day(2026, 3, 30)]);
    expect(weekRowsByStart(mondays, 'month')).toBe(true);
    expect(weekRowsByStart(mondays, 'quarter')).toBe(true);
    expect(weekRowsByStart(mondays, 'week')).toBe(false);
    expect(weekRowsByStart(rowDatesOf([day(2026, 3, 2), day(2026, 3, 3)]), 'month')).toBe(false); // days
    const sheets = loadSample('ad-platform-export-en');
    const noteOf = (granularity: 'week' | 'month') => {
      const mapping = mappingFor(sheets, [1], { granularity });
      return aggregate(mapping, dataRows(sheets[0].rows, mapping.source)).notes.includes('week_rows_by_start');
    };
    expect([noteOf('month'), noteOf('week')]).toEqual([true, false]);
  });

  it('Sunday week rows move to the ISO week holding six of their days, across a 53-week year; nothing else moves', () => {
    const sundays = rowDatesOf([day(2026, 12, 13), day(2026, 12, 20), day(2026, 12, 27), day(2027, 1, 3)]);
    const keys = [day(2026, 12, 13), day(2026, 12, 20), day(2026, 12, 27), day(2027, 1, 3)].map((t) => periodKey(t, 'week'));
    expect(keys).toEqual(['2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    expect(weekRowKeys(keys, sundays, 'week')).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(weekRowKeys(['2026-12'], sundays, 'month')).toEqual(['2026-12']);
    const mondays = rowDatesOf([day(2026, 12, 14), day(2026, 12, 21), day(2026, 12, 28)]);
    expect(weekRowKeys(['2026-W51', '2026-W52', '2026-W53'], mondays, 'week')).toEqual(['2026-W51', '2026-W52', '2026-W53']);
    // Two Sundays a week apart say too little to be weeks: days keep their keys.
    expect(weekRowKeys(['2026-W50'], rowDatesOf([day(2026, 12, 13), day(2026, 12, 20)]), 'week')).toEqual(['2026-W50']);
  });

  it('property: dates on at least two different days of the month and of the week are days', () => {
    const anyDay = fc.integer({ min: day(2000, 1, 1) / 86_400_000, max: day(2100, 1, 1) / 86_400_000 }).map((n) => n * 86_400_000);
    fc.assert(
      fc.property(fc.array(anyDay, { minLength: 2, maxLength: 40 }), (days) => {
        const d = days.map((t) => new Date(t));
        const mixedMonthDays = new Set(d.map((x) => x.getUTCDate())).size > 1;
        const mixedWeekdays = new Set(d.map((x) => x.getUTCDay())).size > 1;
        if (mixedMonthDays && mixedWeekdays) expect(spanOf(days)).toBe('day');
      }),
    );
  });
});

describe('aggregate: a monthly export dated by each month’s first day (Google Ads "Month")', () => {
  const rows = [
    ['2026-10-01', 'Search', 100],
    ['2026-11-01', 'Search', 120],
    ['2026-12-01', 'Search', 40],
  ];
  const m = aggregatedMapping([
    ['Month', 'date'],
    ['Channel', 'channel'],
    ['Cost', 'spend'],
  ]);

  it('holds whole months: its last month is not "incomplete" and the data reaches the month end', () => {
    const a = aggregate(m, rows);
    expect([a.incompletePeriod, a.asOf, a.dateRange?.to]).toEqual([null, '2026-12-31', '2026-12-31']);
  });

  it('taken on 5 December, December is running: incomplete, with data to the build day at most', () => {
    const a = aggregate(m, rows, undefined, { today: '2026-12-05' });
    expect([a.incompletePeriod, a.asOf]).toEqual(['2026-12', '2026-12-05']);
    // Taken in January, December is whole.
    expect(aggregate(m, rows, undefined, { today: '2027-01-05' }).incompletePeriod).toBeNull();
  });

  it('daily rows are read as days, the 1st included', () => {
    const daily = [...rows, ['2026-12-02', 'Search', 5]];
    expect(aggregate(m, daily, undefined, { today: '2027-01-05' })).toMatchObject({ incompletePeriod: '2026-12', asOf: '2026-12-02' });
  });
});

describe('a one-month export (every row dated the 1st) under a "Month" header is a whole month', () => {
  const report = (header: string, today: string) =>
    aggregate(
      aggregatedMapping([
        [header, 'date'],
        ['Channel', 'channel'],
        ['Cost', 'spend'],
      ]),
      [
        ['2026-11-01', 'Search', 10],
        ['2026-11-01', 'Social', 20],
      ],
      undefined,
      { today },
    );

  it.each([
    ['Month', '2026-12-05', null, '2026-11-30'],
    ['Month', '2026-11-24', '2026-11', '2026-11-24'],
    ['Date', '2026-12-05', '2026-11', '2026-11-01'],
  ] as const)('%s, built on %s: incomplete %s, data to %s', (header, today, incomplete, asOf) => {
    expect(report(header, today)).toMatchObject({ incompletePeriod: incomplete, asOf });
  });
});

describe('a month still running on the build day, labelled or dated by its 1st, holds data to that day only', () => {
  const m = aggregatedMapping([
    ['Month', 'date'],
    ['Channel', 'channel'],
    ['Cost', 'spend'],
  ]);
  const report = (dates: readonly string[], today: string) =>
    aggregate(
      m,
      dates.map((d) => [d, 'Search', 10]),
      undefined,
      { today },
    );

  it.each([
    ['labels', ['2026-10', '2026-11']],
    ['first days', ['2026-10-01', '2026-11-01']],
  ] as const)('%s, built on 24 November: November incomplete, data to the 24th, nothing after the build day', (_, dates) => {
    const running = report(dates, '2026-11-24');
    expect([running.incompletePeriod, running.asOf, running.dateRange?.to]).toEqual(['2026-11', '2026-11-24', '2026-11-24']);
    expect(datesAfterBuild(running.dateRange?.last, '2026-11-24T10:00:00Z', 'Etc/UTC')).toBeNull();
    expect(report(dates, '2026-12-02')).toMatchObject({ incompletePeriod: null, asOf: '2026-11-30' });
    // Built before November began, the November row does lie after the build day: that is still said.
    const early = report(dates, '2026-10-20');
    // It names the date the sheet writes (the row's 1st), not the end of the month the row holds.
    expect(datesAfterBuild(early.dateRange?.last, '2026-10-20T10:00:00Z', 'Etc/UTC')).toMatchObject({
      code: 'dates_after_build',
      params: { last: '2026-11-01', today: '2026-10-20' },
    });
    expect(early.dateRange?.to).toBe('2026-11-30');
  });

  it('property: the reach never falls below a date read, and passes the build day only when a row starts after it', () => {
    const dayOf = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 400 }).map(dayOf), // a day
      fc.integer({ min: 0, max: 13 }).map((n) => new Date(Date.UTC(2026, n, 1)).toISOString().slice(0, 10)), // a 1st
      fc.integer({ min: 1, max: 12 }).map((n) => `2026-${String(n).padStart(2, '0')}`), // a label
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 420 }).map(dayOf), (dates, today) => {
        const data = report(dates, today);
        const starts = dates.map((d) => (d.length === 7 ? `${d}-01` : d)).sort();
        const lastDay = dates
          .filter((d) => d.length === 10)
          .sort()
          .at(-1);
        if (lastDay !== undefined) expect(data.asOf! >= lastDay).toBe(true);
        const after = datesAfterBuild(data.dateRange?.last, `${today}T12:00:00Z`, 'Etc/UTC') !== null;
        expect(data.dateRange?.last).toBe(starts[starts.length - 1]);
        expect(after).toBe(starts[starts.length - 1] > today);
      }),
    );
  });
});
