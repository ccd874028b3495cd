/**
 * Runs once before any test file. First the browser check (browser.ts): a machine without Chromium or
 * the CJK fonts gets them installed when that needs no prompt, or the run stops here with the exact
 * install command, instead of the browser suites dying later on a launch error. Then dist/ is built: the
 * bundle-in-V8, runtime and browser tests all load the built Code.js and Sidebar.html, exactly what
 * `clasp push` would deploy.
 */
import { buildAll } from '../../scripts/build.js';
import { ensureBrowser } from './browser.js';

export default async function setup(): Promise<void> {
  ensureBrowser();
  await buildAll();
}
