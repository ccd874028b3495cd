/**
 * Custom-function cold start: every cell's first evaluation loads dist/Code.js into a fresh V8 context
 * and calls one function. Measured against a minimal one-function script in the same run (load + one
 * call each), so the ratio says what the add-on adds on top of Apps Script's own start-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { buildAll } from '../scripts/build.js';
import { ms, record, time } from './lib/timing.js';

const MINIMAL = `function ROMI(revenue, cost, margin) { return (revenue * (margin === undefined ? 1 : margin) - cost) / cost; }`;
const RUNS = 41;

function coldCall(code: string): () => unknown {
  const script = new vm.Script(code, { filename: 'Code.js' });
  return () => {
    // A new context each time: nothing survives from the previous execution, as in Apps Script.
    const context = vm.createContext({});
    script.runInContext(context);
    return vm.runInContext('ROMI(1500, 1000, 0.8)', context) as unknown;
  };
}

export default async function bench(): Promise<void> {
  const path = join(process.cwd(), 'dist', 'Code.js');
  if (!existsSync(path)) await buildAll();
  const code = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(code);
  const gz = gzipSync(code).length;
  const ours = coldCall(code);
  const minimal = coldCall(MINIMAL);
  if (ours() !== minimal()) throw new Error('cold-start bench: the bundle and the minimal script disagree on ROMI');
  // Interleaved so both see the same machine load.
  const a = time(ours, RUNS, 3);
  const b = time(minimal, RUNS, 3);
  const ratio = a.median / b.median;
  console.log(`dist/Code.js: ${bytes.toLocaleString('en-US')} bytes, ${gz.toLocaleString('en-US')} gzipped`);
  console.log(
    `cold start (new context + load + ROMI once): bundle ${ms(a)}; minimal script ${ms(b)}; ratio ${ratio.toFixed(1)}× (goal ≤ 8×)`,
  );
  record('functions.coldStartRatio', Number(ratio.toFixed(2)));
  record('functions.coldStartMs', Number(a.median.toFixed(3)));
  record('functions.minimalStartMs', Number(b.median.toFixed(3)));
  record('functions.bundleBytes', bytes);
  record('functions.bundleGzipBytes', gz);
}
