import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS_OPTIONS, metricsOptions } from '../../src/core/definitions/rules.js';
import {
  defaultOptions,
  CodedError,
  parseMapping,
  upgradeSaved,
  PROPERTY_VALUE_LIMIT,
  serializeMapping,
  utf8Length,
  type Mapping,
  type StatusRule,
} from '../../src/core/mapping/index.js';

const crm: Mapping = {
  schemaVersion: 2,
  shape: 'crm',
  source: {
    sheetId: 123,
    sheetName: 'Лиды "март"',
    headerRow: 3,
    firstDataRow: 4,
    lastDataRow: null,
    firstColumn: 2,
    lastColumn: 6,
    columns: [
      { index: 0, header: 'ID', role: 'lead_id' },
      { index: 1, header: 'Источник', role: 'channel' },
      { index: 2, header: '=IMPORTXML("x")', role: 'ignore' },
      { index: 4, header: 'Статус', role: 'status' },
    ],
  },
  costs: {
    sheetId: 7,
    sheetName: 'Расходы',
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: 40,
    firstColumn: 1,
    lastColumn: 3,
    columns: [
      { index: 0, header: 'Месяц', role: 'date' },
      { index: 1, header: 'Канал', role: 'channel' },
      { index: 2, header: 'Расход, ₽', role: 'spend' },
    ],
  },
  funnel: [
    { id: 'leads', label: 'Лиды' },
    { id: 'meeting', label: 'Встреча' },
    { id: 'customers', label: 'Клиенты' },
  ],
  statusRules: [
    { status: 'Новый', kind: 'stage', stageId: 'leads' },
    { status: 'Встреча назначена', kind: 'stage', stageId: 'meeting' },
    { status: 'Успешно реализовано', kind: 'won' },
    { status: 'Отказ', kind: 'lost', stageId: 'meeting' },
    { status: 'Спам', kind: 'junk' },
  ],
  options: { ...defaultOptions({ locale: 'ru' }), grossMargin: 0.4, byCampaign: true },
};

const expectCode = (fn: () => unknown, code: string): void => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
    expect((e as CodedError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
};

describe('serializeMapping / parseMapping', () => {
  it('round-trips a CRM mapping exactly, including out-of-order column indexes', () => {
    const json = serializeMapping(crm);
    expect(JSON.parse(json).schemaVersion).toBe(2);
    expect(parseMapping(json)).toEqual(crm);
  });

  it('fits 200 columns and 100 statuses into one 9 KB property', () => {
    const columns = Array.from({ length: 200 }, (_, i) => ({
      index: i,
      header: `Metric column ${i + 1}`,
      role: i % 3 === 0 ? ('ignore' as const) : ('stage' as const),
    }));
    const statusRules: StatusRule[] = Array.from({ length: 100 }, (_, i) => ({
      status: `Status ${i + 1}`,
      kind: 'stage',
      stageId: 'leads',
    }));
    const big: Mapping = { ...crm, source: { ...crm.source, lastColumn: 201, columns }, statusRules };
    const json = serializeMapping(big);
    expect(utf8Length(json)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    const back = parseMapping(json);
    expect(back.statusRules).toEqual(statusRules);
    // Every column that means something survives; only ignored ones may be dropped to save space.
    expect(back.source.columns.filter((c) => c.role !== 'ignore')).toEqual(columns.filter((c) => c.role !== 'ignore'));
  });

  it('gives a clear error when a mapping cannot fit', () => {
    const columns = Array.from({ length: 300 }, (_, i) => ({
      index: i,
      header: `Очень длинное название столбца номер ${i + 1}`,
      role: 'stage' as const,
    }));
    expectCode(() => serializeMapping({ ...crm, source: { ...crm.source, lastColumn: 301, columns } }), 'mapping_too_large');
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Length('aЖ元😀')).toBe(1 + 2 + 3 + 4);
  });

  it.each([
    ['', 'invalid_mapping'],
    ['not json', 'invalid_mapping_json'],
    ['[]', 'invalid_mapping'],
    ['null', 'invalid_mapping'],
    ['{"foo":1}', 'invalid_mapping'],
    ['{"schemaVersion":"1"}', 'invalid_mapping'],
    ['{"schemaVersion":3}', 'mapping_from_newer_version'],
    ['{"schemaVersion":0}', 'invalid_mapping'],
  ])('refuses %j with %s', (json, code) => {
    expectCode(() => parseMapping(json), code);
  });

  it('names the damaged path for a bad role, an extra property or a bad option', () => {
    const good = JSON.parse(serializeMapping(crm)) as Record<string, unknown> & { src: unknown[]; o: unknown[] };
    const badRole = structuredClone(good);
    (badRole.src[7] as unknown[][])[1][1] = 'boss';
    expect(() => parseMapping(JSON.stringify(badRole))).toThrow(/source\.columns\[1\]\.role/);
    expect(() => parseMapping(JSON.stringify({ ...good, evil: true }))).toThrow(/evil: unexpected property/);
    const badOption = structuredClone(good);
    badOption.o[0] = 'day';
    expect(() => parseMapping(JSON.stringify(badOption))).toThrow(/options\.granularity/);
    const proto = JSON.stringify(good).replace('{', '{"__proto__":{"x":1},');
    expect(() => parseMapping(proto)).toThrow(CodedError);
  });

  it('keeps the metrics options the user set; a mapping without them stores no `m` and reads back as defaults', () => {
    expect(JSON.parse(serializeMapping(crm))).not.toHaveProperty('m');
    const metrics = { attribution: 'time_decay', halfLifeDays: 3.5, periodBasis: 'created', returnDays: 60, lifespanYears: null } as const;
    const withMetrics: Mapping = { ...crm, options: { ...crm.options, metrics } };
    const json = serializeMapping(withMetrics);
    // A null field is the default: not stored.
    expect(JSON.parse(json).m).toEqual({ attribution: 'time_decay', halfLifeDays: 3.5, periodBasis: 'created', returnDays: 60 });
    expect(parseMapping(json).options.metrics).toEqual({
      attribution: 'time_decay',
      halfLifeDays: 3.5,
      periodBasis: 'created',
      returnDays: 60,
    });
    expect(parseMapping(serializeMapping(crm)).options.metrics).toBeUndefined();
  });

  it('keeps a survey sheet binding, and names its damaged path', () => {
    const survey = {
      ...crm.costs!,
      sheetId: 9,
      sheetName: 'Опрос NPS',
      columns: [
        { index: 0, header: 'E-mail', role: 'customer_id' as const },
        { index: 2, header: 'Оценка', role: 'nps' as const },
      ],
    };
    const json = serializeMapping({ ...crm, survey });
    expect(parseMapping(json).survey).toEqual(survey);
    expect(parseMapping(serializeMapping(crm)).survey).toBeUndefined();
    const bad = JSON.parse(json) as { sv: unknown[] };
    (bad.sv[7] as unknown[][])[0][2] = 'boss';
    expect(() => parseMapping(JSON.stringify(bad))).toThrow(/survey\.columns\[0\]\.role/u);
  });

  it('refuses hostile stored metrics options, naming the field', () => {
    const good = JSON.parse(serializeMapping(crm)) as Record<string, unknown>;
    const bad: [unknown, RegExp][] = [
      [{ attribution: 'shapley' }, /options\.metrics\.attribution: must be one of last_touch/u],
      [{ periodBasis: 1 }, /options\.metrics\.periodBasis/u],
      [{ returnDays: '90' }, /options\.metrics\.returnDays: must be a number/u],
      [{ halfLifeDays: '=IMPORTXML("x")' }, /options\.metrics\.halfLifeDays/u],
      [{ evil: 1 }, /options\.metrics\.evil: unexpected property/u],
      [[1, 2], /options\.metrics: expected an object/u],
    ];
    for (const [m, message] of bad) expect(() => parseMapping(JSON.stringify({ ...good, m }))).toThrow(message);
  });

  it('reads a version-1 mapping, as the add-on stored it before schema 2, with the metrics defaults', () => {
    // Written by hand in the version-1 form: no `m` (metrics options), no `sv` (survey).
    const v1 = JSON.stringify({
      schemaVersion: 1,
      sh: 'c',
      src: [
        5,
        'Leads',
        1,
        2,
        null,
        1,
        3,
        [
          ['Created', 'd'],
          ['Source', 'ch'],
          ['Status', 'st'],
        ],
      ],
      cst: [
        6,
        'Costs',
        1,
        2,
        null,
        1,
        3,
        [
          ['Month', 'd'],
          ['Channel', 'ch'],
          ['Spend', 'sp'],
        ],
      ],
      f: [
        ['leads', 'Leads'],
        ['won', 'Won'],
      ],
      sr: [
        ['Won', 'w'],
        ['New', 's', 'leads'],
      ],
      o: ['month', 0.3, 'USD', 'FunnelROI dashboard', 0],
    });
    const read = parseMapping(v1);
    expect(read.schemaVersion).toBe(2);
    expect(read.options).toEqual({
      granularity: 'month',
      grossMargin: 0.3,
      currency: 'USD',
      dashboardName: 'FunnelROI dashboard',
      byCampaign: false,
    });
    expect(metricsOptions(read.options.metrics)).toEqual(DEFAULT_METRICS_OPTIONS);
    expect(read.survey).toBeUndefined();
    expect(read.source.columns.map((c) => c.role)).toEqual(['date', 'channel', 'status']);
    // Saved again, it is written as version 2 and reads back the same.
    const again = serializeMapping(read);
    expect(JSON.parse(again).schemaVersion).toBe(2);
    expect(parseMapping(again)).toEqual(read);
    // A version-1 mapping written by the builds that added `m` inside version 1 keeps its options.
    const interim = parseMapping(JSON.stringify({ ...JSON.parse(v1), m: { attribution: 'first_touch' } }));
    expect(interim.options.metrics).toEqual({ attribution: 'first_touch' });
  });

  it('round-trips a version-2 mapping with metrics options and a survey sheet', () => {
    const survey = {
      ...crm.costs!,
      sheetId: 9,
      sheetName: 'NPS <b>',
      columns: [
        { index: 0, header: 'E-mail', role: 'customer_id' as const },
        { index: 1, header: 'Score', role: 'nps' as const },
        { index: 2, header: 'Answered', role: 'date' as const },
      ],
    };
    const v2: Mapping = {
      ...crm,
      options: { ...crm.options, metrics: { attribution: 'time_decay', halfLifeDays: 3.5, periodBasis: 'created', returnDays: 60 } },
      survey,
    };
    const json = serializeMapping(v2);
    expect(JSON.parse(json).schemaVersion).toBe(2);
    expect(parseMapping(json)).toEqual(v2);
    // A mapping from a newer add-on is refused by name, not misread.
    expectCode(() => parseMapping(JSON.stringify({ ...JSON.parse(json), schemaVersion: 3 })), 'mapping_from_newer_version');
  });

  it('runs the migration chain from older schema versions, and fails clearly when a step is missing', () => {
    const v1 = { schemaVersion: 1, name: 'old' };
    const migrations = {
      1: (o: Record<string, unknown>) => ({ ...o, schemaVersion: 2, title: o.name }),
      2: (o: Record<string, unknown>) => ({ schemaVersion: 3, title: String(o.title).toUpperCase() }),
    };
    expect(upgradeSaved(v1, migrations, 3)).toEqual({ schemaVersion: 3, title: 'OLD' });
    expectCode(() => upgradeSaved(v1, { 1: migrations[1] }, 3), 'mapping_no_migration');
    expectCode(
      () =>
        upgradeSaved(
          v1,
          {
            1: () => {
              throw new Error('boom');
            },
          },
          2,
        ),
      'mapping_migration_failed',
    );
    expectCode(() => upgradeSaved(v1, { 1: (o) => o }, 2), 'invalid_mapping');
    expectCode(() => upgradeSaved({ schemaVersion: 4 }, migrations, 3), 'mapping_from_newer_version');
  });
});
