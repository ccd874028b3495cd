/**
 * aggregate() on 1,000,000 rows (channel × month, 8 measures) against arquero's groupby/rollup on the
 * same data in the same run; then service calls per dashboard build at 1k and 100k source rows.
 */
import * as aq from 'arquero';
import { createWorkbook } from '../local/runtime/index.js';
import { buildDashboard } from '../src/adapter/dashboard/index.js';
import { aggregate } from '../src/core/aggregate/index.js';
import { MEASURE_ROLES, type ColumnRole, type Mapping } from '../src/core/mapping/types.js';
import type { CellValue } from '../src/core/values.js';

const ROWS = 1_000_000;
const CHANNELS = ['Google Ads', 'Yandex Direct', 'Meta', 'VK', 'Telegram', 'Email', 'SEO', 'Partners', 'TikTok', 'LinkedIn'];
const ROLES: ColumnRole[] = ['date', 'channel', ...MEASURE_ROLES];

function mapping(name = 'Data', sheetId = 1): Mapping {
  return {
    schemaVersion: 1,
    shape: 'aggregated',
    source: { sheetId, sheetName: name, headerRow: 1, firstDataRow: 2, lastDataRow: null, firstColumn: 1, lastColumn: ROLES.length, columns: ROLES.map((role, index) => ({ index, header: role, role })) },
    costs: null,
    funnel: [],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 0.5, currency: 'USD', dashboardName: 'Dash', byCampaign: false },
  };
}

function rows(n: number): CellValue[][] {
  const out: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r: CellValue[] = [`2026-${String((i % 12) + 1).padStart(2, '0')}-01`, CHANNELS[(i * 7) % CHANNELS.length]];
    for (let m = 0; m < MEASURE_ROLES.length; m++) r.push(((i * (m + 3)) % 97) + 0.25 * m);
    out[i] = r;
  }
  return out;
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export default async function bench(): Promise<void> {
  const data = rows(ROWS);
  const m = mapping();
  let ours = 0;
  const oursMs = best(3, () => {
    ours = aggregate(m, data).totals.measures.spend;
  });

  const columns: Record<string, unknown[]> = { date: data.map((r) => r[0]), channel: data.map((r) => r[1]) };
  MEASURE_ROLES.forEach((role, i) => (columns[role] = data.map((r) => r[i + 2])));
  const table = aq.table(columns);
  const rollup = Object.fromEntries(MEASURE_ROLES.map((role) => [role, aq.op.sum(role)]));
  let theirs = 0;
  const aqMs = best(3, () => {
    const out = table
      .derive({ month: aq.escape((d: { date: string }) => d.date.slice(0, 7)) })
      .groupby('channel', 'month')
      .rollup(rollup);
    theirs = (out.array('spend') as number[]).reduce((a, b) => a + b, 0);
  });
  console.log(`aggregate ${ROWS.toLocaleString('en-US')} rows × 8 measures: ours ${oursMs.toFixed(0)} ms, arquero ${aqMs.toFixed(0)} ms, ratio arquero/ours ${(aqMs / oursMs).toFixed(2)}× (goal > 1)`);
  console.log(`  totals agree: ${Math.abs(ours - theirs) < 1e-6 * Math.abs(ours) ? 'yes' : `NO (${ours} vs ${theirs})`}`);

  for (const n of [1_000, 100_000]) {
    const wb = createWorkbook();
    const sheetRows = [ROLES.map(String), ...rows(n)];
    const id = wb.addSheetFromRows('Data', sheetRows).getSheetId();
    wb.calls.reset();
    const t = performance.now();
    buildDashboard(wb.services, mapping('Data', id), { now: '2026-01-01T00:00:00Z' });
    console.log(`build with ${n.toLocaleString('en-US')} source rows: ${wb.calls.roundTrips} round trips (${wb.calls.total} calls with builder calls), ${(performance.now() - t).toFixed(0)} ms (local runtime)`);
  }
}
