/**
 * A sheet of rows as a BigQuery table: the header row found by the same detector the wizard uses, each
 * column typed as a load job with schema auto-detection would type it (whole numbers INT64, other numbers
 * FLOAT64, ISO days DATE, anything else STRING). Used to put the samples into the fake warehouse.
 */
import { detectTable } from '../../../src/core/mapping/detect-table.js';
import type { BigQueryField } from '../../../src/core/warehouse/bigquery.js';
import type { FakeBigQuery, FakeTableRef } from './fake-bigquery.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

function typeOf(values: readonly unknown[]): string {
  const filled = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (filled.length === 0) return 'STRING';
  if (filled.every((v) => typeof v === 'number')) return filled.every((v) => Number.isInteger(v)) ? 'INT64' : 'FLOAT64';
  if (filled.every((v) => typeof v === 'string' && ISO_DAY.test(v))) return 'DATE';
  return 'STRING';
}

/** BigQuery column names: letters, digits, underscores (flexible names allow more, but exports get renamed like this). */
function columnName(header: string, i: number, taken: Set<string>): string {
  let name = header.trim() || `column_${i + 1}`;
  while (taken.has(name.toLowerCase())) name = `${name}_${i + 1}`;
  taken.add(name.toLowerCase());
  return name;
}

export function addSheetTable(fake: FakeBigQuery, ref: FakeTableRef, rows: readonly (readonly unknown[])[]): BigQueryField[] {
  const table = detectTable(rows.map((r) => [...r]) as never);
  const first = table.firstColumn - 1;
  const width = table.lastColumn - table.firstColumn + 1;
  const data = rows
    .slice(table.firstDataRow - 1, table.lastDataRow)
    .map((r) => Array.from({ length: width }, (_, c) => r[first + c] ?? null));
  const taken = new Set<string>();
  const fields = table.headers.map((h, c) => ({ name: columnName(h, c, taken), type: typeOf(data.map((r) => r[c])) }));
  const typed = data.map((r) =>
    r.map((v, c) => {
      if (v === null || v === '') return null;
      if (fields[c].type === 'DATE') return new Date(`${String(v)}T00:00:00Z`);
      if (fields[c].type === 'STRING') return typeof v === 'string' ? v : String(v);
      return v;
    }),
  );
  fake.addTable(ref, fields, typed);
  return fields;
}
