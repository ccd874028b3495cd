/**
 * Bench hygiene in one place: every timing runs a warm-up, then repeats, and reports min and median.
 * Ratios are taken between figures measured in the same run, so machine load cancels out (mostly).
 */
export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly runs: number;
}

export function time(fn: () => unknown, runs = 5, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0], median: samples[Math.floor(samples.length / 2)], runs };
}

export const ms = (t: Timing): string => `min ${t.min.toFixed(t.min < 10 ? 2 : 0)} ms, median ${t.median.toFixed(t.median < 10 ? 2 : 0)} ms`;

/** Figures collected by every bench module, written to bench/last.json by run.ts. */
export const results: Record<string, unknown> = {};

/** Sets `results.a.b.c = value` for the path `a.b.c`, so `build.serviceCalls.1k` resolves as a nested path. */
export function record(path: string, value: unknown): void {
  const keys = path.split('.');
  let node = results;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
