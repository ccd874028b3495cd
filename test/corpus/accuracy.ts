/**
 * The guesser's documented accuracy (README "Column guesser accuracy"): the corpus test keeps both figures
 * from falling, `npm run bench` prints the current ones. Held-out is measured, never tuned on: when a new
 * held-out round is written, update it here and in README.
 */
export const GUESSER_ACCURACY = {
  /** test/corpus/headers: columns right / columns; every synonym is written against these (96 sets, rounds 1–3 included). */
  tuned: 1424 / 1424,
  /**
   * test/corpus/held-out, round 3 (27 sets): 303 of 341, measured once after tuning on round 2's misses
   * stopped. Round 2 measured 312/333 blind (314 after one bug fix), round 1 227/243.
   */
  heldOut: 303 / 341,
} as const;
