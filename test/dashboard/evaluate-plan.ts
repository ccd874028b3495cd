/** Test helper: the plan's grid as one HyperFormula sheet, computed the way the local runtime would. */
import { HyperFormula } from 'hyperformula';
import { blockInputs, type DashboardPlan } from '../../src/core/dashboard/index.js';

export interface EvaluatedPlan {
  value(a1: string): unknown;
  at(row: number, column: number): unknown;
  formula(row: number, column: number): string | undefined;
  destroy(): void;
}

export function evaluatePlan(plan: DashboardPlan): EvaluatedPlan {
  const grid: (string | number | null)[][] = Array.from({ length: plan.lastRow }, () =>
    Array<string | number | null>(plan.lastColumn).fill(null),
  );
  for (const block of plan.blocks) {
    blockInputs(block).forEach((cells, i) =>
      cells.forEach((v, j) => {
        grid[block.row - 1 + i][block.column - 1 + j] = v === '' ? null : v;
      }),
    );
  }
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: 'gpl-v3' });
  const at = (row: number, column: number): unknown => hf.getCellValue({ sheet: 0, row: row - 1, col: column - 1 });
  return {
    at,
    value(a1) {
      const m = /^([A-Z]+)(\d+)$/u.exec(a1);
      if (!m) throw new Error(`bad A1 ${a1}`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return at(Number(m[2]), col);
    },
    formula: (row, column) => hf.getCellFormula({ sheet: 0, row: row - 1, col: column - 1 }),
    destroy: () => hf.destroy(),
  };
}
