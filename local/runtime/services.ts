/**
 * The Apps Script globals the add-on uses, bound to one in-memory document: SpreadsheetApp,
 * PropertiesService, LockService, Session, HtmlService, Charts, Utilities.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { counted } from './calls.js';
import type { Document } from './document.js';
import type { SpreadsheetImpl } from './spreadsheet.js';
import type { SheetImpl } from './sheet.js';
import type { ConditionalFormatRuleBuilderImpl } from './conditional-format-api.js';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developer-metadata.js';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType } from './charts.js';
import { UiImpl, Button, ButtonSet } from './ui.js';
import { HtmlServiceImpl } from './html.js';
import { PropertiesImpl, PropertyStore } from './properties.js';
import { LockImpl, type LockState } from './lock.js';
import { formatDate } from './utilities.js';
import { SheetsAdvancedImpl } from './sheets-api.js';
import { ScriptAppImpl as TriggerScriptAppImpl } from './script-app.js';
import { TextStyleBuilderImpl } from './text-style.js';

class SpreadsheetAppImpl {
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly BorderStyle = Object.freeze({
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    DOUBLE: 'DOUBLE',
  });
  readonly WrapStrategy = Object.freeze({ WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' });
  readonly ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

  constructor(private readonly doc: Document) {}

  /** In a time-driven execution: the trigger's document, or null when the test says there is none. */
  getActiveSpreadsheet(): SpreadsheetImpl | null {
    return this.doc.execution === 'clock' && !this.doc.clockSeesDocument ? null : this.doc.handles.spreadsheet();
  }
  getActive(): SpreadsheetImpl | null {
    return this.getActiveSpreadsheet();
  }
  /**
   * Needs the full `spreadsheets` scope, even for the add-on's own file: Apps Script's refusal names only
   * that scope ("You do not have permission to call SpreadsheetApp.openById. Required permissions:
   * https://www.googleapis.com/auth/spreadsheets", see README, "Stays current").
   */
  openById(id: string): SpreadsheetImpl {
    this.doc.requireScope('SpreadsheetApp.openById', 'spreadsheets');
    if (id === this.doc.options.id) return this.doc.handles.spreadsheet();
    const created = this.doc.created.find((d) => d.options.id === id);
    if (!created) throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return created.handles.spreadsheet();
  }
  getActiveSheet(): SheetImpl {
    return this.doc.handles.spreadsheet().getActiveSheet();
  }
  /** Needs the full `spreadsheets` scope in Apps Script (see README, "Scopes"). */
  create(name: string): SpreadsheetImpl {
    this.doc.requireScope('SpreadsheetApp.create', 'spreadsheets');
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Invalid argument: name');
    return this.doc.createSpreadsheet(name.slice(0, 255)).handles.spreadsheet();
  }
  getUi(): UiImpl {
    if (this.doc.execution === 'clock') throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    return counted(new UiImpl(this.doc.ui, this.doc.calls), 'Ui', this.doc.calls);
  }
  /** Writes are applied at once here; flush only marks the point where Apps Script would send them. */
  flush(): void {}
  /**
   * Connected Sheets: data source objects need this call first and the bigquery.readonly scope
   * (https://developers.google.com/apps-script/guides/sheets/connected-sheets).
   */
  enableBigQueryExecution(): void {
    this.doc.requireScope('SpreadsheetApp.enableBigQueryExecution', 'bigquery.readonly');
    this.doc.bigQueryExecution = true;
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderImpl {
    return this.doc.handles.ruleBuilder();
  }
  newTextStyle(): TextStyleBuilderImpl {
    const calls = this.doc.calls;
    const builder = new TextStyleBuilderImpl();
    const build = builder.build.bind(builder);
    // What build() hands out is counted too, so a call outside the implemented subset fails clearly.
    builder.build = () => counted(build(), 'TextStyle', calls);
    return counted(builder, 'TextStyleBuilder', calls);
  }
}

class PropertiesServiceImpl {
  constructor(private readonly doc: Document) {}

  private store(kind: 'document' | 'user' | 'script'): PropertiesImpl {
    let store = this.doc.properties.get(kind);
    if (!store) {
      store = new PropertyStore();
      this.doc.properties.set(kind, store);
    }
    return counted(new PropertiesImpl(store), 'Properties', this.doc.calls);
  }
  /** null without an open document (a time-driven execution), as Apps Script documents. */
  getDocumentProperties(): PropertiesImpl | null {
    return this.doc.execution === 'clock' ? null : this.store('document');
  }
  getUserProperties(): PropertiesImpl {
    return this.store('user');
  }
  getScriptProperties(): PropertiesImpl {
    return this.store('script');
  }
}

export function lockState(doc: Document, kind: 'document' | 'script' | 'user'): LockState {
  let state = doc.locks.get(kind);
  if (!state) {
    state = { holder: null };
    doc.locks.set(kind, state);
  }
  return state;
}

class LockServiceImpl {
  constructor(private readonly doc: Document) {}

  /** `Lock|null`: null when there is no containing document (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()). */
  getDocumentLock(): LockImpl | null {
    if (!this.doc.documentLockAvailable || this.doc.execution === 'clock') return null;
    return counted(new LockImpl(lockState(this.doc, 'document')), 'Lock', this.doc.calls);
  }
  getUserLock(): LockImpl {
    return counted(new LockImpl(lockState(this.doc, 'user')), 'Lock', this.doc.calls);
  }
  getScriptLock(): LockImpl {
    return counted(new LockImpl(lockState(this.doc, 'script')), 'Lock', this.doc.calls);
  }
}

const AuthMode = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });

/** The scopes appsscript.json asks for; a granular-consent test unticks some of them (workbook.denyScopes). */
export const MANIFEST_SCOPES: readonly string[] = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../appsscript.json', import.meta.url)), 'utf8')) as { oauthScopes: string[] }
).oauthScopes;

/** Thrown where Apps Script ends the execution to show its authorization prompt. */
export class AuthorizationRequired extends Error {
  constructor(readonly scopes: readonly string[]) {
    super('Authorization is required to perform that action.');
    this.name = 'AuthorizationRequired';
  }
}

/**
 * ScriptApp.requireAllScopes: with granular consent a user may grant only some of the manifest's scopes;
 * the call ends the execution and renders an authorization prompt for the missing ones
 * (https://developers.google.com/apps-script/reference/script/script-app#requireAllScopes(AuthMode),
 * https://developers.google.com/apps-script/concepts/scopes, "granular OAuth consent").
 */
/** ScriptApp: authorization checks here, the installable-trigger subset in script-app.ts. */
class ScriptAppImpl extends TriggerScriptAppImpl {
  readonly AuthMode = AuthMode;

  requireAllScopes(authMode: unknown): void {
    if (
      authMode !== AuthMode.FULL &&
      authMode !== AuthMode.LIMITED &&
      authMode !== AuthMode.NONE &&
      authMode !== AuthMode.CUSTOM_FUNCTION
    ) {
      throw new Error('Invalid argument: authMode');
    }
    const missing = MANIFEST_SCOPES.filter((s) => this.doc.ungrantedScopes.has(s));
    if (missing.length === 0) return;
    this.doc.ui.authPrompts.push({ scopes: missing });
    throw new AuthorizationRequired(missing);
  }

  /**
   * ScriptApp.requireScopes: the same prompt, for the listed scopes only
   * (https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)).
   * A scope the manifest does not declare cannot be granted at all, so asking for one is a script error.
   */
  requireScopes(authMode: unknown, scopes: unknown): void {
    if (
      authMode !== AuthMode.FULL &&
      authMode !== AuthMode.LIMITED &&
      authMode !== AuthMode.NONE &&
      authMode !== AuthMode.CUSTOM_FUNCTION
    ) {
      throw new Error('Invalid argument: authMode');
    }
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string' || !MANIFEST_SCOPES.includes(s))) {
      throw new Error('Invalid argument: oAuthScopes');
    }
    const missing = (scopes as string[]).filter((s) => this.doc.ungrantedScopes.has(s));
    if (missing.length === 0) return;
    this.doc.ui.authPrompts.push({ scopes: missing });
    throw new AuthorizationRequired(missing);
  }
}

class SessionImpl {
  constructor(private readonly doc: Document) {}

  getActiveUserLocale(): string {
    return this.doc.options.userLocale;
  }
  getScriptTimeZone(): string {
    return this.doc.options.scriptTimeZone;
  }
}

class UtilitiesImpl {
  constructor(private readonly doc: Document) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  /** No real waiting in a single-threaded local run. */
  sleep(): void {}
  getUuid(): string {
    return `00000000-0000-4000-8000-${String(this.doc.newId()).padStart(12, '0')}`;
  }
}

export interface RuntimeServices {
  readonly SpreadsheetApp: SpreadsheetAppImpl;
  readonly PropertiesService: PropertiesServiceImpl;
  readonly LockService: LockServiceImpl;
  readonly Session: SessionImpl;
  readonly HtmlService: HtmlServiceImpl;
  readonly Charts: {
    readonly ChartType: typeof ChartType;
    readonly ChartMergeStrategy: typeof ChartMergeStrategy;
    readonly ChartHiddenDimensionStrategy: typeof ChartHiddenDimensionStrategy;
  };
  readonly Utilities: UtilitiesImpl;
  readonly ScriptApp: ScriptAppImpl;
  readonly Sheets: SheetsAdvancedImpl;
  /** The BigQuery advanced service, when a test or the local server connected one (workbook.connectBigQuery). */
  readonly BigQuery: object | undefined;
}

export function createServices(doc: Document): RuntimeServices {
  const c = <T extends object>(target: T, name: string): T => counted(target, name, doc.calls);
  return {
    SpreadsheetApp: c(new SpreadsheetAppImpl(doc), 'SpreadsheetApp'),
    PropertiesService: c(new PropertiesServiceImpl(doc), 'PropertiesService'),
    LockService: c(new LockServiceImpl(doc), 'LockService'),
    Session: c(new SessionImpl(doc), 'Session'),
    HtmlService: c(new HtmlServiceImpl(doc.options.htmlDir, doc.calls), 'HtmlService'),
    Charts: Object.freeze({ ChartType, ChartMergeStrategy, ChartHiddenDimensionStrategy }),
    Utilities: c(new UtilitiesImpl(doc), 'Utilities'),
    ScriptApp: c(new ScriptAppImpl(doc), 'ScriptApp'),
    Sheets: c(new SheetsAdvancedImpl(doc), 'Sheets'),
    // A getter: connectBigQuery may run after the services were made (but before loadBundle copies them).
    get BigQuery() {
      return doc.bigQuery; // the fake logs its own calls (FakeBigQuery.log)
    },
  };
}

export { Button, ButtonSet };
