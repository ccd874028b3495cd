/**
 * The README's function table, rendered from the declarations in CUSTOM_FUNCTIONS (the same ones the
 * wrappers and their JSDoc come from). `tsx scripts/readme-functions.ts --write` (npm run docs) rewrites
 * the region between the markers; test/functions/readme.test.ts fails when README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CustomFunction } from '../src/core/functions/define.js';
import { CUSTOM_FUNCTIONS } from '../src/core/functions/registry.js';

export const START = '<!-- functions:start -->';
export const END = '<!-- functions:end -->';
export const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

function cellText(s: string): string {
  return s.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ').trim();
}

function signature(f: CustomFunction): string {
  const required = f.params.filter((p) => !p.optional).map((p) => p.name);
  const optional = f.params
    .filter((p) => p.optional)
    .map((p) => `[${p.name}${p.default !== undefined ? `=${JSON.stringify(p.default)}` : ''}]`);
  return `${f.name}(${[...required, ...optional].join(', ')})`;
}

function paramsText(f: CustomFunction): string {
  return f.params.map((p) => `\`${p.name}\`: ${cellText(p.description)}`).join('<br>');
}

export function renderFunctionTable(functions: readonly CustomFunction[] = CUSTOM_FUNCTIONS): string {
  const rows = functions.map(
    (f) =>
      `| \`${signature(f)}\` | ${cellText(f.summary)} | ${cellText(f.formula)} | ${cellText(f.returns)} | ${paramsText(f)} | \`${cellText(f.example)}\` |`,
  );
  return ['| function | what it measures | formula | result | arguments | example |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** README text with the region between the markers replaced by the generated table. */
export function withFunctionTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${renderFunctionTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, 'utf8');
  const next = withFunctionTable(current);
  if (process.argv.includes('--write')) {
    writeFileSync(README, next);
    console.log(next === current ? 'README.md function table is up to date' : 'README.md function table rewritten');
  } else {
    console.log(renderFunctionTable());
  }
}
