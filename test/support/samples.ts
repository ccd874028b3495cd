/** Sample workbooks (samples/*.json) and small hostile fixtures, with mappings made by the real detector. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultMapping, detectSheet, type Mapping, type TableBinding } from '../../src/core/mapping/index.js';
import type { CellValue, Matrix } from '../../src/core/values.js';

export interface SampleSheet {
  readonly name: string;
  readonly rows: CellValue[][];
}

export function loadSample(name: string): SampleSheet[] {
  const json = JSON.parse(readFileSync(fileURLToPath(new URL(`../../samples/${name}.json`, import.meta.url)), 'utf8')) as {
    sheets: SampleSheet[];
  };
  return json.sheets;
}

export function mappingFor(
  sheets: readonly SampleSheet[],
  ids: readonly number[] = [1, 2],
  overrides: Partial<Mapping['options']> = {},
): Mapping {
  const det = detectSheet(sheets[0].rows, undefined, { sheetName: sheets[0].name, sheetId: ids[0] });
  let costs: TableBinding | null = null;
  if (sheets[1]) costs = detectSheet(sheets[1].rows, undefined, { sheetName: sheets[1].name, sheetId: ids[1] }).table;
  const m = defaultMapping(det, { costs });
  return { ...m, options: { ...m.options, ...overrides } };
}

/** The data rows of a table as getValues would give them. */
export function dataRows(rows: readonly CellValue[][], table: TableBinding): Matrix {
  const end = table.lastDataRow ?? rows.length;
  return rows
    .slice(table.firstDataRow - 1, end)
    .map((r) => Array.from({ length: table.lastColumn - table.firstColumn + 1 }, (_, j) => r[table.firstColumn - 1 + j] ?? ''));
}
