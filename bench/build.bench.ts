/**
 * Dashboard builds through the local Sheets runtime at 1k and 100k source rows: round trips to the
 * spreadsheet (the figure that decides the time in Apps Script), all service calls including builder
 * calls, and an estimate of the time in Apps Script from the round trips.
 *
 * Rule of thumb for the estimate: 50–150 ms per Spreadsheet service round trip. Google's best-practices
 * guide (developers.google.com/apps-script/guides/support/best-practices, "Minimize calls to other
 * services", "Use batch operations") says every call to Sheets is far slower than JavaScript and shows a
 * per-cell loop taking minutes where one batched call takes about a second; it gives no per-call figure,
 * so the 50–150 ms range is the commonly observed cost, not a documented one.
 */
import { createWorkbook } from '../local/runtime/index.js';
import { buildDashboard } from '../src/adapter/dashboard/index.js';
import { BENCH_HEADER, benchMapping, benchRows } from './aggregate.bench.js';
import { ms, record, time } from './lib/timing.js';

const LOW_MS = 50;
const HIGH_MS = 150;

export default function bench(): void {
  for (const [label, n] of [
    ['1k', 1_000],
    ['100k', 100_000],
  ] as const) {
    const wb = createWorkbook({ timeZone: 'Europe/Moscow' });
    const id = wb.addSheetFromRows('Data', [BENCH_HEADER, ...benchRows(n)]).getSheetId();
    const mapping = benchMapping('Data', id);
    wb.calls.reset();
    buildDashboard(wb.services, mapping, { now: '2026-01-01T00:00:00Z' });
    const first = wb.calls.toJSON();
    wb.calls.reset();
    buildDashboard(wb.services, mapping, { now: '2026-01-01T00:00:00Z' });
    const rebuild = wb.calls.toJSON();
    const t = time(() => buildDashboard(wb.services, mapping, { now: '2026-01-01T00:00:00Z' }), n > 10_000 ? 2 : 5, 1);
    console.log(
      `build, ${n.toLocaleString('en-US')} source rows: ${first.roundTrips} round trips (rebuild ${rebuild.roundTrips}); ${first.total} calls with builder calls; ` +
        `≈ ${((first.roundTrips * LOW_MS) / 1000).toFixed(1)}–${((first.roundTrips * HIGH_MS) / 1000).toFixed(1)} s in Apps Script at ${LOW_MS}–${HIGH_MS} ms per round trip; local runtime ${ms(t)}`,
    );
    record(`build.serviceCalls.${label}`, first.roundTrips);
    record(`build.rebuildServiceCalls.${label}`, rebuild.roundTrips);
    record(`build.allCalls.${label}`, first.total);
    record(`build.estimatedAppsScriptSeconds.${label}`, {
      low: (first.roundTrips * LOW_MS) / 1000,
      high: (first.roundTrips * HIGH_MS) / 1000,
    });
    record(`build.localMs.${label}`, { min: Number(t.min.toFixed(0)), median: Number(t.median.toFixed(0)) });
  }
}
