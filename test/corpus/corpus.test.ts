import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../src/core/mapping/index.js';
import { GUESSER_ACCURACY } from './accuracy.js';
import {
  annotatorAgreement,
  loadCorpus,
  loadFirstAnnotationOfRound4,
  loadSecondAnnotation,
  scoreCorpus,
  scoreCorpusFile,
} from './load-corpus.js';

const corpus = loadCorpus();
const heldOut = loadCorpus('held-out');

describe('header corpus', () => {
  it('is big enough to mean something: ≥ 10 header sets, ≥ 150 columns, all three languages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10);
    expect(corpus.reduce((n, c) => n + c.headers.length, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((c) => c.language))).toEqual(new Set(['en', 'ru', 'zh']));
  });

  // A floor per file, not a target: sets from independent annotators carry conventions the guesser does not follow
  // (test/corpus/GUIDE.md, "Where annotators disagreed"), and fitting each file to 85% is the over-tuning that
  // blind rounds punish. The level that matters is the whole tuned set's and the held-out round's.
  it.each(corpus.map((c) => [c.file, c] as const))('%s: ≥ 60%% of columns guessed right', (_file, c) => {
    const s = scoreCorpusFile(c);
    expect(s.right / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(0.6);
  });

  it('tuned corpus stays at its documented level', () => {
    const s = scoreCorpus(corpus);
    expect(s.right / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(GUESSER_ACCURACY.tuned);
  });

  // Each measured round joins the tuned sets, so the held-out share of all sets falls round by round; what must
  // hold is a round big enough to mean something in every language.
  it('held-out header sets (the latest round, measured blind once) stay at their documented level: ≥ 27 sets, ≥ 9 per language', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(27);
    for (const lang of ['en', 'ru', 'zh'] as const) expect(heldOut.filter((c) => c.language === lang).length).toBeGreaterThanOrEqual(9);
    const s = scoreCorpus(heldOut);
    // Once tuned on, the round holds its tuned level; its blind figure stays the documented one (accuracy.ts).
    const floor = GUESSER_ACCURACY.heldOutTunedOn ? GUESSER_ACCURACY.heldOutAfterTuning : GUESSER_ACCURACY.heldOut;
    expect(s.right / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(floor);
  });

  it('round 4 (tuned now) and its second, blind annotation: agreement and the guesser on agreed columns as documented', () => {
    const first = loadFirstAnnotationOfRound4();
    const second = loadSecondAnnotation();
    expect(first).toHaveLength(30);
    expect(second.map((c) => [c.file, c.headers])).toEqual(first.map((c) => [c.file, c.headers]));
    const a = annotatorAgreement(first, second);
    expect(a.agreed / a.total).toBe(GUESSER_ACCURACY.round4AnnotatorAgreement);
    expect(a.guesserRightOnAgreed / a.agreed, a.guesserMissesOnAgreed.join('\n')).toBeGreaterThanOrEqual(
      GUESSER_ACCURACY.round4WhereAnnotatorsAgree,
    );
  });

  it('never maps a ratio column (CTR, CPC, Cost / conv., ДРР, 点击率…) to a summable measure', () => {
    const ratio =
      /ctr|cpc|cpm|cost \/ conv|cost per|conv\. rate|дрр|ср\. цена|цена цели|конверсия \(|点击率|转化率|转化成本|平均|roas|romi|cac|投产比/iu;
    const bad = [...corpus, ...heldOut].flatMap((c) => {
      const columns = c.headers.map((_, i) => (c.sampleRows ?? []).map((row) => row[i]));
      return guessColumns(c.headers, columns)
        .filter((g) => ratio.test(g.header) && g.role !== 'ignore')
        .map((g) => `${c.file}: ${g.header} → ${g.role}`);
    });
    expect(bad).toEqual([]);
  });
});
