import { describe, expect, it } from 'vitest';
import { isRoundTrip } from '../../local/runtime/calls.js';
import { createWorkbook, VALUE_LIMIT_BYTES } from '../../local/runtime/index.js';

describe('conditional format rules (SpreadsheetApp.newConditionalFormatRule)', () => {
  it('records rules and tells which cells they colour; the first matching rule wins', () => {
    const wb = createWorkbook();
    const { SpreadsheetApp } = wb.services;
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A5').setValues([[-0.5], [0], [0.2], [1.5], ['text']]);
    const range = sheet.getRange('A1:A5');
    const negative = SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setFontColor('#c00000').setRanges([range]).build();
    const middle = SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(0, 1).setBackground('#fff2cc').setRanges([range]).build();
    const anyPositive = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThan(0)
      .setBackground('#d9ead3')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([negative, middle, anyPositive]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A1:A5');
    const colours = wb.snapshot('Sheet1').conditional.map((r) => r[0]);
    expect(colours).toEqual([
      { fontColor: '#c00000' },
      { background: '#fff2cc' },
      { background: '#fff2cc' },
      { background: '#d9ead3' },
      null,
    ]);
  });

  it('a custom formula applies relative to each cell of the range', () => {
    const wb = createWorkbook();
    const { SpreadsheetApp } = wb.services;
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B3').setValues([
      [5, 1],
      [1, 5],
      [3, 3],
    ]);
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$A1>$B1')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A1:B3')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const c = wb.snapshot('Sheet1').conditional;
    expect(c.map((row) => row.map((x) => x?.background ?? null))).toEqual([
      ['#ff0000', '#ff0000'],
      [null, null],
      [null, null],
    ]);
  });
});

describe('charts (EmbeddedChartBuilder)', () => {
  it('records type, ranges, position and options; the snapshot carries source values', () => {
    const wb = createWorkbook();
    const { SpreadsheetApp, Charts } = wb.services;
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B3').setValues([
      ['Channel', 'ROMI'],
      ['Ads', 0.5],
      ['SEO', 2],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 4, 10, 0)
      .setOption('title', 'ROMI by channel')
      .setNumHeaders(1)
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted.getRanges()[0].getA1Notation()).toBe('A1:B3');
    expect(inserted.getOptions().get('title')).toBe('ROMI by channel');
    expect(inserted.getContainerInfo().getAnchorRow()).toBe(5);
    const snap = wb.snapshot('Sheet1').charts;
    expect(snap).toHaveLength(1);
    expect(snap[0].type).toBe('BAR');
    expect(snap[0].ranges[0].values).toEqual([
      ['Channel', 'ROMI'],
      ['Ads', 0.5],
      ['SEO', 2],
    ]);
    sheet.updateChart(inserted.modify().setChartType(Charts.ChartType.COLUMN).build());
    expect(wb.snapshot('Sheet1').charts[0].type).toBe('COLUMN');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('developer metadata', () => {
  it('finds spreadsheet- and sheet-level metadata by key, value and location type', () => {
    const wb = createWorkbook();
    const { SpreadsheetApp } = wb.services;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const dash = ss.insertSheet('Dashboard');
    ss.addDeveloperMetadata('funnelroi.mapping', 'v1');
    dash.addDeveloperMetadata('funnelroi.dashboard', 'Leads');
    ss.getSheets()[0].addDeveloperMetadata('funnelroi.dashboard', 'Other');
    const byKey = ss.createDeveloperMetadataFinder().withKey('funnelroi.dashboard').find();
    expect(byKey.map((m) => m.getValue())).toEqual(['Leads', 'Other']);
    const byValue = ss.createDeveloperMetadataFinder().withKey('funnelroi.dashboard').withValue('Leads').find();
    expect(byValue).toHaveLength(1);
    expect(byValue[0].getLocation().getSheet()?.getName()).toBe('Dashboard');
    const docLevel = ss.createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET).find();
    expect(docLevel.map((m) => m.getKey())).toEqual(['funnelroi.mapping']);
    expect(dash.createDeveloperMetadataFinder().find()).toHaveLength(1);
    expect(wb.developerMetadata().map((m) => [m.key, m.sheet])).toEqual([
      ['funnelroi.mapping', null],
      ['funnelroi.dashboard', 'Dashboard'],
      ['funnelroi.dashboard', 'Sheet1'],
    ]);
    byValue[0].remove();
    expect(ss.createDeveloperMetadataFinder().withValue('Leads').find()).toHaveLength(0);
    // Deleting a sheet deletes its metadata.
    ss.deleteSheet(ss.getSheets()[0]);
    expect(ss.createDeveloperMetadataFinder().withKey('funnelroi.dashboard').find()).toHaveLength(0);
    expect(ss.getDeveloperMetadata()).toHaveLength(1);
  });
});

describe('PropertiesService (quotas: developers.google.com/apps-script/guides/services/quotas)', () => {
  it('stores strings per document and per user', () => {
    const wb = createWorkbook();
    const { PropertiesService } = wb.services;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('mapping', '{"v":1}').setProperties({ a: '1', b: '2' });
    expect(doc.getProperty('mapping')).toBe('{"v":1}');
    expect(doc.getKeys().sort()).toEqual(['a', 'b', 'mapping']);
    doc.deleteProperty('a');
    expect(doc.getProperties()).toEqual({ mapping: '{"v":1}', b: '2' });
    expect(PropertiesService.getUserProperties().getProperty('mapping')).toBeNull();
    expect(doc.getProperty('missing')).toBeNull();
  });

  it('a value over 9 KB throws and is not stored', () => {
    const wb = createWorkbook();
    const props = wb.services.PropertiesService.getDocumentProperties();
    expect(VALUE_LIMIT_BYTES).toBe(9216);
    props.setProperty('ok', 'x'.repeat(9216));
    // 4609 Cyrillic letters are 9218 bytes in UTF-8: the limit is bytes, not characters.
    expect(() => props.setProperty('big', 'я'.repeat(4609))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  it('the store as a whole is capped at 500 KB', () => {
    const wb = createWorkbook();
    const props = wb.services.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(9000);
    // 56 entries × (9000 + ~3 key bytes) ≈ 504 KB > 512000 bytes: the 57th write must fail.
    let failedAt = -1;
    for (let i = 0; i < 60; i++) {
      try {
        props.setProperty(`k${i}`, chunk);
      } catch (e) {
        failedAt = i;
        expect((e as Error).message).toContain('property storage quota');
        break;
      }
    }
    expect(failedAt).toBe(Math.floor(512000 / 9003));
  });
});

describe('LockService', () => {
  it('one holder at a time per document; waitLock times out with the Apps Script message', () => {
    const wb = createWorkbook();
    const { LockService } = wb.services;
    const a = LockService.getDocumentLock();
    const b = LockService.getDocumentLock();
    expect(a.tryLock(1000)).toBe(true);
    expect(a.hasLock()).toBe(true);
    expect(b.tryLock(1000)).toBe(false);
    expect(() => b.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    // The script lock is a different lock.
    expect(LockService.getScriptLock().tryLock(10)).toBe(true);
    a.releaseLock();
    expect(a.hasLock()).toBe(false);
    expect(b.tryLock(1000)).toBe(true);
  });

  it('the test hook stands in for another execution holding the lock', () => {
    const wb = createWorkbook();
    const release = wb.holdLockElsewhere('document');
    const lock = wb.services.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    release();
    expect(lock.tryLock(5000)).toBe(true);
  });
});

describe('Ui, HtmlService, Session', () => {
  it('records menus, sidebar, alerts and toasts', () => {
    const wb = createWorkbook({ htmlDir: '/nonexistent', userLocale: 'ru' });
    const { SpreadsheetApp, HtmlService, Session } = wb.services;
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addItem('Build dashboard', 'buildDashboard').addToUi();
    expect(wb.ui.menus).toEqual([
      {
        title: 'FunnelROI',
        addon: true,
        entries: [
          { kind: 'item', caption: 'Open', functionName: 'showSidebar' },
          { kind: 'separator' },
          { kind: 'item', caption: 'Build dashboard', functionName: 'buildDashboard' },
        ],
      },
    ]);
    ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('FunnelROI'));
    expect(wb.ui.sidebar).toEqual({ title: 'FunnelROI', html: '<p>hi</p>' });
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', 'Replace the dashboard?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(wb.ui.alerts[1]).toEqual({ title: 'Sure?', prompt: 'Replace the dashboard?', buttons: 'YES_NO' });
    SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'FunnelROI', 3);
    expect(wb.ui.toasts).toEqual([{ message: 'Saved', title: 'FunnelROI', seconds: 3 }]);
    expect(() => HtmlService.createHtmlOutputFromFile('Sidebar')).toThrow('No HTML file named Sidebar was found.');
    expect(Session.getActiveUserLocale()).toBe('ru');
  });

  it('anything outside the implemented subset fails loudly', () => {
    const wb = createWorkbook();
    const range = wb.services.SpreadsheetApp.getActiveSheet().getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.setDataValidation()).toThrow('local runtime: Range.setDataValidation is not implemented');
  });

  it('Utilities.formatDate renders in the given time zone', () => {
    const wb = createWorkbook();
    const d = new Date(Date.UTC(2026, 0, 31, 22, 5, 0));
    expect(wb.services.Utilities.formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd HH:mm')).toBe('2026-02-01 01:05');
    expect(wb.services.Utilities.formatDate(d, 'Etc/UTC', "dd.MM.yy 'at' h:mm a")).toBe('31.01.26 at 10:05 PM');
  });
});

describe('service-call counting', () => {
  it('counts each method call; chained and internal calls are not double counted', () => {
    const wb = createWorkbook();
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    wb.calls.reset();
    sheet
      .getRange('A1:B2')
      .setValues([
        [1, 2],
        [3, 4],
      ])
      .setNumberFormat('0.00');
    sheet.getRange('A1:B2').getValues();
    expect(wb.calls.total).toBe(5);
    expect(wb.calls.count('Sheet.getRange')).toBe(2);
    expect(wb.calls.count('Range.setValues')).toBe(1);
    expect(wb.calls.count('Range.setNumberFormat')).toBe(1);
    // A snapshot is the test's own view, not the add-on's: no calls.
    wb.snapshot('Sheet1');
    expect(wb.calls.total).toBe(5);
    wb.calls.reset();
    expect(wb.calls.total).toBe(0);
  });

  it('builder calls are counted but are not round trips; what sends the built object is', () => {
    const wb = createWorkbook();
    const SpreadsheetApp = wb.services.SpreadsheetApp;
    const sheet = SpreadsheetApp.getActiveSheet();
    wb.calls.reset();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setFontColor('#ff0000')
      .setRanges([sheet.getRange('A1')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    expect(wb.calls.total).toBe(7);
    expect(wb.calls.roundTrips).toBe(2); // getRange, setConditionalFormatRules
    expect(isRoundTrip('DeveloperMetadataFinder.find')).toBe(true);
    expect(isRoundTrip('DeveloperMetadataFinder.withKey')).toBe(false);
    expect(isRoundTrip('Sheet.newChart')).toBe(false);
    expect(isRoundTrip('Sheet.insertChart')).toBe(true);
  });

  it('getRangeList resolves many A1 ranges in one call; Sheet.clearNotes drops every note', () => {
    const wb = createWorkbook();
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B2').setNotes([
      ['a', 'b'],
      ['', 'd'],
    ]);
    wb.calls.reset();
    const ranges = sheet.getRangeList(['A1', 'B2:C3']).getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['A1', 'B2:C3']);
    expect(wb.calls.count('Sheet.getRange')).toBe(0);
    expect(() => sheet.getRangeList(['A1', 'nope!!'])).toThrow();
    sheet.clearNotes();
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('a block write costs the same number of calls for 10 or 1000 rows', () => {
    const counts = [10, 1000].map((rows) => {
      const wb = createWorkbook();
      const sheet = wb.services.SpreadsheetApp.getActiveSheet();
      wb.calls.reset();
      const data = Array.from({ length: rows }, (_, i) => [`ch${i}`, i, i * 2]);
      sheet.getRange(1, 1, rows, 3).setValues(data);
      sheet.getRange(1, 4, rows, 1).setFormulas(data.map((_, i) => [`=C${i + 1}-B${i + 1}`]));
      return wb.calls.total;
    });
    expect(counts[0]).toBe(counts[1]);
  });
});
