/** Step 2: every column with its header, samples and a role select preselected with the guess. */
import { COLUMN_ROLES, LOW_CONFIDENCE } from '../../src/core/mapping/types.js';
import { h, uid } from '../dom.js';
import { columnLetters } from '../../src/core/a1.js';
import { clip } from '../format.js';
import { syncFunnelWithRole, type TableState } from '../model.js';
import type { Ui } from '../ui.js';

function columnRow(ui: Ui, table: TableState, pos: number, isSource: boolean): HTMLElement {
  const column = table.detection.columns[pos];
  const selectId = uid('role');
  const samplesId = uid('samples');
  const unsure = column.confidence < LOW_CONFIDENCE;
  const badgeId = unsure ? uid('check') : null;
  const letter = columnLetters(table.detection.table.firstColumn + column.index);
  const samples = column.samples
    .filter((s) => s.trim() !== '')
    .slice(0, 3)
    .map((s) => clip(s, 24));
  const select = h(
    'select',
    {
      id: selectId,
      // The name says what is chosen ("Role of column “Spend”") and still contains the visible header.
      attrs: {
        'aria-label': ui.tr('columns.role', { header: column.header }),
        'aria-describedby': badgeId ? `${samplesId} ${badgeId}` : samplesId,
        'data-column': column.index,
      },
      on: {
        change: () => {
          const role = COLUMN_ROLES.find((r) => r === select.value);
          if (!role) return;
          table.roles[pos] = role;
          row.classList.remove('unsure');
          if (isSource && table.detection.shape === 'aggregated') ui.state.funnel = syncFunnelWithRole(ui.state.funnel, table, pos);
          ui.mappingChanged();
        },
      },
    },
    COLUMN_ROLES.map((role) => h('option', { value: role, selected: role === table.roles[pos] }, [ui.role(role)])),
  );
  const row = h('li', { className: unsure ? 'col unsure' : 'col' }, [
    h('div', { className: 'col-head' }, [
      h('label', { className: 'col-header', attrs: { for: selectId, title: column.header } }, [column.header]),
      h('span', { className: 'col-letter', attrs: { 'aria-hidden': 'true' } }, [letter]),
      badgeId
        ? h('span', { id: badgeId, className: 'badge', attrs: { title: ui.tr('columns.checkTitle') } }, [ui.tr('columns.check')])
        : null,
    ]),
    h('div', { id: samplesId, className: 'samples' }, [
      samples.length > 0 ? ui.tr('columns.samples', { samples: samples.join(', ') }) : ui.tr('columns.noSamples'),
    ]),
    select,
  ]);
  return row;
}

export function renderColumns(ui: Ui): HTMLElement {
  const { state } = ui;
  const out = h('div', { className: 'step-body' }, [h('p', { className: 'hint' }, [ui.tr('columns.intro')])]);
  if (!state.source) return out;
  const source = state.source;
  out.appendChild(
    h(
      'ul',
      { className: 'columns' },
      source.detection.columns.map((_, pos) => columnRow(ui, source, pos, true)),
    ),
  );
  if (state.costs) {
    const costs = state.costs;
    out.appendChild(h('h3', {}, [ui.tr('columns.costs'), ' — ', costs.sheetName]));
    out.appendChild(
      h(
        'ul',
        { className: 'columns' },
        costs.detection.columns.map((_, pos) => columnRow(ui, costs, pos, false)),
      ),
    );
  }
  const issues = h('div', { className: 'live-issues', attrs: { 'aria-live': 'polite' } });
  out.appendChild(issues);
  ui.setIssuesBox(issues);
  return out;
}
