/**
 * `npm start`'s server: serves the grid page and the real built sidebar on 127.0.0.1 and routes their
 * calls to a LocalSession (the built add-on bundle running against the in-memory workbook).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, field, isArray, isString, readBytes, readJson, sendHtml, sendJson } from './http-util.js';
import { injectShim } from './sidebar-shim.js';
import type { LocalSession } from './session.js';

/** Large exports are fine; the engine's own cell limit (import-file.ts) is checked after parsing. */
const MAX_UPLOAD_BYTES = 100_000_000;

const webDir = join(dirname(fileURLToPath(import.meta.url)), '../web');

export interface LocalApp {
  readonly url: string;
  readonly port: number;
  readonly session: LocalSession;
  close(): Promise<void>;
}

let pageOnce: Promise<string> | null = null;

/** Bundles local/web into one HTML page, the same way the sidebar is built; once per process (ECharts is big). */
export function buildPage(): Promise<string> {
  pageOnce ??= bundlePage().catch((e: unknown) => {
    pageOnce = null;
    throw e;
  });
  return pageOnce;
}

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(webDir, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    minify: true,
  });
  const js = result.outputFiles[0].text.replace(/<\/(script)/giu, '<\\/$1');
  const css = readFileSync(join(webDir, 'styles.css'), 'utf8');
  return readFileSync(join(webDir, 'index.html'), 'utf8')
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => js);
}

export async function startLocalApp(session: LocalSession, options: { port?: number; host?: string } = {}): Promise<LocalApp> {
  const page = await buildPage();
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const route = `${req.method} ${url.pathname}`;
        switch (route) {
          case 'GET /':
            return sendHtml(res, page);
          case 'GET /sidebar': {
            const html = session.sidebarHtml();
            if (html === null) throw new HttpError(404, 'the add-on has not opened a sidebar');
            return sendHtml(res, injectShim(html));
          }
          case 'GET /api/state':
            return sendJson(res, 200, session.state());
          case 'GET /api/sheet': {
            const name = url.searchParams.get('name') ?? session.state().activeSheet;
            const from = Math.max(1, Number(url.searchParams.get('from') ?? 1) || 1);
            const count = Math.min(2000, Math.max(1, Number(url.searchParams.get('count') ?? 300) || 300));
            return sendJson(res, 200, session.sheetView(name, from, count));
          }
          case 'POST /api/cell': {
            const body = await readJson(req);
            session.setCell(
              field(body, 'sheet', isString, 'a sheet name'),
              field(body, 'a1', isString, 'an A1 reference'),
              field(body, 'input', isString, 'text'),
            );
            return sendJson(res, 200, { ok: true });
          }
          case 'POST /api/active': {
            const body = await readJson(req);
            session.activate(field(body, 'name', isString, 'a sheet name'));
            return sendJson(res, 200, { ok: true });
          }
          case 'POST /api/menu': {
            const body = await readJson(req);
            return sendJson(res, 200, session.run(field(body, 'functionName', isString, 'a function name'), []));
          }
          case 'POST /api/run': {
            const body = await readJson(req);
            return sendJson(
              res,
              200,
              session.run(field(body, 'functionName', isString, 'a function name'), field(body, 'args', isArray, 'an array')),
            );
          }
          case 'POST /api/import': {
            const name = url.searchParams.get('name') ?? '';
            if (!name) throw new HttpError(400, 'name must be the file name');
            const bytes = await readBytes(req, MAX_UPLOAD_BYTES);
            try {
              return sendJson(res, 200, { sheets: await session.importFile(name, bytes) });
            } catch (e) {
              throw new HttpError(422, e instanceof Error ? e.message : String(e));
            }
          }
          case 'POST /api/sidebar/close':
            await readJson(req);
            session.closeSidebar();
            return sendJson(res, 200, { ok: true });
          default:
            throw new HttpError(404, `no route ${route}`);
        }
      } catch (e) {
        const status = e instanceof HttpError ? e.status : 500;
        sendJson(res, status, { error: e instanceof Error ? e.message : String(e) });
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    session,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
