/** Step 5: what is missing for which metric, Save, Build dashboard, Share report. */
import { issue } from '../../src/core/issues.js';
import type { BuildResult, ShareResult, ValidationIssue } from '../../src/api/contract.js';
import { call } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { safeHttpsUrl } from '../format.js';
import { buildMapping, currentMargin, invalidMetricFields } from '../model.js';
import { DEFAULT_METRICS_OPTIONS, METRICS_OPTION_RULES, metricsOptionAllowed, metricsOptions } from '../../src/core/definitions/rules.js';
import { modelName, tm } from '../../src/core/i18n/metrics.js';
import { metricLabel } from './metrics.js';
import type { Ui } from '../ui.js';
import { dashboardNameValid } from './options.js';
import { regionSummary } from './data.js';
import type { TableState } from '../model.js';

/** Option problems the sidebar can see itself; they block saving before any server round trip. */
export function localIssues(ui: Ui): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (currentMargin(ui.state) === undefined) {
    out.push(issue('error', 'invalid_margin', {}));
  }
  if (!dashboardNameValid(ui.state.options.dashboardName)) {
    out.push(issue('error', 'empty_dashboard_name', {}));
  }
  for (const field of invalidMetricFields(ui.state)) {
    const value = ui.state.metricsText[field];
    out.push({
      severity: 'error',
      code: 'invalid_metrics_option',
      message: `Metrics option ${field} cannot be ${value}.`,
      params: { field: metricLabel(ui, field), value, allowed: metricsOptionAllowed(METRICS_OPTION_RULES[field]) },
    });
  }
  return out;
}

function builtText(ui: Ui, result: BuildResult): HTMLElement {
  return h('div', { className: 'result' }, [
    h('p', { className: 'ok' }, [
      ui.tr('review.built', { sheet: result.sheetName, channels: result.channels, periods: result.periods, rows: result.sourceRows }),
    ]),
    result.skippedRows > 0
      ? h('p', { className: 'warning', attrs: { 'data-skipped': String(result.skippedRows) } }, [
          ui.tr('review.rowsRead', { used: result.usedRows, rows: result.sourceRows, skipped: result.skippedRows }),
        ])
      : null,
  ]);
}

function sharedText(ui: Ui, result: ShareResult): HTMLElement {
  const href = safeHttpsUrl(result.url);
  if (!href) return h('p', { className: 'warning' }, [ui.tr('review.badUrl')]);
  const link = h('a', { attrs: { target: '_blank', rel: 'noopener noreferrer' } }, [result.name || result.url]);
  link.href = href;
  return h('p', { className: 'result' }, [ui.tr('review.shared'), ' ', link]);
}

export function renderReview(ui: Ui): HTMLElement {
  const { state } = ui;
  const results = h('div', { className: 'results', attrs: { 'aria-live': 'polite' } });
  const issuesBox = h('div', { className: 'live-issues' });
  const isSaved = (): boolean => state.savedJson !== null && state.savedJson === JSON.stringify(buildMapping(state));

  const save = h('button', { className: 'primary', attrs: { type: 'button' } }, [ui.tr('review.save')]);
  const build = h('button', { className: 'primary', attrs: { type: 'button' } }, [ui.tr('review.build')]);
  const share = h('button', { className: 'secondary', attrs: { type: 'button' } }, [ui.tr('review.share')]);
  const saveHint = h('p', { className: 'hint' });

  const blockedHint = h('p', { className: 'hint blocked', attrs: { id: 'review-blocked' } });
  // Save and Build stay off while a must-fix issue is listed, and say why (the same texts as the list).
  const refresh = (blocking: readonly ValidationIssue[] = ui.blockingIssues()): void => {
    const blocked = blocking.length > 0 || !state.source;
    save.disabled = blocked;
    build.disabled = blocked || !isSaved();
    share.disabled = !isSaved();
    blockedHint.textContent = blocking.length > 0 ? ui.tr('review.blocked', { reasons: blocking.map((i) => ui.issue(i)).join(' · ') }) : '';
    for (const b of [save, build]) {
      if (b.disabled && blocking.length > 0) b.setAttribute('aria-describedby', 'review-blocked');
      else b.removeAttribute('aria-describedby');
    }
    saveHint.textContent = blocked || isSaved() ? '' : ui.tr('review.saveFirst');
  };

  save.addEventListener('click', () => {
    const mapping = buildMapping(state);
    if (!mapping) return;
    void ui
      .busy(ui.tr('review.saving'), async () => {
        const issues = await call('saveMapping', mapping);
        state.savedJson = JSON.stringify(mapping);
        // The results box is a live region, so this is announced without a second status message.
        replaceChildren(results, [h('p', { className: 'ok' }, [ui.tr('review.saved')])]);
        ui.setIssues(issues);
      })
      .then(() => refresh());
  });
  build.addEventListener('click', () => {
    void ui
      .busy(ui.tr('review.building'), async () => {
        const result = await call('buildDashboard');
        replaceChildren(results, [builtText(ui, result), ...(result.warnings.length > 0 ? [renderWarnings(ui, result.warnings)] : [])]);
      })
      .then(() => refresh());
  });
  share.addEventListener('click', () => {
    void ui
      .busy(ui.tr('review.sharing'), async () => {
        const result = await call('shareReport');
        results.appendChild(sharedText(ui, result));
      })
      .then(() => refresh());
  });

  ui.setIssuesBox(issuesBox, refresh);
  refresh();
  return h('div', { className: 'step-body' }, [
    h('p', { className: 'hint' }, [ui.tr('review.intro')]),
    renderSummary(ui),
    issuesBox,
    h('div', { className: 'actions' }, [save, build, share]),
    blockedHint,
    saveHint,
    results,
  ]);
}

/** What Save will store, in the user's words: the table, each role's columns, the funnel, the options. */
function renderSummary(ui: Ui): HTMLElement {
  const { state } = ui;
  // A BigQuery table has no sheet range: its name is the whole address.
  const table = (t: TableState): string =>
    state.warehouse ? `BigQuery ${t.sheetName}` : `“${t.sheetName}” — ${regionSummary(ui, t.detection)}`;
  const rows: [string, string[]][] = [];
  if (state.source) {
    rows.push([
      ui.tr('review.summary.data'),
      [
        table(state.source),
        ...(state.costs ? [ui.tr('review.summary.costs', { sheet: state.costs.sheetName })] : []),
        ...(state.survey && state.source.detection.shape === 'crm' && !state.warehouse
          ? [ui.tr('review.summary.survey', { sheet: state.survey.sheetName })]
          : []),
      ],
    ]);
    rows.push([ui.tr('review.summary.roles'), rolesOf(ui, state.source)]);
  }
  rows.push([
    ui.tr('review.summary.funnel'),
    [state.funnel.length > 0 ? state.funnel.map((s) => s.label).join(' → ') : ui.tr('review.summary.noFunnel')],
  ]);
  const o = state.options;
  const margin = currentMargin(state);
  const options = ui.tr('review.summary.optionsText', {
    granularity: ui.tr(`options.${o.granularity}`),
    margin: margin === undefined ? state.marginText : `${Math.round(margin * 1000) / 10}%`,
    currency: o.currency,
    name: o.dashboardName,
  });
  rows.push([ui.tr('review.summary.options'), [o.byCampaign ? `${options} · ${ui.tr('review.summary.byCampaign')}` : options]]);
  const metrics = metricsSummary(ui);
  if (metrics.length > 0) rows.push([ui.tr('review.summary.metrics'), metrics]);
  return h('section', { className: 'summary', attrs: { 'aria-label': ui.tr('review.summary') } }, [
    h('h3', {}, [ui.tr('review.summary')]),
    h(
      'dl',
      {},
      rows.flatMap(([term, lines]) => [h('dt', {}, [term]), ...lines.map((line) => h('dd', {}, [line]))]),
    ),
  ]);
}

/** The metrics options in force (the defaults filled in), as the dashboard will be computed. */
function metricsSummary(ui: Ui): string[] {
  const { state } = ui;
  let m = DEFAULT_METRICS_OPTIONS;
  try {
    m = metricsOptions(state.options.metrics ?? {});
  } catch {
    // An invalid value is listed among the issues and blocks Save; the summary shows the defaults meanwhile.
  }
  const lines: string[] = [];
  if (state.source?.detection.shape === 'crm') {
    const model =
      m.attribution === 'time_decay'
        ? `${modelName(ui.locale, m.attribution)} (${ui.tr('review.summary.halfLife', { days: m.halfLifeDays })})`
        : modelName(ui.locale, m.attribution);
    lines.push(ui.tr('review.summary.metricsText', { model, basis: tm(ui.locale, `basis.${m.periodBasis}`), days: m.returnDays }));
  }
  if (m.lifespanYears !== null && m.purchasesPerYear !== null)
    lines.push(ui.tr('review.summary.ltvFormula', { lifespan: m.lifespanYears, frequency: m.purchasesPerYear }));
  return lines;
}

/** "Spend: Cost · Revenue: Amount, Sum …", in column order, ignored columns left out. */
function rolesOf(ui: Ui, t: TableState): string[] {
  const byRole = new Map<string, string[]>();
  t.detection.columns.forEach((c, i) => {
    const role = t.roles[i];
    if (role === 'ignore') return;
    const label = ui.role(role);
    byRole.set(label, [...(byRole.get(label) ?? []), c.header || `#${c.index + 1}`]);
  });
  return [...byRole].map(([role, headers]) => `${role}: ${headers.join(', ')}`);
}

function renderWarnings(ui: Ui, warnings: readonly ValidationIssue[]): HTMLElement {
  return h(
    'ul',
    { className: 'issue-list sev-warning' },
    warnings.map((w) => h('li', {}, [ui.issue(w)])),
  );
}
