/** README's definitions come from the definitions module; this fails when README was not regenerated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README } from '../../scripts/readme-functions.js';
import { renderDefinitions, withDefinitions } from '../../scripts/readme-definitions.js';
import { DEFINITION_IDS } from '../../src/core/definitions/index.js';

describe('README definitions', () => {
  it('are the ones generated from core/definitions (run `npm run docs` after changing one)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withDefinitions(readme));
  });
  it('name every definition and the returned-customer default', () => {
    const text = renderDefinitions();
    for (const id of DEFINITION_IDS) expect(text).toContain(`\`${id}\``);
    expect(text).toContain('at least 90 days without a purchase');
  });
});
