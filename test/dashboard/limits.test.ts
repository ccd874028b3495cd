/** Sheets limits said before they are hit: the channel roll-up and the coded refusal of oversized plans. */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime/index.js';
import { buildDashboard } from '../../src/adapter/dashboard/index.js';
import { aggregate } from '../../src/core/aggregate/index.js';
import { checkDashboardLimits, DASHBOARD_LABELS, rollUpChannels, SHEETS_LIMITS, SheetsLimitError } from '../../src/core/dashboard/index.js';
import type { CellValue } from '../../src/core/values.js';
import { mappingFor } from '../support/samples.js';

const header = ['Date', 'Channel', 'Spend', 'Leads', 'Revenue'];
function rows(channels: number): CellValue[][] {
  const out: CellValue[][] = [header];
  for (let i = 0; i < channels * 2; i++) out.push([`2026-0${1 + (i % 2)}-01`, `Channel ${i % channels}`, 1 + (i % channels), 1, 10]);
  return out;
}

describe('channel roll-up', () => {
  it('keeps the biggest channels and sums the rest into one row; totals unchanged', () => {
    const data = rows(50);
    const mapping = mappingFor([{ name: 'Data', rows: data }], [1]);
    const agg = aggregate(mapping, data.slice(1));
    const { data: capped, rolledUp } = rollUpChannels(agg, 'Other channels', 10);
    expect(rolledUp).toBe(41);
    expect(capped.rows).toHaveLength(10);
    expect(capped.rows[9].channel).toBe('Other channels');
    const sum = (rs: typeof agg.rows, k: 'spend' | 'leads'): number => rs.reduce((a, r) => a + r.total.measures[k], 0);
    expect(sum(capped.rows, 'spend')).toBe(sum(agg.rows, 'spend'));
    expect(sum(capped.rows, 'leads')).toBe(sum(agg.rows, 'leads'));
    // The kept ones are those with the most spend (Channel 49 spends most).
    expect(capped.rows.slice(0, 9).map((r) => r.channel)).toContain('Channel 49');
    expect(capped.rows.slice(0, 9).map((r) => r.channel)).not.toContain('Channel 0');
    expect(capped.rows[9].byPeriod.reduce((a, f) => a + f.measures.spend, 0)).toBe(capped.rows[9].total.measures.spend);
    expect(rollUpChannels(agg, 'x', 50).rolledUp).toBe(0);
  });

  it('a build with 250 channels shows 200 rows, names the roll-up in the user language and warns', () => {
    const data = rows(250);
    const wb = createWorkbook();
    const id = wb.addSheetFromRows('Data', data).getSheetId();
    const result = buildDashboard(wb.services, mappingFor([{ name: 'Data', rows: data }], [id], { dashboardName: 'Dash' }), {
      locale: 'ru',
      now: '2026-11-22T12:00:00Z',
    });
    expect(result.warnings.find((w) => w.code === 'channels_rolled_up')?.params).toEqual({ count: 51, max: 200 });
    const labels = wb.snapshot('Dash').values.map((r) => r[0]);
    expect(labels).toContain(DASHBOARD_LABELS.ru.otherChannels);
  });
});

describe('limits refused before Sheets would fail', () => {
  it('a plan wider than 18,278 columns or over the cell budget is refused with a code', () => {
    expect(() => checkDashboardLimits({ lastRow: 10, lastColumn: SHEETS_LIMITS.columnsPerSheet + 1 })).toThrow(SheetsLimitError);
    try {
      checkDashboardLimits({ lastRow: 100_000, lastColumn: 20 });
      throw new Error('not refused');
    } catch (e) {
      expect((e as SheetsLimitError).code).toBe('dashboard_too_large');
    }
    expect(() => checkDashboardLimits({ lastRow: 500, lastColumn: 60 })).not.toThrow();
  });
});
