/** Hand-made mappings for tests that aggregate a few rows: one aggregated table, header row 1, data from row 2. */
import type { ColumnRole, Mapping, ReportOptions } from '../../src/core/mapping/types.js';

export function aggregatedMapping(
  columns: readonly (readonly [header: string, role: ColumnRole])[],
  options: Partial<ReportOptions> = {},
): Mapping {
  return {
    schemaVersion: 2,
    shape: 'aggregated',
    source: {
      sheetId: 1,
      sheetName: 'r',
      headerRow: 1,
      firstDataRow: 2,
      lastDataRow: null,
      firstColumn: 1,
      lastColumn: columns.length,
      columns: columns.map(([header, role], index) => ({ index, header, role })),
    },
    costs: null,
    funnel: [],
    statusRules: [],
    options: { granularity: 'month', grossMargin: 1, currency: 'USD', byCampaign: false, dashboardName: 'D', ...options },
  } as unknown as Mapping;
}
