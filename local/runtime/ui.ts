/**
 * The Ui, menus, sidebar and dialogs: recorded so tests and the local web UI can see what the add-on
 * registered and opened.
 */
import type { CallCounter } from './calls.js';
import { counted } from './calls.js';
import type { HtmlOutputImpl } from './html.js';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly menu: MenuRecord };

export interface MenuRecord {
  readonly title: string;
  readonly addon: boolean;
  readonly entries: MenuEntry[];
}

export interface AlertRecord {
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: string | null;
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebar: { readonly title: string; readonly html: string } | null;
  dialogs: { readonly title: string; readonly html: string; readonly modal: boolean }[];
  alerts: AlertRecord[];
  toasts: { readonly message: string; readonly title: string; readonly seconds: number }[];
  /** Authorization prompts ScriptApp.requireAllScopes rendered: the scopes it asked for. */
  authPrompts: { readonly scopes: readonly string[] }[];
  /** What the next alert() returns (tests may set 'NO' / 'CANCEL'); resets to the default after use. */
  nextAlertResponse: string | null;
}

export function newUiRecord(): UiRecord {
  return { menus: [], sidebar: null, dialogs: [], alerts: [], toasts: [], authPrompts: [], nextAlertResponse: null };
}

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });

/** The add-on menu's title: Sheets shows the add-on's name under Extensions. */
export const ADDON_MENU_TITLE = 'FunnelROI';

class MenuImpl {
  constructor(
    private readonly record: MenuRecord,
    private readonly ui: UiRecord,
    private readonly calls: CallCounter,
  ) {}

  addItem(caption: string, functionName: string): MenuImpl {
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$.]*$/u.test(functionName)) throw new Error(`Invalid argument: functionName`);
    this.record.entries.push({ kind: 'item', caption: String(caption), functionName });
    return this;
  }

  addSeparator(): MenuImpl {
    this.record.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: MenuImpl): MenuImpl {
    this.record.entries.push({ kind: 'submenu', menu: menu._record() });
    return this;
  }

  addToUi(): void {
    const i = this.ui.menus.findIndex((m) => m.title === this.record.title && m.addon === this.record.addon);
    if (i >= 0) this.ui.menus[i] = this.record;
    else this.ui.menus.push(this.record);
  }

  _record(): MenuRecord {
    return this.record;
  }
}

export class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ui: UiRecord,
    private readonly calls: CallCounter,
  ) {}

  private menu(title: string, addon: boolean): MenuImpl {
    return counted(new MenuImpl({ title, addon, entries: [] }, this.ui, this.calls), 'Menu', this.calls);
  }

  createAddonMenu(): MenuImpl {
    return this.menu(ADDON_MENU_TITLE, true);
  }

  createMenu(caption: string): MenuImpl {
    return this.menu(String(caption), false);
  }

  showSidebar(output: HtmlOutputImpl): void {
    this.ui.sidebar = { title: output.getTitle(), html: output.getContent() };
  }

  showModalDialog(output: HtmlOutputImpl, title: string): void {
    this.ui.dialogs.push({ title: String(title), html: output.getContent(), modal: true });
  }

  showModelessDialog(output: HtmlOutputImpl, title: string): void {
    this.ui.dialogs.push({ title: String(title), html: output.getContent(), modal: false });
  }

  alert(a: unknown, b?: unknown, c?: unknown): string {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    const record: AlertRecord =
      c !== undefined
        ? { title: String(a), prompt: String(b), buttons: String(c) }
        : b !== undefined
          ? { title: null, prompt: String(a), buttons: String(b) }
          : { title: null, prompt: String(a), buttons: null };
    this.ui.alerts.push(record);
    const response = this.ui.nextAlertResponse;
    this.ui.nextAlertResponse = null;
    if (response) return response;
    return record.buttons === 'YES_NO' || record.buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK;
  }
}
