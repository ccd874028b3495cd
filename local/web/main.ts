/**
 * The local stand-in for the Google Sheets window: sheet tabs, a grid of display values, a formula bar
 * that edits cells (recalculated by the server's formula engine), the add-on menu, and the real built
 * sidebar in a 300 px side panel. Every piece of workbook text is rendered with textContent.
 */
import type { AppState, CellView, RunResponse, SheetView } from './view-types.js';
import { disposeCharts, renderChart } from './chart-render.js';
import { columnLetters } from '../../src/core/a1.js';

const WINDOW_ROWS = 300;
const EXTRA_ROWS = 5;
const EXTRA_COLUMNS = 3;
const DEFAULT_WIDTH = 100;

interface Selection {
  row: number;
  column: number;
}

let state: AppState;
let view: SheetView | null = null;
let selection: Selection = { row: 1, column: 1 };
let windowStart = 1;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    path,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

function a1(sel: Selection): string {
  return `${columnLetters(sel.column)}${sel.row}`;
}

function cellAt(row: number, column: number): CellView | undefined {
  if (!view) return undefined;
  return view.cells[row - view.fromRow]?.[column - 1];
}

function showStatus(text: string, isError = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

async function refreshState(): Promise<void> {
  state = await api<AppState>('/api/state');
  renderMenu();
  renderTabs();
  renderSidebar();
  if (state.toasts.length > 0) showStatus(state.toasts[state.toasts.length - 1]);
  if (state.alerts.length > 0) showStatus(state.alerts[state.alerts.length - 1], true);
}

async function loadSheet(name: string, from = windowStart): Promise<void> {
  view = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&from=${from}&count=${WINDOW_ROWS}`);
  windowStart = view.fromRow;
  renderGrid();
  renderCharts();
  selectCell(selection.row, selection.column);
}

let renderedMenu = '';

function renderMenu(): void {
  // State refreshes after every sidebar call; rebuilding an unchanged menu would close it under the user's pointer.
  const key = JSON.stringify(state.menu);
  if (key === renderedMenu) return;
  renderedMenu = key;
  const menu = byId('addon-menu');
  menu.replaceChildren();
  if (!state.menu) return;
  const button = el(
    'button',
    { type: 'button', id: 'addon-menu-button', 'aria-haspopup': 'true', 'aria-expanded': 'false' },
    `Extensions ▸ ${state.menu.title}`,
  );
  const list = el('ul', { role: 'menu', id: 'addon-menu-list', hidden: '' });
  for (const item of state.menu.items) {
    if (!item.functionName) {
      list.append(el('li', { role: 'separator' }));
      continue;
    }
    const li = el('li', { role: 'none' });
    const b = el('button', { type: 'button', role: 'menuitem', 'data-function': item.functionName }, item.caption);
    b.addEventListener('click', () => {
      list.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      void runMenuItem(item.functionName!, item.caption);
    });
    li.append(b);
    list.append(li);
  }
  button.addEventListener('click', () => {
    list.hidden = !list.hidden;
    button.setAttribute('aria-expanded', String(!list.hidden));
  });
  menu.append(button, list);
}

async function runMenuItem(functionName: string, caption: string): Promise<void> {
  showStatus(`Running “${caption}”…`);
  const result = await api<RunResponse>('/api/menu', { functionName });
  if (!result.ok) showStatus(result.error ?? 'failed', true);
  else showStatus(`“${caption}” done`);
  await refreshState();
  await loadSheet(state.activeSheet, 1);
}

function renderTabs(): void {
  const tabs = byId('tabs');
  tabs.replaceChildren();
  for (const sheet of state.sheets) {
    const tab = el(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': String(sheet.name === state.activeSheet), 'data-sheet': sheet.name },
      sheet.name,
    );
    tab.addEventListener('click', () => void activate(sheet.name));
    tabs.append(tab);
  }
}

async function activate(name: string): Promise<void> {
  await api('/api/active', { name });
  selection = { row: 1, column: 1 };
  await refreshState();
  await loadSheet(name, 1);
}

function renderSidebar(): void {
  const panel = byId('sidebar-panel');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  if (!state.sidebar) {
    panel.hidden = true;
    frame.removeAttribute('src');
    return;
  }
  byId('sidebar-title').textContent = state.sidebar.title;
  if (panel.hidden || !frame.getAttribute('src')) frame.src = `/sidebar?ts=${Date.now()}`;
  panel.hidden = false;
}

function renderGrid(): void {
  const grid = byId<HTMLTableElement>('grid');
  grid.replaceChildren();
  if (!view) return;
  const columns = Math.max(view.columns, 1) + EXTRA_COLUMNS;
  const lastRow = Math.min(view.fromRow + view.cells.length - 1 + EXTRA_ROWS, Math.max(view.rows, 1) + EXTRA_ROWS);
  const colgroup = el('colgroup');
  colgroup.append(el('col', { style: 'width:46px' }));
  let tableWidth = 46;
  for (let c = 1; c <= columns; c++) {
    const width = view.columnWidths[c - 1] ?? DEFAULT_WIDTH;
    tableWidth += width;
    colgroup.append(el('col', { style: `width:${width}px` }));
  }
  // Fixed layout (column widths as the sheet sets them, long text clipped) needs an explicit table width.
  grid.style.width = `${tableWidth}px`;
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', { class: 'corner' }));
  for (let c = 1; c <= columns; c++) headRow.append(el('th', { scope: 'col' }, columnLetters(c)));
  head.append(headRow);
  const body = el('tbody');
  for (let r = view.fromRow; r <= lastRow; r++) {
    const tr = el('tr');
    const rowHead = el('th', { scope: 'row' }, String(r));
    if (r <= view.frozenRows) tr.classList.add('frozen');
    if (r === view.frozenRows) tr.classList.add('frozen-last');
    tr.append(rowHead);
    for (let c = 1; c <= columns; c++) {
      const cell = cellAt(r, c);
      const td = el('td', { 'data-a1': `${columnLetters(c)}${r}` });
      if (cell) {
        styleCell(td, cell);
        const room = overflowWidth(r, c, columns, td.style.textAlign);
        if (room > 0) {
          // Sheets lets unwrapped left-aligned text run on over empty cells to its right.
          td.classList.add('overflow');
          td.append(el('span', { style: `max-width:${room}px` }, cell.text));
        } else {
          td.textContent = cell.text;
        }
      }
      if (c <= view.frozenColumns) td.classList.add('frozen-col');
      td.addEventListener('click', () => selectCell(r, c));
      td.addEventListener('dblclick', () => {
        selectCell(r, c);
        byId<HTMLInputElement>('formula-input').focus();
      });
      tr.append(td);
    }
    body.append(tr);
  }
  grid.append(colgroup, head, body);
  stickFrozenPanes(grid);
  const pager = byId('pager');
  pager.replaceChildren();
  if (view.rows > WINDOW_ROWS) {
    const shown = `${view.fromRow}–${Math.min(view.fromRow + view.cells.length - 1, view.rows)} of ${view.rows} rows`;
    const prev = el('button', { type: 'button' }, '◀ Previous rows');
    prev.disabled = view.fromRow <= 1;
    prev.addEventListener('click', () => void loadSheet(view!.name, Math.max(1, view!.fromRow - WINDOW_ROWS)));
    const next = el('button', { type: 'button' }, 'Next rows ▶');
    next.disabled = view.fromRow + WINDOW_ROWS > view.rows;
    next.addEventListener('click', () => void loadSheet(view!.name, view!.fromRow + WINDOW_ROWS));
    pager.append(prev, el('span', {}, shown), next);
  }
}

/** Width (px) a left-aligned text cell may spill into: itself plus the empty cells right of it; 0 = none. */
function overflowWidth(row: number, column: number, columns: number, align: string): number {
  const cell = cellAt(row, column);
  if (!view || !cell || cell.wrap || cell.text === '' || align !== 'left') return 0;
  let width = view.columnWidths[column - 1] ?? DEFAULT_WIDTH;
  let c = column + 1;
  for (; c <= columns && (cellAt(row, c)?.text ?? '') === ''; c++) width += view.columnWidths[c - 1] ?? DEFAULT_WIDTH;
  return c === column + 1 ? 0 : width - 8;
}

/**
 * Frozen rows and columns stay put while the rest scrolls, as in Sheets: sticky offsets measured after
 * layout (rows can be taller when headers wrap). Charts float under frozen rows, over frozen columns.
 */
function stickFrozenPanes(grid: HTMLTableElement): void {
  if (!view) return;
  const headHeight = grid.tHead?.offsetHeight ?? 0;
  let top = headHeight;
  for (const tr of Array.from(grid.tBodies[0]?.rows ?? [])) {
    if (!tr.classList.contains('frozen')) break;
    for (const cell of Array.from(tr.cells)) {
      cell.style.top = `${top}px`;
      cell.classList.add('frozen-row');
    }
    top += tr.offsetHeight;
  }
  let left = 46;
  for (let c = 1; c <= view.frozenColumns; c++) {
    for (const td of Array.from(grid.querySelectorAll<HTMLElement>(`td[data-a1^="${columnLetters(c)}"]`))) {
      if (td.dataset.a1?.slice(columnLetters(c).length).match(/^\d+$/u)) td.style.left = `${left}px`;
    }
    left += view.columnWidths[c - 1] ?? DEFAULT_WIDTH;
  }
}

function styleCell(td: HTMLTableCellElement, cell: CellView): void {
  if (cell.bold) td.style.fontWeight = '600';
  if (cell.wrap) td.classList.add('wrap');
  if (cell.color) td.style.color = cell.color;
  if (cell.background) td.style.background = cell.background;
  td.style.textAlign = cell.align ?? (cell.formula !== undefined || /^[-−+]?[\d$€£¥₽(]/u.test(cell.text) ? 'right' : 'left');
  if (cell.note) {
    td.classList.add('has-note');
    td.title = cell.note;
  }
  if (cell.error) {
    td.classList.add('has-error');
    td.title = cell.error;
  }
}

/**
 * Charts float over the grid at their anchor cell plus offset, as in Sheets; a chart whose anchor is
 * outside the rows on screen is listed under the grid instead. They sit above ordinary cells and frozen
 * columns and below frozen rows and the sticky headers, so scrolling slides them under the column letters.
 */
function renderCharts(): void {
  const area = byId('charts');
  disposeCharts(document);
  area.replaceChildren();
  const scroller = document.querySelector<HTMLElement>('.grid-scroll');
  scroller?.querySelectorAll('figure.chart.floating').forEach((n) => n.remove());
  for (const chart of view?.charts ?? []) {
    const figure = el('figure', { class: 'chart', 'data-chart-type': chart.type, 'aria-label': chart.title });
    const anchor = document.querySelector<HTMLElement>(`td[data-a1="${columnLetters(chart.column)}${chart.row}"]`);
    if (scroller && anchor) {
      figure.classList.add('floating');
      figure.style.left = `${anchor.offsetLeft + chart.offsetX}px`;
      figure.style.top = `${anchor.offsetTop + chart.offsetY}px`;
      scroller.append(figure);
    } else {
      area.append(figure);
    }
    figure.style.width = `${chart.width}px`;
    figure.style.height = `${chart.height}px`;
    renderChart(figure, chart, view?.localeTag ?? 'en-US');
  }
}

function selectCell(row: number, column: number): void {
  selection = { row, column };
  document.querySelectorAll('td.selected').forEach((n) => n.classList.remove('selected'));
  document.querySelector(`td[data-a1="${a1(selection)}"]`)?.classList.add('selected');
  byId('cell-ref').textContent = a1(selection);
  const cell = cellAt(row, column);
  byId<HTMLInputElement>('formula-input').value = cell?.formula ?? cell?.input ?? '';
  byId('cell-note').textContent = cell?.error ?? cell?.note ?? '';
}

async function commitEdit(): Promise<void> {
  if (!view) return;
  const input = byId<HTMLInputElement>('formula-input').value;
  const target = { ...selection };
  try {
    await api('/api/cell', { sheet: view.name, a1: a1(target), input });
    showStatus(`${a1(target)} updated`);
  } catch (e) {
    showStatus(e instanceof Error ? e.message : String(e), true);
  }
  await loadSheet(view.name);
  selectCell(Math.min(target.row + 1, view.rows + EXTRA_ROWS), target.column);
}

function moveSelection(dr: number, dc: number): void {
  selectCell(Math.max(1, selection.row + dr), Math.max(1, selection.column + dc));
}

/** Sends a file to the server, which parses it (papaparse/exceljs) into new tabs; shows the first. */
async function openFile(file: File): Promise<void> {
  showStatus(`Opening ${file.name}…`);
  const res = await fetch(`/api/import?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  const data = (await res.json()) as { sheets?: string[]; error?: string };
  if (!res.ok || !data.sheets) {
    showStatus(data.error ?? `HTTP ${res.status}`, true);
    return;
  }
  showStatus(`Opened ${file.name} as ${data.sheets.join(', ')}`);
  selection = { row: 1, column: 1 };
  await refreshState();
  await loadSheet(state.activeSheet, 1);
}

function wireFileOpening(): void {
  const input = byId<HTMLInputElement>('open-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void openFile(file);
  });
  const body = document.body;
  body.dataset.dropHint = 'Drop to open as a new sheet';
  body.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    body.classList.add('drop-target');
  });
  body.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) body.classList.remove('drop-target');
  });
  body.addEventListener('drop', (e) => {
    body.classList.remove('drop-target');
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    e.preventDefault();
    void files.reduce((done, f) => done.then(() => openFile(f)), Promise.resolve());
  });
}

async function main(): Promise<void> {
  wireFileOpening();
  const input = byId<HTMLInputElement>('formula-input');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commitEdit();
    } else if (e.key === 'Escape') {
      selectCell(selection.row, selection.column);
      input.blur();
    }
  });
  byId('grid').addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveSelection(move[0], move[1]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      input.focus();
    }
  });
  // The sidebar's server calls may have changed the workbook (a dashboard built, a sheet activated).
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const data = e.data as { type?: unknown } | null;
    if (e.origin !== location.origin || data?.type !== 'funnelroi:changed') return;
    void refreshState().then(() => loadSheet(state.activeSheet));
  });
  byId('sidebar-close').addEventListener('click', () => void api('/api/sidebar/close', {}).then(refreshState));
  await refreshState();
  await loadSheet(state.activeSheet, 1);
  document.body.dataset.ready = 'true';
}

void main().catch((e: unknown) => showStatus(e instanceof Error ? e.message : String(e), true));
