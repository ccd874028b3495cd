/**
 * A tiny DOM builder. User text (headers, samples, statuses, sheet names, server errors) only ever goes
 * through text nodes, `textContent`, `value` or `setAttribute`, never through HTML parsing, so a header
 * like `<img src=x onerror=alert(1)>` is shown literally.
 */

type Handlers = { readonly [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };

export interface Props {
  /** Attributes (aria-*, data-*, for, type, role…); false/null/undefined leave the attribute out. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly className?: string;
  readonly id?: string;
  readonly value?: string;
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly selected?: boolean;
  readonly on?: Handlers;
}

export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.id !== undefined) el.id = props.id;
  if (props.className !== undefined) el.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (props.value !== undefined && 'value' in el) (el as { value: string }).value = props.value;
  if (props.checked !== undefined && el instanceof HTMLInputElement) el.checked = props.checked;
  if (props.disabled !== undefined && 'disabled' in el) (el as { disabled: boolean }).disabled = props.disabled;
  if (props.selected !== undefined && el instanceof HTMLOptionElement) el.selected = props.selected;
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    if (typeof handler === 'function') el.addEventListener(type, handler as EventListener);
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's content with new children. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let nextId = 0;
/** Unique ids for label/aria-describedby wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
