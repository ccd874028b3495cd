import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook, loadBundle, type BundleCall, type LocalWorkbook } from '../../local/runtime/index.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
let code = '';

beforeAll(() => {
  // dist/ is built once by the global setup (test/support/global-setup.ts).
  code = readFileSync(join(dist, 'Code.js'), 'utf8');
});

function load(): { wb: LocalWorkbook; call: BundleCall } {
  const wb = createWorkbook({ htmlDir: dist });
  return { wb, call: loadBundle(wb, code) };
}

describe('loadBundle: dist/Code.js running on the local runtime as in Apps Script', () => {
  it('onOpen records the add-on menu', () => {
    const { wb, call } = load();
    call('onOpen', { authMode: 'NONE' });
    expect(wb.ui.menus).toHaveLength(1);
    expect(wb.ui.menus[0].addon).toBe(true);
    const items = wb.ui.menus[0].entries.flatMap((e) => (e.kind === 'item' ? [e.functionName] : []));
    expect(items).toContain('showSidebar');
    // Every menu item names a top-level function of the bundle (Apps Script resolves items by name).
    for (const fn of items) expect(code, fn).toMatch(new RegExp(`^function ${fn}\\(`, 'mu'));
  });

  it('showSidebar serves the built Sidebar.html', () => {
    const { wb, call } = load();
    call('showSidebar');
    expect(wb.ui.sidebar?.title).toBe('FunnelROI');
    expect(wb.ui.sidebar?.html).toBe(readFileSync(join(dist, 'Sidebar.html'), 'utf8'));
  });

  it('ROMI as a top-level function: (1200 − 400)/400 = 2, and a range gives a column', () => {
    const { call } = load();
    expect(call('ROMI', 1200, 400)).toBe(2);
    expect(call('ROMI', [[1000], [900]], [[400], [300]])).toEqual([[1.5], [2]]);
    expect(() => call('ROMI', 1, 0)).toThrow(/^ROMI: /u);
  });

  it("formulas in the workbook run the bundle's own custom functions, with its realm's Dates", () => {
    const { wb } = load();
    const sheet = wb.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B2').setValues([
      [1000, 400],
      [900, 300],
    ]);
    sheet.getRange('C1').setFormula('=ROMI(A1:A2, B1:B2)');
    expect(sheet.getRange('C1:C2').getValues()).toEqual([[1.5], [2]]);
    sheet.getRange('D1').setValue(new Date(2026, 0, 2));
    const d = sheet.getRange('D1').getValue();
    // A Date from the vm realm: not instanceof this realm's Date, but a Date by its tag.
    expect(d instanceof Date).toBe(false);
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
  });

  it('the bundle sees only the Apps Script globals', () => {
    const { call } = load();
    expect(() => call('process')).toThrow('Script function not found: process');
    expect(() => call('require')).toThrow('Script function not found: require');
  });
});
