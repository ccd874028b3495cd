/** Step 4: period, gross margin, currency, dashboard name, by-campaign breakdown, how metrics are counted, schedule. */
import type { Granularity } from '../../src/core/mapping/types.js';
import { h, uid } from '../dom.js';
import { currentMargin } from '../model.js';
import type { Ui } from '../ui.js';
import type { ScheduleInterval } from '../../src/api/contract.js';
import { call } from '../api.js';
import { renderMetricsOptions } from './metrics.js';

export const CURRENCIES = ['RUB', 'USD', 'EUR', 'CNY', 'GBP', 'KZT', 'UAH', 'BYN', 'UZS', 'TRY', 'INR', 'JPY'] as const;
const GRANULARITIES: readonly Granularity[] = ['week', 'month', 'quarter'];
export const MAX_SHEET_NAME = 100;

export function dashboardNameValid(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_SHEET_NAME;
}

/** Field with a label, an optional hint and an error line wired through aria-describedby. */
function field(label: string, control: HTMLElement, controlId: string, hint: string | null, errorId: string | null): HTMLElement {
  const hintId = hint ? uid('hint') : null;
  const described = [hintId, errorId].filter((x): x is string => x !== null).join(' ');
  if (described) control.setAttribute('aria-describedby', described);
  return h('div', { className: 'field' }, [
    h('label', { attrs: { for: controlId } }, [label]),
    control,
    hint && hintId ? h('p', { id: hintId, className: 'hint' }, [hint]) : null,
    errorId ? h('p', { id: errorId, className: 'field-error', attrs: { 'aria-live': 'polite' } }) : null,
  ]);
}

function setError(input: HTMLInputElement, errorId: string, message: string | null): void {
  const el = document.getElementById(errorId);
  if (el) el.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function renderOptions(ui: Ui): HTMLElement {
  const { state } = ui;
  const gId = uid('gran');
  const granularity = h(
    'select',
    {
      id: gId,
      on: {
        change: () => {
          const value = GRANULARITIES.find((g) => g === granularity.value);
          if (value) state.options = { ...state.options, granularity: value };
          ui.mappingChanged();
        },
      },
    },
    GRANULARITIES.map((g) => h('option', { value: g, selected: g === state.options.granularity }, [ui.tr(`options.${g}`)])),
  );

  const mId = uid('margin');
  const mErr = uid('margin-err');
  const margin = h('input', {
    id: mId,
    value: state.marginText,
    attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', size: 8 },
    on: {
      input: () => {
        state.marginText = margin.value;
        const parsed = currentMargin(state);
        if (parsed !== undefined) state.options = { ...state.options, grossMargin: parsed };
        setError(margin, mErr, parsed === undefined ? ui.tr('options.marginInvalid') : null);
        ui.mappingChanged();
      },
    },
  });

  const cId = uid('cur');
  const known: readonly string[] = CURRENCIES;
  const currencies = known.includes(state.options.currency) ? known : [state.options.currency, ...known];
  const currency = h(
    'select',
    { id: cId, on: { change: () => ((state.options = { ...state.options, currency: currency.value }), ui.mappingChanged()) } },
    currencies.map((c) => h('option', { value: c, selected: c === state.options.currency }, [c])),
  );

  const nId = uid('dash');
  const nErr = uid('dash-err');
  const name = h('input', {
    id: nId,
    value: state.options.dashboardName,
    attrs: { type: 'text', maxlength: MAX_SHEET_NAME, autocomplete: 'off' },
    on: {
      input: () => {
        state.options = { ...state.options, dashboardName: name.value.trim() };
        setError(name, nErr, dashboardNameValid(name.value) ? null : ui.tr('options.dashboardNameInvalid'));
        ui.mappingChanged();
      },
    },
  });

  const bId = uid('bycamp');
  const byCampaign = h('input', {
    id: bId,
    checked: state.options.byCampaign,
    attrs: { type: 'checkbox' },
    on: { change: () => ((state.options = { ...state.options, byCampaign: byCampaign.checked }), ui.mappingChanged()) },
  });

  const out = h('div', { className: 'step-body' }, [
    field(ui.tr('options.granularity'), granularity, gId, null, null),
    field(ui.tr('options.margin'), margin, mId, ui.tr('options.marginHint'), mErr),
    field(ui.tr('options.currency'), currency, cId, null, null),
    field(ui.tr('options.dashboardName'), name, nId, null, nErr),
    h('div', { className: 'field check' }, [byCampaign, h('label', { attrs: { for: bId } }, [ui.tr('options.byCampaign')])]),
    renderMetricsOptions(ui),
    scheduleField(ui),
  ]);
  // Show an already-invalid value (e.g. restored state) right away, once the error elements exist.
  queueMicrotask(() => {
    if (currentMargin(state) === undefined) setError(margin, mErr, ui.tr('options.marginInvalid'));
    if (!dashboardNameValid(state.options.dashboardName)) setError(name, nErr, ui.tr('options.dashboardNameInvalid'));
  });
  return out;
}

/**
 * Rebuild on a schedule: this user's own time-driven trigger, set or removed at once (not part of the
 * shared mapping, which every editor of the file shares). Needs a saved mapping.
 */
function scheduleField(ui: Ui): HTMLElement {
  const id = uid('schedule');
  const hintId = uid('schedule-hint');
  const status = h('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  const select = h(
    'select',
    { id, attrs: { 'aria-describedby': hintId } },
    (['off', 'hourly', 'daily'] as const).map((v) => h('option', { attrs: { value: v } }, [ui.tr(`options.schedule.${v}`)])),
  );
  // Read by openWizard with everything else: no round trip of its own.
  const known = ui.state.schedule;
  if (known) select.value = known.interval;
  else {
    select.disabled = true;
    status.textContent = ui.tr('options.scheduleUnavailable');
  }
  select.addEventListener('change', () => {
    const wanted = select.value as ScheduleInterval;
    void ui
      .busy(ui.tr('common.working'), async () => {
        const s = await call('setSchedule', wanted);
        ui.state.schedule = s;
        select.value = s.interval;
        status.textContent = ui.tr(s.interval === 'off' ? 'options.scheduleRemoved' : 'options.scheduleSet', {
          interval: ui.tr(`options.schedule.${s.interval}`),
        });
      })
      .then(async (done) => {
        // A refusal (no saved mapping yet) leaves the trigger as it was: show what is really set.
        if (done === undefined)
          select.value = (await call('getSchedule').catch(() => ui.state.schedule ?? { interval: 'off' as const })).interval;
      });
  });
  return h('div', { className: 'field' }, [
    h('label', { attrs: { for: id } }, [ui.tr('options.schedule')]),
    select,
    h('p', { className: 'hint', id: hintId }, [ui.tr('options.scheduleHint')]),
    status,
  ]);
}
