/**
 * Shape and funnel guesses. An aggregated sheet carries its funnel in columns (impressions → clicks →
 * leads → MQL/SQL… → customers); a CRM export carries it in the values of one status column, which we
 * read through the status vocabulary.
 */
import type { UiLocale } from '../types.js';
import { isBlank, type CellValue, type Matrix } from '../values.js';
import type { ColumnGuess } from './guess-columns.js';
import { classifyStatus, levelById, PIPELINE_LEVELS, WON_STAGE } from './status-vocabulary.js';
import type { ColumnRole, DataShape, FunnelStage, StatusCount, StatusRule } from './types.js';

const COUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'spend',
  'impressions',
  'clicks',
  'leads',
  'stage',
  'customers',
  'orders',
]);

/**
 * 'crm' when a status column exists and rows look like one lead or deal each: an id column, or few
 * numeric count columns, or a status column whose values repeat across many rows. Otherwise 'aggregated'.
 * `rows` are data rows with columns in guess order (index = ColumnGuess.index).
 */
export function guessShape(guesses: readonly ColumnGuess[], rows: Matrix = []): DataShape {
  const status = guesses.find((g) => g.role === 'status');
  if (!status) return 'aggregated';
  if (guesses.some((g) => g.role === 'lead_id')) return 'crm';
  const counts = guesses.filter((g) => COUNT_ROLES.has(g.role)).length;
  if (counts <= 1) return 'crm';
  // Many count columns and a status column: a per-campaign report with a "Status" (active/paused) column
  // looks like this too; a CRM export repeats a few statuses over many rows.
  const values = rows.map((r) => r[status.index]).filter((v) => !isBlank(v));
  if (values.length >= 20 && new Set(values.map((v) => String(v).trim())).size <= Math.max(3, values.length / 10)) {
    const active = values.filter((v) =>
      /^(active|paused|enabled|removed|активна|остановлена|активно|идут показы|投放中|暂停)$/iu.test(String(v).trim()),
    );
    return active.length > values.length / 2 ? 'aggregated' : 'crm';
  }
  return 'aggregated';
}

/** Distinct non-blank statuses with counts, most frequent first (ties: first seen). */
export function countStatuses(values: readonly CellValue[], limit = 200): StatusCount[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (isBlank(v)) continue;
    const s = String(v).trim();
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** What each status means: won, lost, junk, or the pipeline stage it proves. Unknown text counts as a lead. */
export function guessStatusRules(statuses: readonly (StatusCount | string)[]): StatusRule[] {
  return statuses.map((s) => {
    const status = typeof s === 'string' ? s : s.status;
    const m = classifyStatus(status);
    if (m.kind === 'stage') return { status, kind: 'stage', stageId: m.level ?? 'leads' };
    return { status, kind: m.kind };
  });
}

/** Statuses the vocabulary does not know: the sidebar asks the user about these. */
export function unknownStatuses(statuses: readonly (StatusCount | string)[]): string[] {
  return statuses.map((s) => (typeof s === 'string' ? s : s.status)).filter((s) => !classifyStatus(s).known);
}

const AGGREGATED_LABEL_IDS: readonly ColumnRole[] = ['impressions', 'clicks', 'leads'];

/**
 * Ordered funnel stages. Aggregated: from the columns (impressions → clicks → leads → stage columns in
 * sheet order → customers). CRM: leads → the pipeline levels the statuses reach → customers.
 */
export function guessFunnel(
  shape: DataShape,
  guesses: readonly ColumnGuess[],
  statuses: readonly (StatusCount | string)[] = [],
  locale: UiLocale = 'en',
): FunnelStage[] {
  if (shape === 'aggregated') {
    const stages: FunnelStage[] = [];
    const used = new Set<string>();
    const add = (id: string, g: ColumnGuess): void => {
      const unique = used.has(id) ? `stage_${g.index}` : id;
      used.add(unique);
      stages.push({ id: unique, label: g.header, column: g.index });
    };
    for (const role of AGGREGATED_LABEL_IDS) {
      const g = guesses.find((x) => x.role === role);
      if (g) add(role, g);
    }
    for (const g of guesses) if (g.role === 'stage') add(g.stageId ?? `stage_${g.index}`, g);
    const won = guesses.find((x) => x.role === 'customers');
    if (won) add('customers', won);
    return stages;
  }

  const rules = guessStatusRules(statuses);
  const levelStatus = new Map<string, string[]>();
  for (const r of rules) {
    if (r.kind !== 'stage' || !r.stageId || r.stageId === 'leads') continue;
    levelStatus.set(r.stageId, [...(levelStatus.get(r.stageId) ?? []), r.status]);
  }
  const levels = [...levelStatus.keys()].sort((a, b) => (levelById(a)?.rank ?? 0) - (levelById(b)?.rank ?? 0));
  const leads = PIPELINE_LEVELS[0];
  return [
    { id: leads.id, label: leads.label[locale] },
    ...levels.map((id) => {
      const names = levelStatus.get(id) ?? [];
      // One status at this level: its own wording is the best label; several: the generic name.
      const label = names.length === 1 ? names[0] : (levelById(id)?.label[locale] ?? id);
      return { id, label };
    }),
    { id: WON_STAGE.id, label: WON_STAGE.label[locale] },
  ];
}
