/**
 * A Russian or Chinese user never reads English in the sidebar: each step of the wizard, rendered in
 * headless Chromium over the fixtures, is scanned for Latin-alphabet words beyond the catalogue's
 * allow-list and the words of the user's own data (sheet names, headers, values). A server failure that
 * arrives as a coded message (src/api/errors.ts) is shown from the sidebar's own catalogue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toWireMessage } from '../../src/api/errors.js';
import type { UiLocale } from '../../src/api/contract.js';
import { issueText, t } from '../../src/core/i18n/index.js';
import { CodedError } from '../../src/core/issues.js';
import { englishWords, LATIN_ALLOWED } from '../i18n/english-words.js';
import { context, detections, SHEETS } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The allow-list plus every Latin word of the fixtures' sheet names and cells: the user's own text. */
const ALLOWED = new Set([
  ...LATIN_ALLOWED,
  ...Object.entries(SHEETS).flatMap(([name, rows]) => [name, ...rows.flat().map(String)].flatMap((t) => t.match(/[A-Za-z]+/gu) ?? [])),
]);

/** Everything a user can read or hear: visible text, accessible names, tooltips and placeholders. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], option'))) {
      for (const a of ['aria-label', 'title', 'placeholder']) parts.push(el.getAttribute(a) ?? '');
      if (el.tagName === 'OPTION') parts.push(el.textContent ?? '');
    }
    return parts.join('\n');
  });
}

async function next(page: Page): Promise<void> {
  const before = await page.locator('h2.step-title').textContent();
  await page.locator('.step-buttons button.primary').click();
  await expect.poll(() => page.locator('h2.step-title').textContent()).not.toBe(before);
}

const STEPS = 5;

describe.each(['ru', 'zh'] as const)('the %s sidebar', (locale: UiLocale) => {
  it('shows no English on any step, for a CRM export and for an ad report', async () => {
    for (const sheet of ['Лиды', 'Ads report']) {
      const failure = CodedError.withIssues('mapping_not_buildable', [
        new CodedError('sheet_missing', { sheet: 'Расходы', table: 'costs' }),
      ]);
      const { page, saved } = await harness.open({
        context: context(locale, sheet),
        detections: detections(locale),
        // The server's text is English here on purpose: the sidebar must render the code, not the text.
        build: { error: toWireMessage(failure.message, failure) },
      });
      await expect.poll(() => page.locator('h2.step-title').count()).toBe(1);
      for (let step = 1; step <= STEPS; step++) {
        expect(englishWords(await readable(page), ALLOWED), `${locale} ${sheet} step ${step}`).toEqual([]);
        if (step < STEPS) await next(page);
      }
      await page.getByRole('button', { name: t(locale, 'review.save') }).click();
      await expect.poll(() => saved.length).toBe(1);
      await page.getByRole('button', { name: t(locale, 'review.build') }).click();
      const alert = page.locator('.alert');
      await expect.poll(() => alert.textContent()).toBe(t(locale, 'common.error', { message: issueText(locale, failure) }));
      expect(await alert.textContent()).toContain(
        issueText(locale, { code: 'sheet_missing', params: { sheet: 'Расходы', table: 'costs' } }),
      );
      expect(englishWords(await readable(page), ALLOWED), `${locale} ${sheet} after the build failed`).toEqual([]);
      await page.close();
    }
  });
});
