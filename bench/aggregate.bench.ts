/**
 * aggregate() on 1,000,000 rows (channel × month, 8 measures) with Date cells as Range.getValues hands
 * them over (one Date object per cell, the instant of the wall-clock day in the spreadsheet's zone),
 * against, in the same run and on the same data:
 *  - a tuned hand loop (channels interned to small ints, one Float64Array, period per distinct instant):
 *    what the machine can do for this job without any of aggregate()'s checks;
 *  - arquero's `groupby().rollup()` (the idiom its docs show) and its two-stage form (roll up by
 *    channel × day first, then derive the month on the small table and roll up again).
 * Every result is checked group by group against the hand loop.
 */
import * as aq from 'arquero';
import { aggregate } from '../src/core/aggregate/index.js';
import { periodKey } from '../src/core/aggregate/periods.js';
import { instantOf, MS_PER_DAY, wallClock } from '../src/core/dates.js';
import { MEASURE_ROLES, type ColumnRole, type Mapping } from '../src/core/mapping/types.js';
import type { CellValue } from '../src/core/values.js';
import { ms, pairedRatio, record, timeInterleaved } from './lib/timing.js';

const ROWS = 1_000_000;
const ZONE = 'Europe/Moscow';
const DAYS = 730;
const CHANNELS = ['Google Ads', 'Yandex Direct', 'Meta', 'VK', 'Telegram', 'Email', 'SEO', 'Partners', 'TikTok', 'LinkedIn'];
const ROLES: ColumnRole[] = ['date', 'channel', ...MEASURE_ROLES];
const M = MEASURE_ROLES.length;

export function benchMapping(name = 'Data', sheetId = 1): Mapping {
  return {
    schemaVersion: 2,
    shape: 'aggregated',
    source: {
      sheetId,
      sheetName: name,
      headerRow: 1,
      firstDataRow: 2,
      lastDataRow: null,
      firstColumn: 1,
      lastColumn: ROLES.length,
      columns: ROLES.map((role, index) => ({ index, header: role, role })),
    },
    costs: null,
    funnel: [],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 0.5, currency: 'USD', dashboardName: 'Dash', byCampaign: false },
  } as Mapping;
}

export const BENCH_HEADER = ROLES.map(String);

/** Rows as getValues returns them: a fresh Date per cell, numbers as numbers. `dates: false` gives ISO text. */
export function benchRows(n: number, dates = true, channels = CHANNELS): CellValue[][] {
  const start = Date.UTC(2025, 0, 1);
  const instants = Array.from({ length: DAYS }, (_, d) => instantOf(start + d * MS_PER_DAY, ZONE));
  const out: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const day = (i * 7919) % DAYS;
    const r: CellValue[] = [
      dates ? new Date(instants[day]) : new Date(start + day * MS_PER_DAY).toISOString().slice(0, 10),
      channels[(i * 7) % channels.length],
    ];
    for (let m = 0; m < M; m++) r.push(((i * (m + 3)) % 97) + 0.25 * m);
    out[i] = r;
  }
  return out;
}

type Sums = Map<string, Float64Array>;

/** The tuned loop: no validation at all, only what the answer needs. */
export function handLoop(rows: readonly CellValue[][]): Sums {
  const channelIds = new Map<string, number>();
  const channelNames: string[] = [];
  const periodOfInstant = new Map<number, number>();
  const periodKeys: string[] = [];
  const periodIds = new Map<string, number>();
  const P = 64;
  let sums = new Float64Array(16 * P * M);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const name = row[1] as string;
    let g = channelIds.get(name);
    if (g === undefined) {
      g = channelNames.length;
      channelNames.push(name);
      channelIds.set(name, g);
      if ((g + 1) * P * M > sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
    }
    const instant = (row[0] as Date).getTime();
    let p = periodOfInstant.get(instant);
    if (p === undefined) {
      const key = periodKey(wallClock(instant, ZONE), 'month');
      p = periodIds.get(key);
      if (p === undefined) {
        p = periodKeys.length;
        periodKeys.push(key);
        periodIds.set(key, p);
      }
      periodOfInstant.set(instant, p);
    }
    const at = (g * P + p) * M;
    for (let m = 0; m < M; m++) sums[at + m] += row[2 + m] as number;
  }
  const out: Sums = new Map();
  channelNames.forEach((ch, g) => periodKeys.forEach((pk, p) => out.set(`${ch}|${pk}`, sums.slice((g * P + p) * M, (g * P + p) * M + M))));
  return out;
}

function oursAsSums(rows: CellValue[][]): Sums {
  const data = aggregate(benchMapping(), rows, undefined, { timeZone: ZONE });
  const out: Sums = new Map();
  for (const r of data.rows) {
    r.byPeriod.forEach((f, p) => {
      if (MEASURE_ROLES.every((role) => f.measures[role] === 0)) return;
      out.set(
        `${r.channel}|${data.periods[p]}`,
        Float64Array.from(MEASURE_ROLES, (role) => f.measures[role]),
      );
    });
  }
  return out;
}

function arqueroTable(rows: readonly CellValue[][]): aq.ColumnTable {
  const columns: Record<string, unknown[]> = { date: rows.map((r) => r[0]), channel: rows.map((r) => r[1]) };
  MEASURE_ROLES.forEach((role, i) => (columns[role] = rows.map((r) => r[i + 2])));
  return aq.table(columns);
}

/** The month of a Date in the spreadsheet's zone, cached per instant as any tuned user code would. */
function monthOf(): (d: Date) => string {
  const cache = new Map<number, string>();
  return (d) => {
    const t = d.getTime();
    let k = cache.get(t);
    if (k === undefined) {
      k = periodKey(wallClock(t, ZONE), 'month');
      cache.set(t, k);
    }
    return k;
  };
}

const ROLLUP = Object.fromEntries(MEASURE_ROLES.map((role) => [role, aq.op.sum(role)]));

function arqueroRollup(table: aq.ColumnTable): Sums {
  const month = monthOf();
  const out = table
    .derive({ month: aq.escape((d: { date: Date }) => month(d.date)) })
    .groupby('channel', 'month')
    .rollup(ROLLUP);
  return arqueroSums(out);
}

function arqueroTwoStage(table: aq.ColumnTable): Sums {
  const month = monthOf();
  const byDay = table.groupby('channel', 'date').rollup(ROLLUP);
  const out = byDay
    .derive({ month: aq.escape((d: { date: Date }) => month(d.date)) })
    .groupby('channel', 'month')
    .rollup(ROLLUP);
  return arqueroSums(out);
}

function arqueroSums(out: aq.ColumnTable): Sums {
  const sums: Sums = new Map();
  for (const o of out.objects() as Record<string, unknown>[])
    sums.set(
      `${String(o.channel)}|${String(o.month)}`,
      Float64Array.from(MEASURE_ROLES, (role) => o[role] as number),
    );
  return sums;
}

/** Every group × period equal to the hand loop's (relative 1e-9: summation order differs). */
function check(label: string, got: Sums, want: Sums): boolean {
  let bad = got.size === want.size ? 0 : 1;
  for (const [key, w] of want) {
    const g = got.get(key);
    if (!g) bad++;
    else for (let m = 0; m < M; m++) if (Math.abs(g[m] - w[m]) > 1e-9 * Math.max(1, Math.abs(w[m]))) bad++;
  }
  console.log(`  ${label}: ${bad === 0 ? `all ${want.size} channel × month groups match the hand loop` : `${bad} MISMATCHES`}`);
  return bad === 0;
}

export default function bench(): void {
  const rows = benchRows(ROWS);
  const want = handLoop(rows);
  const table = arqueroTable(rows);
  const ok = [
    check('aggregate()', oursAsSums(rows), want),
    check('arquero rollup', arqueroRollup(table), want),
    check('arquero two-stage', arqueroTwoStage(table), want),
  ].every(Boolean);

  const m = benchMapping();
  const text = benchRows(ROWS, false);
  // Ours against the hand loop, then ours against arquero: each pair interleaved run by run.
  const [ours, hand] = timeInterleaved([() => aggregate(m, rows, undefined, { timeZone: ZONE }), () => handLoop(rows)], 9, 2);
  const [oursAgain, rollup, twoStage, oursText] = timeInterleaved(
    [
      () => aggregate(m, rows, undefined, { timeZone: ZONE }),
      () => arqueroRollup(table),
      () => arqueroTwoStage(table),
      () => aggregate(m, text, undefined, { timeZone: ZONE }),
    ],
    5,
    1,
  );
  const arqueroBest = rollup.median <= twoStage.median ? rollup : twoStage;
  const ratioHand = pairedRatio(ours, hand);
  const ratioArquero = pairedRatio(oursAgain, arqueroBest);
  console.log(
    `aggregate ${ROWS.toLocaleString('en-US')} rows × 8 measures, Date cells in ${ZONE} (interleaved runs after warm-ups, a full GC before each; ratios are medians of per-run ratios):`,
  );
  console.log(`  aggregate()       ${ms(ours)}`);
  console.log(`  tuned hand loop   ${ms(hand)}   → ours ÷ hand loop ${ratioHand.toFixed(2)}× (goal ≤ 1.5)`);
  console.log(`  arquero rollup    ${ms(rollup)}`);
  console.log(`  arquero 2-stage   ${ms(twoStage)}   → ours ÷ arquero's best ${ratioArquero.toFixed(2)}× (goal < 1)`);
  console.log(`  aggregate() on ISO date text instead of Dates: ${ms(oursText)}`);
  record('aggregate.rows', ROWS);
  for (const [key, t] of [
    ['ours', ours],
    ['handLoop', hand],
    ['arqueroRollup', rollup],
    ['arqueroTwoStage', twoStage],
    ['oursIsoText', oursText],
  ] as const) {
    record(`aggregate.${key}Ms`, { min: Number(t.min.toFixed(1)), median: Number(t.median.toFixed(1)) });
  }
  record('aggregate.ratioHandLoop', Number(ratioHand.toFixed(3)));
  record('aggregate.ratioArquero', Number(ratioArquero.toFixed(3)));
  record('aggregate.groupsMatch', ok);
}
