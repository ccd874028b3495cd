/**
 * The metrics options saved in the mapping, through the built dist/Code.js in a bare V8 context: Save
 * keeps them (and refuses hostile ones, naming the field), getContext restores them, and every build —
 * the sidebar's Build, the menu's Refresh and the scheduled rebuild — computes the dashboard with them.
 */
import { describe, expect, it } from 'vitest';
import type { Detection, SidebarContext } from '../../src/api/contract.js';
import { MAPPING_PROPERTY_KEY } from '../../src/adapter/mapping-store.js';
import { ATTRIBUTION_MODELS, type AttributionModel, type MetricsOptions } from '../../src/core/definitions/index.js';
import { modelName } from '../../src/core/i18n/metrics.js';
import { defaultMapping, serializeMapping, type Mapping } from '../../src/core/mapping/index.js';
import type { CellValue } from '../../src/core/values.js';
import { createSession, type LocalSession } from '../../local/server/session.js';

function run(session: LocalSession, fn: string, ...args: unknown[]): { ok: boolean; value?: unknown; error?: string } {
  return session.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
}

function crmMapping(s: LocalSession, metrics?: Partial<MetricsOptions>): Mapping {
  const leads = run(s, 'detect', 'Лиды').value as Detection;
  const costs = run(s, 'detect', 'Расходы').value as Detection;
  const m = defaultMapping(leads, { costs: costs.table });
  return metrics ? { ...m, options: { ...m.options, metrics } } : m;
}

function dashboard(s: LocalSession): CellValue[][] {
  const name = s.workbook.sheetNames().find((n) => n !== 'Лиды' && n !== 'Расходы');
  if (!name) throw new Error('no dashboard was built');
  return s.workbook.snapshot(name).values as CellValue[][];
}

/** The overview table: customers and revenue per channel, found by its header row (the first with both). */
function channelTable(values: CellValue[][]): Map<string, { customers: number; revenue: number }> {
  const head = values.findIndex((r) => r[0] === 'Канал' && r.includes('Клиенты') && r.includes('Выручка'));
  const cCol = values[head].indexOf('Клиенты');
  const rCol = values[head].indexOf('Выручка');
  const out = new Map<string, { customers: number; revenue: number }>();
  for (let i = head + 1; values[i][0] !== 'Итого'; i++)
    out.set(String(values[i][0]), { customers: Number(values[i][cCol]), revenue: Number(values[i][rCol]) });
  return out;
}

/** The model comparison block's columns for one model (its name heads three columns: customers, revenue, ROMI). */
function comparisonColumn(values: CellValue[][], model: AttributionModel): Map<string, { customers: number; revenue: number }> {
  const names = values.findIndex((r) => r.includes(modelName('ru', 'last_touch')) && r.includes(modelName('ru', 'linear')));
  const col = values[names].indexOf(modelName('ru', model));
  const out = new Map<string, { customers: number; revenue: number }>();
  for (let i = names + 2; values[i][0] !== '' && values[i][0] !== null; i++)
    out.set(String(values[i][0]), { customers: Number(values[i][col]), revenue: Number(values[i][col + 1]) });
  return out;
}

function definitionOfCredit(values: CellValue[][]): string {
  return String(values.flat().find((v) => typeof v === 'string' && v.startsWith('Распределение:')) ?? '');
}

function expectBuiltWith(values: CellValue[][], model: AttributionModel): void {
  expect(definitionOfCredit(values)).toContain(`по модели атрибуции (${modelName('ru', model)})`);
  const table = channelTable(values);
  const compared = comparisonColumn(values, model);
  expect([...table.keys()].sort()).toEqual([...compared.keys()].sort());
  for (const [channel, row] of table) {
    expect(row.customers, channel).toBeCloseTo(compared.get(channel)!.customers, 6);
    expect(row.revenue, channel).toBeCloseTo(compared.get(channel)!.revenue, 2);
  }
}

describe('metrics options in the saved mapping', () => {
  it('Save keeps them, getContext restores them, and the sidebar Build computes with the chosen model', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    const metrics = { attribution: 'linear', periodBasis: 'created', returnDays: 30 } as const;
    expect(run(s, 'saveMapping', crmMapping(s, metrics)).ok).toBe(true);
    expect((run(s, 'getContext').value as SidebarContext).saved?.options.metrics).toEqual(metrics);
    expect(run(s, 'buildDashboard').ok).toBe(true);
    const linear = dashboard(s);
    expectBuiltWith(linear, 'linear');
    expect(linear.flat()).toContain(
      'Периоды — по дате создания лида (когортный взгляд): выручка сделки относится к периоду, когда пришёл лид.',
    );

    // The same data under the default model gives other channel figures: the option is what changed them.
    const plain = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    run(plain, 'saveMapping', crmMapping(plain));
    run(plain, 'buildDashboard');
    const last = dashboard(plain);
    expectBuiltWith(last, 'last_touch');
    expect(channelTable(last).get('vk')!.revenue).not.toBeCloseTo(channelTable(linear).get('vk')!.revenue, 0);
  });

  it('the menu Refresh and the scheduled rebuild use the saved model too', () => {
    for (const model of ['first_touch', 'position_based'] as const) {
      const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
      expect(run(s, 'saveMapping', crmMapping(s, { attribution: model })).ok).toBe(true);
      run(s, 'refreshDashboard');
      expect(s.state().alerts).toEqual([]);
      expectBuiltWith(dashboard(s), model);
    }
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    run(s, 'saveMapping', crmMapping(s, { attribution: 'time_decay', halfLifeDays: 2 }));
    expect(run(s, 'setSchedule', 'daily').ok).toBe(true);
    const trigger = s.workbook.triggers()[0];
    const fired = s.workbook.asClockExecution(() => s.run('scheduledRebuild', [{ triggerUid: trigger.uid, authMode: 'FULL' }]));
    expect(fired.ok).toBe(true);
    expectBuiltWith(dashboard(s), 'time_decay');
  });

  it('Save refuses hostile options naming the field; a stored one is refused by Refresh with the same words', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    // Out of range: refused by the validation Save and every build share. Not even the right type: refused by
    // the strict parser the sidebar's mapping goes through first. Either way the field is named.
    const hostile: [Record<string, unknown>, RegExp][] = [
      [{ returnDays: 0 }, /Metrics option returnDays cannot be 0; allowed: 1…3660\./u],
      [{ lifespanYears: 1e9 }, /Metrics option lifespanYears cannot be 1000000000; allowed: 0 < x ≤ 100\./u],
      [{ halfLifeDays: -1 }, /Metrics option halfLifeDays cannot be -1/u],
      [
        { attribution: '<img src=x onerror=alert(1)>' },
        /повреждена \(options\.metrics\.attribution: допустимо одно из last_touch, .*mapping_malformed/u,
      ],
      [{ halfLifeDays: 'a week' }, /повреждена \(options\.metrics\.halfLifeDays: нужно число\).*mapping_malformed/u],
      [{ shapley: true }, /повреждена \(options\.metrics\.shapley: лишнее свойство\).*mapping_malformed/u],
    ];
    for (const [metrics, message] of hostile) {
      const saved = run(s, 'saveMapping', crmMapping(s, metrics as Partial<MetricsOptions>));
      expect(saved.ok, String(message)).toBe(false);
      expect(saved.error).toMatch(message);
    }
    expect(s.workbook.peekProperties('document')).toEqual({});

    // Written by hand (or by an older script) past Save: the build refuses it the same way.
    const props = s.workbook.services.PropertiesService.getDocumentProperties();
    props.setProperty(MAPPING_PROPERTY_KEY, serializeMapping(crmMapping(s, { returnDays: -3 })));
    run(s, 'refreshDashboard');
    expect(s.state().alerts.at(-1)).toContain('Параметр метрик returnDays не может быть -3; допустимо: 1…3660.');
    const raw = JSON.parse(serializeMapping(crmMapping(s))) as Record<string, unknown>;
    props.setProperty(MAPPING_PROPERTY_KEY, JSON.stringify({ ...raw, m: { attribution: 'shapley' } }));
    run(s, 'refreshDashboard');
    expect(s.state().alerts.at(-1)).toContain('options.metrics.attribution');
    expect(s.workbook.sheetNames()).toEqual(['Лиды', 'Расходы']);
  });

  it('every model is accepted by Save', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    for (const model of ATTRIBUTION_MODELS) expect(run(s, 'saveMapping', crmMapping(s, { attribution: model })).ok, model).toBe(true);
  });
});
