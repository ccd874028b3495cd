/**
 * The guesser's documented accuracy (README "Column guesser accuracy"): the corpus test keeps these figures
 * from falling, `npm run bench` prints the current ones. A held-out round is measured blind, once; then it is
 * tuned data. When a new held-out round is written, update it here and in README.
 */
export const GUESSER_ACCURACY = {
  /**
   * test/corpus/headers: columns right / columns (300 sets: rounds 1–7, the original corpus, and training sets t6
   * and t7 — 72 sets by two more authors, 485/533 and 459/508 when first run, before any tuning on them). Round 4
   * was tuned on after its blind measurement (469/527); rounds 5, 6 and t6/t7 after theirs (app funnels, the
   * record's own status, mailing reports, call exports, currency amounts, no-figure cells). 4352 before round 8's
   * misses were tuned on (names never the customer, settlements, SMS reports, listing and call reports); 4383
   * since month-name dates are read (Magento's `Purchase Date`, `Mar 14, 2026 10:22:33 AM`, sniffed as dates).
   */
  tuned: 4383 / 4517,
  /**
   * test/corpus/held-out, round 8 (36 sets, 12 per language, with 3 sample rows each, by a separate author who saw
   * neither the guesser nor the corpus, the first round written with GUIDE.md's conventions for columns that could
   * be labelled two ways): 441 of 471 measured blind, once. Headers alone: 442 of 471. Its misses were then tuned
   * on (464 of 471 now, `heldOutAfterTuning`), so it is no longer unseen: the next blind figure needs round 9,
   * commissioned and not delivered in that session. The test keeps the blind figure as the floor.
   * Earlier blind rounds (no conventions): round 7 439/482, round 6 480/524, round 5 456/519, round 4 469/527,
   * round 3 303/341, round 2 312/333 (314 after one bug fix), round 1 227/243; t7 and t6 (training sets, run once
   * before tuning on them) 485/533 and 459/508.
   */
  heldOut: 441 / 471,
  /** Round 8 after its misses were tuned on: not a blind figure (bench prints it beside the blind one). */
  heldOutAfterTuning: 464 / 471,
  /** Whether the held-out round has been tuned on since its blind measurement (bench and README say so). */
  heldOutTunedOn: true,
  /**
   * A second annotator labelled round 4's headers blind (test/corpus/second-annotator/round-4/, not seeing the
   * first labels, the guesser or its synonyms): the two agree on 513 of 527 columns, the ceiling a 97% target
   * sits at. On those the guesser was right on 466 blind, 511 after round 4 was tuned on.
   */
  round4AnnotatorAgreement: 513 / 527,
  // 505 since t6, t7, rounds 6 and 8: the later authors' conventions (opens and unique clicks in a mailing, an
  // activation after downloads as a stage, never a display name as the customer) cost six columns where both
  // round-4 annotators chose otherwise (GUIDE.md, "Where annotators disagreed").
  round4WhereAnnotatorsAgree: 505 / 513,
  /** Which held-out round `heldOut` measures (bench prints it). */
  heldOutRound: 8,
} as const;
