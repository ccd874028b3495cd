/** What a block function returns: its blocks and rules, placed at the anchor it was given. */
import type { ConditionalRule, PlanBlock } from '../types.js';

export interface PlacedBlocks {
  readonly blocks: readonly PlanBlock[];
  /** Conditional formats over the block's cells (red/green ROMI). */
  readonly rules: readonly ConditionalRule[];
  /** Where the next block starts: one blank row below this one, or the anchor when nothing was placed. */
  readonly nextRow: number;
}
