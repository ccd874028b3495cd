/** The wizard's pure parts in node: margin input, A1 letters, safe links, funnel edits, the Mapping built, i18n. */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/api/contract.js';
import { issueText, resolveLocale, t, templateParams } from '../../src/core/i18n/index.js';
import { en, enIssues } from '../../src/core/i18n/en.js';
import { ru, ruIssues } from '../../src/core/i18n/ru.js';
import { zh, zhIssues } from '../../src/core/i18n/zh.js';
import { marginToInput, parseMarginInput, safeHttpsUrl } from '../../sidebar/format.js';
import {
  applyCostsDetection,
  applyDetection,
  applySaved,
  buildMapping,
  invalidMetricFields,
  metricsTextOf,
  moveStage,
  parseMetricInput,
  setMetricText,
  syncFunnelWithRole,
  tableState,
  type WizardState,
} from '../../sidebar/model.js';
import { detections } from './fixtures.js';

function freshState(): WizardState {
  return {
    context: null,
    sourceKind: 'sheet',
    warehouse: null,
    dataSources: null,
    source: null,
    costs: null,
    survey: null,
    funnel: [],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 1, currency: 'RUB', dashboardName: 'D', byCampaign: false },
    marginText: '100',
    metricsText: metricsTextOf(undefined),
    issues: [],
    restored: false,
    showSavedProblems: false,
    savedJson: null,
    schedule: null,
  };
}

describe('metrics option inputs', () => {
  it.each([
    ['returnDays', '90', 90],
    ['returnDays', ' 180 ', 180],
    ['halfLifeDays', '3,5', 3.5],
    ['halfLifeDays', '0.5', 0.5],
    ['lifespanYears', '2,5', 2.5],
    ['purchasesPerYear', '12', 12],
    ['lifespanYears', '', null],
  ] as const)('%s: %j → %s', (field, text, expected) => {
    expect(parseMetricInput(field, text)).toBe(expected);
  });
  it.each([
    ['returnDays', '0'],
    ['returnDays', '30.5'],
    ['returnDays', '4000'],
    ['halfLifeDays', '0'],
    ['halfLifeDays', '-7'],
    ['lifespanYears', '2000'],
    ['purchasesPerYear', 'often'],
    ['purchasesPerYear', '=1/0'],
  ] as const)('%s refuses %j', (field, text) => {
    expect(parseMetricInput(field, text)).toBeUndefined();
  });
  it('stores a valid value, drops a blank one, keeps the last valid one while the text is wrong', () => {
    const s = freshState();
    setMetricText(s, 'returnDays', '60');
    expect(s.options.metrics).toEqual({ returnDays: 60 });
    setMetricText(s, 'returnDays', '6o');
    expect(s.options.metrics).toEqual({ returnDays: 60 });
    expect(invalidMetricFields(s)).toEqual(['returnDays']);
    setMetricText(s, 'returnDays', '');
    expect(s.options.metrics).toEqual({});
    expect(invalidMetricFields(s)).toEqual([]);
  });
  it('restores the typed text from a saved mapping', () => {
    expect(metricsTextOf({ attribution: 'linear', halfLifeDays: 3.5, lifespanYears: null })).toEqual({
      halfLifeDays: '3.5',
      returnDays: '',
      lifespanYears: '',
      purchasesPerYear: '',
    });
  });
});

describe('margin input', () => {
  it.each([
    ['40%', 0.4],
    ['40', 0.4],
    ['0,4', 0.4],
    ['0.4', 0.4],
    ['40,5 %', 0.405],
    ['100', 1],
    ['100%', 1],
    ['1', 1],
    ['12.5', 0.125],
    [' 35 ', 0.35],
  ])('%s → %s', (text, expected) => {
    expect(parseMarginInput(text)).toBeCloseTo(expected, 9);
  });
  it.each(['', '0', '0%', '-10', '150', '101%', 'abc', '#N/A', '=1/2', '40%%'])('rejects %j', (text) => {
    expect(parseMarginInput(text)).toBeUndefined();
  });
  it('shows a stored fraction as a percentage', () => {
    expect([marginToInput(1), marginToInput(0.35), marginToInput(0.125)]).toEqual(['100', '35', '12.5']);
  });
});

describe('links', () => {
  it('shows only https links', () => {
    expect(safeHttpsUrl('https://docs.google.com/x')).toBe('https://docs.google.com/x');
    expect(safeHttpsUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpsUrl('http://docs.google.com/x')).toBeUndefined();
    expect(safeHttpsUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeHttpsUrl('not a url')).toBeUndefined();
  });
});

describe('funnel edits', () => {
  it('moves one item and leaves the rest in order', () => {
    expect(moveStage(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveStage(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveStage(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveStage(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  const agg = (): Detection => detections('en')['Ads report'];

  it('drops a stage whose column stops counting, keeping renames and manual order', () => {
    const table = tableState('Ads report', agg());
    const funnel = [
      { id: 'leads', label: 'Sign-ups', column: 4 },
      { id: 'clicks', label: 'Clicks', column: 3 },
      { id: 'customers', label: 'Customers', column: 5 },
    ];
    table.roles[3] = 'ignore'; // Clicks
    expect(syncFunnelWithRole(funnel, table, 3)).toEqual([
      { id: 'leads', label: 'Sign-ups', column: 4 },
      { id: 'customers', label: 'Customers', column: 5 },
    ]);
  });

  it('adds a column that becomes a stage count at its natural place (after leads, before customers)', () => {
    const table = tableState('Ads report', agg());
    const funnel = [
      { id: 'clicks', label: 'Clicks', column: 3 },
      { id: 'leads', label: 'Leads', column: 4 },
      { id: 'customers', label: 'Customers', column: 5 },
    ];
    table.roles[6] = 'stage'; // "Revenue" column, for the sake of the example
    expect(syncFunnelWithRole(funnel, table, 6).map((s) => s.id)).toEqual(['clicks', 'leads', 'stage_6', 'customers']);
    expect(syncFunnelWithRole(funnel, table, 6)[2]).toEqual({ id: 'stage_6', label: 'Revenue', column: 6 });
  });
});

describe('the Mapping sent to the server', () => {
  it('carries the chosen roles, the funnel and the margin as a fraction', () => {
    const state = freshState();
    applyDetection(state, 'Ads report', detections('en')['Ads report']);
    state.source!.roles[6] = 'gross_profit';
    state.marginText = '40%';
    const m = buildMapping(state)!;
    expect(m.source.columns.map((c) => c.role)).toEqual(['date', 'channel', 'spend', 'clicks', 'leads', 'customers', 'gross_profit']);
    expect(m.options.grossMargin).toBe(0.4);
    // The detector saw "$" amounts, which beats the RUB default.
    expect(m.options.currency).toBe('USD');
    expect(m.costs).toBeNull();
    expect(m.statusRules).toEqual([]);
    expect(m.source.headerRow).toBe(3);
  });

  it('keeps the last valid margin while the field holds garbage', () => {
    const state = freshState();
    applyDetection(state, 'Ads report', detections('en')['Ads report']);
    state.marginText = '150';
    expect(buildMapping(state)!.options.grossMargin).toBe(1);
  });

  it('restores saved roles only where position and header still match', () => {
    const d = detections('en')['Ads report'];
    const state = freshState();
    applyDetection(state, 'Ads report', d);
    const saved = buildMapping(state)!;
    const edited = {
      ...saved,
      source: {
        ...saved.source,
        columns: saved.source.columns.map((c) =>
          c.index === 6
            ? { ...c, role: 'gross_profit' as const }
            : c.index === 3
              ? { ...c, header: 'Old clicks', role: 'ignore' as const }
              : c,
        ),
      },
    };
    const restored = freshState();
    applySaved(restored, edited, d, null);
    expect(restored.source!.roles).toEqual(['date', 'channel', 'spend', 'clicks', 'leads', 'customers', 'gross_profit']);
    expect(restored.restored).toBe(true);
  });
});

describe('i18n catalogue', () => {
  const placeholders = templateParams;

  it('ru and zh have the same keys and placeholders as en', () => {
    for (const [name, cat] of [
      ['ru', ru],
      ['zh', zh],
    ] as const) {
      expect(Object.keys(cat).sort(), name).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[])
        expect(placeholders(cat[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
    }
    for (const [name, cat] of [
      ['ru', ruIssues],
      ['zh', zhIssues],
    ] as const) {
      for (const code of Object.keys(enIssues) as (keyof typeof enIssues)[])
        expect(placeholders(cat[code]), `${name} ${code}`).toEqual(placeholders(enIssues[code]));
    }
  });

  it('resolves Apps Script and browser locale tags', () => {
    expect(['ru_RU', 'ru-RU', 'zh_CN', 'zh-Hant-TW', 'EN', 'de', '', undefined].map(resolveLocale)).toEqual([
      'ru',
      'ru',
      'zh',
      'zh',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('localises issues with params, role names included, and falls back to the English message', () => {
    const dup = { severity: 'error' as const, code: 'duplicate_role', message: 'x', params: { role: 'spend', headers: 'Cost, Spend' } };
    expect(issueText('ru', dup)).toBe('Несколько столбцов отмечены как «Расход»: Cost, Spend. Оставьте один.');
    expect(issueText('zh', dup)).toBe('多列被映射为“花费”：Cost, Spend。请只保留一列。');
    expect(issueText('ru', { code: 'brand_new_code', message: 'English text' })).toBe('English text');
    // A template whose param the server did not send falls back rather than showing "{header}".
    expect(issueText('ru', { code: 'column_missing', message: 'Column gone', params: { column: 'G' } })).toBe('Column gone');
    expect(t('en', 'steps.progress', { n: 2, total: 5 })).toBe('Step 2 of 5');
    expect(t('en', 'menu.open')).toBe('Open FunnelROI');
  });
});

describe('currency from the costs sheet', () => {
  it("takes the costs table's currency when the lead export shows none, and never overrides a restored mapping", () => {
    const d = detections('en');
    const state = { ...freshState(), options: { ...freshState().options, currency: 'USD' } };
    applyDetection(state, 'Лиды', d['Лиды']);
    const sourceCurrency = d['Лиды'].notes.find((n) => n.code === 'currency_detected');
    expect(sourceCurrency).toBeUndefined();
    applyCostsDetection(state, 'Расходы', d['Расходы']);
    expect(state.costs?.sheetName).toBe('Расходы');
    expect(state.options.currency).toBe('RUB'); // "Расход, ₽"
    const restored = { ...freshState(), restored: true, options: { ...freshState().options, currency: 'EUR' } };
    applyDetection(restored, 'Лиды', d['Лиды']);
    restored.restored = true;
    applyCostsDetection(restored, 'Расходы', d['Расходы']);
    expect(restored.options.currency).toBe('EUR');
    applyCostsDetection(restored, null, null);
    expect(restored.costs).toBeNull();
  });
});

describe('errorMessage: one clean prefix', () => {
  it('drops Error:/Exception:/FunnelROI: prefixes the server or a stringified Error adds', async () => {
    const { errorMessage } = await import('../../sidebar/api.js');
    expect(errorMessage(new Error('Error: FunnelROI: there is no dashboard to share yet.'))).toBe('there is no dashboard to share yet.');
    expect(errorMessage({ message: 'Exception: Service invoked too many times' })).toBe('Service invoked too many times');
    expect(errorMessage('TypeError: x is not a function')).toBe('x is not a function');
    expect(errorMessage(new Error('Cannot save: Error in row 3'))).toBe('Cannot save: Error in row 3');
  });
});
