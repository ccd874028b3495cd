/**
 * The menu and triggers built over injected services (createTriggers), run in node against the local
 * runtime: no Apps Script global exists here, so every call below goes through the services passed in.
 */
import { describe, expect, it } from 'vitest';
import { saveMapping } from '../../src/adapter/mapping-store.js';
import { issueText, t } from '../../src/core/i18n/index.js';
import { defaultMapping, detectSheet } from '../../src/core/mapping/index.js';
import { createTriggers } from '../../src/gas/triggers.js';
import { createWorkbook, type LocalWorkbook } from '../../local/runtime/index.js';
import { addSample, readSample } from '../../local/server/samples.js';

function workbook(userLocale: string): LocalWorkbook {
  const wb = createWorkbook({ userLocale });
  addSample(wb, readSample('ad-platform-export-en'));
  return wb;
}

function storeDetectedMapping(wb: LocalWorkbook): void {
  const sheet = wb.spreadsheet.getSheetByName('Ads export')!;
  const detection = detectSheet(sheet.getDataRange().getValues(), undefined, { sheetId: sheet.getSheetId(), sheetName: 'Ads export' });
  saveMapping(wb.services, defaultMapping(detection, { costs: null }));
}

describe('createTriggers(services)', () => {
  it('runs where no Apps Script global exists', () => {
    expect('SpreadsheetApp' in globalThis).toBe(false);
  });

  it('onOpen builds the add-on menu in the user language through the injected Ui', () => {
    const wb = workbook('ru');
    createTriggers(() => wb.services).onOpen();
    expect(wb.ui.menus).toHaveLength(1);
    expect(wb.ui.menus[0].entries).toEqual([
      { kind: 'item', caption: t('ru', 'menu.open'), functionName: 'showSidebar' },
      { kind: 'separator' },
      { kind: 'item', caption: t('ru', 'menu.refresh'), functionName: 'refreshDashboard' },
      { kind: 'item', caption: t('ru', 'menu.share'), functionName: 'shareDashboard' },
    ]);
  });

  it('Refresh without a saved mapping says so and builds nothing', () => {
    const wb = workbook('en');
    const before = wb.sheetNames();
    createTriggers(() => wb.services).refreshDashboard();
    expect(wb.ui.alerts.map((a) => a.prompt)).toEqual([issueText('en', { code: 'no_saved_mapping' })]);
    expect(wb.sheetNames()).toEqual(before);
  });

  it('Refresh with a saved mapping builds the dashboard, shows it and toasts what was built', () => {
    const wb = workbook('en');
    storeDetectedMapping(wb);
    createTriggers(() => wb.services).refreshDashboard();
    expect(wb.ui.alerts).toEqual([]);
    const name = wb.activeSheetName();
    expect(name).not.toBe('Ads export');
    expect(wb.sheetNames()).toContain(name);
    expect(wb.ui.toasts.at(-1)?.message).toMatch(new RegExp(`^Dashboard “${name}” is ready`, 'u'));
  });

  it('asks for the services once per execution, as each Apps Script run is a cold start', () => {
    const wb = workbook('en');
    let asked = 0;
    const triggers = createTriggers(() => {
      asked++;
      return wb.services;
    });
    triggers.onOpen();
    triggers.refreshDashboard();
    expect(asked).toBe(2);
  });
});
