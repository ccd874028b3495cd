/**
 * The Options step's "How metrics are counted" in headless Chromium at 300 px (fake google.script.run,
 * real validateMapping): choose a model and the rest, see them refused when wrong, summarised on Review,
 * saved in the mapping and restored on reopen. The build itself is tested through the bundle (test/gas)
 * and end to end (test/e2e).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Mapping } from '../../../src/core/mapping/types.js';
import { axeSerious } from '../../support/axe.js';
import { context, detections } from '../fixtures.js';
import { startHarness, type Harness } from '../harness.js';

const ARTIFACTS = 'test-artifacts/sidebar';

let harness: Harness;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const heading = async (page: Page): Promise<string> => (await page.locator('h2.step-title').textContent()) ?? '';

async function step(page: Page, index: number, title: string): Promise<void> {
  await expect.poll(() => page.locator('.app').getAttribute('aria-busy')).toBe('false');
  await page.locator('.step-nav button').nth(index).click();
  await expect.poll(() => heading(page)).toBe(title);
}

describe('metrics options in the wizard', () => {
  it('CRM: choose time decay, cohort basis, return gap and LTV inputs; refused values block Save; saved and restored', async () => {
    const first = await harness.open({ context: context('en', 'Лиды'), detections: detections('en') });
    const { page, saved } = first;
    await step(page, 3, 'Options');
    const model = page.getByLabel('Attribution model');
    expect(await model.inputValue()).toBe('last_touch');
    expect(await model.locator('option').allTextContents()).toEqual([
      'Last touch',
      'First touch',
      'Linear',
      'Position-based 40/20/40',
      'Time decay',
    ]);
    const halfLife = page.getByLabel('Time-decay half-life, days');
    expect(await halfLife.isVisible()).toBe(false);
    await model.selectOption('time_decay');
    expect(await halfLife.isVisible()).toBe(true);
    // The default shows as a placeholder; a wrong value is refused in place and on Review.
    expect(await halfLife.getAttribute('placeholder')).toBe('7');
    await halfLife.fill('0');
    await expect
      .poll(() => page.locator('[data-metric="halfLifeDays"] ~ .field-error').textContent())
      .toBe('Enter a number above 0 and at most 3660.');
    expect(await halfLife.getAttribute('aria-invalid')).toBe('true');
    await step(page, 4, 'Review & save');
    expect(await page.getByRole('button', { name: 'Save mapping' }).isDisabled()).toBe(true);
    expect(await page.locator('#review-blocked').textContent()).toContain('Time-decay half-life, days cannot be 0; allowed: 0 < x ≤ 3660');
    await step(page, 3, 'Options');
    await page.getByLabel('Time-decay half-life, days').fill('3,5');
    await page.getByLabel('Date of a sale').selectOption('created');
    await page.getByLabel('Returned customer: days without a purchase').fill('60');
    await page.getByLabel('Customer lifespan, years').fill('3');
    await page.getByLabel('Purchases per customer a year').fill('2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/10-options-metrics-en.png`, fullPage: true });

    await step(page, 4, 'Review & save');
    const summary = page.locator('.summary dd');
    await expect
      .poll(() => summary.allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Time decay (half-life 3.5 days) · sales by lead creation (cohort) · returned after 60 days',
          'LTV by formula: 3 years × 2 purchases a year',
        ]),
      );
    const save = page.getByRole('button', { name: 'Save mapping' });
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => saved.length).toBe(1);
    const mapping: Mapping = saved[0];
    expect(mapping.options.metrics).toEqual({
      attribution: 'time_decay',
      halfLifeDays: 3.5,
      periodBasis: 'created',
      returnDays: 60,
      lifespanYears: 3,
      purchasesPerYear: 2,
    });
    await page.close();

    // Reopen: the saved options are back in the fields and in the summary.
    const again = await harness.open({ context: context('en', 'Лиды', { saved: mapping }), detections: detections('en') });
    await step(again.page, 3, 'Options');
    expect(await again.page.getByLabel('Attribution model').inputValue()).toBe('time_decay');
    expect(await again.page.getByLabel('Time-decay half-life, days').inputValue()).toBe('3.5');
    expect(await again.page.getByLabel('Date of a sale').inputValue()).toBe('created');
    expect(await again.page.getByLabel('Returned customer: days without a purchase').inputValue()).toBe('60');
    expect(await again.page.getByLabel('Purchases per customer a year').inputValue()).toBe('2');
    await step(again.page, 4, 'Review & save');
    expect(await again.page.locator('.summary dd').allTextContents()).toContain(
      'Time decay (half-life 3.5 days) · sales by lead creation (cohort) · returned after 60 days',
    );
    // Nothing changed since the save: Build is allowed at once.
    await expect.poll(() => again.page.getByRole('button', { name: 'Build dashboard' }).isDisabled()).toBe(false);
    expect([...first.pageErrors, ...again.pageErrors]).toEqual([]);
    await again.page.close();
  });

  it('a stored out-of-range value is shown as refused at once, in Russian, and blocks Save', async () => {
    const good = await harness.open({ context: context('ru', 'Лиды'), detections: detections('ru') });
    await step(good.page, 4, 'Проверка и сохранение');
    await good.page.getByRole('button', { name: 'Сохранить разметку' }).click();
    await expect.poll(() => good.saved.length).toBe(1);
    await good.page.close();
    const hostile = { ...good.saved[0], options: { ...good.saved[0].options, metrics: { returnDays: 0 } } } as Mapping;
    const { page } = await harness.open({ context: context('ru', 'Лиды', { saved: hostile }), detections: detections('ru') });
    await step(page, 3, 'Параметры');
    const days = page.getByLabel('Вернувшийся клиент: дней без покупки');
    expect(await days.inputValue()).toBe('0');
    await expect.poll(() => days.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-metric="returnDays"] ~ .field-error').textContent()).toBe('Введите целое число от 1 до 3660.');
    await step(page, 4, 'Проверка и сохранение');
    expect(await page.getByRole('button', { name: 'Сохранить разметку' }).isDisabled()).toBe(true);
    expect(await page.locator('#review-blocked').textContent()).toContain('Вернувшийся клиент: дней без покупки не может быть 0');
    await page.close();
  });

  it('aggregated data: only the LTV inputs (the other options need one row per lead)', async () => {
    const { page, saved } = await harness.open({ context: context('en', 'Ads report'), detections: detections('en') });
    await step(page, 3, 'Options');
    expect(await page.getByLabel('Attribution model').count()).toBe(0);
    expect(await page.getByLabel('Date of a sale').count()).toBe(0);
    await page.getByLabel('Customer lifespan, years').fill('4');
    await page.getByLabel('Purchases per customer a year').fill('1,5');
    await step(page, 4, 'Review & save');
    expect(await page.locator('.summary dd').allTextContents()).toContain('LTV by formula: 4 years × 1.5 purchases a year');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0].options.metrics).toEqual({ lifespanYears: 4, purchasesPerYear: 1.5 });
    await page.close();
  });
});
