/**
 * The menu's Refresh and the sidebar's Build through the built dist/Code.js in a bare V8 context: a stored
 * mapping Save would refuse does not build, skipped rows reach the toast and the sidebar's result, and a
 * partial OAuth grant ends the execution at the requireAllScopes call with Google's prompt.
 */
import { describe, expect, it } from 'vitest';
import type { BuildResult, Detection } from '../../src/api/contract.js';
import { MAPPING_PROPERTY_KEY } from '../../src/adapter/mapping-store.js';
import { defaultMapping, serializeMapping, type Mapping } from '../../src/core/mapping/index.js';
import { createSession, type LocalSession } from '../../local/server/session.js';
import { MANIFEST_SCOPES } from '../../local/runtime/services.js';

function run<T>(session: LocalSession, fn: string, ...args: unknown[]): { ok: boolean; value?: T; error?: string } {
  const res = session.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  return { ok: res.ok, value: res.value as T, error: res.error };
}

function adMapping(s: LocalSession): Mapping {
  const detection = run<Detection>(s, 'detect', 'Ads export').value!;
  return defaultMapping(detection, { costs: null });
}

/** Stores a mapping directly, as an older add-on version or a hand edit could have left it. */
function store(s: LocalSession, mapping: Mapping): void {
  s.workbook.services.PropertiesService.getDocumentProperties().setProperty(MAPPING_PROPERTY_KEY, serializeMapping(mapping));
}

describe('Refresh validates the stored mapping exactly as Save does', () => {
  const bad: [string, (m: Mapping) => Mapping][] = [
    ['margin 50', (m) => ({ ...m, options: { ...m.options, grossMargin: 50 } })],
    ['no channel column', (m) => ({ ...m, source: { ...m.source, columns: m.source.columns.filter((c) => c.role !== 'channel') } })],
    ['first data row above the header', (m) => ({ ...m, source: { ...m.source, firstDataRow: 1 } })],
  ];
  for (const [name, change] of bad) {
    it(`${name}: Save refuses it, and Refresh refuses the stored copy with the same reason`, () => {
      const s = createSession({ samples: ['ad-platform-export-en'] });
      const mapping = change(adMapping(s));
      const saved = run(s, 'saveMapping', mapping);
      expect(saved.ok).toBe(false);
      const reason = /was not saved\. (.*)$/su.exec(saved.error ?? '')?.[1] ?? '';
      expect(reason).not.toBe('');
      store(s, mapping);
      run(s, 'refreshDashboard');
      const alert = s.state().alerts.at(-1) ?? '';
      expect(alert).toContain('cannot be built');
      // Same issue, same words (the alert is localised from the code; the English template starts alike).
      expect(alert).toContain(reason.slice(0, 20));
      expect(s.workbook.sheetNames()).toEqual(['Ads export']);
      expect(run(s, 'buildDashboard').error).toContain(reason.slice(0, 20));
    });
  }

  it('coordinates beyond the sheet: a coded, translated error, not a raw range error', () => {
    const s = createSession({ samples: ['ad-platform-export-en'], userLocale: 'ru' });
    const m = adMapping(s);
    store(s, { ...m, source: { ...m.source, headerRow: 20000, firstDataRow: 20001, lastDataRow: null } });
    run(s, 'refreshDashboard');
    const alert = s.state().alerts.at(-1) ?? '';
    expect(alert).toContain('выходит за пределы листа «Ads export», где 1000 строк и 26 столбцов');
    expect(alert).not.toMatch(/coordinates of the range/u);
  });
});

describe('skipped rows are said everywhere', () => {
  it('the menu toast and the sidebar build result carry the skipped count and reasons', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    store(s, adMapping(s));
    const sheet = s.workbook.spreadsheet.getSheetByName('Ads export')!;
    sheet.getRange('A10').setValue('next week');
    sheet.getRange('A12').setValue('TBD');
    run(s, 'refreshDashboard');
    const toast = s.state().toasts.at(-1) ?? '';
    expect(toast).toContain('2 of 728 rows not counted');
    expect(toast).toContain('the date cannot be read (Date); rows 10, 12.');
    const built = run<BuildResult>(s, 'buildDashboard').value!;
    expect(built).toMatchObject({ sourceRows: 728, usedRows: 726, skippedRows: 2 });
    expect(built.warnings.find((w) => w.code === 'rows_skipped_date')?.params?.rows).toBe('10, 12');
  });

  it('nothing readable: Refresh alerts in the user language and builds nothing', () => {
    const s = createSession({ samples: ['ad-platform-export-en'], userLocale: 'zh' });
    store(s, adMapping(s));
    const sheet = s.workbook.spreadsheet.getSheetByName('Ads export')!;
    sheet.getRange(4, 1, 728, 1).setValues(Array.from({ length: 728 }, () => ['?']));
    run(s, 'refreshDashboard');
    const alert = s.state().alerts.at(-1) ?? '';
    expect(alert).toContain('源数据的 728 行均无法读取');
    expect(alert).toContain('已跳过 728 行：无法读取日期（Date）；行 4, 5, 6, 7, 8, …。');
    expect(s.workbook.sheetNames()).toEqual(['Ads export']);
  });
});

describe('granular consent and the document lock', () => {
  it('a partial grant stops Refresh at requireAllScopes with the authorization prompt, before any sheet is touched', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    store(s, adMapping(s));
    s.workbook.denyScopes([MANIFEST_SCOPES[0]]);
    const res = run(s, 'refreshDashboard');
    expect(res.ok).toBe(false);
    expect(s.workbook.ui.authPrompts).toEqual([{ scopes: [MANIFEST_SCOPES[0]] }]);
    expect(s.workbook.sheetNames()).toEqual(['Ads export']);
    // The sidebar's server functions check first too.
    expect(run(s, 'getContext').ok).toBe(false);
    expect(s.workbook.ui.authPrompts).toHaveLength(2);
  });

  it('a null document lock does not break Refresh in the bundle', () => {
    const s = createSession({ samples: ['ad-platform-export-en'] });
    store(s, adMapping(s));
    s.workbook.setDocumentLockAvailable(false);
    run(s, 'refreshDashboard');
    expect(s.state().alerts).toEqual([]);
    expect(s.workbook.sheetNames()).toHaveLength(2);
  });
});
