/**
 * Runs a built dist/Code.js the way Apps Script does: one global scope holding only the services (and
 * console), top-level function declarations as entry points. Formulas' custom functions then call the
 * bundle's own top-level functions, so the shipped code is what computes them.
 */
import vm from 'node:vm';
import type { LocalWorkbook } from './workbook.js';

export type BundleCall = (name: string, ...args: unknown[]) => unknown;

export function loadBundle(workbook: LocalWorkbook, code: string): BundleCall {
  const context = vm.createContext({ console, ...workbook.services });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const globals = context as Record<string, unknown>;
  // Dates handed to the bundle must be its realm's Dates, as inside Apps Script.
  workbook.setDateConstructor(vm.runInContext('Date', context) as DateConstructor);
  const call: BundleCall = (name, ...args) => {
    const fn = globals[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  workbook.setCustomFunctionInvoker((name, args, fallback) => (typeof globals[name] === 'function' ? call(name, ...args) : fallback()));
  return call;
}
