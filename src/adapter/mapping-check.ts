/**
 * The one check a mapping passes before it is saved and again before every build (the sidebar's Save,
 * the sidebar's Build and the menu's Refresh all come here): the pure rules of core/mapping/validate.ts
 * applied to the sheet as it is now. A stored mapping that Save would refuse never builds.
 */
import type { ValidationIssue } from '../api/contract.js';
import { validateMapping } from '../core/mapping/validate.js';
import type { Mapping, TableBinding } from '../core/mapping/types.js';
import { issue } from '../core/issues.js';
import { ownDashboards } from './dashboard/locate.js';
import { movedHeaderIssue, observeTable, type TableLabel, type TableObservation } from './dashboard/read-table.js';
import type { GasServices } from './services.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Observed = Extract<TableObservation, { kind: 'ok' }>;

export interface MappingCheck {
  readonly issues: readonly ValidationIssue[];
  readonly source: Observed | null;
  readonly costs: Observed | null;
  readonly survey: Observed | null;
}

/** `withData`: also read each table's cells (the build needs them; Save and the sidebar's checks do not). */
export function checkMapping(ss: Spreadsheet, mapping: Mapping, withData: boolean): MappingCheck {
  const issues: ValidationIssue[] = [];
  const observe = (table: TableBinding | null, label: TableLabel): Observed | null => {
    if (!table) return null;
    const seen = observeTable(ss, table, label, withData);
    if (seen.kind === 'problem') {
      issues.push(seen.issue);
      return null;
    }
    return seen;
  };
  const source = observe(mapping.source, 'source');
  const costs = mapping.shape === 'crm' ? observe(mapping.costs, 'costs') : null;
  const survey = mapping.shape === 'crm' && mapping.survey ? observe(mapping.survey, 'survey') : null;
  const rules = validateMapping(mapping, { source: source?.headers, costs: costs?.headers, survey: survey?.headers });
  issues.push(...explainMoves(rules, mapping, { source, costs }));
  return { issues, source, costs, survey };
}

/**
 * Save refuses a table on one of our dashboards (the wizard never offers them; a hand-made mapping could).
 * So a build trusts that a table found by its saved sheet id is no dashboard (dashboard/build.ts).
 */
export function dashboardTableIssues(services: GasServices, ss: Spreadsheet, mapping: Mapping): ValidationIssue[] {
  const dashboards = new Set(ownDashboards(services, ss).map((d) => d.sheet.getSheetId()));
  if (dashboards.size === 0) return [];
  const onDashboard = [mapping.source, mapping.costs, mapping.survey].some((t) => t && dashboards.has(t.sheetId));
  return onDashboard ? [issue('error', 'dashboard_is_source', {})] : [];
}

export function errorsOf(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

/**
 * When every mapped column of a table "went missing" because its whole header row moved, one issue
 * naming the new header row replaces the per-column ones (needs the table's cells: build only).
 */
function explainMoves(
  rules: ValidationIssue[],
  mapping: Mapping,
  seen: { source: Observed | null; costs: Observed | null },
): ValidationIssue[] {
  let out = rules;
  for (const label of ['source', 'costs'] as const) {
    const table = label === 'source' ? mapping.source : mapping.costs;
    const block = seen[label]?.block;
    if (!table || !block) continue;
    const isColumnIssue = (i: ValidationIssue): boolean =>
      (i.code === 'column_missing' || i.code === 'column_moved') && (i.params?.table ?? 'source') === label;
    if (!out.some(isColumnIssue)) continue;
    const moved = movedHeaderIssue(table, block, label);
    if (moved) out = [...out.filter((i) => !isColumnIssue(i)), moved];
  }
  return out;
}
