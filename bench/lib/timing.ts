/**
 * Bench hygiene in one place: every timing runs a warm-up, then repeats, and reports min and median.
 * Ratios are taken between figures measured in the same run, so machine load cancels out (mostly).
 */
export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly runs: number;
  /** Per-run times in run order (interleaved runs: run i of every function ran back to back). */
  readonly samples: readonly number[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * a ÷ b as the median of the per-run ratios of interleaved runs: runs i of a and b ran back to back and
 * saw the same load from the other processes on this shared machine, so their ratio is steadier than a
 * ratio of minimums or medians taken separately.
 */
export function pairedRatio(a: Timing, b: Timing): number {
  return median(a.samples.map((t, i) => t / b.samples[i]));
}

/** A full collection before each timed run (npm run bench passes --expose-gc), so one function's garbage is not billed to the next. */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function time(fn: () => unknown, runs = 5, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { min: Math.min(...samples), median: median(samples), runs, samples };
}

export const ms = (t: Timing): string =>
  `min ${t.min.toFixed(t.min < 10 ? 2 : 0)} ms, median ${t.median.toFixed(t.median < 10 ? 2 : 0)} ms`;

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

/**
 * Times several functions interleaved (a, b, c, a, b, c…) after one warm-up each, so a burst of load
 * from other processes hits all of them alike. Ratios are then taken between the minimums.
 */
export function timeInterleaved(fns: readonly (() => unknown)[], runs = 5, warmup = 1): Timing[] {
  for (let w = 0; w < warmup; w++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      collect();
      const t = performance.now();
      fn();
      samples[k].push(performance.now() - t);
    });
  }
  return samples.map((s) => ({ min: Math.min(...s), median: median(s), runs, samples: s }));
}
