/**
 * Step 3: the ordered funnel. Stages are renamed in place and reordered by keyboard (Alt+↑/↓ on any
 * control of a stage, or its Move up/down buttons) or by mouse (HTML5 drag-and-drop on the handle, or the
 * same buttons). CRM exports also map each status value to a stage / won / lost / junk.
 */
import type { StatusRule } from '../../src/core/mapping/types.js';
import { h, replaceChildren, uid } from '../dom.js';
import { moveStage } from '../model.js';
import type { Ui } from '../ui.js';

const DRAG_TYPE = 'text/plain';

function ruleValue(rule: StatusRule): string {
  return rule.kind === 'stage' ? `stage:${rule.stageId ?? ''}` : rule.kind;
}

function parseRuleValue(status: string, value: string, previous: StatusRule): StatusRule {
  if (value.startsWith('stage:')) return { status, kind: 'stage', stageId: value.slice('stage:'.length) };
  if (value === 'won' || value === 'junk') return { status, kind: value };
  // Keep the guessed "last stage reached before losing" when the user re-picks lost.
  return previous.kind === 'lost' ? previous : { status, kind: 'lost' };
}

export function renderFunnel(ui: Ui): HTMLElement {
  const { state } = ui;
  const list = h('ol', { className: 'stages' });
  const statusesBox = h('div', { className: 'statuses-box' });
  let dragFrom: number | null = null;

  const move = (from: number, to: number, focusClass: string): void => {
    if (to < 0 || to >= state.funnel.length || from === to) return;
    state.funnel = moveStage(state.funnel, from, to);
    drawStages();
    drawStatuses();
    const target =
      list.children[to]?.querySelector<HTMLElement>(`.${focusClass}:not([disabled])`) ??
      list.children[to]?.querySelector<HTMLElement>('input');
    target?.focus();
    ui.announce(ui.tr('funnel.moved', { label: state.funnel[to].label, n: to + 1, total: state.funnel.length }));
    ui.mappingChanged();
  };

  const drawStages = (): void => {
    const total = state.funnel.length;
    replaceChildren(
      list,
      state.funnel.map((stage, i) => {
        const inputId = uid('stage');
        const input = h('input', {
          id: inputId,
          className: 'stage-name',
          value: stage.label,
          attrs: { type: 'text', maxlength: 100, 'aria-label': ui.tr('funnel.stageName', { n: i + 1 }), autocomplete: 'off' },
          on: {
            input: () => {
              state.funnel = state.funnel.map((s, k) => (k === i ? { ...s, label: input.value } : s));
              up.setAttribute('aria-label', ui.tr('funnel.moveUp', { label: input.value }));
              down.setAttribute('aria-label', ui.tr('funnel.moveDown', { label: input.value }));
              ui.mappingChanged();
            },
            change: () => drawStatuses(),
          },
        });
        const up = h(
          'button',
          {
            className: 'icon move-up',
            disabled: i === 0,
            attrs: {
              type: 'button',
              'aria-label': ui.tr('funnel.moveUp', { label: stage.label }),
              title: ui.tr('funnel.moveUp', { label: stage.label }),
            },
            on: { click: () => move(i, i - 1, 'move-up') },
          },
          ['↑'],
        );
        const down = h(
          'button',
          {
            className: 'icon move-down',
            disabled: i === total - 1,
            attrs: {
              type: 'button',
              'aria-label': ui.tr('funnel.moveDown', { label: stage.label }),
              title: ui.tr('funnel.moveDown', { label: stage.label }),
            },
            on: { click: () => move(i, i + 1, 'move-down') },
          },
          ['↓'],
        );
        const handle = h(
          'span',
          {
            className: 'handle',
            attrs: { draggable: 'true', title: ui.tr('funnel.dragHandle', { label: stage.label }), 'aria-hidden': 'true' },
            on: {
              dragstart: (event) => {
                dragFrom = i;
                event.dataTransfer?.setData(DRAG_TYPE, String(i));
                if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                item.classList.add('dragging');
              },
              dragend: () => {
                dragFrom = null;
                item.classList.remove('dragging');
              },
            },
          },
          ['⠿'],
        );
        const item = h(
          'li',
          {
            className: 'stage',
            attrs: { 'data-stage-id': stage.id },
            on: {
              keydown: (event) => {
                if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                event.preventDefault();
                const focusClass = event.target === input ? 'stage-name' : event.key === 'ArrowUp' ? 'move-up' : 'move-down';
                move(i, event.key === 'ArrowUp' ? i - 1 : i + 1, focusClass);
              },
              dragover: (event) => {
                if (dragFrom === null) return;
                event.preventDefault();
                if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
                item.classList.add('drop-target');
              },
              dragleave: () => item.classList.remove('drop-target'),
              drop: (event) => {
                event.preventDefault();
                item.classList.remove('drop-target');
                const from = dragFrom ?? Number(event.dataTransfer?.getData(DRAG_TYPE));
                dragFrom = null;
                if (Number.isInteger(from)) move(from, i, 'stage-name');
              },
            },
          },
          [handle, h('span', { className: 'stage-n', attrs: { 'aria-hidden': 'true' } }, [String(i + 1)]), input, up, down],
        );
        return item;
      }),
    );
  };

  const drawStatuses = (): void => {
    const source = state.source;
    if (!source || source.detection.shape !== 'crm') return;
    const counts = new Map(source.detection.statuses.map((s) => [s.status, s.count]));
    const rows = state.statusRules.map((rule, i) => {
      const id = uid('status');
      const select = h(
        'select',
        {
          id,
          attrs: { 'aria-label': ui.tr('funnel.statusMeaning', { status: rule.status }) },
          on: {
            change: () => {
              state.statusRules = state.statusRules.map((r, k) => (k === i ? parseRuleValue(r.status, select.value, r) : r));
              ui.mappingChanged();
            },
          },
        },
        [
          ...state.funnel.map((stage) => h('option', { value: `stage:${stage.id}` }, [ui.tr('funnel.kind.stage', { label: stage.label })])),
          h('option', { value: 'won' }, [ui.tr('funnel.kind.won')]),
          h('option', { value: 'lost' }, [ui.tr('funnel.kind.lost')]),
          h('option', { value: 'junk' }, [ui.tr('funnel.kind.junk')]),
        ],
      );
      select.value = ruleValue(rule);
      return h('li', { className: 'status-row' }, [
        h('label', { attrs: { for: id }, className: 'status-name' }, [rule.status]),
        h('span', { className: 'status-count' }, [ui.tr('funnel.statusCount', { count: counts.get(rule.status) ?? 0 })]),
        select,
      ]);
    });
    replaceChildren(statusesBox, [h('h3', {}, [ui.tr('funnel.statuses')]), h('ul', { className: 'statuses' }, rows)]);
  };

  drawStages();
  drawStatuses();
  return h('div', { className: 'step-body' }, [
    h('p', { className: 'hint' }, [ui.tr('funnel.intro')]),
    state.funnel.length === 0 ? h('p', { className: 'warning' }, [ui.tr('funnel.empty')]) : null,
    list,
    state.funnel.length > 1 ? h('p', { className: 'hint small' }, [ui.tr('funnel.keyboardHint')]) : null,
    statusesBox,
  ]);
}
