/**
 * The column guesser: header vocabulary first, value types second. Each column gets every role its header
 * suggests with a score; the value type scales the score (a "Source" column of numbers is not a channel);
 * then roles that appear once per table are handed out best-score-first, so "Cost" beats "Cost / conv."
 * and "UTM Source" beats a second "Источник".
 */
import type { ValueType } from '../../api/contract.js';
import type { CellValue } from '../values.js';
import type { ColumnRole } from './types.js';
import { containsPhrase, normalizeHeader } from './normalize.js';
import { profileColumn, type ColumnProfile } from './sniff.js';
import { normalizedSynonyms } from './synonyms.js';

export interface ColumnGuess {
  readonly index: number;
  readonly header: string;
  readonly role: ColumnRole;
  /** 0–1. */
  readonly confidence: number;
  readonly valueType: ValueType;
  /** For role 'stage': which funnel stage the column counts (mql, sql, meetings…), when known. */
  readonly stageId?: string;
}

/** Roles a table has at most one of. 'stage' (many funnel columns) and 'ignore' repeat. */
const REPEATABLE: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['stage', 'ignore']);

interface Candidate {
  readonly role: ColumnRole;
  readonly score: number;
  readonly stageId?: string;
  readonly crmOnly?: boolean;
}

/** Scores every role the header's words suggest, best first. */
export function headerCandidates(header: string): Candidate[] {
  const h = normalizeHeader(header);
  if (h === '') return [];
  const best = new Map<ColumnRole, Candidate>();
  for (const { entry, phrase } of normalizedSynonyms()) {
    let score = 0;
    if (h === phrase) score = entry.weight;
    else if (!entry.exactOnly && containsPhrase(h, phrase)) {
      // A phrase covering more of the header is more telling: "Amount spent" is spend, not "amount".
      score = entry.derived ? entry.weight : entry.weight * (0.6 + 0.25 * Math.min(1, phrase.length / h.length));
    }
    if (score === 0) continue;
    const prev = best.get(entry.role);
    if (!prev || score > prev.score) best.set(entry.role, { role: entry.role, score, stageId: entry.stageId, crmOnly: entry.crmOnly });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const TEXTUAL: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['channel', 'campaign', 'status']);
const IDENTIFIERS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['lead_id', 'customer_id']);
const DATES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['date', 'close_date']);

/** How well a column's values fit a role: 1 fits, lower scales the header score down. */
export function typeFit(role: ColumnRole, valueType: ValueType): number {
  if (valueType === 'empty' || role === 'ignore') return 1;
  // Text under a date header may be a format we do not read ("1st March"): keep the role, doubt it.
  if (DATES.has(role)) return valueType === 'date' ? 1 : valueType === 'number' ? 0.3 : 0.4;
  if (TEXTUAL.has(role)) return valueType === 'text' ? 1 : valueType === 'number' ? 0.2 : 0.1;
  if (IDENTIFIERS.has(role)) return valueType === 'date' ? 0.2 : 1;
  // Measures and funnel counts.
  return valueType === 'number' ? 1 : valueType === 'date' ? 0.15 : 0.25;
}

/** Below this a guess is shown as "not sure" and a losing role falls back to ignore. */
export const LOW_CONFIDENCE = 0.5;

/**
 * Guesses every column's role. `columns` is column-major (columns[i] = the values under headers[i]); it may
 * be shorter than headers (header-only sheets), and samples of a few hundred rows are enough.
 */
export function guessColumns(headers: readonly string[], columns: readonly (readonly CellValue[])[]): ColumnGuess[] {
  const profiles: ColumnProfile[] = headers.map((h, i) => profileColumn(columns[i] ?? [], h));
  let candidates = headers.map((h, i) => rankCandidates(h, profiles[i]));
  // An ad-platform report (impressions or clicks): CRM-only words mean something else there.
  const adReport = candidates.some((list) => list[0] && (list[0].role === 'impressions' || list[0].role === 'clicks') && list[0].score >= 0.8);
  if (adReport) candidates = candidates.map((list) => list.filter((c) => !c.crmOnly));

  // Unique roles go to the best-scoring column; a column's later candidates get their turn after.
  const assigned = new Map<number, Candidate>();
  const taken = new Set<ColumnRole>();
  const queue = candidates
    .flatMap((list, index) => list.map((c) => ({ index, c })))
    .sort((a, b) => b.c.score - a.c.score || a.index - b.index);
  for (const { index, c } of queue) {
    if (assigned.has(index)) continue;
    if (!REPEATABLE.has(c.role) && taken.has(c.role)) continue;
    // A weak second choice is worse than an honest "ignore": a wrong measure corrupts every sum.
    if (c.score < 0.3) continue;
    assigned.set(index, c);
    if (!REPEATABLE.has(c.role)) taken.add(c.role);
  }

  return headers.map((header, index) => {
    const valueType = profiles[index].valueType;
    const c = assigned.get(index);
    if (!c) {
      // Lost its role to a better column or matched nothing: ignore, with doubt if it looked like something.
      const top = candidates[index][0];
      const confidence = top && top.role !== 'ignore' ? round(Math.max(0.2, 1 - top.score)) : 0.3;
      return { index, header, role: 'ignore' as const, confidence, valueType };
    }
    const guess: ColumnGuess = { index, header, role: c.role, confidence: round(Math.min(1, c.score)), valueType };
    return c.stageId ? { ...guess, stageId: c.stageId } : guess;
  });
}

function rankCandidates(header: string, profile: ColumnProfile): Candidate[] {
  const out = headerCandidates(header).map((c) => ({ ...c, score: c.score * typeFit(c.role, profile.valueType) }));
  // Values alone still say something when the header says nothing useful.
  if (profile.valueType === 'date') out.push({ role: 'date', score: 0.45 });
  return out.sort((a, b) => b.score - a.score);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
