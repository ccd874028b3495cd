/** The one-rectangle composition of a plan and the merging of identical conditional-format rules. */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate/index.js';
import {
  cellInput,
  mergeConditionalRules,
  planCanvas,
  planDashboard,
  type ConditionalRule,
  type PlanBlock,
} from '../../src/core/dashboard/index.js';
import { dataRows, loadSample, mappingFor } from '../support/samples.js';

const ctx = { generatedAt: '2026-11-22T12:00:00Z', locale: 'en' as const, sourceA1: "'Data'!A1:K10", sheetName: 'Dashboard' };

function block(name: string, row: number, column: number, cells: PlanBlock['cells'], extra: Partial<PlanBlock> = {}): PlanBlock {
  const shape = <T>(v: T): T[][] => cells.map((r) => r.map(() => v));
  return {
    name,
    row,
    column,
    cells,
    numberFormats: shape('General'),
    notes: shape(''),
    fontWeights: shape('normal'),
    fontColors: shape('#000000'),
    backgrounds: shape(null),
    ...extra,
  };
}

describe('planCanvas', () => {
  it('puts every block cell, format and style at its sheet position, defaults elsewhere', () => {
    const sheets = loadSample('ad-platform-export-en');
    const mapping = mappingFor(sheets, [1]);
    const plan = planDashboard(aggregate(mapping, dataRows(sheets[0].rows, mapping.source)), mapping, ctx);
    const canvas = planCanvas(plan)!;
    expect(canvas.row).toBe(1);
    expect(canvas.column).toBe(1);
    const covered = new Set<string>();
    for (const b of plan.blocks) {
      b.cells.forEach((cells, i) =>
        cells.forEach((cell, j) => {
          const r = b.row - 1 + i;
          const c = b.column - 1 + j;
          covered.add(`${r},${c}`);
          expect(canvas.values[r][c]).toEqual(cellInput(cell));
          expect(canvas.numberFormats[r][c]).toBe(b.numberFormats[i][j]);
          expect(canvas.notes[r][c]).toBe(b.notes[i][j]);
          expect(canvas.fontWeights[r][c]).toBe(b.fontWeights[i][j]);
          expect(canvas.fontColors[r][c]).toBe(b.fontColors[i][j]);
          expect(canvas.backgrounds[r][c]).toBe(b.backgrounds[i][j]);
        }),
      );
    }
    for (let r = 0; r < canvas.height; r++) {
      expect(canvas.values[r]).toHaveLength(canvas.width);
      for (let c = 0; c < canvas.width; c++) {
        if (covered.has(`${r},${c}`)) continue;
        expect([canvas.values[r][c], canvas.numberFormats[r][c], canvas.backgrounds[r][c]]).toEqual(['', 'General', null]);
      }
    }
    expect(canvas.hasNotes).toBe(true);
  });

  it('formulas only where the plan says formula; formula-like text is guarded', () => {
    const canvas = planCanvas({
      blocks: [
        block('b', 2, 3, [
          [
            { t: 's', v: '=IMPORTXML("x")' },
            { t: 'f', v: '=SUM(A1:A2)' },
            { t: 's', v: '-2+3' },
            { t: 's', v: '@x' },
          ],
        ]),
      ],
    })!;
    expect(canvas.values[0]).toEqual(['\'=IMPORTXML("x")', '=SUM(A1:A2)', "'-2+3", "'@x"]);
    expect([canvas.row, canvas.column, canvas.height, canvas.width]).toEqual([2, 3, 1, 4]);
  });

  it('a later block wins over an earlier one in shared padding, and two values in one cell are refused', () => {
    const a = block('a', 1, 1, [[{ t: 's', v: 'A' }, null]], { backgrounds: [['#111111', '#111111']] });
    const b = block('b', 1, 2, [[{ t: 'n', v: 2 }]]);
    const canvas = planCanvas({ blocks: [a, b] })!;
    expect(canvas.values[0]).toEqual(['A', 2]);
    expect(canvas.backgrounds[0]).toEqual(['#111111', null]);
    expect(() => planCanvas({ blocks: [a, block('c', 1, 1, [[{ t: 's', v: 'C' }]])] })).toThrow(/both write row 1, column 1/u);
  });
});

describe('mergeConditionalRules', () => {
  const red = { when: 'lt' as const, value: 0, fontColor: '#9c0006', background: '#ffc7ce' };
  const green = { when: 'gt' as const, value: 0, fontColor: '#006100', background: '#c6efce' };
  const rule = (look: Omit<ConditionalRule, 'ranges'>, ...ranges: string[]): ConditionalRule => ({ ...look, ranges });

  it('merges rules that look the same into one rule over all their ranges', () => {
    const merged = mergeConditionalRules([
      rule(red, 'B5:B9'),
      rule(green, 'B5:B9'),
      rule(red, 'A3'),
      rule(green, 'A3'),
      rule(red, 'C20:F24'),
      rule(green, 'C20:F24'),
    ]);
    expect(merged).toEqual([rule(red, 'B5:B9', 'A3', 'C20:F24'), rule(green, 'B5:B9', 'A3', 'C20:F24')]);
  });

  it('keeps precedence: no merge across a different rule that touches the same cells', () => {
    const other = { ...green, value: 5 };
    const rules = [rule(red, 'A1:A5'), rule(other, 'A3:B3'), rule(red, 'B3')];
    expect(mergeConditionalRules(rules)).toEqual(rules);
    // Cells the rule in between does not touch are merged.
    expect(mergeConditionalRules([rule(red, 'A1:A5'), rule(other, 'A3:B3'), rule(red, 'C9')])).toEqual([
      rule(red, 'A1:A5', 'C9'),
      rule(other, 'A3:B3'),
    ]);
  });
});
