/**
 * What a mapping can and cannot compute, said plainly: each issue names the missing role and the metrics
 * it makes impossible, with a stable code for the sidebar's translations. Also catches a sheet that changed
 * under a saved mapping (a column moved or deleted) and out-of-range options.
 */
import { metricsOptionProblems } from '../definitions/rules.js';
import { issue } from '../issues.js';
import type { ValidationIssue } from '../types.js';
import { columnLetters } from '../a1.js';
import { COLUMN_ROLES, type ColumnRole, type Mapping, type TableBinding } from './types.js';

// Customer identity may span columns (an id, an e-mail, a phone): rows sharing any of them are one customer.
const REPEATABLE: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['stage', 'ignore', 'customer_id']);
const GRANULARITIES = ['week', 'month', 'quarter'];
/** Google Sheets limits a sheet name to 100 characters. */
const MAX_DASHBOARD_NAME = 100;

export interface ActualHeaders {
  readonly source?: readonly string[];
  readonly costs?: readonly string[];
  readonly survey?: readonly string[];
}

export function validateMapping(mapping: Mapping, actualHeaders?: readonly string[] | ActualHeaders): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const actual: ActualHeaders = isHeaderList(actualHeaders) ? { source: actualHeaders } : (actualHeaders ?? {});
  const src = mapping.source;
  const has = (role: ColumnRole, table: TableBinding | null = src): boolean => !!table && table.columns.some((c) => c.role === role);

  checkTable(src, 'source', issues);
  if (mapping.costs) checkTable(mapping.costs, 'costs', issues);

  if (!has('channel')) {
    issues.push(issue('error', 'missing_channel', { role: 'channel' }, ['ROMI', 'CAC', 'CPL', 'ROAS', 'Conversion']));
  }
  if (!has('date')) {
    issues.push(issue('warning', 'missing_date', { role: 'date' }, ['Dynamics']));
  }

  const spendMetrics = ['ROMI', 'CAC', 'CPL', 'CPC', 'ROAS'];
  if (mapping.shape === 'aggregated') {
    if (!has('spend')) issues.push(issue('error', 'missing_spend', { role: 'spend' }, spendMetrics));
    if (!has('leads')) issues.push(issue('warning', 'missing_leads', { role: 'leads' }, ['CPL', 'Lead conversion']));
    if (!has('customers') && !has('orders'))
      issues.push(issue('warning', 'missing_customers', { role: 'customers' }, ['CAC', 'Conversion']));
    if (!has('clicks')) issues.push(issue('info', 'missing_clicks', { role: 'clicks' }, ['CPC', 'CTR']));
    if (mapping.statusRules.length > 0) issues.push(issue('warning', 'status_rules_ignored', {}));
  } else {
    if (!has('status')) issues.push(issue('error', 'missing_status', { role: 'status' }, ['CAC', 'Conversion', 'Funnel']));
    if (!mapping.costs) {
      issues.push(issue('warning', 'missing_costs_table', {}, ['ROMI', 'CAC', 'CPL', 'ROAS']));
    } else {
      if (!has('spend', mapping.costs)) issues.push(issue('error', 'missing_costs_spend', { role: 'spend', table: 'costs' }, spendMetrics));
      if (!has('channel', mapping.costs))
        issues.push(issue('error', 'missing_costs_channel', { role: 'channel', table: 'costs' }, spendMetrics));
      if (!has('date', mapping.costs)) issues.push(issue('warning', 'missing_costs_date', { role: 'date', table: 'costs' }, ['Dynamics']));
    }
    if (mapping.statusRules.length > 0 && !mapping.statusRules.some((r) => r.kind === 'won')) {
      issues.push(issue('warning', 'no_won_status', {}, ['CAC', 'Conversion', 'LTV']));
    }
    if (!has('customer_id')) issues.push(issue('info', 'missing_customer_id', { role: 'customer_id' }, ['LTV', 'Repeat rate']));
  }
  if (!has('revenue') && !(mapping.costs && has('revenue', mapping.costs))) {
    issues.push(issue('warning', 'missing_revenue', { role: 'revenue' }, ['ROMI', 'ROAS', 'AOV', 'LTV']));
  }

  if (mapping.survey) checkSurvey(mapping, mapping.survey, issues);
  checkFunnel(mapping, issues);
  checkOptions(mapping, issues);
  if (actual.source) checkHeaders(src, actual.source, 'source', issues);
  if (actual.costs && mapping.costs) checkHeaders(mapping.costs, actual.costs, 'costs', issues);
  if (actual.survey && mapping.survey) checkHeaders(mapping.survey, actual.survey, 'survey', issues);
  return issues;
}

function isHeaderList(x: readonly string[] | ActualHeaders | undefined): x is readonly string[] {
  return Array.isArray(x);
}

function checkTable(t: TableBinding, table: string, issues: ValidationIssue[]): void {
  const ok = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1;
  if (
    !ok(t.headerRow) ||
    !ok(t.firstDataRow) ||
    !ok(t.firstColumn) ||
    !ok(t.lastColumn) ||
    t.firstDataRow <= t.headerRow ||
    t.lastColumn < t.firstColumn ||
    (t.lastDataRow !== null && t.lastDataRow < t.headerRow)
  ) {
    issues.push(issue('error', 'invalid_table', { table }));
    return;
  }
  const width = t.lastColumn - t.firstColumn + 1;
  const seenIndex = new Set<number>();
  const byRole = new Map<ColumnRole, string[]>();
  for (const c of t.columns) {
    if (!Number.isInteger(c.index) || c.index < 0 || c.index >= width) {
      issues.push(issue('error', 'column_out_of_range', { header: c.header, table }));
      continue;
    }
    if (seenIndex.has(c.index))
      issues.push(
        issue('error', 'column_bound_twice', {
          column: columnLetters(t.firstColumn + c.index),
          table,
        }),
      );
    seenIndex.add(c.index);
    if (!(COLUMN_ROLES as readonly string[]).includes(c.role)) continue;
    byRole.set(c.role, [...(byRole.get(c.role) ?? []), c.header]);
  }
  for (const [role, headers] of byRole) {
    if (REPEATABLE.has(role) || headers.length < 2) continue;
    issues.push(
      issue('error', 'duplicate_role', {
        role,
        headers: headers.join(', '),
        table,
      }),
    );
  }
}

/** A survey joins answers to customers: it needs a score and an identifier, and the leads need one too. */
function checkSurvey(m: Mapping, survey: TableBinding, issues: ValidationIssue[]): void {
  checkTable(survey, 'survey', issues);
  const has = (role: ColumnRole, t: TableBinding): boolean => t.columns.some((c) => c.role === role);
  if (m.shape !== 'crm') {
    issues.push(issue('error', 'survey_needs_crm', {}));
    return;
  }
  if (!has('nps', survey)) issues.push(issue('error', 'missing_survey_nps', { role: 'nps', table: 'survey' }, ['NPS']));
  if (!has('customer_id', survey))
    issues.push(issue('error', 'missing_survey_customer_id', { role: 'customer_id', table: 'survey' }, ['NPS']));
  if (!has('customer_id', m.source)) issues.push(issue('error', 'survey_without_customers', { role: 'customer_id' }, ['NPS']));
}

function checkFunnel(m: Mapping, issues: ValidationIssue[]): void {
  const ids = new Set<string>();
  const width = m.source.lastColumn - m.source.firstColumn + 1;
  for (const s of m.funnel) {
    if (ids.has(s.id)) issues.push(issue('error', 'duplicate_stage', { stage: s.id }));
    ids.add(s.id);
    if (s.label.trim() === '') issues.push(issue('error', 'empty_stage_label', { stage: s.id }));
    if (m.shape === 'aggregated') {
      if (s.column === undefined) issues.push(issue('error', 'stage_without_column', { stage: s.id, label: s.label }));
      else if (!Number.isInteger(s.column) || s.column < 0 || s.column >= width)
        issues.push(issue('error', 'funnel_column_missing', { stage: s.id, label: s.label }));
    }
  }
  if (m.shape === 'aggregated' && m.funnel.length === 0) issues.push(issue('warning', 'empty_funnel', {}, ['Funnel']));
  for (const r of m.statusRules) {
    if (r.stageId !== undefined && !ids.has(r.stageId)) {
      issues.push(
        issue('error', 'unknown_stage', {
          status: r.status,
          stage: r.stageId,
        }),
      );
    }
  }
}

function checkOptions(m: Mapping, issues: ValidationIssue[]): void {
  const o = m.options;
  if (typeof o.grossMargin !== 'number' || !Number.isFinite(o.grossMargin) || o.grossMargin <= 0 || o.grossMargin > 1) {
    issues.push(issue('error', 'invalid_margin', { value: String(o.grossMargin) }, ['ROMI', 'LTV']));
  }
  if (typeof o.dashboardName !== 'string' || o.dashboardName.trim() === '') {
    issues.push(issue('error', 'empty_dashboard_name', {}));
  } else if (o.dashboardName.length > MAX_DASHBOARD_NAME) {
    issues.push(
      issue('error', 'dashboard_name_too_long', {
        max: MAX_DASHBOARD_NAME,
      }),
    );
  }
  if (typeof o.currency !== 'string' || !/^[A-Z]{3}$/u.test(o.currency)) {
    issues.push(
      issue('error', 'invalid_currency', {
        value: String(o.currency),
      }),
    );
  }
  if (!GRANULARITIES.includes(o.granularity)) {
    issues.push(issue('error', 'invalid_granularity', { value: String(o.granularity) }));
  }
  // The metrics options (attribution, period basis, return gap, LTV inputs) by the rules of definitions/rules.ts.
  for (const p of metricsOptionProblems(o.metrics)) {
    issues.push(
      issue('error', 'invalid_metrics_option', {
        field: p.field,
        value: p.value,
        allowed: p.allowed,
      }),
    );
  }
}

/** A blank header cell is named "Column F" at detection; treat it so here too. */
function sameHeader(saved: string, actual: string | undefined, column: number): boolean {
  if (actual === undefined) return false;
  const a = actual.trim() === '' ? `Column ${columnLetters(column)}` : actual;
  // Case and spacing edits are not a different column; a changed word is.
  return saved.trim().replace(/\s+/gu, ' ').toLowerCase() === a.trim().replace(/\s+/gu, ' ').toLowerCase();
}

function checkHeaders(t: TableBinding, actual: readonly string[], table: string, issues: ValidationIssue[]): void {
  for (const c of t.columns) {
    if (c.role === 'ignore') continue;
    const col = t.firstColumn + c.index;
    if (sameHeader(c.header, actual[c.index], col)) continue;
    const moved = actual.findIndex((h, i) => sameHeader(c.header, h, t.firstColumn + i));
    if (moved >= 0) {
      issues.push(
        issue('error', 'column_moved', {
          header: c.header,
          column: columnLetters(col),
          newColumn: columnLetters(t.firstColumn + moved),
          table,
        }),
      );
    } else {
      issues.push(
        issue('error', 'column_missing', {
          header: c.header,
          column: columnLetters(col),
          table,
        }),
      );
    }
  }
}
