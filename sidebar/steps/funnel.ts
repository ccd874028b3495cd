/**
 * Step 3: the ordered funnel. Stages are renamed in place and reordered by keyboard (Alt+↑/↓ on any
 * control of a stage, or its Move up/down buttons) or by mouse (HTML5 drag-and-drop on the handle, or the
 * same buttons). CRM exports also map each status value to a stage / won / lost / junk.
 */
import type { FunnelStage, StatusRule } from '../../src/core/mapping/types.js';
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
  const statusesBox = h('div', { className: 'statuses-box' });
  const drawStatuses = (): void => renderStatuses(ui, statusesBox);
  const stages = stageList(ui, drawStatuses);
  stages.draw();
  drawStatuses();
  return h('div', { className: 'step-body' }, [
    h('p', { className: 'hint' }, [ui.tr('funnel.intro')]),
    state.funnel.length === 0 ? h('p', { className: 'warning' }, [ui.tr('funnel.empty')]) : null,
    stages.list,
    state.funnel.length > 1 ? h('p', { className: 'hint small' }, [ui.tr('funnel.keyboardHint')]) : null,
    statusesBox,
  ]);
}

/** The ordered stage list and what its rows share: the stage being dragged, and moving a stage. */
interface StageList {
  readonly ui: Ui;
  readonly list: HTMLOListElement;
  dragFrom: number | null;
  draw(): void;
  /** Moves a stage, redraws, and puts the focus back on the same control of the moved stage. */
  move(from: number, to: number, focusClass: string): void;
  /** The status selects name the stages: redrawn when a stage is renamed or moved. */
  readonly statusesChanged: () => void;
}

function stageList(ui: Ui, statusesChanged: () => void): StageList {
  const { state } = ui;
  const stages: StageList = {
    ui,
    list: h('ol', { className: 'stages' }),
    dragFrom: null,
    statusesChanged,
    draw: () =>
      replaceChildren(
        stages.list,
        state.funnel.map((stage, i) => stageRow(stages, stage, i)),
      ),
    move: (from, to, focusClass) => {
      if (to < 0 || to >= state.funnel.length || from === to) return;
      state.funnel = moveStage(state.funnel, from, to);
      stages.draw();
      statusesChanged();
      const row = stages.list.children[to];
      const target = row?.querySelector<HTMLElement>(`.${focusClass}:not([disabled])`) ?? row?.querySelector<HTMLElement>('input');
      target?.focus();
      ui.announce(ui.tr('funnel.moved', { label: state.funnel[to].label, n: to + 1, total: state.funnel.length }));
      ui.mappingChanged();
    },
  };
  return stages;
}

/** One stage: drag handle, number, name, Move up/down; Alt+↑/↓ anywhere in it, and a drop target. */
function stageRow(stages: StageList, stage: FunnelStage, i: number): HTMLElement {
  const up = moveButton(stages, stage, i, 'up');
  const down = moveButton(stages, stage, i, 'down');
  const input = stageNameInput(stages, stage, i, up, down);
  const item: HTMLElement = h(
    'li',
    {
      className: 'stage',
      attrs: { 'data-stage-id': stage.id },
      on: {
        keydown: (event) => {
          if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
          event.preventDefault();
          const focusClass = event.target === input ? 'stage-name' : event.key === 'ArrowUp' ? 'move-up' : 'move-down';
          stages.move(i, event.key === 'ArrowUp' ? i - 1 : i + 1, focusClass);
        },
        dragover: (event) => {
          if (stages.dragFrom === null) return;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
          item.classList.add('drop-target');
        },
        dragleave: () => item.classList.remove('drop-target'),
        drop: (event) => {
          event.preventDefault();
          item.classList.remove('drop-target');
          const from = stages.dragFrom ?? Number(event.dataTransfer?.getData(DRAG_TYPE));
          stages.dragFrom = null;
          if (Number.isInteger(from)) stages.move(from, i, 'stage-name');
        },
      },
    },
    [
      dragHandle(stages, stage, i, () => item),
      h('span', { className: 'stage-n', attrs: { 'aria-hidden': 'true' } }, [String(i + 1)]),
      input,
      up,
      down,
    ],
  );
  return item;
}

function stageNameInput(stages: StageList, stage: FunnelStage, i: number, up: HTMLElement, down: HTMLElement): HTMLInputElement {
  const { ui } = stages;
  const input = h('input', {
    id: uid('stage'),
    className: 'stage-name',
    value: stage.label,
    attrs: { type: 'text', maxlength: 100, 'aria-label': ui.tr('funnel.stageName', { n: i + 1 }), autocomplete: 'off' },
    on: {
      input: () => {
        ui.state.funnel = ui.state.funnel.map((s, k) => (k === i ? { ...s, label: input.value } : s));
        up.setAttribute('aria-label', ui.tr('funnel.moveUp', { label: input.value }));
        down.setAttribute('aria-label', ui.tr('funnel.moveDown', { label: input.value }));
        ui.mappingChanged();
      },
      change: () => stages.statusesChanged(),
    },
  });
  return input;
}

function moveButton(stages: StageList, stage: FunnelStage, i: number, direction: 'up' | 'down'): HTMLButtonElement {
  const { ui } = stages;
  const isUp = direction === 'up';
  const label = ui.tr(isUp ? 'funnel.moveUp' : 'funnel.moveDown', { label: stage.label });
  return h(
    'button',
    {
      className: `icon move-${direction}`,
      disabled: isUp ? i === 0 : i === ui.state.funnel.length - 1,
      attrs: { type: 'button', 'aria-label': label, title: label },
      on: { click: () => stages.move(i, isUp ? i - 1 : i + 1, `move-${direction}`) },
    },
    [isUp ? '↑' : '↓'],
  );
}

/** The mouse path: HTML5 drag-and-drop from this handle onto another stage. */
function dragHandle(stages: StageList, stage: FunnelStage, i: number, item: () => HTMLElement): HTMLElement {
  return h(
    'span',
    {
      className: 'handle',
      attrs: { draggable: 'true', title: stages.ui.tr('funnel.dragHandle', { label: stage.label }), 'aria-hidden': 'true' },
      on: {
        dragstart: (event) => {
          stages.dragFrom = i;
          event.dataTransfer?.setData(DRAG_TYPE, String(i));
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
          item().classList.add('dragging');
        },
        dragend: () => {
          stages.dragFrom = null;
          item().classList.remove('dragging');
        },
      },
    },
    ['⠿'],
  );
}

/** CRM exports: what each status value means (a stage, won, lost or junk). */
function renderStatuses(ui: Ui, box: HTMLElement): void {
  const source = ui.state.source;
  if (!source || source.detection.shape !== 'crm') return;
  const counts = new Map(source.detection.statuses.map((s) => [s.status, s.count]));
  const rows = ui.state.statusRules.map((rule, i) => statusRow(ui, rule, i, counts.get(rule.status) ?? 0));
  replaceChildren(box, [h('h3', {}, [ui.tr('funnel.statuses')]), h('ul', { className: 'statuses' }, rows)]);
}

function statusRow(ui: Ui, rule: StatusRule, i: number, count: number): HTMLElement {
  const { state } = ui;
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
    h('span', { className: 'status-count' }, [ui.tr('funnel.statusCount', { count })]),
    select,
  ]);
}
