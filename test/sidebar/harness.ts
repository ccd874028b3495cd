/**
 * Serves the built Sidebar.html from 127.0.0.1 and opens it in headless Chromium at 300 px with a fake
 * google.script.run (installed before the page script runs) that answers SidebarApi from fixtures.
 * validate and saveMapping go back to node, to the real validateMapping, so live validation is real.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSidebarHtml } from '../../scripts/build-sidebar.js';
import type { BuildResult, Detection, ShareResult, SidebarContext } from '../../src/api/contract.js';
import { validateMapping } from '../../src/core/mapping/index.js';
import type { Mapping } from '../../src/core/mapping/types.js';
import { CHROMIUM_PATH } from '../support/browser.js';

export interface FakeServer {
  readonly context: SidebarContext;
  readonly detections: Record<string, Detection>;
  readonly build?: BuildResult | { readonly error: string };
  readonly share?: ShareResult;
  /** Milliseconds the fake buildDashboard takes, to observe the busy state. */
  readonly buildDelayMs?: number;
}

export interface Harness {
  readonly browser: Browser;
  readonly url: string;
  open(fake: FakeServer): Promise<OpenedSidebar>;
  close(): Promise<void>;
}

export interface OpenedSidebar {
  readonly page: Page;
  readonly dialogs: string[];
  readonly pageErrors: string[];
  /** Mappings the fake saveMapping received, in order. */
  readonly saved: Mapping[];
  readonly validated: Mapping[];
}

function installFake(fake: FakeServer): void {
  type Handler = (value: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const calls: { name: string; args: unknown[] }[] = [];
  w.__calls = calls;
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    getContext: () => fake.context,
    // The real server sends only the sheets the boot will ask for; sending every fixture is a superset.
    openWizard: () => ({
      context: fake.context,
      detections: Object.entries(fake.detections).map(([sheetName, detection]) => ({ sheetName, detection })),
      schedule: { interval: 'off' },
    }),
    detect: (name) => {
      const d = fake.detections[String(name)];
      if (!d) throw new Error(`Sheet "${String(name)}" was not found.`);
      return d;
    },
    validate: (m) => (w.__nodeValidate as (m: unknown) => Promise<unknown>)(m),
    saveMapping: (m) => (w.__nodeSave as (m: unknown) => Promise<unknown>)(m),
    buildDashboard: () =>
      new Promise((resolve, reject) =>
        setTimeout(() => {
          const b = fake.build;
          if (b && 'error' in b) reject(new Error(b.error));
          else resolve(b);
        }, fake.buildDelayMs ?? 0),
      ),
    shareReport: () => fake.share,
    getSchedule: () => ({ interval: 'off' }),
    setSchedule: (interval: unknown) => ({ interval }),
  };
  const runner = (ok: Handler | null, fail: Handler | null): unknown =>
    new Proxy(
      {},
      {
        get(_, prop) {
          if (prop === 'withSuccessHandler') return (f: Handler) => runner(f, fail);
          if (prop === 'withFailureHandler') return (f: Handler) => runner(ok, f);
          return (...args: unknown[]) => {
            calls.push({ name: String(prop), args });
            // Apps Script answers asynchronously and passes copies (JSON), never shared objects.
            setTimeout(() => {
              Promise.resolve()
                .then(() => methods[String(prop)](...JSON.parse(JSON.stringify(args))))
                .then(
                  (value) => ok?.(value === undefined ? null : JSON.parse(JSON.stringify(value))),
                  (error: unknown) => fail?.(error instanceof Error ? error : new Error(String(error))),
                );
            }, 5);
          };
        },
      },
    );
  w.google = { script: { run: runner(null, null) } };
}

export async function startHarness(): Promise<Harness> {
  const html = await buildSidebarHtml(process.cwd());
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    browser,
    url,
    async open(fake) {
      const page = await browser.newPage({ viewport: { width: 300, height: 720 } });
      // Fail fast with a clear locator error instead of running into the test timeout.
      page.setDefaultTimeout(4000);
      const opened: OpenedSidebar = { page, dialogs: [], pageErrors: [], saved: [], validated: [] };
      page.on('dialog', (d) => {
        opened.dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => opened.pageErrors.push(e.message));
      await page.exposeFunction('__nodeValidate', (m: Mapping) => {
        opened.validated.push(m);
        return validateMapping(m);
      });
      await page.exposeFunction('__nodeSave', (m: Mapping) => {
        const issues = validateMapping(m);
        if (issues.some((i) => i.severity === 'error'))
          throw new Error(`Cannot save: ${issues.find((i) => i.severity === 'error')?.message ?? ''}`);
        opened.saved.push(m);
        return issues;
      });
      await page.addInitScript(installFake, fake);
      await page.goto(url);
      return opened;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
