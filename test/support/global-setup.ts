/**
 * Builds dist/ once per test run, before any test file: the bundle-in-V8, runtime and browser tests all
 * load the built Code.js and Sidebar.html, exactly what `clasp push` would deploy.
 */
import { buildAll } from '../../scripts/build.js';

export default async function setup(): Promise<void> {
  await buildAll();
}
