/** Step 1: which sheet, what region was found, a preview; for CRM exports also the costs sheet. */
import type { Detection, SheetSummary } from '../../src/api/contract.js';
import { h, uid } from '../dom.js';
import { columnLetters } from '../../src/core/a1.js';
import { clip } from '../format.js';
import { renderIssues } from '../issues.js';
import type { Ui } from '../ui.js';
import { surveyPicker } from './survey.js';
import { sourceKindChoice, warehouseCosts, warehouseSource } from './warehouse.js';

const PREVIEW_ROWS = 6;

function dataSheets(ui: Ui): readonly SheetSummary[] {
  return (ui.state.context?.sheets ?? []).filter((s) => !s.isDashboard);
}

export function regionSummary(ui: Ui, detection: Detection): string {
  const table = detection.table;
  const sheet = ui.state.context?.sheets.find((s) => s.sheetId === table.sheetId || s.name === table.sheetName);
  const last = table.lastDataRow ?? sheet?.lastRow ?? null;
  const start = `${columnLetters(table.firstColumn)}${table.headerRow}`;
  if (last === null) return ui.tr('data.regionOpen', { range: `${start}:${columnLetters(table.lastColumn)}`, header: table.headerRow });
  const range = `${start}:${columnLetters(table.lastColumn)}${last}`;
  return ui.tr('data.region', { range, header: table.headerRow, rows: Math.max(0, last - table.firstDataRow + 1) });
}

function sheetSelect(
  ui: Ui,
  label: string,
  sheets: readonly SheetSummary[],
  selected: string,
  allowNone: boolean,
  onPick: (name: string | null) => void,
): HTMLElement {
  const id = uid('sheet');
  const select = h('select', { id, on: { change: () => onPick(select.value === '' ? null : select.value) } }, [
    allowNone ? h('option', { value: '', selected: selected === '' }, [ui.tr('common.none')]) : null,
    ...sheets.map((s) => h('option', { value: s.name, selected: s.name === selected }, [s.name])),
  ]);
  return h('div', { className: 'field' }, [h('label', { attrs: { for: id } }, [label]), select]);
}

function preview(ui: Ui, sheetName: string, detection: Detection): HTMLElement {
  const [head, ...rows] = detection.preview;
  const captionId = uid('cap');
  const table = h('table', { className: 'preview-table' }, [
    h('caption', { id: captionId, className: 'sr-only' }, [ui.tr('data.previewCaption', { sheet: sheetName })]),
    head
      ? h('thead', {}, [
          h(
            'tr',
            {},
            head.map((cell) => h('th', { attrs: { scope: 'col' } }, [clip(cell, 30)])),
          ),
        ])
      : null,
    h(
      'tbody',
      {},
      rows.slice(0, PREVIEW_ROWS).map((row) =>
        h(
          'tr',
          {},
          row.map((cell) => h('td', {}, [clip(cell, 30)])),
        ),
      ),
    ),
  ]);
  // A scrollable region must be focusable so keyboard users can scroll it.
  return h('div', { className: 'preview', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': captionId } }, [table]);
}

export function renderData(ui: Ui): HTMLElement {
  const { state } = ui;
  const sheets = dataSheets(ui);
  const out = h('div', { className: 'step-body' });
  if (state.restored) {
    out.appendChild(h('p', { className: 'notice' }, [ui.tr('data.savedLoaded')]));
  }
  const problems = state.context?.savedProblems ?? [];
  if (state.showSavedProblems && problems.length > 0) {
    out.appendChild(h('p', {}, [ui.tr('data.savedProblems')]));
    out.appendChild(renderIssues(ui, problems, null));
  }
  if (state.restored || (state.showSavedProblems && problems.length > 0)) {
    out.appendChild(
      h(
        'button',
        {
          className: 'secondary',
          attrs: { type: 'button' },
          on: { click: () => void ui.detectSource(state.source?.sheetName ?? sheets[0]?.name ?? '') },
        },
        [ui.tr('data.redetect')],
      ),
    );
  }
  out.appendChild(sourceKindChoice(ui));
  const bigQuery = state.sourceKind === 'bigquery';
  if (bigQuery) out.appendChild(warehouseSource(ui));
  else if (sheets.length === 0) {
    out.appendChild(h('p', { className: 'warning' }, [ui.tr('data.noSheets')]));
    return out;
  } else {
    const current = state.warehouse ? '' : (state.source?.sheetName ?? '');
    out.appendChild(sheetSelect(ui, ui.tr('data.sheet'), sheets, current, false, (name) => name && void ui.detectSource(name)));
  }
  const source = state.source;
  // A source of the other kind stays in the state (and the mapping) until a new one is read.
  if (!source || bigQuery !== (state.warehouse !== null)) return out;
  const detection = source.detection;
  if (!bigQuery) out.appendChild(h('p', { className: 'region' }, [regionSummary(ui, detection)]));
  out.appendChild(h('p', {}, [ui.tr(detection.shape === 'crm' ? 'data.shape.crm' : 'data.shape.aggregated')]));
  if (detection.notes.length > 0) out.appendChild(renderIssues(ui, detection.notes, null));
  out.appendChild(h('h3', {}, [ui.tr('data.preview')]));
  out.appendChild(preview(ui, source.sheetName, detection));

  if (detection.shape === 'crm' && bigQuery) {
    out.appendChild(warehouseCosts(ui));
    // Costs kept in a normal sheet beside the BigQuery leads: sent with the query (README: warehouse mode).
    const fromSheet = state.warehouse?.costsTable ? '' : (state.costs?.sheetName ?? '');
    out.appendChild(sheetSelect(ui, ui.tr('data.bq.costsSheet'), sheets, fromSheet, true, (name) => void ui.detectCosts(name)));
    if (!state.costs) out.appendChild(h('p', { className: 'warning' }, [ui.tr('data.noCosts')]));
  } else if (detection.shape === 'crm') {
    const others = sheets.filter((s) => s.name !== source.sheetName);
    out.appendChild(sheetSelect(ui, ui.tr('data.costs'), others, state.costs?.sheetName ?? '', true, (name) => void ui.detectCosts(name)));
    out.appendChild(h('p', { className: 'hint' }, [ui.tr('data.costsHint')]));
    if (!state.costs) out.appendChild(h('p', { className: 'warning' }, [ui.tr('data.noCosts')]));
    out.appendChild(
      surveyPicker(
        ui,
        others.filter((s) => s.name !== state.costs?.sheetName),
      ),
    );
  }
  return out;
}

/** A costs sheet worth proposing for a CRM export: its name says costs/spend/ads in en/ru/zh. */
export { guessCostsSheet } from '../../src/core/mapping/wizard-start.js';
