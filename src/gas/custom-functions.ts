/**
 * The custom functions as Apps Script will call them: name → invoke. The generated top-level wrappers in
 * dist/Code.js forward to this object (see scripts/gas-wrapper.ts).
 */
import { CUSTOM_FUNCTIONS } from '../core/functions/registry.js';
import type { CustomFunctionResult } from '../core/functions/define.js';

export const customFunctions: Record<string, (...args: unknown[]) => CustomFunctionResult> = Object.fromEntries(
  CUSTOM_FUNCTIONS.map((f) => [f.name, f.invoke]),
);
