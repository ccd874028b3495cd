/**
 * The spreadsheet's time zone is not the script's. Apps Script runs the add-on in the manifest's zone
 * (appsscript.json: Etc/UTC) and hands a date cell over as the instant of its wall-clock time in the
 * spreadsheet's zone; Google's custom-function guide (https://developers.google.com/apps-script/guides/sheets/functions,
 * "Data types": Date) says the function must compensate when the two differ. The local runtime imitates
 * that, and the shipped bundle must give the same answers in Moscow, Shanghai and New York as in UTC.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildResult, Detection } from '../../src/api/contract.js';
import { defaultMapping } from '../../src/core/mapping/index.js';
import { createWorkbook, loadBundle } from '../../local/runtime/index.js';
import { createSession, type LocalSession } from '../../local/server/session.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

function ok<T>(session: LocalSession, fn: string, ...args: unknown[]): T {
  const res = session.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn} failed: ${res.error}`);
  return res.value as T;
}

describe('local runtime: script zone ≠ spreadsheet zone', () => {
  it('the script runs in the manifest zone; the spreadsheet keeps its own', () => {
    const wb = createWorkbook({ timeZone: 'Europe/Moscow' });
    const manifest = JSON.parse(readFileSync(join(dist, '../appsscript.json'), 'utf8')) as { timeZone: string };
    expect(wb.services.Session.getScriptTimeZone()).toBe(manifest.timeZone);
    expect(wb.services.SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    // Script code's local getters use the script zone, as on Google's servers.
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(0);
  });

  it('a date cell arrives as the instant of its wall clock in the spreadsheet zone; a written Date keeps its wall clock there', () => {
    for (const [zone, instant] of [
      ['Europe/Moscow', '2025-12-31T21:00:00.000Z'],
      ['Asia/Shanghai', '2025-12-31T16:00:00.000Z'],
      ['America/New_York', '2026-01-01T05:00:00.000Z'],
    ] as const) {
      const wb = createWorkbook({ timeZone: zone });
      wb.setCell('Sheet1', 'A1', '2026-01-01');
      const sheet = wb.services.SpreadsheetApp.getActiveSheet();
      const got = sheet.getRange('A1').getValue() as Date;
      expect(got.toISOString(), zone).toBe(instant);
      sheet.getRange('B1').setValue(got);
      expect((sheet.getRange('B1').getValue() as Date).toISOString(), zone).toBe(instant);
      expect(sheet.getRange('B1').getDisplayValue(), zone).toMatch(/^(1\/1\/2026|01\.01\.2026|2026\/1\/1)$/u);
      expect(wb.services.Utilities.formatDate(got, zone, 'yyyy-MM-dd HH:mm')).toBe('2026-01-01 00:00');
    }
  });

  it("=DEAL_CYCLE typed in a Berlin spreadsheet gives Sheets' own =C2-B2 across DST (31, not 30.958), through the bundle", () => {
    const wb = createWorkbook({ timeZone: 'Europe/Berlin', htmlDir: dist });
    loadBundle(wb, readFileSync(join(dist, 'Code.js'), 'utf8'));
    wb.setCell('Sheet1', 'B2', '2026-03-01');
    wb.setCell('Sheet1', 'C2', '2026-04-01');
    wb.setCell('Sheet1', 'D2', '=C2-B2');
    wb.setCell('Sheet1', 'E2', '=DEAL_CYCLE(B2:B2, C2:C2)');
    const [[diff, cycle]] = wb.services.SpreadsheetApp.getActiveSheet().getRange('D2:E2').getValues();
    expect(diff).toBe(31);
    expect(cycle).toBe(31);
  });
});

/** The dashboard a user gets from one sample, built by the bundle's server functions, minus the build time. */
function dashboard(sample: string, timeZone?: string): unknown[][] {
  const s = createSession({ samples: [sample], ...(timeZone ? { timeZone } : {}) });
  const names = s.workbook.sheetNames();
  const detection = ok<Detection>(s, 'detect', names[0]);
  const costs = detection.shape === 'crm' && names[1] ? ok<Detection>(s, 'detect', names[1]).table : null;
  ok(s, 'saveMapping', defaultMapping(detection, { costs }));
  const built = ok<BuildResult>(s, 'buildDashboard');
  // The build time is the sheet zone's wall clock ("11/23/2026 20:33"), so it differs by zone.
  const snap = s.workbook.snapshot(built.sheetName);
  const builtAt = /^(\d{4}-\d\d-\d\dT|\d{1,4}[./]\d{1,2}[./]\d{1,4} \d\d:\d\d$)/u;
  // So is the build day a note on future-dated data names ("(2026-11-23)").
  const buildDay = /[(（]\d{4}-\d\d-\d\d[)）]/gu;
  return snap.values.map((row) =>
    row.map((v) => (typeof v !== 'string' ? v : builtAt.test(v) ? 'built-at' : v.replace(buildDay, '(build day)'))),
  );
}

describe('samples in their natural zones build the same dashboard as in UTC', () => {
  it('the Russian CRM sample in Europe/Moscow: January spend 923,121, no spurious 2025-12 period', () => {
    const moscow = dashboard('crm-leads-ru');
    const flat = moscow.flat();
    expect(flat).not.toContain('2025-12');
    const january = moscow.find((row) => row[0] === '2026-01');
    expect(january?.[1] as number).toBeCloseTo(923_120.52, 2);
    expect(moscow).toEqual(dashboard('crm-leads-ru', 'Etc/UTC'));
  });

  it.each([
    ['channel-monthly-zh', 'Asia/Shanghai'],
    ['ad-platform-export-en', 'America/New_York'],
  ])('%s in %s', (sample, zone) => {
    const natural = dashboard(sample);
    expect(natural).toEqual(dashboard(sample, 'Etc/UTC'));
    expect(dashboard(sample, zone)).toEqual(natural);
  });
});
