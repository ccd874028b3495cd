/**
 * The custom functions as Apps Script will call them: name → invoke. The generated top-level wrappers in
 * dist/Code.js forward every argument to this object (see scripts/gas-wrapper.ts).
 */
import { CUSTOM_FUNCTIONS } from '../core/functions/registry.js';
import type { CallContext, CustomFunctionResult } from '../core/functions/define.js';
import { resolveLocale } from '../core/i18n/index.js';

/**
 * Date arguments arrive as instants of the spreadsheet's wall-clock time while the script runs in the
 * manifest's zone, so a function that reads a Date asks the spreadsheet for its zone (read-only
 * SpreadsheetApp calls are allowed in custom functions). Asked per call: each call is its own execution.
 * An error (and a table function's header row) is worded in the spreadsheet's locale, read the same way and
 * only then.
 */
const SPREADSHEET: CallContext = {
  timeZone: () => SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
  locale: () => resolveLocale(SpreadsheetApp.getActive().getSpreadsheetLocale()),
};

export const customFunctions: Record<string, (...args: unknown[]) => CustomFunctionResult> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((f) => [f.name, (...args: unknown[]) => f.run(SPREADSHEET, args)]),
);
