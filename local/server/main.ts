/**
 * `npm start`: the add-on running locally on the sample data. Options: --port N (or PORT; default 8787,
 * 0 = any free port), --locale en|ru|zh (the user's language), --sample NAME (repeatable; default all),
 * --file PATH (repeatable: your own CSV/TSV/XLSX, each opened as a new tab; with --file and no --sample,
 * only your files are loaded), --bigquery (the samples also as tables of a fake BigQuery, project
 * funnelroi-demo, dataset samples, each with a Connected Sheets data source sheet: warehouse mode offline).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalApp } from './app.js';
import { SAMPLE_NAMES } from './samples.js';
import { createSession } from './session.js';
import { sampleWarehouse } from './warehouse.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    locale: { type: 'string', default: 'en' },
    sample: { type: 'string', multiple: true },
    file: { type: 'string', multiple: true },
    bigquery: { type: 'boolean', default: false },
  },
});

const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}
const files = values.file ?? [];
const samples = values.sample ?? (files.length > 0 ? [] : SAMPLE_NAMES);

const bigQuery = values.bigquery ? sampleWarehouse(samples) : undefined;
const session = createSession({ userLocale: values.locale, samples, bigQuery });
for (const file of files) {
  try {
    const added = await session.importFile(file, readFileSync(file));
    console.log(`Opened ${file} as ${added.map((n) => `"${n}"`).join(', ')}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
const app = await startLocalApp(session, { port, host: values.host }).catch((e: unknown) => {
  const code = (e as { code?: unknown }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use; start with --port N (or PORT=N), 0 for any free port.` : String(e));
  process.exit(1);
});
console.log(`FunnelROI running locally on ${[...samples.map((s) => `sample ${s}`), ...files].join(', ')}, user locale ${values.locale}.`);
console.log(`Open ${app.url}  (Ctrl+C to stop)`);

function stop(): void {
  void app.close().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
