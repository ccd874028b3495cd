/** A one-header-row table binding on sheet `S<id>` from A1, for tests that build mappings by hand. */
import type { ColumnBinding, ColumnRole, TableBinding } from '../../src/core/mapping/types.js';

export function tableBinding(
  roles: readonly ColumnRole[],
  sheetId: number,
  header: (role: ColumnRole, index: number) => string,
): TableBinding {
  const columns: ColumnBinding[] = roles.map((role, index) => ({ index, header: header(role, index), role }));
  return {
    sheetId,
    sheetName: `S${sheetId}`,
    headerRow: 1,
    firstDataRow: 2,
    lastDataRow: null,
    firstColumn: 1,
    lastColumn: roles.length,
    columns,
  };
}
