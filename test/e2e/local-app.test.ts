/**
 * End to end on `npm start`'s server, in headless Chromium: the grid page with the sample workbooks, the
 * add-on menu, and the real built sidebar whose google.script.run calls reach the built dist/Code.js
 * running in a bare V8 context against the in-memory workbook. Nothing here is faked.
 */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startLocalApp, type LocalApp } from '../../local/server/app.js';
import { createSession, type SessionOptions } from '../../local/server/session.js';
import { parseNumberText } from '../../src/core/values.js';
import { defaultMapping, notedCurrency } from '../../src/core/mapping/index.js';
import type { BuildResult, Detection, WizardOpening } from '../../src/api/contract.js';
import { axeSerious } from '../support/axe.js';
import { CHROMIUM_PATH } from '../support/browser.js';

const ARTIFACTS = 'test-artifacts/e2e';

let browser: Browser;
const opened: LocalApp[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  for (const app of opened) await app.close();
  await browser?.close();
  // The servers are really gone: their ports refuse connections.
  for (const app of opened) expect(await portOpen(app.port)).toBe(false);
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface Opened {
  readonly app: LocalApp;
  readonly page: Page;
  readonly dialogs: string[];
  readonly errors: string[];
}

async function open(options: SessionOptions, prepare?: (app: LocalApp) => void): Promise<Opened> {
  const app = await startLocalApp(createSession(options), { port: 0 });
  opened.push(app);
  prepare?.(app);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.locator('body[data-ready="true"]').waitFor();
  return { app, page, dialogs, errors };
}

async function typeInto(page: Page, a1: string, input: string): Promise<void> {
  await page.locator(`td[data-a1="${a1}"]`).click();
  await page.locator('#formula-input').fill(input);
  await page.locator('#formula-input').press('Enter');
  // After the write the page reloads the sheet and moves the selection down, as Sheets does.
  await expect.poll(() => page.locator('#status').textContent()).toBe(`${a1} updated`);
  await expect.poll(() => page.locator('#cell-ref').textContent()).not.toBe(a1);
}

const cellText = (page: Page, a1: string) => page.locator(`td[data-a1="${a1}"]`).textContent();

async function menu(page: Page, functionName: string): Promise<void> {
  await page.locator('#addon-menu-button').click();
  await page.locator(`[data-function="${functionName}"]`).click();
}

async function openSidebar(page: Page): Promise<FrameLocator> {
  await menu(page, 'showSidebar');
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('h2.step-title').waitFor();
  return frame;
}

async function heading(frame: FrameLocator): Promise<string> {
  return (await frame.locator('h2.step-title').textContent()) ?? '';
}

async function next(frame: FrameLocator, expected: string): Promise<void> {
  await frame.locator('.step-buttons button.primary').click();
  await expect.poll(() => heading(frame)).toBe(expected);
}

describe('the grid: custom functions typed into cells', () => {
  it('computes =ROMI, spills a range formula, shows errors with their message and text as text', async () => {
    const { app, page, errors } = await open({ samples: ['ad-platform-export-en'] });
    await typeInto(page, 'L4', '=ROMI(5000, 2000)');
    await expect.poll(() => cellText(page, 'L4')).toBe('1.5');

    // CTR over the first 7 data rows spills down M4:M10; compare with clicks/impressions from the workbook.
    await typeInto(page, 'M4', '=CTR(F4:F10, E4:E10)');
    const source = app.session.workbook.snapshot('Ads export', { fromRow: 4, numRows: 7 });
    for (let i = 0; i < 7; i++) {
      const clicks = source.values[i][5] as number;
      const impressions = source.values[i][4] as number;
      const shown = Number(await cellText(page, `M${4 + i}`));
      expect(shown, `M${4 + i}`).toBeCloseTo(clicks / impressions, 6);
    }

    // A bad argument: #ERROR! in the cell, the function's message on hover and in the formula bar.
    await typeInto(page, 'N4', '=CPL(D4, "lots")');
    expect(await cellText(page, 'N4')).toBe('#ERROR!');
    expect(await page.locator('td[data-a1="N4"]').getAttribute('title')).toBe('CPL: leads must be a number, got "lots"');
    await page.locator('td[data-a1="N4"]').click();
    expect(await page.locator('#cell-note').textContent()).toBe('CPL: leads must be a number, got "lots"');
    expect(await page.locator('#formula-input').inputValue()).toBe('=CPL(D4, "lots")');

    // An apostrophe keeps formula-looking text as text, as in Sheets.
    await typeInto(page, 'O4', "'=1+1");
    expect(await cellText(page, 'O4')).toBe('=1+1');
    await page.screenshot({ path: `${ARTIFACTS}/1-grid-custom-functions.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});

interface Walk {
  readonly sample: string;
  readonly sheet: string;
  readonly costs?: string;
  /** The column whose guessed role the user changes, and to what. */
  readonly change: { readonly header: string; readonly to: string };
  /** Source column (0-based, within the sheet) holding spend, and how to tell data rows. */
  readonly spend: { readonly sheet: string; readonly column: number; readonly headerRow: number };
  /** The currency a dashboard built with the default options shows: the data's, else the sheet locale's. */
  readonly currency: string;
}

const WALKS: readonly Walk[] = [
  {
    sample: 'ad-platform-export-en',
    sheet: 'Ads export',
    change: { header: 'Campaign', to: 'ignore' },
    spend: { sheet: 'Ads export', column: 3, headerRow: 3 },
    currency: 'USD',
  },
  {
    sample: 'crm-leads-ru',
    sheet: 'Лиды',
    costs: 'Расходы',
    change: { header: 'Кампания', to: 'ignore' },
    spend: { sheet: 'Расходы', column: 2, headerRow: 1 },
    currency: 'RUB',
  },
  {
    sample: 'channel-monthly-zh',
    sheet: '渠道月报',
    change: { header: '展现量', to: 'ignore' },
    spend: { sheet: '渠道月报', column: 2, headerRow: 1 },
    currency: 'CNY',
  },
];

/** Spend summed straight from the source cells, skipping the header and any totals row. */
function sourceSpend(app: LocalApp, walk: Walk): number {
  const snap = app.session.workbook.snapshot(walk.spend.sheet);
  let sum = 0;
  for (const row of snap.values.slice(walk.spend.headerRow)) {
    if (row.some((v) => typeof v === 'string' && /^(total|итого|合计)/iu.test(v))) continue;
    const v = row[walk.spend.column];
    const n = typeof v === 'number' ? v : typeof v === 'string' ? (parseNumberText(v) ?? 0) : 0;
    sum += n;
  }
  return sum;
}

describe('the wizard on each sample, then the dashboard', () => {
  it.each(WALKS.map((w) => [w.sample, w] as const))(
    '%s: detect, change a guess, save, build, reload and see it restored',
    async (_, walk) => {
      const { app, page, dialogs, errors } = await open({ samples: [walk.sample] });
      const frame = await openSidebar(page);
      expect(await heading(frame)).toBe('Data');
      expect((await page.locator('#sidebar-frame').boundingBox())?.width).toBe(300);
      const sheetSelect = frame.locator('select').first();
      expect(await sheetSelect.inputValue()).toBe(walk.sheet);
      await expect.poll(() => frame.locator('.region').count()).toBe(1);
      if (walk.costs) expect(await frame.getByLabel('Sheet with ad costs').inputValue()).toBe(walk.costs);
      await page.screenshot({ path: `${ARTIFACTS}/2-${walk.sample}-data.png` });

      await next(frame, 'Columns');
      const role = frame.getByRole('combobox', { name: `Role of column “${walk.change.header}”` });
      expect(await role.inputValue()).not.toBe(walk.change.to);
      await role.selectOption(walk.change.to);
      await next(frame, 'Funnel');
      await next(frame, 'Options');
      await next(frame, 'Review & save');
      await frame.getByRole('button', { name: 'Save mapping' }).click();
      await expect.poll(() => frame.locator('.results').textContent()).toContain('Mapping saved.');
      const saved = app.session.workbook.peekProperties('document')['funnelroi.mapping'];
      expect(saved).toContain(walk.change.header);

      await frame.getByRole('button', { name: 'Build dashboard' }).click();
      await expect
        .poll(() => frame.locator('.results').textContent(), { timeout: 20_000 })
        .toMatch(/Dashboard “FunnelROI dashboard” is ready/u);
      await expect.poll(() => page.locator('#tabs [data-sheet="FunnelROI dashboard"]').count()).toBe(1);
      await page.locator('#tabs [data-sheet="FunnelROI dashboard"]').click();
      await expect.poll(() => page.locator('figure.chart.floating svg').count()).toBeGreaterThanOrEqual(3);

      // The per-channel totals row: spend equals the source summed independently, and the grid shows it.
      const dash = app.session.workbook.snapshot('FunnelROI dashboard');
      const header = dash.values.findIndex((row) => row[0] === 'Channel' && row[1] === 'Spend');
      const total = dash.values.findIndex((row, i) => i > header && row[0] === 'Total');
      expect(header).toBeGreaterThan(0);
      expect(dash.values[total][1] as number).toBeCloseTo(sourceSpend(app, walk), 2);
      // Default options, an English-speaking user: the currency is the data's or the spreadsheet locale's.
      expect(dash.values.flat()).toContain(walk.currency);
      expect(await cellText(page, `B${total + 1}`)).toBe(dash.display[total][1]);
      // ROMI per channel: conditional formatting paints losses red and gains green, in the grid page.
      const romi = dash.values[header].indexOf('ROMI');
      expect(romi).toBeGreaterThan(0);
      for (let r = header + 1; r < total; r++) {
        const v = dash.values[r][romi];
        if (typeof v !== 'number' || v === 0) continue;
        const a1 = `${String.fromCharCode(65 + romi)}${r + 1}`;
        // Polled: the grid re-renders the sheet after the sidebar's build reports in.
        const tone = async (): Promise<string> => {
          const color = await page.locator(`td[data-a1="${a1}"]`).evaluate((td) => getComputedStyle(td).color);
          const [red, green] = (color.match(/\d+/gu) ?? []).map(Number);
          return red > green ? 'red' : green > red ? 'green' : color;
        };
        await expect.poll(tone, { message: `${a1} = ${v}` }).toBe(v < 0 ? 'red' : 'green');
      }
      // CRM: the metrics blocks are on the sheet below the pivots, and their revenue agrees with the table's.
      if (walk.costs) {
        const find = (label: string): number => dash.values.findIndex((row) => row[0] === label);
        const models = find('Attribution models compared');
        const b2b = find('B2B: deal cycle, repeat sales, NPS, profit');
        expect(models).toBeGreaterThan(total);
        expect(find('Cohort LTV: cumulative gross profit per customer, by months since acquisition')).toBeGreaterThan(models);
        expect(b2b).toBeGreaterThan(models);
        expect(find('Definitions')).toBeGreaterThan(b2b);
        const b2bTotal = dash.values.findIndex((row, i) => i > b2b && row[0] === 'Total');
        const revenueAt = (headerRow: number, row: number): number => dash.values[row][dash.values[headerRow].indexOf('Revenue')] as number;
        expect(revenueAt(b2b + 1, b2bTotal)).toBeCloseTo(revenueAt(header, total), 2);
        expect(dash.values.slice(0, header).some((row) => typeof row[0] === 'string' && row[0].startsWith('• '))).toBe(true); // findings at the top
      }
      await page.screenshot({ path: `${ARTIFACTS}/3-${walk.sample}-dashboard.png` });
      // One step in the page: the grid re-renders its charts whenever the sidebar reports a change.
      await page.evaluate(() => document.querySelector('figure.chart.floating:last-of-type')?.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: `${ARTIFACTS}/3-${walk.sample}-dashboard-charts.png` });
      if (walk.costs) {
        const models = dash.values.findIndex((row) => row[0] === 'Attribution models compared');
        await page.locator(`td[data-a1="A${models + 1}"]`).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${ARTIFACTS}/3-${walk.sample}-dashboard-metrics.png` });
      }

      // Reload the page, reopen the sidebar: the saved mapping comes back with the changed guess.
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      const again = await openSidebar(page);
      await expect.poll(() => again.locator('.notice').textContent()).toBe('Saved mapping loaded.');
      await next(again, 'Columns');
      expect(await again.getByRole('combobox', { name: `Role of column “${walk.change.header}”` }).inputValue()).toBe(walk.change.to);

      // Refresh from the menu rebuilds in place: still one dashboard tab.
      await menu(page, 'refreshDashboard');
      await expect.poll(() => page.locator('#status').textContent()).toMatch(/Dashboard “FunnelROI dashboard” is ready/u);
      expect(await page.locator('#tabs [data-sheet^="FunnelROI dashboard"]').count()).toBe(1);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
      // A long walk (two builds, a reload) that shares two cores with other suites: a generous limit.
    },
    90_000,
  );

  it('shares a values-only copy from the sidebar and shows its link', async () => {
    const { app, page } = await open({ samples: ['channel-monthly-zh'] });
    const frame = await openSidebar(page);
    await next(frame, 'Columns');
    await next(frame, 'Funnel');
    await next(frame, 'Options');
    await next(frame, 'Review & save');
    await frame.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => frame.locator('.results').textContent()).toContain('Mapping saved.');
    await frame.getByRole('button', { name: 'Build dashboard' }).click();
    await expect.poll(() => frame.locator('.results').textContent(), { timeout: 20_000 }).toMatch(/is ready/u);
    await frame.getByRole('button', { name: 'Share report' }).click();
    const link = frame.locator('.results a');
    await expect.poll(() => link.count()).toBe(1);
    const copies = app.session.workbook.createdSpreadsheets();
    expect(copies).toHaveLength(1);
    expect(await link.getAttribute('href')).toBe(copies[0].url);
    await page.screenshot({ path: `${ARTIFACTS}/4-shared.png` });
    await page.close();
  });
});

describe('hostile text and accessibility in the real sidebar', () => {
  it('shows an <img onerror> header as text, fires nothing, and has no serious axe violations', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { page, dialogs, errors } = await open({ samples: ['channel-monthly-zh'] }, (app) => {
      app.session.workbook.addSheetFromRows('Hostile', [
        ['Date', 'Channel', xss, 'Spend', 'Revenue'],
        ['2026-01-01', '=IMPORTXML("http://x","//a")', 1, 100, 300],
        ['2026-02-01', xss, 2, 200, 100],
      ]);
    });
    const frame = await openSidebar(page);
    await frame.locator('select').first().selectOption('Hostile');
    await expect.poll(() => frame.locator('.preview').textContent()).toContain(xss);
    await next(frame, 'Columns');
    await expect.poll(() => frame.getByRole('combobox', { name: `Role of column “${xss}”` }).count()).toBe(1);
    expect(await frame.locator('img').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/5-hostile-header.png` });

    const sidebar = page.frames().find((f) => f.url().includes('/sidebar'));
    if (!sidebar) throw new Error('sidebar frame not found');
    const serious = await axeSerious(sidebar);
    expect(serious).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('locale', () => {
  it('a Russian user gets the menu and the sidebar in Russian', async () => {
    const { page } = await open({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    await page.locator('#addon-menu-button').click();
    expect(await page.locator('[data-function="showSidebar"]').textContent()).toBe('Открыть FunnelROI');
    await page.locator('[data-function="showSidebar"]').click();
    const frame = page.frameLocator('#sidebar-frame');
    await expect.poll(() => frame.locator('h2.step-title').textContent()).toBe('Данные');
    // The step bar names every step in full ("Параметры", "Проверка"), none cut to "Парам…".
    const names = frame.locator('.step-name');
    expect(await names.allTextContents()).toEqual(['Данные', 'Столбцы', 'Воронка', 'Параметры', 'Проверка']);
    const cut = await names.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/6-ru.png` });
    await page.close();
  });
});

describe('the local grid behaves like the Sheets grid', () => {
  it('ru_RU: typed `;` formulas, frozen panes that stick, text overflow, charts with axes and legends', async () => {
    const { app, page, errors } = await open({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    // Sheets in a decimal-comma locale takes `;` between arguments and `,` in numbers.
    await typeInto(page, 'M2', '=ROMI(3000000; 2000000; 0,5)');
    await expect.poll(() => cellText(page, 'M2')).toBe('-0,25');
    await page.locator('td[data-a1="M2"]').click();
    expect(await page.locator('#formula-input').inputValue()).toBe('=ROMI(3000000; 2000000; 0,5)');
    expect(app.session.workbook.spreadsheet.getSheetByName('Лиды')!.getRange('M2').getFormula()).toBe('=ROMI(3000000, 2000000, 0.5)');

    // Frozen header row: after scrolling down it is still at the top of the grid.
    const header = page.locator('td[data-a1="A1"]');
    const before = (await header.boundingBox())!.y;
    await page.locator('.grid-scroll').evaluate((n) => n.scrollBy(0, 600));
    await expect.poll(async () => Math.abs((await header.boundingBox())!.y - before)).toBeLessThan(1.5);
    await expect.poll(async () => (await page.locator('td[data-a1="A10"]').boundingBox())!.y).toBeLessThan(before);

    // Long text in a cell with empty neighbours runs on over them instead of being cut.
    await page.locator('.grid-scroll').evaluate((n) => n.scrollTo(0, 0));
    await typeInto(page, 'M3', 'Длинная подпись, которой не хватает одной колонки');
    const span = page.locator('td[data-a1="M3"] > span');
    expect((await span.boundingBox())!.width).toBeGreaterThan(150);

    // A dashboard: its charts have a title, value-axis labels, gridlines, a legend with named series.
    const frame = await openSidebar(page);
    await next(frame, 'Столбцы');
    await next(frame, 'Воронка');
    await next(frame, 'Параметры');
    await next(frame, 'Проверка и сохранение');
    await frame.getByRole('button', { name: 'Сохранить разметку' }).click();
    await frame.getByRole('button', { name: 'Построить дашборд' }).click();
    await expect.poll(() => page.locator('figure.chart.floating svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const figures = page.locator('figure.chart.floating');
    expect(await page.locator('figure.chart figcaption').count()).toBe(0);
    for (let i = 0; i < (await figures.count()); i++) {
      const texts = await figures.nth(i).locator('svg text').allTextContents();
      expect(texts.length, `chart ${i}`).toBeGreaterThan(4);
      expect(texts.join(' '), `chart ${i}`).not.toMatch(/Series \d|anchored at/u);
    }
    await page.screenshot({ path: `${ARTIFACTS}/7-ru-grid-fidelity.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('opens a CSV dropped on the page as a new tab, text that looks like a formula kept as text', async () => {
    const { app, page, errors } = await open({ samples: ['ad-platform-export-en'] });
    const csv = 'Date;Channel;Spend;Revenue\n2026-01-05;Google Ads;1 200,50;3 000\n2026-01-06;=HYPERLINK("http://x");10;0\n';
    const bytes = Array.from(new TextEncoder().encode(csv));
    // A real drop event carrying a File, as the browser makes it when a file is dragged onto the page.
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'my export.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await expect.poll(() => page.locator('#tabs [data-sheet="my export"]').count()).toBe(1);
    await expect.poll(() => page.locator('#tabs [aria-selected="true"]').textContent()).toBe('my export');
    const snap = app.session.workbook.snapshot('my export');
    expect(snap.values[0]).toEqual(['Date', 'Channel', 'Spend', 'Revenue']);
    expect(snap.values[2][1]).toBe('=HYPERLINK("http://x")');
    expect(snap.formulas[2][1]).toBe('');
    expect(snap.frozenRows).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Latin words a ru/zh dashboard may carry: metric acronyms and currency codes, not English text. */
const ACRONYMS = new Set([
  'ROMI',
  'ROAS',
  'CAC',
  'CPL',
  'CPC',
  'CPM',
  'CTR',
  'LTV',
  'AOV',
  'LCR',
  'NPS',
  'CRM',
  'SQL',
  'MQL',
  'RUB',
  'USD',
  'CNY',
  'EUR',
  'DRR',
  'CPO',
  'B2B',
  'UTC',
]);

describe('dashboard layout invariants on every sample, in its own language', () => {
  const CASES = [
    { sample: 'ad-platform-export-en', locale: 'en', sheet: 'Ads export', costs: undefined, currency: 'USD', mark: '$' },
    { sample: 'crm-leads-ru', locale: 'ru', sheet: 'Лиды', costs: 'Расходы', currency: 'RUB', mark: '₽' },
    { sample: 'channel-monthly-zh', locale: 'zh', sheet: '渠道月报', costs: undefined, currency: 'CNY', mark: '¥' },
  ] as const;

  it.each(CASES.map((c) => [c.locale, c] as const))(
    '%s: headers readable, series named, no English in ru/zh, charts clear of tables, KPI deltas',
    async (_, c) => {
      const { app, page, errors } = await open({ samples: [c.sample], userLocale: c.locale });
      const s = app.session;
      const run = <T>(fn: string, ...args: unknown[]): T => {
        const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
        if (!res.ok) throw new Error(`${fn}: ${res.error}`);
        return res.value as T;
      };
      // What the sidebar starts from: the server's default options, then the currency the amounts show.
      const opening = run<WizardOpening>('openWizard');
      const detection = run<Detection>('detect', c.sheet);
      const costsDetection = c.costs ? run<Detection>('detect', c.costs) : null;
      const mapping = defaultMapping(detection, { costsDetection, locale: opening.context.locale });
      const currency = notedCurrency(detection) ?? notedCurrency(costsDetection) ?? opening.context.defaultOptions.currency;
      run('saveMapping', { ...mapping, options: { ...mapping.options, currency } });
      const built = run<BuildResult>('buildDashboard');
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      await page.locator(`#tabs [data-sheet="${built.sheetName}"]`).click();
      await expect.poll(() => page.locator('figure.chart.floating svg').count()).toBeGreaterThanOrEqual(3);

      const snap = s.workbook.snapshot(built.sheetName);
      const view = s.sheetView(built.sheetName, 1, 400);
      // 1. Header cells of the tables show their whole text (wrapped, never cut).
      const headerRows = snap.backgrounds.flatMap((row, i) => (row.filter((b) => b === '#d9e2f3').length >= 3 ? [i + 1] : []));
      expect(headerRows.length).toBeGreaterThan(0);
      for (const r of headerRows) {
        const cut = await page.locator(`tr:has(> th[scope="row"]:text-is("${r}")) td`).evaluateAll((tds) =>
          // Text that runs on over empty neighbours (td.overflow) is cut only if its own span is.
          tds
            .map((td) => (td.classList.contains('overflow') ? (td.firstElementChild ?? td) : td))
            .filter((el) => el.textContent !== '' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
            .map((el) => el.textContent),
        );
        expect(cut, `row ${r}`).toEqual([]);
      }
      // 2. Every chart series has a name, never "Series N".
      for (const chart of view.charts) for (const series of chart.series) expect(series.name, chart.title).toMatch(/^(?!Series \d+$)\S/u);
      // 3. No English words on a ru/zh dashboard (data such as channel names and the source range excepted).
      if (c.locale !== 'en') {
        const data = new Set(
          snap.values.flatMap((row) => [String(row[0] ?? ''), String(row[1] ?? '')]).filter((t) => /^[\w .()/-]+$/u.test(t)),
        );
        const texts = [
          ...snap.values.flat().filter((v): v is string => typeof v === 'string' && !data.has(v) && !v.includes('!')),
          ...snap.notes.flat(),
          ...view.charts.flatMap((ch) => [ch.title, ch.valueAxis.title ?? '', ch.domainAxisTitle ?? '', ...ch.series.map((x) => x.name)]),
        ];
        // IANA zone names ("Asia/Shanghai" in the generated-time note) are identifiers, not English text.
        const english = texts
          .flatMap((t) => t.replace(/\b[A-Z][a-z]+\/[A-Za-z_]+\b/gu, '').match(/[A-Za-z]{3,}/gu) ?? [])
          .filter((w) => !ACRONYMS.has(w.toUpperCase()) && ![...data].some((d) => d.includes(w)));
        expect([...new Set(english)]).toEqual([]);
      }
      // 4. No chart covers a filled cell (measured in the page, where a person would see it).
      const overlaps = await page.evaluate(() => {
        const charts = Array.from(document.querySelectorAll('figure.chart.floating')).map((f) => f.getBoundingClientRect());
        const cells = Array.from(document.querySelectorAll<HTMLElement>('#grid td')).filter((td) => td.textContent !== '');
        return cells
          .filter((td) =>
            charts.some((r) => {
              const c = td.getBoundingClientRect();
              return c.left < r.right - 1 && c.right > r.left + 1 && c.top < r.bottom - 1 && c.bottom > r.top + 1;
            }),
          )
          .map((td) => td.dataset.a1);
      });
      expect(overlaps).toEqual([]);
      // 5. KPI tiles: a value and, under it, the change vs the previous full period.
      const kpiRow = headerRows[0];
      const deltas = snap.display[kpiRow + 1].filter((t) => t !== '');
      expect(deltas.length).toBeGreaterThan(3);
      for (const d of deltas) expect(d).toMatch(/^(▲|▼|=|–)/u);
      // 7. The overview table (the header row after the KPI tiles) fits the 1440 px window: no scrolling sideways.
      const overviewRight = await page
        .locator(`tr:has(> th[scope="row"]:text-is("${headerRows[1]}")) td`)
        .evaluateAll((tds) => Math.max(...tds.filter((td) => td.textContent !== '').map((td) => td.getBoundingClientRect().right)));
      expect(overviewRight).toBeGreaterThan(700);
      expect(overviewRight).toBeLessThanOrEqual(1440);
      // 6. Money in the sheet's currency, not USD: ₽ on the Russian sample, ¥ on the Chinese one.
      expect(currency).toBe(c.currency);
      expect(snap.display[kpiRow].find((t) => t !== '')).toContain(c.mark);
      expect(snap.display.flat().filter((t) => /[$₽¥]/u.test(t) && !t.includes(c.mark))).toEqual([]);

      await page.screenshot({ path: `${ARTIFACTS}/8-dashboard-${c.locale}.png` });
      await page.evaluate(() => document.querySelector('figure.chart.floating:last-of-type')?.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: `${ARTIFACTS}/8-dashboard-${c.locale}-charts.png` });
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );
});

/**
 * Revenue per channel under first and last touch, worked straight from the CRM sample's rows by the
 * definitions (README "Metrics definitions"), without the add-on's code: leads are the rows whose status
 * is not junk; a customer is one customer ID; a won deal's first touch is the customer's earliest lead
 * (by creation date, then row order), its last touch the deal's own lead.
 */
function touchRevenue(app: LocalApp): { first: Map<string, number>; last: Map<string, number> } {
  const [head, ...rows] = app.session.workbook.snapshot('Лиды').values;
  const at = (name: string): number => head.indexOf(name);
  const [created, channel, status, amount, customer] = ['Дата создания', 'Источник', 'Статус', 'Сумма сделки', 'ID клиента'].map(at);
  const leads = rows.filter((r) => r[status] !== 'Спам');
  // Dates arrive as Date instants (or text); strictly earlier wins, so equal dates keep row order.
  const time = (v: unknown): number => new Date(v as string | number | Date).getTime();
  const earliest = new Map<string, (typeof rows)[number]>();
  for (const r of leads) {
    const id = String(r[customer]);
    const seen = earliest.get(id);
    if (!seen || time(r[created]) < time(seen[created])) earliest.set(id, r);
  }
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
  for (const r of leads) {
    if (r[status] !== 'Успешно реализовано') continue;
    const v = r[amount];
    const money = typeof v === 'number' ? v : typeof v === 'string' ? (parseNumberText(v) ?? 0) : 0;
    add(last, String(r[channel]), money);
    add(first, String(earliest.get(String(r[customer]))![channel]), money);
  }
  return { first, last };
}

describe('the attribution model chosen in Options, end to end', () => {
  it('first touch: saved, restored after a reload, and the built dashboard credits revenue by it', async () => {
    const { app, page, dialogs, errors } = await open({ samples: ['crm-leads-ru'] });
    const frame = await openSidebar(page);
    await next(frame, 'Columns');
    await next(frame, 'Funnel');
    await next(frame, 'Options');
    const model = frame.getByLabel('Attribution model');
    expect(await model.inputValue()).toBe('last_touch');
    await model.selectOption('first_touch');
    await next(frame, 'Review & save');
    await frame.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => frame.locator('.results').textContent()).toContain('Mapping saved.');
    expect(app.session.workbook.peekProperties('document')['funnelroi.mapping']).toContain('"attribution":"first_touch"');

    // Reload: the model comes back in Options, and Build runs from the saved mapping.
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    const again = await openSidebar(page);
    await expect.poll(() => again.locator('.notice').textContent()).toBe('Saved mapping loaded.');
    await next(again, 'Columns');
    await next(again, 'Funnel');
    await next(again, 'Options');
    expect(await again.getByLabel('Attribution model').inputValue()).toBe('first_touch');
    await next(again, 'Review & save');
    await again.getByRole('button', { name: 'Build dashboard' }).click();
    await expect
      .poll(() => again.locator('.results').textContent(), { timeout: 20_000 })
      .toMatch(/Dashboard “FunnelROI dashboard” is ready/u);

    const { first, last } = touchRevenue(app);
    // The sample's journeys make the models disagree: otherwise this test could not tell them apart.
    const differs = [...first.keys()].filter((k) => Math.abs((first.get(k) ?? 0) - (last.get(k) ?? 0)) > 1);
    expect(differs.length).toBeGreaterThan(0);

    const dash = app.session.workbook.snapshot('FunnelROI dashboard');
    const header = dash.values.findIndex((row) => row[0] === 'Channel' && row[1] === 'Spend');
    const total = dash.values.findIndex((row, i) => i > header && row[0] === 'Total');
    const revenue = dash.values[header].indexOf('Revenue');
    const shown = new Map(dash.values.slice(header + 1, total).map((row) => [String(row[0]), Number(row[revenue])]));
    for (const k of differs)
      expect(shown.get(k), `${k}: first touch ${first.get(k)}, last touch ${last.get(k)}`).toBeCloseTo(first.get(k)!, 2);
    for (const [k, v] of first) expect(shown.get(k) ?? 0, k).toBeCloseTo(v, 2);

    // The model comparison still shows every model; its first-touch column is what the table above uses.
    const models = dash.values.findIndex((row) => row[0] === 'Attribution models compared');
    const modelCol = dash.values[models + 1].indexOf('First touch');
    expect(dash.values[models + 1][modelCol - 3]).toBe('Last touch');
    expect(dash.values[models]).toContain('The tables above credit sales by: First touch.');
    for (let r = models + 3; typeof dash.values[r]?.[0] === 'string' && dash.values[r][0] !== ''; r++) {
      const k = String(dash.values[r][0]);
      expect(dash.values[r][modelCol + 1], `${k} first touch`).toBeCloseTo(first.get(k) ?? 0, 2);
      expect(dash.values[r][modelCol - 2], `${k} last touch`).toBeCloseTo(last.get(k) ?? 0, 2);
    }
    // The definitions name the model the figures use.
    expect(dash.values.flat().some((v) => typeof v === 'string' && v.startsWith('Credit:') && v.includes('(First touch)'))).toBe(true);
    await page.locator('#tabs [data-sheet="FunnelROI dashboard"]').click();
    await expect.poll(() => page.locator('figure.chart.floating svg').count()).toBeGreaterThanOrEqual(3);
    // The grid re-renders when the sidebar reports the build: retry the scroll until the cell stays put.
    const cell = page.locator(`td[data-a1="A${models + 1}"]`);
    await expect
      .poll(
        () =>
          cell.scrollIntoViewIfNeeded({ timeout: 500 }).then(
            () => true,
            () => false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/9-first-touch-models.png` });
    // The B2B block (deal cycle, repeat sales, NPS, profit), for a look as the CMO would read it.
    const b2b = dash.values.findIndex((row) => row[0] === 'B2B: deal cycle, repeat sales, NPS, profit');
    expect(b2b).toBeGreaterThan(models);
    await page.locator(`td[data-a1="A${b2b + 1}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/9-first-touch-b2b.png` });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
