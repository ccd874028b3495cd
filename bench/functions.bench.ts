/**
 * Each custom function over a 100,000-row range (plausible numbers with some blanks and text numbers as
 * exports write them; dates, ids and scores where the function takes those), called through `invoke`
 * exactly as the Apps Script wrapper calls it: median (and min) of 5 after a warm-up. The bundle's size and
 * cold start are in cold-start.bench.ts.
 */
import { prng } from '../scripts/generate-samples.js';
import type { CustomFunction } from '../src/core/functions/define.js';
import { CUSTOM_FUNCTIONS } from '../src/core/functions/registry.js';
import { record, time } from './lib/timing.js';

const ROWS = 100_000;
const TARGET_MS = 100;

type Column = unknown[][];

function numbers(rand: () => number, lo: number, hi: number, whole = false): Column {
  return Array.from({ length: ROWS }, (_, i) => {
    if (i % 97 === 0) return [''];
    const v = lo + rand() * (hi - lo);
    const n = whole ? Math.round(v) : Math.round(v * 100) / 100;
    return [i % 53 === 0 ? n.toLocaleString('ru-RU').replace(/\u00a0/gu, ' ') : n];
  });
}

function inputs(f: CustomFunction, rand: () => number): unknown[] {
  switch (f.name) {
    case 'FUNNEL':
      return [Array.from({ length: ROWS }, () => [1000, 400 + Math.round(rand() * 100), 100, 20 + Math.round(rand() * 10), 5]), 'step'];
    case 'REPEAT_RATE':
      return [Array.from({ length: ROWS }, () => [`client-${Math.floor(rand() * 60_000)}`])];
    case 'NPS':
      return [Array.from({ length: ROWS }, (_, i) => [i % 50 === 0 ? '' : Math.floor(rand() * 11)])];
    case 'DEAL_CYCLE': {
      const starts = Array.from({ length: ROWS }, (_, i) => [new Date(2026, 0, 1 + (i % 300))]);
      const closes = starts.map(([d], i) => [i % 5 === 0 ? '' : new Date((d as Date).getTime() + Math.floor(rand() * 90) * 86_400_000)]);
      return [starts, closes, 'median'];
    }
    case 'COHORT_LTV':
    case 'ATTRIBUTION': {
      // A CRM journey as the sheet holds it: customer ids that come back, real dates (Date cells, as Apps
      // Script hands them over) over a year, channels, and revenue on some rows only (the touches that bought).
      const channels = ['google', 'yandex', 'vk', 'telegram', 'seo', 'email'];
      const ids = Array.from({ length: ROWS }, () => [`client-${Math.floor(rand() * 30_000)}`]);
      const dates = Array.from({ length: ROWS }, (_, i) => [new Date(Date.UTC(2025, 0, 1 + Math.floor((i / ROWS) * 365), 9))]);
      const revenue = numbers(rand, 100, 50_000).map(([v]) => [rand() < 0.4 ? v : '']);
      if (f.name === 'COHORT_LTV') return [ids, dates, revenue, 12, 0.5];
      return [ids, dates, Array.from({ length: ROWS }, () => [channels[Math.floor(rand() * channels.length)]]), revenue, 'linear'];
    }
    case 'ABTEST':
      return [numbers(rand, 0, 100, true), numbers(rand, 1000, 2000, true), numbers(rand, 0, 100, true), numbers(rand, 1000, 2000, true)];
    case 'RETENTION': {
      // Customers at the end include the new ones.
      const fresh = numbers(rand, 10, 500, true);
      const end = fresh.map(([v]) => [typeof v === 'number' ? v + Math.round(rand() * 2000) : v]);
      return [end, fresh, numbers(rand, 100, 3000, true)];
    }
    case 'LTV_CHURN':
      return [numbers(rand, 10, 500), numbers(rand, 0.01, 0.3), 0.6];
    default:
      // Counts and money, denominators never below 1; optional margins as one broadcast cell.
      return f.params.map((p) =>
        p.name === 'gross_margin'
          ? 0.5
          : p.optional
            ? undefined
            : numbers(rand, 1, 10_000, /customers|leads|clicks|impressions|orders|visitors|conversions/u.test(p.name)),
      );
  }
}

export default async function bench(): Promise<void> {
  const rand = prng(42);
  console.log(`${'function'.padEnd(12)} ${'ms/100k rows'.padStart(13)} ${'rows/s'.padStart(12)}  vs ${TARGET_MS} ms target`);
  let worst = 0;
  for (const f of CUSTOM_FUNCTIONS) {
    const args = inputs(f, rand);
    let failure = '';
    const t = time(() => {
      try {
        return f.invoke(...args);
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
        return null;
      }
    });
    const ms = t.median;
    record(`functions.msPer100k.${f.name}`, { min: Number(t.min.toFixed(2)), median: Number(t.median.toFixed(2)) });
    if (failure) console.log(`  (${f.name} threw on the bench data: ${failure})`);
    worst = Math.max(worst, ms);
    const ratio = ms / TARGET_MS;
    console.log(
      `${f.name.padEnd(12)} ${ms.toFixed(1).padStart(13)} ${Math.round((ROWS / ms) * 1000)
        .toLocaleString('en-US')
        .padStart(12)}  ${ratio.toFixed(2)}×${ratio > 1 ? '  OVER TARGET' : ''}`,
    );
  }
  console.log(`slowest: ${worst.toFixed(1)} ms per 100k rows = ${(worst / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target`);

  record('functions.slowestMsPer100k', Number(worst.toFixed(2)));
}
