/**
 * README's definitions list, rendered from core/definitions (ids, defaults) and their English texts in
 * core/i18n/metrics.ts — the same words the dashboard notes and the CLI's `definitions` block use.
 * `npm run docs` rewrites the region between the markers; test/definitions/readme.test.ts fails when stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATTRIBUTION_MODELS, DEFAULT_METRICS_OPTIONS, PROJECTION_SLOPE_MONTHS } from '../src/core/definitions/index.js';
import { definitionTexts, modelName } from '../src/core/i18n/metrics.js';
import { README } from './readme-functions.js';

export const START = '<!-- definitions:start -->';
export const END = '<!-- definitions:end -->';

export function renderDefinitions(): string {
  const o = DEFAULT_METRICS_OPTIONS;
  const defs = definitionTexts('en', { ...o, slopeMonths: PROJECTION_SLOPE_MONTHS }).map((d) => `- **\`${d.id}\`** — ${d.text}`);
  const models = ATTRIBUTION_MODELS.map((m) => `\`${m}\` (${modelName('en', m)})`).join(', ');
  return [
    ...defs,
    '',
    `Attribution models: ${models}. Defaults: ${modelName('en', o.attribution)}, period basis \`${o.periodBasis}\`, returned after ${o.returnDays} days, time-decay half-life ${o.halfLifeDays} days, LTV projected to ${o.ltvHorizonMonths} months.`,
  ].join('\n');
}

export function withDefinitions(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${renderDefinitions()}\n${readme.slice(end)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, 'utf8');
  const next = withDefinitions(current);
  if (process.argv.includes('--write')) {
    writeFileSync(README, next);
    console.log(next === current ? 'README.md definitions are up to date' : 'README.md definitions rewritten');
  } else console.log(renderDefinitions());
}
