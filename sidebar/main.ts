/**
 * The FunnelROI sidebar wizard: Data → Columns → Funnel → Options → Review & save. This module owns the
 * page shell, step navigation, the busy state and live validation; each step renders itself (steps/*).
 */
import type { Detection, SidebarContext, ValidationIssue } from '../src/api/contract.js';
import { issueText, resolveLocale, roleLabel, t, type Locale, type MessageKey, type Params } from '../src/core/i18n/index.js';
import type { Mapping, ReportOptions } from '../src/core/mapping/types.js';
import { call, errorMessage, ServerError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { marginToInput } from './format.js';
import { renderIssues } from './issues.js';
import {
  applyCostsDetection,
  applyDetection,
  applySaved,
  buildMapping,
  refText,
  metricsTextOf,
  surveyState,
  type WizardState,
} from './model.js';
import { validateMapping } from '../src/core/mapping/validate.js';
import { defaultSheet as defaultSheetOf, savedSheetName } from '../src/core/mapping/wizard-start.js';
import { renderColumns } from './steps/columns.js';
import { guessCostsSheet, renderData } from './steps/data.js';
import { renderFunnel } from './steps/funnel.js';
import { renderOptions } from './steps/options.js';
import { localIssues, renderReview } from './steps/review.js';
import type { Ui } from './ui.js';

const STEPS: readonly { readonly key: MessageKey; readonly short: MessageKey; readonly render: (ui: Ui) => HTMLElement }[] = [
  { key: 'step.data', short: 'step.short.data', render: renderData },
  { key: 'step.columns', short: 'step.short.columns', render: renderColumns },
  { key: 'step.funnel', short: 'step.short.funnel', render: renderFunnel },
  { key: 'step.options', short: 'step.short.options', render: renderOptions },
  { key: 'step.review', short: 'step.short.review', render: renderReview },
];

/** Used only until getContext answers (the server sends localised defaults). */
const FALLBACK_OPTIONS: ReportOptions = {
  granularity: 'month',
  grossMargin: 1,
  currency: 'USD',
  dashboardName: 'FunnelROI',
  byCampaign: false,
};
const VALIDATE_DELAY_MS = 300;

const state: WizardState = {
  context: null,
  sourceKind: 'sheet',
  warehouse: null,
  dataSources: null,
  source: null,
  costs: null,
  survey: null,
  funnel: [],
  statusRules: [],
  options: FALLBACK_OPTIONS,
  marginText: marginToInput(FALLBACK_OPTIONS.grossMargin),
  metricsText: metricsTextOf(undefined),
  issues: [],
  restored: false,
  showSavedProblems: false,
  savedJson: null,
  schedule: null,
};

let locale: Locale = resolveLocale(typeof navigator === 'undefined' ? 'en' : navigator.language);
let step = 0;
let busyNow = false;
let issuesBox: HTMLElement | null = null;
/** The current step's reaction to new validation results (Review enables or blocks Save/Build). */
let issuesListener: ((blocking: readonly ValidationIssue[]) => void) | null = null;
let validateTimer: ReturnType<typeof setTimeout> | undefined;
let validateSeq = 0;
/** A validate call for the latest mapping is on its way: don't claim "everything is mapped" yet. */
let validating = false;

// The page shell: built once, texts refreshed on every render (the locale may change when context arrives).
const appTitle = h('h1', { className: 'app-title' });
const progress = h('p', { className: 'progress' });
const stepNav = h('ol', { className: 'step-nav' });
const nav = h('nav', {}, [stepNav]);
const heading = h('h2', { className: 'step-title', attrs: { tabindex: -1 } });
const stepBody = h('div', { className: 'step-content' });
const main = h('main', { attrs: { 'aria-labelledby': 'step-title' } }, [heading, stepBody]);
heading.id = 'step-title';
const back = h('button', { className: 'secondary', attrs: { type: 'button' }, on: { click: () => goTo(step - 1) } });
const next = h('button', { className: 'primary', attrs: { type: 'button' }, on: { click: () => goTo(step + 1) } });
const footer = h('div', { className: 'step-buttons' }, [back, next]);
const spinner = h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } });
const statusText = h('span', { className: 'status-text' });
const status = h('div', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } }, [spinner, statusText]);
const alertBox = h('div', { className: 'alert', attrs: { role: 'alert' } });
const app = h('div', { className: 'app', attrs: { 'aria-busy': 'false' } }, [appTitle, nav, progress, main, status, alertBox, footer]);

const ui: Ui = {
  state,
  get locale() {
    return locale;
  },
  tr: (key: MessageKey, params?: Params) => t(locale, key, params),
  role: (role) => roleLabel(locale, role),
  issue: (issue) => issueText(locale, issue),
  announce(text) {
    statusText.textContent = text;
  },
  showError(error) {
    const message = error instanceof ServerError && error.coded ? issueText(locale, error.coded) : errorMessage(error);
    alertBox.textContent = t(locale, 'common.error', { message });
  },
  busy,
  mappingChanged,
  rerender: render,
  detectSource: (name) => busy(t(locale, 'data.detecting', { sheet: name }), () => loadSource(name)).then(afterLoad),
  detectCosts: (name) =>
    busy(name ? t(locale, 'data.detecting', { sheet: name }) : t(locale, 'common.working'), () => loadCosts(name)).then(afterLoad),
  detectSurvey: (name) =>
    busy(name ? t(locale, 'data.detecting', { sheet: name }) : t(locale, 'common.working'), () => loadSurvey(name)).then(afterLoad),
  chooseSourceKind(kind) {
    state.sourceKind = kind;
    render();
    if (kind === 'bigquery' && state.dataSources === null) {
      // Listed once, on demand: a user who never picks BigQuery never calls the BigQuery-scoped functions.
      void busy(t(locale, 'data.bq.listing'), async () => {
        state.dataSources = await call('listDataSources');
      }).then(() => {
        state.dataSources ??= [];
        render();
      });
    }
  },
  detectWarehouse: (table, billing) =>
    busy(t(locale, 'data.detecting', { sheet: table }), () => loadWarehouse(table, billing)).then((done) => {
      if (done) afterLoad();
    }),
  detectWarehouseCosts: (table) =>
    busy(table ? t(locale, 'data.detecting', { sheet: table }) : t(locale, 'common.working'), () => loadWarehouseCosts(table)).then(
      (done) => {
        if (done) afterLoad();
      },
    ),
  setIssuesBox(box, onChange) {
    issuesBox = box;
    issuesListener = onChange ?? null;
    refreshIssues();
  },
  blockingIssues,
  setIssues(issues) {
    clearTimeout(validateTimer);
    validateSeq += 1; // an older validate still in flight must not overwrite these
    validating = false;
    state.issues = issues;
    refreshIssues();
  },
};

async function busy<T>(message: string, task: () => Promise<T>): Promise<T | undefined> {
  if (busyNow) return undefined;
  busyNow = true;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const controls = Array.from(
    app.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select'),
  ).filter((c) => !c.disabled);
  for (const c of controls) c.disabled = true;
  app.setAttribute('aria-busy', 'true');
  app.classList.add('busy');
  statusText.textContent = message;
  alertBox.textContent = '';
  // A long call (a build on a big sheet) shows its elapsed seconds, so the user sees it is still going.
  const started = Date.now();
  const ticker = setInterval(() => {
    statusText.textContent = t(locale, 'review.elapsed', { message, seconds: Math.round((Date.now() - started) / 1000) });
  }, 1000);
  try {
    return await task();
  } catch (error) {
    ui.showError(error);
    return undefined;
  } finally {
    clearInterval(ticker);
    if (statusText.textContent?.startsWith(message)) statusText.textContent = message;
    for (const c of controls) c.disabled = false;
    app.setAttribute('aria-busy', 'false');
    app.classList.remove('busy');
    if (statusText.textContent === message) statusText.textContent = '';
    busyNow = false;
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus();
  }
}

function currentIssues(): ValidationIssue[] {
  const local = localIssues(ui);
  const codes = new Set(local.map((i) => i.code));
  return [...local, ...state.issues.filter((i) => !codes.has(i.code))];
}

/** Must-fix issues of the current mapping: while any is listed, Save and Build stay disabled. */
function blockingIssues(): ValidationIssue[] {
  return currentIssues().filter((i) => i.severity === 'error');
}

function refreshIssues(): void {
  if (!issuesBox) return;
  const all = currentIssues();
  issuesListener?.(all.filter((i) => i.severity === 'error'));
  replaceChildren(issuesBox, [
    renderIssues(ui, all, state.source && !validating ? t(locale, 'review.ok') : null),
    validating ? h('p', { className: 'hint checking' }, [t(locale, 'review.checking')]) : null,
  ]);
}

function mappingChanged(): void {
  validating = state.source !== null;
  refreshIssues();
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => void validateNow(), VALIDATE_DELAY_MS);
}

async function validateNow(): Promise<void> {
  const mapping = buildMapping(state);
  if (!mapping) return;
  const seq = ++validateSeq;
  try {
    const issues = await call('validate', mapping);
    // A slower answer to an older mapping must not overwrite the newer one.
    if (seq !== validateSeq) return;
    state.issues = issues;
  } catch (error) {
    if (seq !== validateSeq) return;
    ui.showError(error);
  }
  validating = false;
  refreshIssues();
}

/** Detections openWizard sent ahead; each is used once, by the boot step that asks for that sheet. */
const prefetched = new Map<string, Detection>();

function detectSheetNamed(sheetName: string): Promise<Detection> {
  const ready = prefetched.get(sheetName);
  if (ready) {
    prefetched.delete(sheetName);
    return Promise.resolve(ready);
  }
  return call('detect', sheetName);
}

async function loadSource(sheetName: string): Promise<void> {
  const detection = await detectSheetNamed(sheetName);
  state.warehouse = null;
  state.sourceKind = 'sheet';
  applyDetection(state, sheetName, detection);
  if (detection.shape === 'crm' && !state.costs) {
    const guess = guessCostsSheet(state.context?.sheets ?? [], sheetName);
    if (guess) await loadCosts(guess).catch(() => undefined);
  }
}

async function loadCosts(sheetName: string | null): Promise<void> {
  applyCostsDetection(state, sheetName, sheetName ? await detectSheetNamed(sheetName) : null);
  // With BigQuery leads, a costs sheet replaces a costs table.
  if (state.warehouse) state.warehouse.costsTable = null;
}

async function loadSurvey(sheetName: string | null): Promise<void> {
  state.survey = sheetName ? surveyState(sheetName, await detectSheetNamed(sheetName)) : null;
}

/** A BigQuery table as the source: read by the server (schema + first rows), guessed like a sheet. */
async function loadWarehouse(table: string, billing: string): Promise<boolean> {
  const read = await call('detectWarehouse', table, billing);
  applyDetection(state, read.table, read.detection);
  state.costs = null;
  state.sourceKind = 'bigquery';
  state.warehouse = { table: read.table, billingProject: read.billingProject, rows: read.rows, bytes: read.bytes, costsTable: null };
  return true;
}

async function loadWarehouseCosts(table: string | null): Promise<boolean> {
  if (!state.warehouse) return false;
  if (!table) {
    applyCostsDetection(state, null, null);
    state.warehouse.costsTable = null;
    return true;
  }
  const read = await call('detectWarehouse', table, state.warehouse.billingProject);
  applyCostsDetection(state, read.table, read.detection);
  state.warehouse.costsTable = read.table;
  return true;
}

function afterLoad(): void {
  state.issues = [];
  render();
  mappingChanged();
}

/**
 * Right after a detection the headers are the ones the server just read, so the core validation can run
 * here instead of costing another cold server execution; later edits validate on the server as before.
 */
function afterOpen(): void {
  clearTimeout(validateTimer);
  validating = false;
  const mapping = buildMapping(state);
  const headersOf = (detection: Detection | undefined): string[] | undefined => {
    if (!detection) return undefined;
    const out: string[] = [];
    for (const c of detection.columns) out[c.index] = c.header;
    return Array.from(out, (h) => h ?? '');
  };
  const actual = {
    source: headersOf(state.source?.detection),
    costs: headersOf(state.costs?.detection),
    survey: headersOf(state.survey?.detection),
  };
  state.issues = mapping ? validateMapping(mapping, actual) : [];
  render();
  refreshIssues();
}

function defaultSheet(context: SidebarContext): string | null {
  return defaultSheetOf(context.sheets, context.activeSheetName);
}

/** A saved BigQuery mapping: its tables are read again (the wizard opens on the table as it is now). */
async function restoreWarehouse(context: SidebarContext, saved: Mapping, w: NonNullable<Mapping['warehouse']>): Promise<void> {
  state.sourceKind = 'bigquery';
  state.showSavedProblems = context.savedProblems.length > 0;
  const source = await call('detectWarehouse', refText(w.source), w.billingProject);
  const costs = w.costs ? await call('detectWarehouse', refText(w.costs), w.billingProject).catch(() => null) : null;
  // Costs on a sheet of this spreadsheet beside the BigQuery leads: read that sheet again.
  const costsSheet = !w.costs && saved.costs ? await detectSheetNamed(saved.costs.sheetName).catch(() => null) : null;
  applySaved(state, saved, source.detection, costs?.detection ?? costsSheet);
  state.warehouse = {
    table: source.table,
    billingProject: source.billingProject,
    rows: source.rows,
    bytes: source.bytes,
    costsTable: costs ? costs.table : null,
  };
  state.marginText = marginToInput(state.options.grossMargin);
  if (context.savedProblems.length === 0) state.savedJson = JSON.stringify(buildMapping(state));
}

async function restore(context: SidebarContext, saved: Mapping): Promise<void> {
  if (saved.warehouse) return restoreWarehouse(context, saved, saved.warehouse);
  const sourceName = savedSheetName(context.sheets, saved.source);
  state.showSavedProblems = context.savedProblems.length > 0;
  if (!sourceName) {
    // The mapped sheet is gone: start from a fresh guess, keep the problems visible.
    const fallback = defaultSheet(context);
    if (fallback) await loadSource(fallback);
    state.showSavedProblems = true;
    return;
  }
  const detection = await detectSheetNamed(sourceName);
  const costsName = saved.costs ? savedSheetName(context.sheets, saved.costs) : undefined;
  const costs: Detection | null = costsName ? await detectSheetNamed(costsName).catch(() => null) : null;
  const surveyName = saved.survey ? savedSheetName(context.sheets, saved.survey) : undefined;
  const survey: Detection | null = surveyName ? await detectSheetNamed(surveyName).catch(() => null) : null;
  applySaved(state, saved, detection, costs, survey);
  state.marginText = marginToInput(state.options.grossMargin);
  if (context.savedProblems.length === 0) state.savedJson = JSON.stringify(buildMapping(state));
}

async function boot(): Promise<void> {
  render();
  await busy(t(locale, 'common.loading'), async () => {
    // One server call: the context plus the detections the steps below ask for (served from `prefetched`).
    const opening = await call('openWizard');
    for (const d of opening.detections) prefetched.set(d.sheetName, d.detection);
    const context = opening.context;
    state.schedule = opening.schedule;
    state.context = context;
    locale = resolveLocale(context.locale);
    state.options = { ...context.defaultOptions };
    state.marginText = marginToInput(context.defaultOptions.grossMargin);
    if (context.saved) {
      await restore(context, context.saved);
    } else {
      const name = defaultSheet(context);
      if (name) await loadSource(name);
    }
  });
  prefetched.clear();
  afterOpen();
  if (state.restored) ui.announce(t(locale, 'data.savedLoaded'));
}

function goTo(target: number): void {
  if (target < 0 || target >= STEPS.length || (target > 0 && !state.source)) return;
  step = target;
  statusText.textContent = '';
  render();
  heading.focus();
}

function render(): void {
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : locale;
  document.title = t(locale, 'app.title');
  appTitle.textContent = t(locale, 'app.title');
  nav.setAttribute('aria-label', t(locale, 'steps.nav'));
  replaceChildren(
    stepNav,
    STEPS.map((s, i) => {
      const name = `${i + 1}. ${t(locale, s.key)}`;
      return h('li', {}, [
        h(
          'button',
          {
            className: i === step ? 'step-btn current' : i < step ? 'step-btn done' : 'step-btn',
            disabled: busyNow || (i > 0 && !state.source),
            attrs: { type: 'button', 'aria-current': i === step ? 'step' : null, title: name },
            on: { click: () => goTo(i) },
          },
          [
            h('span', { className: 'step-num' }, [String(i + 1)]),
            h('span', { className: 'sr-only' }, ['. ']),
            h('span', { className: 'step-name' }, [t(locale, s.short)]),
          ],
        ),
      ]);
    }),
  );
  progress.textContent = t(locale, 'steps.progress', { n: step + 1, total: STEPS.length });
  heading.textContent = t(locale, STEPS[step].key);
  issuesBox = null;
  issuesListener = null;
  replaceChildren(stepBody, [STEPS[step].render(ui)]);
  back.textContent = t(locale, 'common.back');
  next.textContent = t(locale, 'common.next');
  back.hidden = step === 0;
  next.hidden = step === STEPS.length - 1;
  next.disabled = busyNow || !state.source;
}

document.body.appendChild(app);
void boot();
