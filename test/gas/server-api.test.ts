/**
 * The sidebar's server API and the menu actions, called as google.script.run and the menu call them: as
 * top-level functions of the built dist/Code.js loaded into a bare V8 context against the local runtime.
 * Arguments go through a JSON round trip, like google.script.run's serialisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { BuildResult, Detection, ShareResult, SidebarContext, ValidationIssue, WizardOpening } from '../../src/api/contract.js';
import { defaultMapping, type Mapping } from '../../src/core/mapping/index.js';
import { MAPPING_PROPERTY_KEY } from '../../src/adapter/mapping-store.js';
import { createSession, type LocalSession } from '../../local/server/session.js';

function ok<T>(session: LocalSession, fn: string, ...args: unknown[]): T {
  const res = session.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn} failed: ${res.error}`);
  return res.value as T;
}

function fails(session: LocalSession, fn: string, ...args: unknown[]): string {
  const res = session.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (res.ok) throw new Error(`${fn} unexpectedly succeeded`);
  return res.error ?? '';
}

function mappingFor(session: LocalSession, sheet: string, costsSheet?: string): Mapping {
  const detection = ok<Detection>(session, 'detect', sheet);
  const costs = costsSheet ? ok<Detection>(session, 'detect', costsSheet).table : null;
  return defaultMapping(detection, { costs });
}

describe('onOpen (menu)', () => {
  it('builds the add-on menu only, in the user locale, without reading document data', () => {
    const en = createSession({ samples: ['channel-monthly-zh'] });
    const menu = en.state().menu;
    expect(menu?.title).toBe('FunnelROI');
    expect(menu?.items.filter((i) => i.functionName).map((i) => [i.caption, i.functionName])).toEqual([
      ['Open FunnelROI', 'showSidebar'],
      ['Refresh dashboard', 'refreshDashboard'],
      ['Share report (values only)', 'shareDashboard'],
    ]);
    const ru = createSession({ samples: ['channel-monthly-zh'], userLocale: 'ru' });
    expect(ru.state().menu?.items[0].caption).toBe('Открыть FunnelROI');
    const zh = createSession({ samples: ['channel-monthly-zh'], userLocale: 'zh-CN' });
    expect(zh.state().menu?.items[0].caption).toBe('打开 FunnelROI');

    en.workbook.calls.reset();
    ok(en, 'onOpen', { authMode: 'NONE' });
    const touched = [...en.workbook.calls.byMethod.keys()];
    expect(touched.filter((m) => /Properties|getRange|getValues|getSheets/u.test(m))).toEqual([]);
  });
});

describe('getContext / detect', () => {
  it('lists the sheets, the active one and default options in the user locale', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.locale).toBe('ru');
    expect(ctx.activeSheetName).toBe('Лиды');
    expect(ctx.sheets.map((x) => [x.name, x.isDashboard])).toEqual([
      ['Лиды', false],
      ['Расходы', false],
    ]);
    expect(ctx.saved).toBeNull();
    expect(ctx.defaultOptions.currency).toBe('RUB');
  });

  it('the default currency follows the spreadsheet locale, not the UI language', () => {
    const ruSheetEnUser = createSession({ samples: ['crm-leads-ru'], userLocale: 'en' });
    expect(ruSheetEnUser.workbook.spreadsheet.getSpreadsheetLocale()).toBe('ru_RU');
    expect(ok<SidebarContext>(ruSheetEnUser, 'getContext').defaultOptions.currency).toBe('RUB');
    const zhSheetRuUser = createSession({ samples: ['channel-monthly-zh'], userLocale: 'ru', spreadsheetLocale: 'zh_CN' });
    expect(ok<SidebarContext>(zhSheetRuUser, 'getContext').defaultOptions).toMatchObject({
      currency: 'CNY',
      dashboardName: 'Дашборд FunnelROI',
    });
  });

  it('openWizard: the context and the detections the sidebar opens on, in one call', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    const opening = ok<WizardOpening>(s, 'openWizard');
    // The Options step's schedule comes with it: no getSchedule round trip when the sidebar opens.
    expect(opening.schedule).toEqual({ interval: 'off' });
    expect(opening.context).toEqual(ok<SidebarContext>(s, 'getContext'));
    // A CRM export on the active sheet, and the costs sheet its name gives away.
    expect(opening.detections.map((d) => [d.sheetName, d.detection.shape])).toEqual([
      ['Лиды', 'crm'],
      ['Расходы', 'aggregated'],
    ]);
    expect(opening.detections[0].detection).toEqual(ok<Detection>(s, 'detect', 'Лиды'));
    // With a saved mapping, the saved sheets are the ones detected.
    const ads = createSession({ samples: ['ad-platform-export-en'] });
    ok(ads, 'saveMapping', mappingFor(ads, 'Ads export'));
    expect(ok<WizardOpening>(ads, 'openWizard').detections.map((d) => d.sheetName)).toEqual(['Ads export']);
  });

  it('detects the region and roles of each sample sheet, with the real sheet id and name', () => {
    const s = createSession();
    const sheets = s.workbook.sheets();
    const ads = ok<Detection>(s, 'detect', 'Ads export');
    expect(ads.table.sheetId).toBe(sheets.find((x) => x.name === 'Ads export')?.sheetId);
    expect(ads.table.sheetName).toBe('Ads export');
    expect(ads.shape).toBe('aggregated');
    expect(ads.table.headerRow).toBe(3); // a title row and a blank row above the headers
    const roles = Object.fromEntries(ads.columns.map((c) => [c.header, c.role]));
    expect(roles).toMatchObject({ Date: 'date', Channel: 'channel' });
    const crm = ok<Detection>(s, 'detect', 'Лиды');
    expect(crm.shape).toBe('crm');
    expect(crm.statuses.length).toBeGreaterThan(3);
    expect(ok<Detection>(s, 'detect', '渠道月报').columns.some((c) => c.role === 'spend')).toBe(true);
  });

  it('says which sheet is missing or empty', () => {
    const s = createSession({ samples: ['channel-monthly-zh'] });
    expect(fails(s, 'detect', 'Nope')).toContain('no sheet named "Nope"');
    s.workbook.addSheetFromRows('Empty', []);
    expect(fails(s, 'detect', 'Empty')).toContain('"Empty" is empty');
  });

  it('keeps hostile header text as data (the detection is plain JSON text)', () => {
    const s = createSession({ samples: ['channel-monthly-zh'] });
    s.workbook.addSheetFromRows('Hostile', [
      ['Date', '<img src=x onerror=alert(1)>', 'Spend', 'Revenue'],
      ['2026-01-01', '=IMPORTXML("http://x","//a")', 100, 300],
      ['2026-02-01', '+cmd', 200, 100],
    ]);
    const d = ok<Detection>(s, 'detect', 'Hostile');
    expect(d.columns.map((c) => c.header)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('saveMapping / getContext round trip', () => {
  it('saves to document properties and reloads the same mapping, including a changed guess', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    const m = mappingFor(s, 'Ads export');
    const changed: Mapping = {
      ...m,
      source: { ...m.source, columns: m.source.columns.map((c) => (c.role === 'revenue' ? { ...c, role: 'gross_profit' as const } : c)) },
      options: { ...m.options, grossMargin: 0.4, granularity: 'quarter' },
    };
    const issues = ok<ValidationIssue[]>(s, 'saveMapping', changed);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(Object.keys(s.workbook.peekProperties('document'))).toEqual([MAPPING_PROPERTY_KEY]);
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.saved).toEqual(changed);
    expect(ctx.savedProblems).toEqual([]);
  });

  it('refuses a mapping with an error, says why, and keeps the previous one', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    const m = mappingFor(s, 'Ads export');
    ok(s, 'saveMapping', m);
    const before = s.workbook.peekProperties('document')[MAPPING_PROPERTY_KEY];
    const noChannel: Mapping = {
      ...m,
      source: { ...m.source, columns: m.source.columns.map((c) => (c.role === 'channel' ? { ...c, role: 'ignore' as const } : c)) },
    };
    expect(fails(s, 'saveMapping', noChannel)).toContain('No channel/source column');
    expect(s.workbook.peekProperties('document')[MAPPING_PROPERTY_KEY]).toBe(before);
  });

  it('refuses a table on one of its own dashboards (a hand-made mapping; the wizard never offers them)', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    const m = mappingFor(s, 'Ads export');
    ok(s, 'saveMapping', m);
    const built = ok<BuildResult>(s, 'buildDashboard');
    const dashboard = ok<Detection>(s, 'detect', built.sheetName);
    const onDashboard: Mapping = { ...m, source: { ...m.source, sheetId: dashboard.table.sheetId, sheetName: built.sheetName } };
    expect(fails(s, 'saveMapping', onDashboard)).toContain('dashboard sheet itself');
  });

  it('rejects malformed mappings from the client with a clear error', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    expect(fails(s, 'saveMapping', null)).toContain('no mapping');
    expect(fails(s, 'saveMapping', { schemaVersion: 1, shape: 'aggregated' })).toContain('malformed');
    expect(fails(s, 'validate', 'DROP TABLE')).toContain('no mapping');
    expect(s.workbook.peekProperties('document')).toEqual({});
  });

  it('reports a saved mapping that no longer fits the sheet (a deleted column)', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    ok(s, 'saveMapping', mappingFor(s, 'Ads export'));
    s.workbook.spreadsheet.getSheetByName('Ads export')?.deleteColumn(2);
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.saved).not.toBeNull();
    expect(ctx.savedProblems.length).toBeGreaterThan(0);
    expect(ctx.savedProblems.every((p) => p.severity === 'error')).toBe(true);
    // The menu's Refresh says so too, in an alert, and builds nothing.
    ok(s, 'refreshDashboard');
    const { alerts } = s.state();
    expect(alerts.at(-1)).toMatch(/FunnelROI could not finish/u);
    expect(s.workbook.sheetNames()).toEqual(['Ads export']);
  });

  it('reports a saved mapping whose sheet was deleted', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    ok(s, 'saveMapping', mappingFor(s, 'Ads export'));
    s.workbook.addSheetFromRows('Other', [['x']]);
    const gone = s.workbook.spreadsheet.getSheetByName('Ads export');
    if (gone) s.workbook.spreadsheet.deleteSheet(gone);
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.savedProblems.map((p) => [p.code, p.params?.sheet])).toEqual([['sheet_missing', 'Ads export']]);
    expect(fails(s, 'buildDashboard')).toContain('no longer exists');
  });

  it('reports an unreadable saved mapping instead of guessing', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    s.workbook.services.PropertiesService.getDocumentProperties().setProperty(MAPPING_PROPERTY_KEY, '{"schemaVersion":99}');
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.saved).toBeNull();
    expect(ctx.savedProblems.map((p) => p.code)).toEqual(['mapping_unreadable']);
    expect(fails(s, 'buildDashboard')).toContain('cannot be read');
  });
});

describe('buildDashboard / refreshDashboard / shareReport', () => {
  it('builds from the saved mapping, rebuilds in place from the menu, and marks the dashboard in getContext', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    expect(fails(s, 'buildDashboard')).toContain('сопоставления');
    ok(s, 'saveMapping', mappingFor(s, 'Лиды', 'Расходы'));
    const built = ok<BuildResult>(s, 'buildDashboard');
    expect(built.channels).toBe(6);
    expect(built.periods).toBe(12);
    expect(built.sourceRows).toBe(3200);
    const names = s.workbook.sheetNames();
    expect(names).toContain(built.sheetName);

    ok(s, 'refreshDashboard');
    expect(s.workbook.sheetNames()).toEqual(names); // rebuilt in place, not a second tab
    expect(s.state().toasts.at(-1)).toContain(built.sheetName);
    const ctx = ok<SidebarContext>(s, 'getContext');
    expect(ctx.sheets.filter((x) => x.isDashboard).map((x) => x.name)).toEqual([built.sheetName]);
  });

  it('menu Refresh without a saved mapping explains what to do', () => {
    const s = createSession({ samples: ['channel-monthly-zh'] });
    ok(s, 'refreshDashboard');
    expect(s.state().alerts).toEqual(['No saved mapping in this spreadsheet yet. Open FunnelROI and map your columns first.']);
  });

  it('shares a values-only copy: no source data, no formulas, labels kept as text', () => {
    const s = createSession({ samples: ['channel-monthly-zh'] });
    expect(fails(s, 'shareReport')).toContain('no dashboard to share');
    // A hostile channel name in the source must stay text in the dashboard and in the copy.
    const src = s.workbook.spreadsheet.getSheetByName('渠道月报');
    const channelCol = ok<Detection>(s, 'detect', '渠道月报').columns.find((c) => c.role === 'channel');
    if (!src || !channelCol) throw new Error('sample changed');
    src.getRange(2, channelCol.index + 1).setValue('\'=IMPORTXML("http://evil","//a")');
    ok(s, 'saveMapping', mappingFor(s, '渠道月报'));
    const built = ok<BuildResult>(s, 'buildDashboard');
    const shared = ok<ShareResult>(s, 'shareReport');
    const copies = s.workbook.createdSpreadsheets();
    expect(copies).toHaveLength(1);
    expect(shared.url).toBe(copies[0].url);
    expect(copies[0].sheetNames()).toEqual([built.sheetName]);
    const copy = copies[0].snapshot(built.sheetName);
    const original = s.workbook.snapshot(built.sheetName);
    expect(copy.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(copy.values.flat().filter((v) => v !== '').length).toBeGreaterThan(50);
    // Every value of the dashboard arrives as the value it computed to.
    for (let r = 0; r < original.values.length; r++) {
      for (let c = 0; c < original.values[r].length; c++) expect(copy.values[r]?.[c], `R${r + 1}C${c + 1}`).toEqual(original.values[r][c]);
    }
    expect(copy.values.flat()).toContain('=IMPORTXML("http://evil","//a")');
    // It reads like the original: formats, notes, widths, frozen rows, sign colours and charts.
    expect(copy.numberFormats).toEqual(original.numberFormats);
    expect(copy.notes).toEqual(original.notes);
    expect(copy.notes.flat().filter((n) => n !== '').length).toBeGreaterThan(5);
    expect(copy.columnWidths).toEqual(original.columnWidths);
    expect(copy.frozenRows).toBe(original.frozenRows);
    expect(copy.frozenColumns).toBe(original.frozenColumns);
    expect(original.frozenColumns).toBeGreaterThan(0);
    expect(copy.merges).toEqual(original.merges);
    expect(copy.fontWeights).toEqual(original.fontWeights);
    expect(copy.backgrounds).toEqual(original.backgrounds);
    expect(original.conditional.flat().filter((c) => c !== null).length).toBeGreaterThan(0);
    expect(copy.conditional).toEqual(original.conditional);
    expect(original.charts.length).toBeGreaterThanOrEqual(3);
    expect(copy.charts.map((c) => [c.type, c.options.title, c.ranges.map((r) => r.a1), c.position])).toEqual(
      original.charts.map((c) => [c.type, c.options.title, c.ranges.map((r) => r.a1), c.position]),
    );
    expect(copy.charts.map((c) => c.ranges.map((r) => r.values))).toEqual(original.charts.map((c) => c.ranges.map((r) => r.values)));
    // Chart options the API can carry arrive intact: legend, axis titles, data labels, clipped axes, size.
    const carried = (o: Readonly<Record<string, unknown>>) =>
      Object.fromEntries(
        Object.entries(o).filter(([k]) =>
          /^(title|legend|width|height|[hv]Axis\.(title|viewWindow\..*)|series\.\d+\.(dataLabel|color))$/u.test(k),
        ),
      );
    expect(copy.charts.map((c) => carried(c.options))).toEqual(original.charts.map((c) => carried(c.options)));
    expect(copy.charts.map((c) => c.numHeaders)).toEqual(original.charts.map((c) => Math.max(0, c.numHeaders)));
  });

  it('makes the copy through the Sheets advanced service under spreadsheets.currentonly + drive.file', () => {
    // The manifest no longer asks for the full `spreadsheets` scope: SpreadsheetApp.create is refused,
    // as Apps Script refuses a call whose scope was not granted; the share path never calls it.
    const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as {
      oauthScopes: string[];
      dependencies: { enabledAdvancedServices: { userSymbol: string; version: string }[] };
    };
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/drive.file']),
    );
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      expect.objectContaining({ userSymbol: 'Sheets', version: 'v4' }),
      // Warehouse mode only (test/gas/warehouse.test.ts).
      expect.objectContaining({ userSymbol: 'BigQuery', version: 'v2' }),
    ]);
    const s = createSession({ samples: ['channel-monthly-zh'] });
    expect(() => s.workbook.services.SpreadsheetApp.create('x')).toThrow(
      /Required permissions: https:\/\/www\.googleapis\.com\/auth\/spreadsheets$/u,
    );
    ok(s, 'saveMapping', mappingFor(s, '渠道月报'));
    ok(s, 'buildDashboard');
    s.workbook.calls.reset();
    ok(s, 'shareReport');
    const calls = Object.fromEntries([...s.workbook.calls.byMethod].filter(([name]) => name.startsWith('Sheets.')));
    expect(calls).toEqual({
      'Sheets.Spreadsheets.create': 1,
      'Sheets.Spreadsheets.Values.batchUpdate': 1,
      'Sheets.Spreadsheets.batchUpdate': 1,
    });
    expect(s.workbook.calls.count('SpreadsheetApp.create')).toBe(0);
  });

  it('the local Sheets API refuses request kinds it does not implement, before applying any', () => {
    const s = createSession({ samples: ['channel-monthly-zh'] });
    const api = s.workbook.services.Sheets!;
    const { spreadsheetId } = api.Spreadsheets.create({ properties: { title: 'x' } });
    expect(() =>
      api.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateSheetProperties: {
                properties: { sheetId: 0, gridProperties: { frozenRowCount: 2 } },
                fields: 'gridProperties.frozenRowCount',
              },
            },
            { sortRange: {} },
          ],
        },
        spreadsheetId!,
      ),
    ).toThrow(/"sortRange" is not implemented/u);
    expect(s.workbook.createdSpreadsheets()[0].snapshot('Sheet1').frozenRows).toBe(0);
  });
});

describe('scheduled rebuild (installable time-driven trigger)', () => {
  it('is set and removed by its owner, fires with no open document, and rebuilds from the saved mapping', () => {
    const s = createSession({ samples: ['channel-monthly-zh'], userLocale: 'ru' });
    expect(ok<{ interval: string }>(s, 'getSchedule')).toEqual({ interval: 'off' });
    // No saved mapping yet: nothing to rebuild, so no trigger.
    expect(fails(s, 'setSchedule', 'daily')).toContain('Сначала сохраните разметку');
    expect(s.workbook.triggers()).toEqual([]);
    ok(s, 'saveMapping', mappingFor(s, '渠道月报'));
    expect(ok(s, 'setSchedule', 'hourly')).toEqual({ interval: 'hourly' });
    expect(ok(s, 'setSchedule', 'daily')).toEqual({ interval: 'daily' });
    // Switching replaces the trigger: one per user and spreadsheet, owned by the user who set it.
    const triggers = s.workbook.triggers();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'scheduledRebuild', owner: 'me@example.com', everyDays: 1, atHour: 6 });
    expect(ok(s, 'getSchedule')).toEqual({ interval: 'daily' });

    // The clock fires and Apps Script gives no active spreadsheet: the run cannot open the file by id under
    // spreadsheets.currentonly (openById needs the full spreadsheets scope), so it logs why and writes nothing.
    expect(() => s.workbook.services.SpreadsheetApp.openById(s.workbook.spreadsheet.getId())).toThrow(
      /permission to call SpreadsheetApp.openById. Required permissions: https:\/\/www.googleapis.com\/auth\/spreadsheets$/u,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    s.workbook.asClockExecution(() => s.run('scheduledRebuild', [{ triggerUid: triggers[0].uid, authMode: 'FULL' }]), {
      seesDocument: false,
    });
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/no active spreadsheet.*Nothing was written/u)]);
    logged.mockRestore();
    expect(s.workbook.sheetNames().some((n) => n.startsWith('FunnelROI') || /дашборд/iu.test(n))).toBe(false);

    // The clock fires with the trigger's document active (as container-bound scripts get it): no UI, no
    // document properties; the handler builds that document from the schedule's copy of the mapping.
    const fired = s.workbook.asClockExecution(() => s.run('scheduledRebuild', [{ triggerUid: triggers[0].uid, authMode: 'FULL' }]));
    expect(fired.ok).toBe(true);
    const dashboards = s.workbook.sheetNames().filter((n) => /дашборд|FunnelROI/iu.test(n));
    expect(dashboards).toHaveLength(1);
    expect(s.workbook.snapshot(dashboards[0]).values[0][0]).toBe('Окупаемость маркетинга по каналам');
    expect(() => s.workbook.asClockExecution(() => s.workbook.services.SpreadsheetApp.getUi())).toThrow(
      /Cannot call SpreadsheetApp.getUi\(\) from this context/u,
    );

    expect(ok(s, 'setSchedule', 'off')).toEqual({ interval: 'off' });
    expect(s.workbook.triggers()).toEqual([]);
    expect(s.workbook.peekProperties('user')).toEqual({});
  });

  it('asks for the script.scriptapp scope, and the runtime refuses triggers without it', () => {
    const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.scriptapp');
    const s = createSession({ samples: ['channel-monthly-zh'] });
    expect(() => s.workbook.services.ScriptApp.newTrigger('x').timeBased().everyMinutes(1)).toThrow(/at most once an hour/u);
  });
});
