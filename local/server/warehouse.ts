/**
 * `npm start -- --bigquery`: every sample sheet also as a table of a fake BigQuery (DuckDB behind the
 * advanced service's boundary, local/runtime/bigquery), with a Connected Sheets data source sheet per
 * table, so warehouse mode can be tried without Google.
 */
import { FakeBigQuery, type DataSourceSheetState } from '../runtime/index.js';
import { addSheetTable } from '../runtime/bigquery/sample-tables.js';
import { readSample } from './samples.js';

export const DEMO_PROJECT = 'funnelroi-demo';

/** BigQuery table names: letters, digits, underscores (samples' sheet names are Russian and Chinese too). */
function tableName(sample: string, index: number): string {
  return `${sample.replace(/[^A-Za-z0-9]+/gu, '_')}_${index + 1}`;
}

export function sampleWarehouse(samples: readonly string[]): { service: object; dataSourceSheets: DataSourceSheetState[] } {
  const fake = new FakeBigQuery();
  const dataSourceSheets: DataSourceSheetState[] = [];
  for (const sample of samples) {
    readSample(sample).sheets.forEach((sheet, i) => {
      const table = { projectId: DEMO_PROJECT, datasetId: 'samples', tableId: tableName(sample, i) };
      addSheetTable(fake, table, sheet.rows);
      dataSourceSheets.push({ name: `${sheet.name} (BigQuery)`, projectId: DEMO_PROJECT, table });
    });
  }
  return { service: fake.service, dataSourceSheets };
}
