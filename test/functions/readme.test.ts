/** The README's function table is generated from the declarations; this fails when it was not regenerated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderFunctionTable, withFunctionTable } from '../../scripts/readme-functions.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';

describe('README function table', () => {
  it('is the one generated from the declarations (run `npm run docs` after changing a function)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withFunctionTable(readme));
  });

  it('has a row per function with its signature and example', () => {
    const table = renderFunctionTable();
    for (const f of CUSTOM_FUNCTIONS) {
      expect(table).toContain(`| \`${f.name}(`);
      expect(table).toContain(f.example);
    }
    expect(table).toContain('`ROMI(revenue, marketing_cost, [gross_margin=1])`');
    expect(table).toContain('`FUNNEL(stage_counts, [mode="step"])`');
  });
});
