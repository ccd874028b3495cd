/**
 * The Apps Script bundle's entry. esbuild wraps this module as `var FunnelROI = (() => {...})()`, and
 * scripts/gas-wrapper.ts appends a top-level `function NAME(...)` for every custom function, trigger and
 * server function, because Apps Script only sees top-level function declarations (for autocomplete,
 * menus, triggers and google.script.run).
 */
export { customFunctions } from './custom-functions.js';
export { triggers } from './triggers.js';
export { serverApi } from './server-api.js';
