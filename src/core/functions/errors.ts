/**
 * The errors a custom function shows in its cell. Each is a catalogue code (`fn_*` in i18n/en.ts) with
 * params, so the text is chosen in the spreadsheet's language when the error leaves the function (`run`
 * in define.ts); every template starts with the function's name and names the parameter, and `{where}`
 * is the cell of the range at fault, worded in the same language.
 */
import type { enIssues, IssueCode } from '../i18n/en.js';
import { issueText, t } from '../i18n/index.js';
import type { Params, TemplateParams } from '../i18n/format.js';
import type { Locale } from '../types.js';

export type FunctionCode = Extract<IssueCode, `fn_${string}`>;

/** The params a code needs besides the function's name and the cell, which the runner adds. */
export type FunctionParams<C extends FunctionCode> = Readonly<
  Record<Exclude<TemplateParams<(typeof enIssues)[C]>, 'fn' | 'where'>, string | number>
>;

/** A cell inside a range argument, 1-based; `columns` is the range's width (one column: only the row is named). */
export interface CellAt {
  readonly row: number;
  readonly column: number;
  readonly columns: number;
}

function whereText(locale: Locale, at: CellAt | null): string {
  if (!at) return '';
  return at.columns > 1 ? t(locale, 'fn.where.cell', { row: at.row, column: at.column }) : t(locale, 'fn.where.row', { row: at.row });
}

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionCode,
    /** The code's params, `fn` included. */
    readonly params: Params,
    readonly at: CellAt | null = null,
  ) {
    super('');
    this.name = 'FunctionError';
    this.message = this.textIn('en');
  }

  /** The cell's error text in `locale`. */
  textIn(locale: Locale): string {
    return issueText(locale, { code: this.code, params: { ...this.params, where: whereText(locale, this.at) } });
  }
}

/** The error a user sees on `#ERROR!` for function `fn`. */
export function functionError<C extends FunctionCode>(
  fn: string,
  code: C,
  params: FunctionParams<C>,
  at: CellAt | null = null,
): FunctionError {
  return new FunctionError(code, { ...params, fn }, at);
}
