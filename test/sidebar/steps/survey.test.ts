/**
 * The NPS survey picker of step 1 in headless Chromium at 300 px (fake google.script.run, real
 * validateMapping): a CRM export with customer IDs, a costs sheet and a survey sheet whose name and one
 * header are markup. The survey's columns are proposed from the column guesser, can be changed, are
 * checked live (no score column blocks Save), saved in mapping.survey and restored on reopen.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Detection, SheetSummary, SidebarContext } from '../../../src/api/contract.js';
import { detectSheet } from '../../../src/core/mapping/index.js';
import type { Mapping } from '../../../src/core/mapping/types.js';
import type { CellValue } from '../../../src/core/values.js';
import { axeSerious } from '../../support/axe.js';
import { clip } from '../../../sidebar/format.js';
import { XSS } from '../fixtures.js';
import { startHarness, type Harness } from '../harness.js';

const ARTIFACTS = 'test-artifacts/sidebar';
const SURVEY = 'NPS <b>answers</b>';
const SCORE = 'How likely are you to recommend us? (0-10)';

const SHEETS: Readonly<Record<string, CellValue[][]>> = {
  Leads: [
    ['ID', 'Created', 'Source', 'Status', 'Amount', 'Client ID'],
    [1, '2026-01-05', 'google', 'Won', 1200, 'C-1'],
    [2, '2026-01-06', 'meta', 'New', '', 'C-2'],
    [3, '2026-02-02', 'google', 'Lost', '', 'C-3'],
    [4, '2026-02-03', 'meta', 'Won', 800, 'C-2'],
  ],
  Costs: [
    ['Month', 'Channel', 'Spend'],
    ['2026-01', 'google', 500],
    ['2026-01', 'meta', 300],
  ],
  [SURVEY]: [
    ['Answered', 'Client ID', XSS, SCORE],
    ['2026-02-10', 'C-1', 'fine', 9],
    ['2026-02-11', 'C-2', '=HYPERLINK("http://evil.example")', 3],
  ],
};

function summaries(): SheetSummary[] {
  return Object.entries(SHEETS).map(([name, rows], i) => ({
    sheetId: 20 + i,
    name,
    lastRow: rows.length,
    lastColumn: rows[0].length,
    isDashboard: false,
  }));
}

function detections(): Record<string, Detection> {
  const out: Record<string, Detection> = {};
  for (const s of summaries()) {
    const rows = SHEETS[s.name];
    out[s.name] = detectSheet(
      rows,
      rows.map((r) => r.map((v) => String(v ?? ''))),
      { sheetId: s.sheetId, sheetName: s.name, locale: 'en' },
    );
  }
  return out;
}

function context(saved: Mapping | null = null): SidebarContext {
  return {
    locale: 'en',
    activeSheetName: 'Leads',
    sheets: summaries(),
    saved,
    savedProblems: [],
    defaultOptions: { granularity: 'month', grossMargin: 1, currency: 'USD', dashboardName: 'FunnelROI dashboard', byCampaign: false },
  };
}

let harness: Harness;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const heading = async (page: Page): Promise<string> => (await page.locator('h2.step-title').textContent()) ?? '';
const idle = (page: Page): Promise<void> => expect.poll(() => page.locator('.app').getAttribute('aria-busy')).toBe('false');

async function step(page: Page, index: number, title: string): Promise<void> {
  await idle(page);
  await page.locator('.step-nav button').nth(index).click();
  await expect.poll(() => heading(page)).toBe(title);
}

/** The visible text of a select's chosen option. */
const chosen = (page: Page, label: string): Promise<string> =>
  page.getByLabel(label).evaluate((s) => {
    const select = s as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  });

describe('NPS survey sheet in the wizard', () => {
  it('is picked, its columns guessed and editable, checked live, saved and restored; markup stays text', async () => {
    const first = await harness.open({ context: context(), detections: detections() });
    const { page, saved, dialogs } = first;
    await idle(page);
    expect(await page.getByLabel('Sheet with the answers').inputValue()).toBe('');
    // The leads and costs sheets are not offered as the survey.
    expect(await page.getByLabel('Sheet with the answers').locator('option').allTextContents()).toEqual(['— none —', SURVEY]);
    expect(await page.getByLabel('Column that identifies the customer').count()).toBe(0);

    await page.getByLabel('Sheet with the answers').selectOption(SURVEY);
    await idle(page);
    await expect.poll(() => chosen(page, 'Column that identifies the customer')).toBe('B · Client ID');
    expect(await chosen(page, 'Column with the score (0–10)')).toBe(`D · ${clip(SCORE, 40)}`);
    expect(await chosen(page, 'Date of the answer')).toBe('A · Answered');
    // Markup in a header and a sheet name is shown literally, never parsed.
    expect(await page.getByLabel('Column with the score (0–10)').locator('option').allTextContents()).toContain(`C · ${XSS}`);
    expect(await page.locator('.survey img, .survey b').count()).toBe(0);
    expect(await page.getByLabel('Sheet with the answers').locator('option:checked').textContent()).toBe(SURVEY);

    // No score column: refused live, Save blocked, with the reason.
    await page.getByLabel('Column with the score (0–10)').selectOption('');
    await step(page, 4, 'Review & save');
    const save = page.getByRole('button', { name: 'Save mapping' });
    await expect.poll(() => page.locator('#review-blocked').textContent()).toContain('The survey sheet has no NPS score column.');
    expect(await save.isDisabled()).toBe(true);

    // The score back, the date dropped: saved as the user chose.
    await step(page, 0, 'Data');
    await page.getByLabel('Column with the score (0–10)').selectOption('3');
    await page.getByLabel('Date of the answer').selectOption('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/11-survey-picker-en.png`, fullPage: true });
    await step(page, 4, 'Review & save');
    expect(await page.locator('.summary dd').allTextContents()).toContain(`NPS survey from “${SURVEY}”`);
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => saved.length).toBe(1);
    const survey = saved[0].survey;
    expect(survey?.sheetName).toBe(SURVEY);
    expect(survey?.sheetId).toBe(22);
    expect(survey?.columns.map((c) => [c.header, c.role])).toEqual([
      ['Answered', 'ignore'],
      ['Client ID', 'customer_id'],
      [XSS, 'ignore'],
      [SCORE, 'nps'],
    ]);
    await page.close();

    // Reopen on the saved mapping: the survey and the user's choices are back; Build is allowed at once.
    const again = await harness.open({ context: context(saved[0]), detections: detections() });
    await idle(again.page);
    expect(await again.page.getByLabel('Sheet with the answers').inputValue()).toBe(SURVEY);
    expect(await chosen(again.page, 'Column that identifies the customer')).toBe('B · Client ID');
    expect(await chosen(again.page, 'Column with the score (0–10)')).toBe(`D · ${clip(SCORE, 40)}`);
    expect(await chosen(again.page, 'Date of the answer')).toBe('— none —');
    await step(again.page, 4, 'Review & save');
    await expect.poll(() => again.page.getByRole('button', { name: 'Build dashboard' }).isDisabled()).toBe(false);

    // Choosing no survey removes it from the mapping.
    await step(again.page, 0, 'Data');
    await again.page.getByLabel('Sheet with the answers').selectOption('');
    await step(again.page, 4, 'Review & save');
    await again.page.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => again.saved.length).toBe(1);
    expect(again.saved[0].survey).toBeUndefined();
    expect([...first.pageErrors, ...again.pageErrors, ...dialogs, ...again.dialogs]).toEqual([]);
    await again.page.close();
  });
});
