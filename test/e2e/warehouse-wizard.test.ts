/**
 * The wizard on a BigQuery table, end to end on `npm start`'s server in headless Chromium: the real built
 * sidebar, google.script.run reaching the built dist/Code.js, and the BigQuery advanced service faked at
 * its boundary (local/runtime/bigquery: DuckDB running the DuckDB twin of the SQL the bundle sends).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startLocalApp, type LocalApp } from '../../local/server/app.js';
import { createSession } from '../../local/server/session.js';
import { readSample } from '../../local/server/samples.js';
import { FakeBigQuery } from '../../local/runtime/index.js';
import { addSheetTable } from '../../local/runtime/bigquery/sample-tables.js';
import { axeSerious } from '../support/axe.js';

const ARTIFACTS = 'test-artifacts/e2e';
const ADS = { projectId: 'acme-marketing', datasetId: 'ads', tableId: 'weekly_export' };

let browser: Browser;
let app: LocalApp | null = null;
let fake: FakeBigQuery | null = null;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await app?.close();
  fake?.close();
  await browser?.close();
});

async function heading(frame: FrameLocator): Promise<string> {
  return (await frame.locator('h2.step-title').textContent()) ?? '';
}

async function next(frame: FrameLocator, expected: string): Promise<void> {
  await frame.locator('.step-buttons button.primary').click();
  await expect.poll(() => heading(frame)).toBe(expected);
}

async function openSidebar(page: Page): Promise<FrameLocator> {
  await page.locator('#addon-menu-button').click();
  await page.locator('[data-function="showSidebar"]').click();
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('h2.step-title').waitFor();
  return frame;
}

describe('the wizard on a BigQuery table', () => {
  it('picks a Connected Sheets data source, reads it, saves, shows the cost estimate, builds, and restores', async () => {
    fake = new FakeBigQuery();
    addSheetTable(fake, ADS, readSample('ad-platform-export-en').sheets[0].rows);
    app = await startLocalApp(
      createSession({
        samples: ['ad-platform-export-en'],
        bigQuery: { service: fake.service, dataSourceSheets: [{ name: 'Ads (BigQuery)', projectId: 'acme-billing', table: ADS }] },
      }),
      { port: 0 },
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await page.locator('body[data-ready="true"]').waitFor();
    const frame = await openSidebar(page);
    // The sheet path stays the default; no BigQuery call happens until the user picks BigQuery.
    expect(fake.log).toEqual([]);

    await frame.getByLabel('A BigQuery table (Connected Sheets)').check();
    const picker = frame.getByLabel('Connected Sheets data source');
    await picker.waitFor();
    await picker.selectOption({ label: 'Ads (BigQuery) — acme-marketing.ads.weekly_export' });
    expect(await frame.getByLabel('BigQuery table (project.dataset.table)').inputValue()).toBe('acme-marketing.ads.weekly_export');
    expect(await frame.getByLabel('Project billed for the queries (optional)').inputValue()).toBe('acme-billing');
    await frame.getByRole('button', { name: 'Read table' }).click();
    await expect
      .poll(() => frame.locator('.region').textContent())
      .toMatch(/^BigQuery table acme-marketing\.ads\.weekly_export: 7\d\d rows/u);
    // Reading costs nothing (no query job); the live validation then dry-runs the compiled query.
    expect(fake.log.slice(0, 2)).toEqual(['tables.get', 'tabledata.list']);
    expect(fake.log).not.toContain('jobs.query');
    await expect.poll(() => frame.locator('.preview th').first().textContent()).toBe('Date');
    const sidebarFrame = page.frames().find((f) => f.url().includes('/sidebar'));
    if (!sidebarFrame) throw new Error('sidebar frame not found');
    expect(await axeSerious(sidebarFrame)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/6-bigquery-data.png` });

    await next(frame, 'Columns');
    await next(frame, 'Funnel');
    await next(frame, 'Options');
    await next(frame, 'Review & save');
    // The dry run's estimate is shown with the checks, before anything is built.
    await expect
      .poll(() => frame.locator('.step-content').textContent())
      .toMatch(/Each build scans about [\d.]+ (KB|MB) in BigQuery \(dry run\), billed to project acme-billing/u);
    await frame.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => frame.locator('.results').textContent()).toContain('Mapping saved.');
    expect(app.session.workbook.peekProperties('document')['funnelroi.mapping']).toContain(
      '"wh":["bq",["acme-marketing","ads","weekly_export"]',
    );
    await frame.getByRole('button', { name: 'Build dashboard' }).click();
    await expect
      .poll(() => frame.locator('.results').textContent(), { timeout: 20_000 })
      .toMatch(/Dashboard “FunnelROI dashboard” is ready/u);
    expect(fake.log.filter((l) => l === 'jobs.query').length).toBe(1);
    const dash = app.session.workbook.snapshot('FunnelROI dashboard');
    expect(dash.values.flat()).toContain('BigQuery acme-marketing.ads.weekly_export');
    await page.locator('#tabs [data-sheet="FunnelROI dashboard"]').click();
    await page.screenshot({ path: `${ARTIFACTS}/6-bigquery-dashboard.png` });

    // Reopened: the saved BigQuery mapping is read again from the table.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    const again = await openSidebar(page);
    await expect.poll(() => again.locator('.notice').textContent()).toBe('Saved mapping loaded.');
    expect(await again.getByLabel('A BigQuery table (Connected Sheets)').isChecked()).toBe(true);
    expect(await again.getByLabel('BigQuery table (project.dataset.table)').inputValue()).toBe('acme-marketing.ads.weekly_export');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
