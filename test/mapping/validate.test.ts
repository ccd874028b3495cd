import { describe, expect, it } from 'vitest';
import { defaultOptions, validateMapping, type ColumnRole, type Mapping, type TableBinding } from '../../src/core/mapping/index.js';

function table(headers: [string, ColumnRole][], extra: Partial<TableBinding> = {}): TableBinding {
  return {
    sheetId: 1,
    sheetName: 'Data',
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: null,
    firstColumn: 1,
    lastColumn: headers.length,
    columns: headers.map(([header, role], index) => ({ index, header, role })),
    ...extra,
  };
}

const aggregated: Mapping = {
  schemaVersion: 2,
  shape: 'aggregated',
  source: table([
    ['Channel', 'channel'],
    ['Month', 'date'],
    ['Spend', 'spend'],
    ['Clicks', 'clicks'],
    ['Leads', 'leads'],
    ['Customers', 'customers'],
    ['Revenue', 'revenue'],
  ]),
  costs: null,
  funnel: [
    { id: 'clicks', label: 'Clicks', column: 3 },
    { id: 'leads', label: 'Leads', column: 4 },
    { id: 'customers', label: 'Customers', column: 5 },
  ],
  statusRules: [],
  options: defaultOptions({ locale: 'en' }),
};

const codes = (m: Mapping, h?: string[]): string[] => validateMapping(m, h).map((i) => i.code);
const drop = (m: Mapping, role: ColumnRole): Mapping => ({
  ...m,
  source: { ...m.source, columns: m.source.columns.map((c) => (c.role === role ? { ...c, role: 'ignore' as const } : c)) },
});

describe('validateMapping', () => {
  it('a complete aggregated mapping has no issues', () => {
    expect(validateMapping(aggregated)).toEqual([]);
  });

  it('no spend column: an error naming ROMI, CAC, CPL, CPC and ROAS', () => {
    const issue = validateMapping(drop(aggregated, 'spend')).find((i) => i.code === 'missing_spend');
    expect(issue?.severity).toBe('error');
    expect(issue?.metrics).toEqual(['ROMI', 'CAC', 'CPL', 'CPC', 'ROAS']);
  });

  it('no revenue: ROMI, ROAS, AOV and LTV impossible; no channel: error; no date: warning', () => {
    const rev = validateMapping(drop(aggregated, 'revenue')).find((i) => i.code === 'missing_revenue');
    expect(rev?.metrics).toEqual(['ROMI', 'ROAS', 'AOV', 'LTV']);
    expect(validateMapping(drop(aggregated, 'channel')).find((i) => i.code === 'missing_channel')?.severity).toBe('error');
    expect(validateMapping(drop(aggregated, 'date')).find((i) => i.code === 'missing_date')?.severity).toBe('warning');
  });

  it('CRM without a costs table: a warning; without a won status: a warning; without status: an error', () => {
    const crm: Mapping = {
      ...aggregated,
      shape: 'crm',
      source: table([
        ['ID', 'lead_id'],
        ['Дата', 'date'],
        ['Источник', 'channel'],
        ['Статус', 'status'],
        ['Сумма', 'revenue'],
        ['Клиент', 'customer_id'],
      ]),
      funnel: [
        { id: 'leads', label: 'Лиды' },
        { id: 'customers', label: 'Клиенты' },
      ],
      statusRules: [
        { status: 'Новый', kind: 'stage', stageId: 'leads' },
        { status: 'Успешно', kind: 'won' },
      ],
    };
    expect(codes(crm)).toEqual(['missing_costs_table']);
    expect(validateMapping(crm).find((i) => i.code === 'missing_costs_table')?.severity).toBe('warning');
    expect(codes({ ...crm, statusRules: [{ status: 'Новый', kind: 'stage', stageId: 'leads' }] })).toContain('no_won_status');
    expect(codes(drop(crm, 'status'))).toContain('missing_status');
    expect(
      codes({
        ...crm,
        statusRules: [
          { status: 'X', kind: 'stage', stageId: 'nope' },
          { status: 'Y', kind: 'won' },
        ],
      }),
    ).toContain('unknown_stage');
  });

  it('reports a moved column and a missing column with header and letter', () => {
    const moved = validateMapping(aggregated, ['Month', 'Channel', 'Spend', 'Clicks', 'Leads', 'Customers', 'Revenue']);
    expect(moved.find((i) => i.code === 'column_moved')?.params).toMatchObject({ header: 'Channel', column: 'A', newColumn: 'B' });
    const gone = validateMapping(aggregated, ['Channel', 'Month', 'Cost', 'Clicks', 'Leads', 'Customers', 'Revenue']);
    expect(gone.find((i) => i.code === 'column_missing')?.params).toMatchObject({ header: 'Spend', column: 'C' });
    // Case and spacing changes are the same column.
    expect(codes(aggregated, ['channel', 'Month ', 'SPEND', 'Clicks', 'Leads', 'Customers', 'Revenue'])).toEqual([]);
  });

  it('checks options: margin in (0, 1], non-empty dashboard name, currency code', () => {
    const withOptions = (o: Partial<Mapping['options']>): Mapping => ({ ...aggregated, options: { ...aggregated.options, ...o } });
    expect(codes(withOptions({ grossMargin: 0 }))).toContain('invalid_margin');
    expect(codes(withOptions({ grossMargin: 1.5 }))).toContain('invalid_margin');
    expect(codes(withOptions({ grossMargin: Number.NaN }))).toContain('invalid_margin');
    expect(codes(withOptions({ grossMargin: 0.35 }))).toEqual([]);
    expect(codes(withOptions({ dashboardName: '   ' }))).toContain('empty_dashboard_name');
    expect(codes(withOptions({ currency: 'rubles' }))).toContain('invalid_currency');
  });

  it('catches a role mapped twice and a column outside the table', () => {
    const twice: Mapping = {
      ...aggregated,
      source: table([
        ['Channel', 'channel'],
        ['Spend', 'spend'],
        ['Cost', 'spend'],
        ['Revenue', 'revenue'],
      ]),
      funnel: [],
    };
    expect(codes(twice)).toContain('duplicate_role');
    const outside: Mapping = { ...aggregated, funnel: [{ id: 'leads', label: 'Leads', column: 40 }] };
    expect(codes(outside)).toContain('funnel_column_missing');
  });
});

describe('metrics options', () => {
  const withMetrics = (metrics: Record<string, unknown>): Mapping =>
    ({ ...aggregated, options: { ...aggregated.options, metrics } }) as unknown as Mapping;

  it('accepts the defaults, a chosen model and LTV inputs', () => {
    expect(codes(withMetrics({}))).not.toContain('invalid_metrics_option');
    expect(
      codes(
        withMetrics({
          attribution: 'time_decay',
          halfLifeDays: 14,
          periodBasis: 'created',
          returnDays: 180,
          lifespanYears: 3,
          purchasesPerYear: 2,
        }),
      ),
    ).not.toContain('invalid_metrics_option');
  });

  it('refuses hostile values, one error per field, naming it', () => {
    const issues = validateMapping(
      withMetrics({
        attribution: '<img src=x onerror=alert(1)>',
        returnDays: 0,
        halfLifeDays: -1,
        lifespanYears: 1e9,
        purchasesPerYear: 'lots',
        x: 1,
      }),
    ).filter((i) => i.code === 'invalid_metrics_option');
    expect(issues.map((i) => [i.severity, i.params?.field])).toEqual([
      ['error', 'attribution'],
      ['error', 'returnDays'],
      ['error', 'halfLifeDays'],
      ['error', 'lifespanYears'],
      ['error', 'purchasesPerYear'],
      ['error', 'x'],
    ]);
    expect(issues[1].message).toBe('Metrics option returnDays cannot be 0; allowed: 1…3660.');
  });
});
