/**
 * Fewer conditional-format rules for the same colours: rules with the same condition and format are
 * merged into one rule over all their ranges. Safe only when no rule between the two touches the later
 * rule's ranges (rule order decides which colour wins on overlapping cells), so that is checked.
 */
import { columnNumber } from '../a1.js';
import type { ConditionalRule } from './types.js';

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** `B5`, `B5:C9`, `$B$5` → a box; null for anything else (then nothing is merged across it). */
function box(a1: string): Box | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/u.exec(a1.toUpperCase());
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    const p = box(x);
    for (const y of b) {
      const q = box(y);
      if (!p || !q) return true;
      if (p.left <= q.right && q.left <= p.right && p.top <= q.bottom && q.top <= p.bottom) return true;
    }
  }
  return false;
}

const sameLook = (a: ConditionalRule, b: ConditionalRule): boolean =>
  a.when === b.when && a.value === b.value && a.fontColor === b.fontColor && a.background === b.background;

export function mergeConditionalRules(rules: readonly ConditionalRule[]): ConditionalRule[] {
  const out: { rule: ConditionalRule; ranges: string[] }[] = [];
  for (const rule of rules) {
    let target = -1;
    for (let i = out.length - 1; i >= 0; i--) {
      if (sameLook(out[i].rule, rule)) {
        target = i;
        break;
      }
      // A different rule after the candidate that touches these cells would change precedence.
      if (overlaps(out[i].ranges, rule.ranges)) break;
    }
    if (target >= 0) out[target].ranges.push(...rule.ranges);
    else out.push({ rule, ranges: [...rule.ranges] });
  }
  return out.map(({ rule, ranges }) => ({ ...rule, ranges }));
}
