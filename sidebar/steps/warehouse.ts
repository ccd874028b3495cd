/**
 * Step 1, BigQuery: pick a Connected Sheets data source sheet or type project.dataset.table (and the
 * project to bill), read it, and — for a CRM export — the costs table the same way. Everything typed is
 * checked by the server (core/warehouse/bigquery.ts); the sidebar only passes text.
 */
import { bytesText } from '../../src/core/warehouse/bigquery.js';
import { h, uid } from '../dom.js';
import type { Ui } from '../ui.js';

/** Where the data is: a sheet of this spreadsheet or a BigQuery table. */
export function sourceKindChoice(ui: Ui): HTMLElement {
  const name = uid('kind');
  const option = (kind: 'sheet' | 'bigquery', label: string): HTMLElement => {
    const id = uid('kind-opt');
    return h('div', { className: 'radio' }, [
      h('input', {
        id,
        checked: ui.state.sourceKind === kind,
        attrs: { type: 'radio', name, value: kind },
        on: { change: () => ui.chooseSourceKind(kind) },
      }),
      h('label', { attrs: { for: id } }, [label]),
    ]);
  };
  return h('fieldset', { className: 'field source-kind' }, [
    h('legend', {}, [ui.tr('data.kind')]),
    option('sheet', ui.tr('data.kind.sheet')),
    option('bigquery', ui.tr('data.kind.bigquery')),
  ]);
}

function textField(label: string, value: string, hint: string | null, name: string): { field: HTMLElement; input: HTMLInputElement } {
  const id = uid(name);
  const hintId = hint ? uid(`${name}-hint`) : null;
  const input = h('input', {
    id,
    value,
    attrs: { type: 'text', name, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': hintId },
  });
  const field = h('div', { className: 'field' }, [
    h('label', { attrs: { for: id } }, [label]),
    input,
    hint && hintId ? h('p', { id: hintId, className: 'hint' }, [hint]) : null,
  ]);
  return { field, input };
}

/** The BigQuery source form; the preview and shape below it are the sheet path's (renderData). */
export function warehouseSource(ui: Ui): HTMLElement {
  const { state } = ui;
  const out = h('div', { className: 'warehouse' });
  const table = textField(ui.tr('data.bq.table'), state.warehouse?.table ?? '', null, 'bq-table');
  const billing = textField(ui.tr('data.bq.billing'), state.warehouse?.billingProject ?? '', ui.tr('data.bq.billingHint'), 'bq-billing');
  const sources = state.dataSources ?? [];
  if (sources.length > 0) {
    const id = uid('dss');
    const select = h(
      'select',
      {
        id,
        on: {
          change: () => {
            const picked = sources[Number(select.value)];
            if (!picked?.table) return;
            table.input.value = picked.table;
            billing.input.value = picked.billingProject;
          },
        },
      },
      [
        h('option', { value: '' }, [ui.tr('data.bq.dataSourceNone')]),
        ...sources.map((d, i) =>
          h('option', { value: String(i), disabled: d.table === null, selected: d.table !== null && d.table === state.warehouse?.table }, [
            d.table === null ? ui.tr('data.bq.customQuery', { name: d.name }) : `${d.name} — ${d.table}`,
          ]),
        ),
      ],
    );
    out.appendChild(h('div', { className: 'field' }, [h('label', { attrs: { for: id } }, [ui.tr('data.bq.dataSource')]), select]));
  }
  out.appendChild(table.field);
  out.appendChild(billing.field);
  out.appendChild(
    h(
      'button',
      {
        className: 'secondary',
        attrs: { type: 'button' },
        on: { click: () => void ui.detectWarehouse(table.input.value, billing.input.value) },
      },
      [ui.tr('data.bq.read')],
    ),
  );
  const w = state.warehouse;
  if (w && state.source) {
    out.appendChild(
      h('p', { className: 'region' }, [
        ui.tr('data.bq.summary', {
          table: w.table,
          rows: w.rows === null ? '?' : w.rows.toLocaleString(ui.locale),
          size: w.bytes === null ? '?' : bytesText(w.bytes),
        }),
      ]),
    );
  }
  return out;
}

/** CRM shape from BigQuery: the costs table, typed like the source. */
export function warehouseCosts(ui: Ui): HTMLElement {
  const costs = textField(ui.tr('data.bq.costs'), ui.state.warehouse?.costsTable ?? '', ui.tr('data.bq.costsHint'), 'bq-costs');
  return h('div', { className: 'warehouse-costs' }, [
    costs.field,
    h(
      'button',
      {
        className: 'secondary',
        attrs: { type: 'button' },
        on: { click: () => void ui.detectWarehouseCosts(costs.input.value.trim() === '' ? null : costs.input.value) },
      },
      [ui.tr('data.bq.readCosts')],
    ),
  ]);
}
