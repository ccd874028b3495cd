import { aggregate } from '../define.js';
import { invalid } from '../failures.js';

export const NPS = aggregate({
  name: 'NPS',
  summary:
    'Net Promoter Score: % of promoters (9–10) minus % of detractors (0–6). Scores are whole numbers 0–10 as survey tools export them; blanks are ignored, anything else is an error naming the cell.',
  formula: '100 × (promoters − detractors) / answers',
  returns: 'Points from −100 to 100; format as a number.',
  params: [{ name: 'scores', description: 'Survey answers, whole numbers from 0 to 10: a range.' }],
  example: '=NPS(D2:D)',
  compute([scores]) {
    let answers = 0;
    let promoters = 0;
    let detractors = 0;
    for (let r = 0; r < scores.rows; r++) {
      for (let c = 0; c < scores.cols; c++) {
        const v = scores.numberAt(r, c);
        if (v === null) continue;
        if (!Number.isInteger(v) || v < 0 || v > 10) scores.fail('fn_score_range', { value: v }, r, c);
        answers++;
        if (v >= 9) promoters++;
        else if (v <= 6) detractors++;
      }
    }
    if (answers === 0) throw invalid('fn_no_answers', { param: 'scores' });
    return (100 * (promoters - detractors)) / answers;
  },
});
