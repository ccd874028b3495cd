import { aggregate } from '../define.js';

export const FUNNEL = aggregate({
  name: 'FUNNEL',
  summary:
    'Funnel conversion of each stage: from the previous stage ("step", the first stage is 1) or from the first stage ("overall"). A single row or column is one funnel; a larger range is one funnel per row, stages across columns (a channel × stage table).',
  formula: 'step: stage / previous stage; overall: stage / first stage',
  returns: 'Fractions in the same shape as stage_counts (format as percent); blank where the stage it divides by is 0 or blank.',
  params: [
    { name: 'stage_counts', description: 'Counts per stage, widest stage first: a row, a column, or one row per funnel.' },
    {
      name: 'mode',
      description: '"step" (from the previous stage, default) or "overall" (from the first stage).',
      optional: true,
      default: 'step',
      choices: ['step', 'overall'],
    },
  ],
  example: '=FUNNEL(B2:F2, "overall")',
  spill: 'like-first-range',
  compute([counts, modeArg]) {
    const overall = modeArg.choice() === 'overall';
    const { rows, cols } = counts;
    // A single column is one funnel running down; anything else has stages across each row.
    const down = cols === 1 && rows > 1;
    const funnels = down ? 1 : rows;
    const stages = down ? rows : cols;
    const out: (number | string)[][] = new Array(rows);
    for (let r = 0; r < rows; r++) out[r] = new Array<number | string>(cols).fill('');
    const values = new Array<number | null>(stages);
    for (let f = 0; f < funnels; f++) {
      // Stage s of funnel f sits at (s, 0) running down, or (f, s) across a row.
      let empty = true;
      for (let s = 0; s < stages; s++) {
        const r = down ? s : f;
        const c = down ? 0 : s;
        const v = counts.numberAt(r, c);
        if (v !== null && v < 0) counts.fail('fn_negative', { value: v }, r, c);
        values[s] = v;
        if (v !== null) empty = false;
      }
      if (empty) continue; // an empty row stays empty
      const first = values[0];
      for (let s = 0; s < stages; s++) {
        const base = s === 0 || overall ? first : values[s - 1];
        out[down ? s : f][down ? 0 : s] = s === 0 ? (first ? 1 : '') : base ? (values[s] ?? 0) / base : '';
      }
    }
    // One cell in, one value out (a scalar count is a one-stage funnel).
    return counts.isRange ? out : out[0][0];
  },
});
