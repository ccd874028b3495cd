/** What every step renderer gets from the controller (main.ts). */
import type { ValidationIssue } from '../src/api/contract.js';
import type { Locale, MessageKey, Params } from '../src/core/i18n/index.js';
import type { ColumnRole } from '../src/core/mapping/types.js';
import type { WizardState } from './model.js';

export interface Ui {
  readonly state: WizardState;
  readonly locale: Locale;
  tr(key: MessageKey, params?: Params): string;
  role(role: ColumnRole): string;
  issue(issue: ValidationIssue): string;
  /** Polite announcement in the status live region. */
  announce(text: string): void;
  /** Assertive error in the alert region; server Errors show their message. */
  showError(error: unknown): void;
  /** Runs a server call with the busy state (spinner, aria-busy, controls disabled). */
  busy<T>(message: string, task: () => Promise<T>): Promise<T | undefined>;
  /** The mapping changed: revalidate (debounced) and forget that it was saved. */
  mappingChanged(): void;
  rerender(): void;
  detectSource(sheetName: string): Promise<void>;
  detectCosts(sheetName: string | null): Promise<void>;
  /** Reads the NPS survey sheet (null: no survey) and proposes its customer-ID, score and date columns. */
  detectSurvey(sheetName: string | null): Promise<void>;
  /** Step 1: a sheet or a BigQuery table (the first switch to BigQuery lists the Connected Sheets data sources). */
  chooseSourceKind(kind: 'sheet' | 'bigquery'): void;
  /** Reads a BigQuery table (project.dataset.table) as the source; `billing` '' = the table's project. */
  detectWarehouse(table: string, billing: string): Promise<void>;
  detectWarehouseCosts(table: string | null): Promise<void>;
  /** Where live validation results go on the current step (null: nowhere); onChange gets the must-fix ones. */
  setIssuesBox(box: HTMLElement | null, onChange?: (blocking: readonly ValidationIssue[]) => void): void;
  /** Must-fix issues of the current mapping (local checks and the server's last validation). */
  blockingIssues(): ValidationIssue[];
  /** Issues the server just returned for the current mapping (e.g. from saveMapping): shown as final. */
  setIssues(issues: readonly ValidationIssue[]): void;
}
