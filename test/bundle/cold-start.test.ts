/**
 * What a custom-function cell pays at load: Apps Script loads the whole of dist/Code.js for every cold
 * execution, so nothing the custom-function path does not use may be built at top level. Inspected, not
 * timed: String.prototype.normalize (which the header and status vocabularies run on every phrase) is
 * counted inside the bundle's own context while it loads and ROMI runs once.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../local/runtime/index.js';

const code = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../dist/Code.js'), 'utf8');

function instrumented(globals: Record<string, unknown> = {}): { context: vm.Context; normalizeCalls: () => number } {
  const context = vm.createContext({ ...globals });
  vm.runInContext(
    `var __normalizeCalls = 0; (function () { var n = String.prototype.normalize; String.prototype.normalize = function () { __normalizeCalls++; return n.apply(this, arguments); }; })();`,
    context,
  );
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { context, normalizeCalls: () => vm.runInContext('__normalizeCalls', context) as number };
}

describe('cold start of the bundle', () => {
  it('loading Code.js and calling ROMI builds no vocabulary', () => {
    const { context, normalizeCalls } = instrumented();
    expect(vm.runInContext('ROMI(1500, 1000, 0.8)', context)).toBeCloseTo(0.2, 12);
    expect(normalizeCalls()).toBe(0);
  });

  it('the vocabularies are built on the first detection, and only once', () => {
    const wb = createWorkbook();
    wb.addSheetFromRows('Data', [
      ['Date', 'Channel', 'Status', 'Cost', 'Revenue'],
      ['2026-01-01', 'Google', 'Won', 10, 20],
      ['2026-01-02', 'Meta', 'New', 12, 0],
    ]);
    const { context, normalizeCalls } = instrumented({ ...wb.services });
    wb.setDateConstructor(vm.runInContext('Date', context) as DateConstructor);
    expect(normalizeCalls()).toBe(0);
    vm.runInContext(`detect('Data')`, context);
    const first = normalizeCalls();
    vm.runInContext(`detect('Data')`, context);
    const second = normalizeCalls() - first;
    // Hundreds of phrases are normalised once; a repeat detection only normalises the sheet's own text.
    expect(first - second).toBeGreaterThan(300);
  });
});
