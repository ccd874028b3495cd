/**
 * `npm run bench`: runs every bench/*.bench.ts in name order (or those whose name contains the first
 * argument). Each module prints its own figures and records them (bench/lib/timing.ts `record`); a full
 * run writes them to bench/last.json as nested objects (`build.serviceCalls.1k` is a path). Performance
 * goals live here, never as timed assertions in tests. A run of some files updates only their sections.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { record, results } from './lib/timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> | void };
  await mod.default();
}
record('meta.date', new Date().toISOString());
record('meta.node', process.version);
record('meta.cpus', cpus().length);
const file = join(here, 'last.json');
// A partial run (`npm run bench warehouse`) replaces only the sections it measured.
const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
console.log(`\nwrote bench/last.json${only ? ` (sections: ${Object.keys(results).join(', ')})` : ''}`);
