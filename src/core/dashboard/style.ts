/** The dashboard's colours and the red/green rule, shared by every block. */
import type { ConditionalRule } from './types.js';

export const TITLE_BG = '#1f3864';
export const HEAD_BG = '#d9e2f3';
export const TOTAL_BG = '#f2f2f2';
/** Every other data row of a table, so a long row can be followed across the screen. */
export const BAND_BG = '#f3f6fb';
export const MUTED = '#595959';
export const WARN = '#9c5700';

const NEG = { fontColor: '#9c0006', background: '#ffc7ce' };
const POS = { fontColor: '#006100', background: '#c6efce' };

/** Red below zero, green above: ROMI cells. */
export function signRules(ranges: string[]): ConditionalRule[] {
  return [
    { ranges, when: 'lt', value: 0, ...NEG },
    { ranges, when: 'gt', value: 0, ...POS },
  ];
}
