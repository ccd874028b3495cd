import { describe, expect, it } from 'vitest';
import { countStatuses, guessColumns, guessFunnel, guessShape, guessStatusRules } from '../../src/core/mapping/index.js';

describe('status rules', () => {
  it('reads Bitrix24 / amoCRM statuses', () => {
    const rules = guessStatusRules([
      'Новый',
      'В работе',
      'Квалифицирован',
      'Встреча назначена',
      'КП отправлено',
      'Успешно реализовано',
      'Закрыто и не реализовано',
      'Спам',
      'Некачественный лид',
      'Сделка успешна',
      'Отказ',
    ]);
    expect(rules.map((r) => [r.kind, r.stageId ?? ''])).toEqual([
      ['stage', 'leads'],
      ['stage', 'contacted'],
      ['stage', 'qualified'],
      ['stage', 'meeting'],
      ['stage', 'proposal'],
      ['won', ''],
      ['lost', ''],
      ['junk', ''],
      ['junk', ''],
      ['won', ''],
      ['lost', ''],
    ]);
  });

  it('reads English and Chinese statuses', () => {
    const kinds = guessStatusRules([
      'Closed won',
      'Won',
      'Closed lost',
      'Lost',
      'Junk',
      'Spam',
      '成交',
      '赢单',
      '输单',
      '丢单',
      '无效',
      '未成交',
    ]).map((r) => r.kind);
    expect(kinds).toEqual(['won', 'won', 'lost', 'lost', 'junk', 'junk', 'won', 'won', 'lost', 'lost', 'junk', 'lost']);
  });

  it('reads HubSpot internal deal stage ids in pipeline order', () => {
    const ids = [
      'contractsent',
      'appointmentscheduled',
      'closedlost',
      'presentationscheduled',
      'qualifiedtobuy',
      'decisionmakerboughtin',
      'closedwon',
    ];
    const funnel = guessFunnel('crm', [], ids);
    // HubSpot's default pipeline order, independent of the order the values were found in.
    expect(funnel.map((s) => s.label)).toEqual([
      'Leads',
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'Customers',
    ]);
    expect(guessStatusRules(['closedwon', 'closedlost']).map((r) => r.kind)).toEqual(['won', 'lost']);
  });

  it('counts statuses, most frequent first, trimming and skipping blanks', () => {
    expect(countStatuses(['Won', ' Won ', 'Lost', '', null, 'New', 'New', 'New'])).toEqual([
      { status: 'New', count: 3 },
      { status: 'Won', count: 2 },
      { status: 'Lost', count: 1 },
    ]);
  });

  it('builds a CRM funnel leads → stages in pipeline order → customers, with localised labels', () => {
    const f = guessFunnel(
      'crm',
      [],
      ['КП отправлено', 'Новый', 'Встреча назначена', 'Успешно реализовано', 'Спам', 'Непонятный статус'],
      'ru',
    );
    expect(f.map((s) => s.id)).toEqual(['leads', 'meeting', 'proposal', 'customers']);
    expect(f[0].label).toBe('Лиды');
    expect(f[3].label).toBe('Клиенты');
  });
});

describe('shape and aggregated funnel', () => {
  it('aggregated funnel: impressions → clicks → leads → stage columns in sheet order → customers', () => {
    const g = guessColumns(['Channel', 'Customers', 'SQL', 'Leads', 'MQL', 'Clicks', 'Impressions', 'Spend'], []);
    const f = guessFunnel('aggregated', g);
    expect(f.map((s) => [s.id, s.column])).toEqual([
      ['impressions', 6],
      ['clicks', 5],
      ['leads', 3],
      ['sql', 2],
      ['mql', 4],
      ['customers', 1],
    ]);
  });

  it('CRM when there is a status column and an id, aggregated without a status', () => {
    expect(guessShape(guessColumns(['ID', 'Статус', 'Сумма', 'Источник'], []))).toBe('crm');
    expect(guessShape(guessColumns(['Канал', 'Месяц', 'Расход', 'Лиды'], []))).toBe('aggregated');
  });

  it('CRM by the rows: a status that repeats across many rows and few measures', () => {
    const g = guessColumns(['Stage', 'Source', 'Amount'], []);
    const rows = Array.from({ length: 50 }, (_, i) => [['New', 'Won', 'Lost'][i % 3], 'google', 100]);
    expect(guessShape(g, rows)).toBe('crm');
  });
});
