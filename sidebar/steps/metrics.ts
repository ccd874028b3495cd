/**
 * Step 4, "How metrics are counted": the attribution model (with the time-decay half-life), the date that
 * places a sale in a period, the returned-customer gap, and the LTV inputs used only without customer
 * history. The first three need one row per lead, so an aggregated table shows only the LTV inputs.
 * Saved in the mapping (options.metrics); blank numeric fields mean the defaults of definitions/rules.ts.
 */
import { ATTRIBUTION_MODELS, DEFAULT_METRICS_OPTIONS, METRICS_OPTION_RULES, PERIOD_BASES } from '../../src/core/definitions/rules.js';
import type { MessageKey } from '../../src/core/i18n/index.js';
import { modelName } from '../../src/core/i18n/metrics.js';
import { h, uid } from '../dom.js';
import { parseMetricInput, setMetricText, type MetricNumberField } from '../model.js';
import type { Ui } from '../ui.js';

const LABELS: Readonly<Record<MetricNumberField, MessageKey>> = {
  halfLifeDays: 'options.halfLife',
  returnDays: 'options.returnDays',
  lifespanYears: 'options.lifespan',
  purchasesPerYear: 'options.frequency',
};

/** The field's own words for what it accepts, from the rule every check uses. */
export function metricRuleText(ui: Ui, field: MetricNumberField): string {
  const rule = METRICS_OPTION_RULES[field];
  if (rule.kind !== 'number') return '';
  return ui.tr(rule.whole ? 'options.wholeInvalid' : 'options.numberInvalid', { min: rule.min, max: rule.max });
}

export function metricLabel(ui: Ui, field: MetricNumberField): string {
  return ui.tr(LABELS[field]);
}

function numberField(ui: Ui, field: MetricNumberField, hint: string | null): HTMLElement {
  const id = uid(field);
  const errId = uid(`${field}-err`);
  const hintId = hint ? uid(`${field}-hint`) : null;
  const fallback = DEFAULT_METRICS_OPTIONS[field];
  const input = h('input', {
    id,
    value: ui.state.metricsText[field],
    attrs: {
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      size: 8,
      placeholder: fallback === null ? null : String(fallback),
      'data-metric': field,
      'aria-describedby': [hintId, errId].filter((x) => x !== null).join(' '),
    },
  });
  const error = h('p', { id: errId, className: 'field-error', attrs: { 'aria-live': 'polite' } });
  const show = (): void => {
    const bad = parseMetricInput(field, input.value) === undefined;
    error.textContent = bad ? metricRuleText(ui, field) : '';
    if (bad) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => {
    setMetricText(ui.state, field, input.value);
    show();
    ui.mappingChanged();
  });
  // A restored invalid value shows its error at once.
  queueMicrotask(show);
  return h('div', { className: 'field' }, [
    h('label', { attrs: { for: id } }, [metricLabel(ui, field)]),
    input,
    hint && hintId ? h('p', { id: hintId, className: 'hint' }, [hint]) : null,
    error,
  ]);
}

function choiceField<T extends string>(
  ui: Ui,
  label: string,
  choices: readonly T[],
  current: T,
  name: (c: T) => string,
  hint: string,
  onChange: (value: T) => void,
): HTMLElement {
  const id = uid('choice');
  const hintId = uid('choice-hint');
  const select = h(
    'select',
    { id, attrs: { 'aria-describedby': hintId } },
    choices.map((c) => h('option', { value: c, selected: c === current }, [name(c)])),
  );
  select.addEventListener('change', () => {
    const value = choices.find((c) => c === select.value);
    if (value) onChange(value);
  });
  return h('div', { className: 'field' }, [
    h('label', { attrs: { for: id } }, [label]),
    select,
    h('p', { id: hintId, className: 'hint' }, [hint]),
  ]);
}

export function renderMetricsOptions(ui: Ui): HTMLElement {
  const { state } = ui;
  const crm = state.source?.detection.shape === 'crm';
  const metrics = (): Record<string, unknown> => ({ ...state.options.metrics });
  const model = state.options.metrics?.attribution ?? DEFAULT_METRICS_OPTIONS.attribution;
  const halfLife = numberField(ui, 'halfLifeDays', null);
  halfLife.hidden = model !== 'time_decay';
  const rows: HTMLElement[] = [];
  if (crm) {
    rows.push(
      choiceField(
        ui,
        ui.tr('options.attribution'),
        ATTRIBUTION_MODELS,
        model,
        (m) => modelName(ui.locale, m),
        ui.tr('options.attributionHint'),
        (m) => {
          state.options = { ...state.options, metrics: { ...metrics(), attribution: m } };
          halfLife.hidden = m !== 'time_decay';
          ui.mappingChanged();
        },
      ),
      halfLife,
      choiceField(
        ui,
        ui.tr('options.periodBasis'),
        PERIOD_BASES,
        state.options.metrics?.periodBasis ?? DEFAULT_METRICS_OPTIONS.periodBasis,
        (b) => ui.tr(`options.basis.${b}`),
        ui.tr('options.periodBasisHint'),
        (b) => {
          state.options = { ...state.options, metrics: { ...metrics(), periodBasis: b } };
          ui.mappingChanged();
        },
      ),
      numberField(ui, 'returnDays', null),
    );
  }
  rows.push(numberField(ui, 'lifespanYears', null), numberField(ui, 'purchasesPerYear', ui.tr('options.ltvHint')));
  return h('fieldset', { className: 'metrics-options' }, [h('legend', {}, [ui.tr('options.metrics')]), ...rows]);
}
