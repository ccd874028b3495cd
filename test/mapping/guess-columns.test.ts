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
      'channel', 'ignore', 'spend', 'impressions', 'clicks', 'leads', 'revenue', 'date',
    ]);
    expect(roles(['渠道', '日期', '花费', '展现量', '点击', '线索', '成交', '收入'])).toEqual([
      'channel', 'date', 'spend', 'impressions', 'clicks', 'leads', 'customers', 'revenue',
    ]);
    expect(roles(['utm_source', 'Campaign', 'Deal Stage', 'Close Date', 'Customer ID', 'NPS'])).toEqual([
      'channel', 'campaign', 'status', 'close_date', 'customer_id', 'nps',
    ]);
  });

  it('keeps "Cost" and marks "Cost / conv.", CTR, CPC, ROMI, ДРР as ignore', () => {
    expect(roles(['Cost / conv.', 'Cost', 'CTR', 'Avg. CPC', 'ROMI', 'ДРР', 'Conv. rate'])).toEqual([
      'ignore', 'spend', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore',
    ]);
  });

  it('gives each single role to one column only, stage columns to many', () => {
    const g = guessColumns(['Spend', 'Cost', 'MQL', 'SQL', 'Meetings'], []);
    expect(g.filter((x) => x.role === 'spend')).toHaveLength(1);
    expect(g.slice(2).map((x) => [x.role, x.stageId])).toEqual([
      ['stage', 'mql'], ['stage', 'sql'], ['stage', 'meetings'],
    ]);
  });

  it('uses values: a "Source" column of numbers is not a channel', () => {
    const g = guessColumns(['Source', 'Spend'], [[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(g[0].role).not.toBe('channel');
    expect(guessColumns(['Date'], [['soon', 'later']])[0].role).toBe('date');
    expect(g[1]).toMatchObject({ role: 'spend', valueType: 'number' });
  });

  it('gives a "Date" column of non-date text low confidence', () => {
    const good = guessColumns(['Date', 'Spend'], [['2026-01-01', '2026-01-02'], [1, 2]])[0];
    const bad = guessColumns(['Date', 'Spend'], [['soon', 'later'], [1, 2]])[0];
    expect(good).toMatchObject({ role: 'date', valueType: 'date' });
    expect(good.confidence).toBeGreaterThan(0.9);
    expect(bad.confidence).toBeLessThan(0.5);
  });

  it('finds an unlabelled date column from its values', () => {
    const g = guessColumns(['Column A', 'Spend'], [['01.03.2026', '02.03.2026'], [1, 2]]);
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
